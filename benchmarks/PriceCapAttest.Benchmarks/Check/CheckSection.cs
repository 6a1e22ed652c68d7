using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Benchmarks.Reporting;

namespace PriceCapAttest.Benchmarks.Check;

/// <summary>
/// Runs <see cref="CheckVsRead"/> with BenchmarkDotNet (in-process toolchain, Release) and writes its section.
/// Full: 5 warm-up and 15 measured iterations; smoke: <see cref="Job.Dry"/> (one invocation, figures meaningless).
/// </summary>
public static class CheckSection
{
    public static (double Single, double Batch) Run(HarnessOptions options, MarkdownReport report)
    {
        var job = options.Smoke
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithId(options.Smoke ? "Dry" : "InProcess"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(options.WorkDirectory, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);

        var summary = BenchmarkRunner.Run<CheckVsRead>(config);
        var rows = new List<IReadOnlyList<string>>();
        var ratios = new Dictionary<int, double>();
        foreach (var group in summary.Reports.GroupBy(r => (int)r.BenchmarkCase.Parameters["Documents"]).OrderBy(g => g.Key))
        {
            double floor = double.NaN;
            foreach (var r in group.OrderByDescending(r => r.BenchmarkCase.Descriptor.Baseline))
            {
                var medianNs = r.ResultStatistics?.Median ?? double.NaN;
                var allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0;
                if (r.BenchmarkCase.Descriptor.Baseline)
                {
                    floor = medianNs;
                }
                else
                {
                    ratios[group.Key] = medianNs / floor;
                }

                rows.Add(
                [
                    group.Key == 1 ? "1 document" : $"batch of {group.Key:N0}",
                    r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                    MarkdownReport.Number(medianNs / 1000.0 / group.Key, "N2"),
                    MarkdownReport.Number(group.Key / (medianNs / 1e9), "N0"),
                    MarkdownReport.Number((double)allocated / group.Key, "N0"),
                    r.BenchmarkCase.Descriptor.Baseline ? "1.00x (floor)" : MarkdownReport.Ratio(medianNs / floor),
                ]);
            }
        }

        report.Section("Check vs read (BenchmarkDotNet)",
            "In-process BenchmarkDotNet (" + (options.Smoke ? "Job.Dry" : "InProcessEmitToolchain, 5 warm-up + 15 iterations, median") +
            ", MemoryDiagnoser). Floor: `JsonSerializer.Deserialize<AttestationDocument>` (web defaults: camelCase) of the same UTF-8 " +
            "bytes; measured: `AttestationChecker.Check(Stream, DocumentFormat.Json, source)` (read, validate, evaluate against the " +
            "embedded cap schedule). Document: a typical Urals cargo sold CIF with freight, insurance and a port lump sum " +
            $"({SampleDocuments.JsonBytes(SampleDocuments.AttestationId(1), SampleDocuments.Imo(1)).Length:N0} bytes); the batch has one violation in ten.");
        report.Table(["File", "Method", "µs / document (median)", "documents / s", "bytes allocated / document", "ratio to floor"], rows);
        return (ratios.GetValueOrDefault(1, double.NaN), ratios.GetValueOrDefault(1000, double.NaN));
    }
}
