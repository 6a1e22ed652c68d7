using System.Diagnostics;
using System.Reflection;

namespace PriceCapAttest.Benchmarks.Tests;

/// <summary>
/// The benchmark harness run once with tiny sizes (<c>--smoke</c>), as CI runs it: it starts its own Azurite and
/// local host, finishes, and writes a report with every section. No timing is asserted: the machines are shared
/// and noisy; the ratios are read from the report of a full run.
/// </summary>
public sealed class HarnessSmokeRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Writes_A_Report_With_Every_Section()
    {
        var root = PriceCapAttest.Testing.RepositoryRoot.Path;
        var configuration = typeof(HarnessSmokeRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var harness = Path.Combine(root, "benchmarks", "PriceCapAttest.Benchmarks", "bin", configuration, "net10.0", "PriceCapAttest.Benchmarks.dll");
        Assert.True(File.Exists(harness), $"{harness} is missing: the test project builds it first.");
        var report = Path.Combine(Path.GetTempPath(), $"pricecap-bench-smoke-{Guid.NewGuid():N}.md");

        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { harness, "--smoke", "--out", report })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The smoke run took longer than {Limit}.{Environment.NewLine}{Tail(await stdout)}");
        }

        try
        {
            Assert.True(process.ExitCode == 0, $"The harness exited with {process.ExitCode}:{Environment.NewLine}{Tail(await stdout)}{Environment.NewLine}{await stderr}");
            var text = await File.ReadAllTextAsync(report);
            foreach (var section in new[]
                     {
                         "## Machine", "## Acceptance", "## Check vs read", "## CSV streaming", "## Ingest vs raw storage",
                         "## Ingest through the local host's blob trigger", "## Bulk CSV: one large upload to its receipt", "## Query vs point read",
                         "## Re-screen of stored attestations after a schedule correction",
                         "## Console first render (local host, headless Chromium)",
                     })
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }

            Assert.Contains("AttestationChecker.Check", text, StringComparison.Ordinal);
            Assert.Contains("ratio to raw", text, StringComparison.Ordinal);
            Assert.Contains("by vessel", text, StringComparison.Ordinal);
            Assert.Contains("Re-screen of 200 stored attestations <= 60 s", text, StringComparison.Ordinal);
            Assert.Contains("Console first render with data (cold, p95) < 1 s", text, StringComparison.Ordinal);
            // Every page measured cold and warm (a figure, not n/a), and the bundle's files listed.
            foreach (var page in new[] { "sign-in (floor)", "home", "vessel", "attestation" })
            {
                Assert.Matches(@"\| " + System.Text.RegularExpressions.Regex.Escape(page) + @" \| [^|]+ \| cold \| [\d,]+ ms \|", text);
                Assert.Matches(@"\| " + System.Text.RegularExpressions.Regex.Escape(page) + @" \| [^|]+ \| warm \| [\d,]+ ms \|", text);
            }

            Assert.Matches(@"\| `app-[A-Z0-9]+\.js` \|", text);
            // Three sides, each with its emulator CPU per document read from /proc (Linux, as CI): a figure, not n/a.
            foreach (var side in new[] { "raw: download + 1 entity", "`AttestationIngestService` direct", "design minimum: download + 1 transaction + receipt blob" })
            {
                Assert.Matches(@"\| " + System.Text.RegularExpressions.Regex.Escape(side) + @"[^|]* \| [\d,]+ \| [\d, ]+ \| [\d.]+ \| [\d.,]+ ms \|", text);
            }
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
