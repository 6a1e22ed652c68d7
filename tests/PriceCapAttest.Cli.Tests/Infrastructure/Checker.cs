using System.Text;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>The Domain checker with the default schedule, at a fixed "now" (2026-11-28 12:00 UTC) unless the real clock is asked for.</summary>
public static class Checker
{
    private static readonly AttestationChecker Fixed =
        new(CapScheduleLoader.LoadDefault(), CheckOptions.Default, new FakeTimeProvider(InProcessCli.Today));

    private static readonly AttestationChecker RealClock =
        new(CapScheduleLoader.LoadDefault(), CheckOptions.Default, TimeProvider.System);

    public static IReadOnlyList<CheckResult> CheckJson(string json) => Check(json, DocumentFormat.Json);

    public static IReadOnlyList<CheckResult> Check(string content, DocumentFormat format)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return [.. Fixed.Check(stream, format, "test")];
    }

    /// <summary>A sample file checked as the CLI does it, with the real clock.</summary>
    public static IReadOnlyList<CheckResult> CheckFile(string path, string source, string? schedulePath = null)
    {
        var checker = schedulePath is null
            ? RealClock
            : new AttestationChecker(CapScheduleLoader.Load(File.ReadAllText(schedulePath)), CheckOptions.Default, TimeProvider.System);
        using var stream = File.OpenRead(path);
        return [.. checker.Check(stream, DocumentFormats.FromFileName(path)!.Value, source)];
    }
}
