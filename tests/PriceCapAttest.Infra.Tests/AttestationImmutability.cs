namespace PriceCapAttest.Infra.Tests;

/// <summary>Raw attestations cannot be altered or deleted during the retention period (OFAC record keeping).</summary>
public class AttestationImmutability
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    [Fact]
    public void Attestations_container_has_a_time_based_immutability_policy()
    {
        var policy = Assert.Single(Template.OfType(AzureTypes.ImmutabilityPolicy));

        Assert.Equal($"{StorageNamesFile.Load().Containers["attestations"]}/default", string.Join('/', policy.Name.Split('/')[^2..]));
        Assert.False(policy.IsConditional, "the policy must not depend on a condition");
        Assert.Equal(false, policy.Get("properties.allowProtectedAppendWrites"));
        Assert.Equal(false, policy.Get("properties.allowProtectedAppendWritesAll"));
    }

    [Fact]
    public void Retention_defaults_to_3650_days_and_reaches_the_policy()
    {
        var policy = Assert.Single(Template.OfType(AzureTypes.ImmutabilityPolicy));

        Assert.Equal(3650L, Template.Main.Parameter("attestationRetentionDays"));
        Assert.Equal(3650L, policy.Get("properties.immutabilityPeriodSinceCreationInDays"));
    }

    [Fact]
    public void Parameters_file_keeps_the_10_year_retention()
    {
        using var parameters = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")));
        var retention = parameters.RootElement.GetProperty("parameters").GetProperty("attestationRetentionDays").GetProperty("value");

        Assert.Equal(3650, retention.GetInt32());
    }
}
