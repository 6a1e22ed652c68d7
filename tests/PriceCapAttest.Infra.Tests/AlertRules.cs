using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// Azure Monitor log search alerts on the pipeline's OpenTelemetry metrics (customMetrics in Application Insights),
/// sent to the action group given as alertActionGroupId; none at all without one.
/// </summary>
public class AlertRules
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    /// <summary>Rule name, the metric its query reads and the tag filter it must apply (empty: none).</summary>
    private static readonly (string Name, string Metric, string Filter)[] Expected =
    [
        ("alert-pricecap-alert-deliveries-failed", "pricecap.alerts.deliveries", "tostring(customDimensions.outcome) == \"failed\""),
        ("alert-pricecap-poison-messages", "pricecap.alerts.poison", string.Empty),
        ("alert-pricecap-ingest-failures", "pricecap.ingest.failures", string.Empty),
    ];

    public static TheoryData<string, string, string> Rules()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, metric, filter) in Expected)
        {
            data.Add(name, metric, filter);
        }

        return data;
    }

    public static TheoryData<string> RuleNames() => new(Expected.Select(rule => rule.Name));

    private static DeployedResource Rule(string name) =>
        Assert.Single(Template.OfType(AzureTypes.ScheduledQueryRule), rule => rule.LeafName == name);

    private static IDictionary<string, object?> Criterion(DeployedResource rule) =>
        Assert.IsType<Dictionary<string, object?>>(Assert.Single(Assert.IsType<List<object?>>(rule.Get("properties.criteria.allOf"))), exactMatch: false);

    [Fact]
    public void Exactly_the_three_rules_are_deployed()
    {
        var names = Template.OfType(AzureTypes.ScheduledQueryRule).Select(rule => rule.LeafName).Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Select(rule => rule.Name).Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_queries_its_metric_in_custom_metrics(string name, string metric, string filter)
    {
        var query = Assert.IsType<string>(Criterion(Rule(name))["query"]);

        Assert.StartsWith("customMetrics\n", query, StringComparison.Ordinal);
        Assert.Contains($"| where name == \"{metric}\"\n", query, StringComparison.Ordinal);
        Assert.Contains(filter, query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Rule_fires_on_any_occurrence_and_notifies_the_action_group_parameter(string name)
    {
        var rule = Rule(name);
        var criterion = Criterion(rule);

        Assert.Equal([CompiledTemplate.ActionGroupId], Assert.IsType<List<object?>>(rule.Get("properties.actions.actionGroups")));
        Assert.Equal("LogAlert", rule.Get("kind"));
        Assert.Equal(true, rule.Get("properties.enabled"));
        Assert.Equal("GreaterThan", criterion["operator"]);
        Assert.Equal(0L, criterion["threshold"]);
        Assert.Equal("Total", criterion["timeAggregation"]);
        Assert.Equal("valueSum", criterion["metricMeasureColumn"]);
        Assert.Equal("PT15M", rule.Get("properties.windowSize"));
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Rule_watches_the_application_insights_component(string name)
    {
        var scope = Assert.Single(Assert.IsType<List<object?>>(Rule(name).Get("properties.scopes")));

        Assert.Contains($"/providers/{AzureTypes.AppInsights}/appi-pricecap-", TemplateScope.Render(scope), StringComparison.Ordinal);
    }

    [Fact]
    public void Poison_rule_alerts_per_queue()
    {
        var dimension = Assert.IsType<Dictionary<string, object?>>(
            Assert.Single(Assert.IsType<List<object?>>(Criterion(Rule("alert-pricecap-poison-messages"))["dimensions"])), exactMatch: false);

        Assert.Equal("queue", dimension["name"]);
        Assert.Equal("Include", dimension["operator"]);
    }

    [Fact]
    public void Without_an_action_group_no_rule_is_deployed()
    {
        var resources = Template.ResourcesWith("alertActionGroupId", string.Empty);

        Assert.DoesNotContain(resources, resource => resource.Type == AzureTypes.ScheduledQueryRule);
        Assert.Contains(resources, resource => resource.Type == AzureTypes.AppInsights);
    }

    [Fact]
    public void Action_group_parameter_defaults_to_empty()
    {
        var declaration = Template.Document.RootElement.GetProperty("parameters").GetProperty("alertActionGroupId");

        Assert.Equal(string.Empty, declaration.GetProperty("defaultValue").GetString());
    }
}
