namespace PriceCapAttest.Benchmarks.Reporting;

/// <summary>Order statistics of measured samples (nearest-rank percentiles).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> samples, double percentile)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);
}
