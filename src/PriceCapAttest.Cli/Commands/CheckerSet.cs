using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// The checkers of an offline run, one per format. JSON files keep the default reader limits (a JSON document is
/// read whole); CSV is read row by row, so a local CSV of any size and row count is checked, streaming.
/// </summary>
public sealed class CheckerSet(CapSchedule schedule, TimeProvider clock)
{
    public static readonly ReaderLimits CsvLimits = ReaderLimits.Default with
    {
        MaxBytes = long.MaxValue,
        MaxAttestationsPerFile = int.MaxValue,
    };

    private readonly AttestationChecker _json = new(schedule, CheckOptions.Default, clock);
    private readonly AttestationChecker _csv = new(schedule, CheckOptions.Default with { Limits = CsvLimits }, clock);

    public CapSchedule Schedule => schedule;

    public AttestationChecker For(DocumentFormat format) => format == DocumentFormat.Csv ? _csv : _json;
}
