using System.Globalization;
using Azure.Storage.Blobs;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Benchmarks.Reporting;
using PriceCapAttest.Benchmarks.Storage;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Benchmarks.WebConsole;

/// <summary>
/// The web console's first render, a measured harness: Azurite and the local host (its console at /console/), one CSV of
/// attestations of one vessel uploaded to <c>attestations/console-bench/</c> and ingested by the host, then Debian's
/// headless Chromium opens each page, signed in as the operator by <c>#key=</c>. A load is timed from the document's
/// navigation start to the page rendered with its data (<c>performance.now()</c> in the page, see
/// <see cref="ConsolePage.RenderedScript"/>). Cold: a new browser context per load; warm: reloads in one context. Floor:
/// the sign-in page without a key (the console shell alone, no API call).
/// </summary>
public static class ConsoleSection
{
    public const string Shipper = "console-bench";
    public const double TargetMilliseconds = 1000;

    /// <summary>Percentiles of one page and kind of load, in milliseconds; transferred: median bytes of the console's files.</summary>
    public sealed record Timing(string Page, string Kind, double P50, double P95, long Transferred);

    public sealed record Figures(IReadOnlyList<Timing> Timings, long BundleTransferred, long BundleBody, int BundleFiles)
    {
        public Timing Floor(string kind) => Timings.First(t => t.Kind == kind && t.Page == "sign-in (floor)");

        /// <summary>The slowest page at cold p95 (the acceptance figure).</summary>
        public Timing WorstCold => Timings.Where(t => t.Kind == "cold").MaxBy(t => t.P95)!;

        public IEnumerable<Timing> Warm => Timings.Where(t => t.Kind == "warm");
    }

    public static async Task<Figures> RunAsync(HarnessOptions options, MarkdownReport report)
    {
        await using var azurite = await AzuriteProcess.RunAsync().ConfigureAwait(false);
        var dll = options.ProgramPath("src/PriceCapAttest.LocalHost", "PriceCapAttest.LocalHost");
        await using var host = await BenchLocalHost.StartAsync(dll, azurite.ConnectionString).ConfigureAwait(false);
        var imo = SampleDocuments.Imo(0);
        var stored = await StoreAsync(options, azurite.ConnectionString, host).ConfigureAwait(false);
        var id = SampleDocuments.AttestationId(0);
        ConsolePage[] pages =
        [
            new("sign-in (floor)", "", SignedIn: false, "Sign in"),
            new("home", "", SignedIn: true, "Welcome"),
            new("vessel", $"vessels/{imo}", SignedIn: true, $"Vessel {imo}", "[data-attestation]", Math.Min(50, stored)),
            new("attestation", $"attestations/{Shipper}/{id}", SignedIn: true, $"Attestation {id}", "section[data-regime]"),
        ];

        await using var browser = await ConsoleBrowser.StartAsync(host.BaseAddress, BenchLocalHost.ApiKey).ConfigureAwait(false);
        var cold = pages.ToDictionary(p => p, _ => new List<PageLoad>());
        var warm = pages.ToDictionary(p => p, _ => new List<PageLoad>());
        Console.WriteLine($"[console] Chromium {browser.Version}: a warm-up load of each page, then {options.ConsoleLoads} cold and warm loads of each");
        foreach (var page in pages)
        {
            await browser.ColdAsync(page).ConfigureAwait(false); // the host's and browser's first requests, not measured
        }

        var tabs = new List<WarmTab>();
        try
        {
            foreach (var page in pages)
            {
                tabs.Add(await browser.OpenWarmAsync(page).ConfigureAwait(false));
            }

            var random = new Random(20260310);
            for (var i = 0; i < options.ConsoleLoads; i++)
            {
                // A different order each round, so drifts of the machine spread over every page and kind.
                foreach (var (page, isCold) in pages.SelectMany(p => new[] { (p, true), (p, false) }).OrderBy(_ => random.Next()))
                {
                    var load = isCold ? await browser.ColdAsync(page).ConfigureAwait(false) : await tabs[Array.IndexOf(pages, page)].ReloadAsync().ConfigureAwait(false);
                    (isCold ? cold : warm)[page].Add(load);
                }
            }
        }
        finally
        {
            foreach (var tab in tabs)
            {
                await tab.DisposeAsync().ConfigureAwait(false);
            }
        }

        browser.ThrowIfLeftTheMachine();
        var timings = pages.SelectMany(p => new[] { Summarise(p, "cold", cold[p]), Summarise(p, "warm", warm[p]) }).ToList();
        // The bundle: every console file seen on cold loads of any page, each counted once (its largest transfer).
        var bundle = cold.Values.SelectMany(loads => loads).SelectMany(l => l.Files).GroupBy(f => f.Name)
            .Select(g => new ConsoleFile(g.Key, g.Max(f => f.Transferred), g.Max(f => f.Body))).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var figures = new Figures(timings, bundle.Sum(f => f.Transferred), bundle.Sum(f => f.Body), bundle.Count);
        Report(options, report, browser.Version, stored, pages, figures, bundle);
        return figures;
    }

