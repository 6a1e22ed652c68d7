using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Benchmarks.Reporting;

namespace PriceCapAttest.Benchmarks.Csv;

/// <summary>
/// CSV streaming: generated CSVs checked by <c>pricecap check --format json FILE</c> as a child process (stdout
/// counted and discarded) against the floor (<see cref="CsvFloor"/>, also a child process). Each is run several
/// times, alternating, after one warm-up run of each that also brings the file into the page cache; the report
/// gives the median wall time as rows/s and the largest peak resident set seen.
/// </summary>
public static class CsvSection
{
    public sealed record SizeFigures(int Rows, double CheckRowsPerSecond, double FloorRowsPerSecond, long CheckPeakBytes, long FloorPeakBytes);

    public static async Task<IReadOnlyList<SizeFigures>> RunAsync(HarnessOptions options, MarkdownReport report)
    {
        var cli = options.ProgramPath("src/PriceCapAttest.Cli", "pricecap");
        var self = typeof(CsvSection).Assembly.Location;
        var figures = new List<SizeFigures>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var count in options.CsvRows)
        {
            var path = Path.Combine(options.WorkDirectory, $"attestations-{count}.csv");
            var bytes = SampleDocuments.WriteCsv(path, count);
            // Each run is a new process (nothing to warm up in-process); one floor run first brings the file into the page cache.
            var runs = options.Smoke || count >= 1_000_000 ? 1 : 3;
            Console.WriteLine($"[csv] {count:N0} rows ({bytes / 1048576.0:N1} MiB): page cache warm-up");
            await FloorAsync(self, path).ConfigureAwait(false);

            var check = new List<MeasuredProcess.Result>();
            var floor = new List<MeasuredProcess.Result>();
            for (var run = 0; run < runs; run++)
            {
                check.Add(await CheckAsync(cli, path).ConfigureAwait(false));
                floor.Add(await FloorAsync(self, path).ConfigureAwait(false));
                Console.WriteLine($"[csv] {count:N0} rows run {run + 1}: check {check[^1].Elapsed.TotalSeconds:N2} s, " +
                                  $"{check[^1].PeakWorkingSetBytes / 1048576.0:N1} MiB; floor {floor[^1].Elapsed.TotalSeconds:N2} s, {floor[^1].PeakWorkingSetBytes / 1048576.0:N1} MiB");
            }

            var size = new SizeFigures(
                count,
                count / Stats.Median([.. check.Select(r => r.Elapsed.TotalSeconds)]),
                count / Stats.Median([.. floor.Select(r => r.Elapsed.TotalSeconds)]),
                check.Max(r => r.PeakWorkingSetBytes),
                floor.Max(r => r.PeakWorkingSetBytes));
            figures.Add(size);
            var label = $"{count:N0} rows ({bytes / 1048576.0:N1} MiB)";
            rows.Add([label, "Sylvan.Data.Csv, every cell (floor)", MarkdownReport.Number(size.FloorRowsPerSecond), MiB(size.FloorPeakBytes), "1.00x (floor)"]);
            rows.Add([label, "`pricecap check --format json`", MarkdownReport.Number(size.CheckRowsPerSecond), MiB(size.CheckPeakBytes),
                MarkdownReport.Ratio(size.FloorRowsPerSecond / size.CheckRowsPerSecond) + " the floor's time"]);
        }

        report.Section("CSV streaming (child processes)",
            "Both sides run as child processes of the harness on the same generated file (38 columns, a quoted cell per row, one " +
            "violation in ten), so both pay process start-up and JIT: `dotnet pricecap.dll check --format json FILE` (stdout read " +
            "and counted by the harness) and the floor, `dotnet PriceCapAttest.Benchmarks.dll --csv-floor FILE` (Sylvan.Data.Csv " +
            $"reading every cell as a span). One floor run first (page cache), then alternating runs ({(options.Smoke ? "1" : "3 at 100,000 rows, 1 at 1,000,000")} " +
            "each); rows/s from the median wall time, " +
            "peak working set = the largest VmHWM (/proc/<pid>/status, polled every 10 ms) over the runs.");
        report.Table(["File", "Reader", "rows / s (median)", "peak working set", "time vs floor"], rows);
        if (figures.Count == 2)
        {
            report.Note($"Peak working set of the check at {figures[1].Rows:N0} rows is {MarkdownReport.Ratio((double)figures[1].CheckPeakBytes / figures[0].CheckPeakBytes)} " +
                        $"the peak at {figures[0].Rows:N0} rows.");
        }

        return figures;
    }

    public static string MiB(long bytes) => MarkdownReport.Number(bytes / 1048576.0, "N1") + " MiB";

    private static async Task<MeasuredProcess.Result> CheckAsync(string cli, string path)
    {
        var result = await MeasuredProcess.RunDotnetAsync(cli, ["check", "--format", "json", path]).ConfigureAwait(false);
        // Exit code 2 is expected: one attestation in ten breaks the cap.
        if (result.ExitCode is not (0 or 2) || result.StdoutBytes == 0)
        {
            throw new InvalidOperationException($"pricecap check failed with exit code {result.ExitCode}: {result.Stderr}");
        }

        return result;
    }

    private static async Task<MeasuredProcess.Result> FloorAsync(string self, string path)
    {
        var result = await MeasuredProcess.RunDotnetAsync(self, ["--csv-floor", path]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"The CSV floor failed with exit code {result.ExitCode}: {result.Stderr}");
        }

        return result;
    }
}
