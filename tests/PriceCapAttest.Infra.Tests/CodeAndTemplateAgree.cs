using System.Reflection;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Options;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The code's side of "no drift": the names the pipeline uses (StorageNames) are those of infra/storage-names.json,
/// which the template creates, and every configuration key the template sets is one an options class binds.
/// </summary>
public class CodeAndTemplateAgree
{
    private static readonly StorageNamesFile Names = StorageNamesFile.Load();

    private static SortedSet<string> Constants(Type holder) => new(
        holder.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!),
        StringComparer.Ordinal);

    [Fact]
    public void Container_names_in_code_are_those_of_the_template() =>
        Assert.Equal(new SortedSet<string>(Names.Containers.Values, StringComparer.Ordinal), Constants(typeof(StorageNames.Containers)));

    [Fact]
    public void Queue_names_in_code_are_those_of_the_template() =>
        Assert.Equal(new SortedSet<string>(Names.Queues.Values, StringComparer.Ordinal), Constants(typeof(StorageNames.Queues)));

    [Fact]
    public void Table_names_in_code_are_those_of_the_template() =>
        Assert.Equal(new SortedSet<string>(Names.Tables.Values, StringComparer.Ordinal), Constants(typeof(StorageNames.Tables)));

    [Fact]
    public void Blob_names_in_code_are_those_of_the_template() =>
        Assert.Equal(new SortedSet<string>(Names.Blobs.Values, StringComparer.Ordinal), Constants(typeof(StorageNames.Blobs)));

    public static TheoryData<string> PipelineSettings() => new(
        AppSettingsTemplate.FixedNames.Where(name => name.Contains("__", StringComparison.Ordinal) && !name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(PipelineSettings))]
    public void Every_pipeline_setting_of_the_template_binds_to_an_options_property(string setting)
    {
        var options = new Dictionary<string, Type>(StringComparer.Ordinal)
        {
            [AlertOptions.SectionName] = typeof(AlertOptions),
            [IngestOptions.Section] = typeof(IngestOptions),
            [ScheduleOptions.Section] = typeof(ScheduleOptions),
            [CheckThresholdOptions.Section] = typeof(CheckThresholdOptions),
        };
        var parts = setting.Split("__");

        Assert.True(options.TryGetValue(parts[0], out var type), $"no options class binds section '{parts[0]}' of {setting}");
        Assert.NotNull(type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void Regulator_routes_bind_to_the_alert_routes() =>
        Assert.NotNull(typeof(AlertOptions).GetProperty("Routes"));
}