    private static Timing Summarise(ConsolePage page, string kind, List<PageLoad> loads) =>
        new(page.Name, kind, Stats.Percentile([.. loads.Select(l => l.Milliseconds)], 50), Stats.Percentile([.. loads.Select(l => l.Milliseconds)], 95),
            (long)Stats.Median([.. loads.Select(l => (double)l.Transferred)]));

    /// <summary>One CSV of attestations of one vessel, uploaded as the shipper would, ingested by the host; returns how many it recorded.</summary>
    private static async Task<int> StoreAsync(HarnessOptions options, string connectionString, BenchLocalHost host)
    {
        var name = "vessel-attestations.csv";
        var csv = Path.Combine(options.WorkDirectory, name);
        SampleDocuments.WriteCsv(csv, options.ConsoleVesselAttestations, vessels: 1);
        var blob = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{Shipper}/{name}");
        await blob.UploadAsync(csv, overwrite: true).ConfigureAwait(false);
        using var api = host.CreateClient();
        var (status, attestations) = await BulkSection.WaitForReceiptAsync(api, $"api/receipts/{StorageNames.Containers.Attestations}/{Shipper}/{name}",
            TimeSpan.FromMinutes(3)).ConfigureAwait(false);
        Console.WriteLine($"[console] receipt: {status}, {attestations} attestations");
        return attestations == options.ConsoleVesselAttestations
            ? attestations
            : throw new InvalidOperationException($"The receipt of {name} lists {attestations} attestations ({status}), not {options.ConsoleVesselAttestations}.");
    }

    private static void Report(HarnessOptions options, MarkdownReport report, string chromium, int stored, IReadOnlyList<ConsolePage> pages, Figures figures,
        IReadOnlyList<ConsoleFile> bundle)
    {
        report.Section("Console first render (local host, headless Chromium)",
            $"Azurite (in memory) and the local host (`PriceCapAttest.LocalHost.dll`, Release, the console bundle at `/console/`) as child processes; " +
            $"{stored} attestations of vessel {SampleDocuments.Imo(0)} uploaded as one CSV to `attestations/{Shipper}/` and ingested by the host " +
            $"(receipt awaited). Debian's Chromium {chromium} (`/usr/bin/chromium`, headless, driven by Playwright for .NET) opens each page at " +
            "1280 x 900, signed in as the operator by the key in the fragment (`#key=`). A load is timed from the document's navigation start to " +
            "the page rendered with its data: its `h1` shown with the page's title, no `[data-testid=loading]` left, and the data there (the " +
            "vessel page's 50 rows `[data-attestation]` of the first page, the attestation page's regime cards); the time is `performance.now()` " +
            "read in the page when that is first true (polled every animation frame). **Cold**: a new browser context per load (empty HTTP " +
            "cache, no session: the key comes through `#key=`, so the load includes `GET /api/me`). **Warm**: reloads in one context per page " +
            "(the hashed files from the HTTP cache, the key from `sessionStorage`). **Floor**: the sign-in page without a key, the console shell " +
            "alone (`index.html`, script, styles, `config.json`, no API call). One warm-up load of each page first, then " +
            $"{options.ConsoleLoads} rounds of every page and kind in random order, one load at a time. Nothing left 127.0.0.1 (every request " +
            "of every context was recorded; the browser's proxy for other addresses does not exist).");
        var floorCold = figures.Floor("cold").P50;
        var floorWarm = figures.Floor("warm").P50;
        report.Table(["Page", "path", "kind", "p50", "p95", "p50 ratio to floor", "console files transferred (median)"],
            pages.SelectMany(p => figures.Timings.Where(t => t.Page == p.Name).Select(t => (IReadOnlyList<string>)
            [
                p.Name, $"`/console/{p.Path}`" + (p.SignedIn ? "" : " (no key)"), t.Kind, Ms(t.P50), Ms(t.P95),
                p.Name == "sign-in (floor)" ? "1.00x (floor)" : MarkdownReport.Ratio(t.P50 / (t.Kind == "cold" ? floorCold : floorWarm)),
                Bytes(t.Transferred),
            ])));
        report.Note($"The bundle as a cold load transfers it ({figures.BundleFiles} files of the console, each once, largest transfer seen on any page): " +
                    $"{Bytes(figures.BundleTransferred)} on the wire, {Bytes(figures.BundleBody)} of bodies.");
        report.Table(["File", "transferred", "body"], bundle.Select(f => (IReadOnlyList<string>)[$"`{f.Name}`", Bytes(f.Transferred), Bytes(f.Body)]));
    }

    public static string Ms(double value) => MarkdownReport.Number(value, "N0") + " ms";

    public static string Bytes(long value) => value >= 10_240
        ? (value / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KiB"
        : value.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
