using PriceCapAttest.Benchmarks.Check;
using PriceCapAttest.Benchmarks.Csv;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Benchmarks.Reporting;
using PriceCapAttest.Benchmarks.Rescreen;
using PriceCapAttest.Benchmarks.Storage;
using PriceCapAttest.Benchmarks.WebConsole;

// ./bench.sh runs this program in Release. `--csv-floor FILE` is the CSV floor run as a child process by the harness.
if (args is ["--csv-floor", var csvPath])
{
    return CsvFloor.Run(csvPath);
}

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var report = new MarkdownReport();
var acceptance = new List<(string, string)>();
var machine = MachineInfo.Describe().Append(("Note", "shared machine: other builds and tests may have run at the same time")).ToList();
Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);

// Written after every section, so an interrupted run keeps what it measured.
async Task SaveAsync() => await File.WriteAllTextAsync(options.OutputPath, report.Render(options.CommandLine, options.Smoke, machine, acceptance));
try
{
    if (options.Sections.Contains("check"))
    {
        var (single, batch) = CheckSection.Run(options, report);
        acceptance.Add(("Full check <= 3x STJ deserialisation per document",
            $"{MarkdownReport.Ratio(single)} (1 document), {MarkdownReport.Ratio(batch)} (batch of 1,000): {Verdict(single <= 3 && batch <= 3)}"));
        await SaveAsync();
    }

    if (options.Sections.Contains("csv"))
    {
        var sizes = await CsvSection.RunAsync(options, report);
        var small = sizes[0];
        var large = sizes[^1];
        var growth = (double)large.CheckPeakBytes / small.CheckPeakBytes;
        acceptance.Add(($"{large.Rows:N0}-row CSV: peak working set < 256 MB",
            $"{CsvSection.MiB(large.CheckPeakBytes)}: {Verdict(large.CheckPeakBytes < 256L * 1024 * 1024)}"));
        acceptance.Add(($"{large.Rows:N0}-row peak <= 1.5x the {small.Rows:N0}-row peak",
            $"{MarkdownReport.Ratio(growth)}: {Verdict(growth <= 1.5)}"));
        acceptance.Add(("CSV rows/s: check vs Sylvan floor (reported, no target)",
            string.Join("; ", sizes.Select(s => $"{s.Rows:N0} rows: {MarkdownReport.Number(s.CheckRowsPerSecond)} vs {MarkdownReport.Number(s.FloorRowsPerSecond)} rows/s"))));
        await SaveAsync();
    }

    if (options.Sections.Contains("ingest"))
    {
        var (service, raw, ceiling) = await IngestSection.RunDirectAsync(options, report);
        acceptance.Add(("Ingest service >= 0.5x raw storage baseline",
            $"{MarkdownReport.Number(service)} vs {MarkdownReport.Number(raw)} docs/s = {MarkdownReport.Ratio(service / raw)}: {Verdict(service / raw >= 0.5)} " +
            $"(design minimum, the ceiling on this storage: {MarkdownReport.Ratio(ceiling)})"));
        await SaveAsync();
    }

    if (options.Sections.Contains("trigger"))
    {
        var trigger = await IngestSection.RunTriggerAsync(options, report);
        var missed = trigger.PacedMissed + trigger.BurstMissed;
        acceptance.Add(("Blob trigger (reported, no target)",
            $"{MarkdownReport.Number(trigger.BurstDocsPerSecond, "N1")} docs/s burst; paced p50 {MarkdownReport.Number(trigger.PacedP50)} ms, p95 {MarkdownReport.Number(trigger.PacedP95)} ms" +
            (missed > 0 ? $"; **{missed} document(s) never triggered**" : "")));
        await SaveAsync();
    }

    if (options.Sections.Contains("bulk"))
    {
        var bulk = await BulkSection.RunAsync(options, report);
        acceptance.Add(($"{bulk.Rows:N0}-row CSV upload to receipt <= {BulkSection.TargetSeconds:N0} s",
            $"{MarkdownReport.Number(bulk.Seconds, "N1")} s ({MarkdownReport.Number(bulk.AttestationsPerSecond, "N1")} attestations/s, " +
            $"{MarkdownReport.Number(bulk.RequestsPerAttestation, "N1")} requests/attestation): {Verdict(bulk.Seconds <= BulkSection.TargetSeconds)}"));
        acceptance.Add(("No second ingest of the bulk upload by the missed-upload sweep",
            $"{bulk.SweepStarts} started by the sweep, {bulk.SweepLeftAlone} sweep(s) left it alone, {bulk.Timed.CompletedIngests} + {bulk.Counted.CompletedIngests} completed ingest(s) in the two runs: {Verdict(!bulk.SecondIngest)}"));
        await SaveAsync();
    }

    if (options.Sections.Contains("query"))
    {
        var query = await QuerySection.RunAsync(options, report);
        var byId = query.ByIdApiP50 / query.ByIdRawP50;
        var byVessel = query.ByVesselApiP50 / query.ByVesselRawP50;
        acceptance.Add(("API p50 by id <= 2x raw point read", $"{MarkdownReport.Ratio(byId)}: {Verdict(byId <= 2)}"));
        acceptance.Add(("API p50 by vessel <= 2x raw partition query", $"{MarkdownReport.Ratio(byVessel)}: {Verdict(byVessel <= 2)}"));
        acceptance.Add(("No API route performs a table scan", "checked by the test QueriesStayInOnePartition (Pipeline tests)"));
        await SaveAsync();
    }

    if (options.Sections.Contains("rescreen"))
    {
        var rescreen = await RescreenSection.RunAsync(options, report);
        acceptance.Add(($"Re-screen of {rescreen.Attestations:N0} stored attestations <= {RescreenSection.TargetSeconds:N0} s",
            $"{MarkdownReport.Number(rescreen.Seconds, "N1")} s ({rescreen.Examined:N0} examined, {rescreen.Changed:N0} changed, " +
            $"{MarkdownReport.Number(rescreen.AttestationsPerSecond, "N1")} attestations/s, {MarkdownReport.Number(rescreen.RequestsPerAttestation, "N1")} requests/attestation): " +
            Verdict(rescreen.Seconds <= RescreenSection.TargetSeconds && rescreen.Examined == rescreen.Attestations)));
        await SaveAsync();
    }

    if (options.Sections.Contains("console"))
    {
        var console = await ConsoleSection.RunAsync(options, report);
        var worst = console.WorstCold;
        acceptance.Add(("Console first render with data (cold, p95) < 1 s",
            $"{ConsoleSection.Ms(worst.P95)} (worst page: {worst.Page}; its p50 {MarkdownReport.Ratio(worst.P50 / console.Floor("cold").P50)} the floor's " +
            $"{ConsoleSection.Ms(console.Floor("cold").P50)}): {Verdict(worst.P95 < ConsoleSection.TargetMilliseconds)}"));
        acceptance.Add(("Console warm loads and bundle (reported)",
            "warm p95 " + string.Join(", ", console.Warm.Select(t => $"{t.Page} {ConsoleSection.Ms(t.P95)}")) +
            $"; bundle {ConsoleSection.Bytes(console.BundleTransferred)} transferred on a cold load ({console.BundleFiles} files, {ConsoleSection.Bytes(console.BundleBody)} of bodies)"));
        await SaveAsync();
    }
}
finally
{
    try
    {
        Directory.Delete(options.WorkDirectory, recursive: true);
    }
    catch (IOException)
    {
    }
}

await SaveAsync();
Console.WriteLine($"Report written to {options.OutputPath}");
return 0;

static string Verdict(bool met) => met ? "met" : "**not met**";
