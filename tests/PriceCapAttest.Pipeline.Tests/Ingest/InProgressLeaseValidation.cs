using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.Pipeline.Options;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

/// <summary><c>Ingest:InProgressLease</c> is checked at start-up, as the pipeline's other options are.</summary>
public sealed class InProgressLeaseValidation
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:30")]
    public void A_Zero_Or_Negative_Lease_Is_Refused_At_Start_Up(string lease)
    {
        using var provider = Pipeline(lease);
        var refusal = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Ingest:InProgressLease", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Default_Lease_Is_Two_Minutes_And_Any_Positive_Lease_Is_Accepted()
    {
        using var unset = Pipeline(null);
        unset.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromMinutes(2), unset.GetRequiredService<IOptions<IngestOptions>>().Value.InProgressLease);

        using var set = Pipeline("00:00:30");
        set.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromSeconds(30), set.GetRequiredService<IOptions<IngestOptions>>().Value.InProgressLease);
    }

    private static ServiceProvider Pipeline(string? lease)
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };
        if (lease is not null)
        {
            settings["Ingest:InProgressLease"] = lease;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPriceCapPipeline(configuration).BuildServiceProvider();
    }
}
