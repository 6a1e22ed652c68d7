using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.Tests.Telemetry;

/// <summary>
/// An OpenTelemetry meter provider with the in-memory exporter, taking the <c>PriceCapAttest</c> meter of one
/// container only (its <see cref="IMeterFactory"/>), so tests running in parallel do not add to each other's counts.
/// </summary>
internal sealed class ExportedMetrics : IDisposable
{
    private readonly List<MetricSnapshot> _exported = [];
    private readonly MeterProvider _provider;

    public ExportedMetrics(IMeterFactory meterFactory)
    {
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(TelemetryNames.Source)
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, meterFactory) ? null : MetricStreamConfiguration.Drop)
            .AddInMemoryExporter(_exported)
            .Build();
    }

    /// <summary>Exports now and answers the sum of each point of counter <paramref name="name"/>, keyed by its tags.</summary>
    public IReadOnlyDictionary<string, long> Sums(string name) =>
        Latest(name).ToDictionary(point => TagsOf(point), point => point.GetSumLong(), StringComparer.Ordinal);

    /// <summary>Exports now and answers how many values histogram <paramref name="name"/> holds, keyed by tags.</summary>
    public IReadOnlyDictionary<string, long> HistogramCounts(string name) =>
        Latest(name).ToDictionary(point => TagsOf(point), point => point.GetHistogramCount(), StringComparer.Ordinal);

    public void Dispose() => _provider.Dispose();

    /// <summary>The points of the last export (cumulative: they hold every measurement so far).</summary>
    private List<MetricPoint> Latest(string name)
    {
        _exported.Clear();
        Assert.True(_provider.ForceFlush(5000), "the metrics were not exported");
        var snapshot = _exported.LastOrDefault(m => m.Name == name);
        return snapshot is null ? [] : [.. snapshot.MetricPoints];
    }

    /// <summary>"key=value,key=value" in key order.</summary>
    private static string TagsOf(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (var tag in point.Tags)
            tags.Add($"{tag.Key}={tag.Value}");
        tags.Sort(StringComparer.Ordinal);
        return string.Join(',', tags);
    }
}
