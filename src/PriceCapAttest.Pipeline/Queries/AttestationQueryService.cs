using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>
/// The read side of the HTTP API. Every query is a point read or a single-partition range query. Bad input throws
/// <see cref="InvalidQueryException"/> (400); something not found answers null (404).
/// </summary>
public sealed class AttestationQueryService(
    TableServiceClient tables,
    AttestationRecordStore records,
    EvaluationStore evaluations,
    ReceiptStore receipts,
    ReceiptReevaluationStore receiptNotes,
    IAlertStatusReader alertStatus)
{
    private readonly TableClient _vessels = tables.GetTableClient(StorageNames.Tables.VesselIndex);
    private readonly TableClient _violations = tables.GetTableClient(StorageNames.Tables.Violations);

    /// <summary>The current version of an attestation, or version <paramref name="version"/>; null when unknown.</summary>
    public async Task<AttestationAnswer?> GetAttestationAsync(string shipperId, string attestationId, int? version, CancellationToken cancellationToken)
    {
        QueryInput.Id(shipperId, "shipperId");
        QueryInput.Id(attestationId, "attestationId");
        QueryInput.Version(version);
        if (version is null)
        {
            // The current row is a copy of the current version with the version count: one point read, and the
            // alerts only for a version that can have any (most are compliant first versions).
            if (await records.GetCurrentAsync(shipperId, attestationId, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return null;
            }

            var alertsRead = current.Version.CanHaveAlerts
                ? alertStatus.GetAsync(shipperId, attestationId, cancellationToken)
                : Task.FromResult<IReadOnlyList<AlertDelivery>>([]);
            var historyRead = HistoryAsync(current.Version, cancellationToken);
            await Task.WhenAll(alertsRead, historyRead).ConfigureAwait(false);
            return Answer(current.Version, current, await alertsRead.ConfigureAwait(false), await historyRead.ConfigureAwait(false));
        }

        // A given version: it, the current row and the alerts are read together.
        var deliveriesRead = alertStatus.GetAsync(shipperId, attestationId, cancellationToken);
        var requestedRead = records.GetVersionAsync(shipperId, attestationId, version.Value, cancellationToken);
        var currentRead = records.GetCurrentAsync(shipperId, attestationId, cancellationToken);
        await Task.WhenAll(currentRead, deliveriesRead, requestedRead).ConfigureAwait(false);
        return await currentRead.ConfigureAwait(false) is { } pointer && await requestedRead.ConfigureAwait(false) is { } stored
            ? Answer(stored, pointer, await deliveriesRead.ConfigureAwait(false), await HistoryAsync(stored, cancellationToken).ConfigureAwait(false))
            : null;
    }

    /// <summary>The evaluations of the version that re-screening replaced (none to read for a first evaluation).</summary>
    private async Task<IReadOnlyList<PastEvaluationAnswer>> HistoryAsync(AttestationVersion version, CancellationToken cancellationToken)
    {
        if (version.Evaluation.Number <= 1)
        {
            return [];
        }

        var history = await evaluations.GetHistoryAsync(version.ShipperId, version.AttestationId, cancellationToken).ConfigureAwait(false);
        return [.. history.Where(h => h.Version == version.Version).Select(h => new PastEvaluationAnswer(
            h.Evaluation.Number, h.Evaluation.Cause, h.Evaluation.EvaluatedAt, h.Evaluation.RescreenRunId, h.Result.ScheduleVersion,
            h.Result.Verdict, h.Result.Reasons, h.Result.Regimes, h.Result.Flags, h.ReplacedAt))];
    }

    private static AttestationAnswer Answer(
        AttestationVersion stored, CurrentVersion current, IReadOnlyList<AlertDelivery> deliveries, IReadOnlyList<PastEvaluationAnswer> history)
    {
        var result = stored.Result;
        var evaluation = stored.Evaluation;
        return new AttestationAnswer(
            result.Source, result.Index, result.AttestationId, result.Verdict, result.Reasons, result.Regimes, result.Flags,
            result.Errors, result.ScheduleVersion, stored.ShipperId, stored.Version, current.Versions, current.Version.Version,
            stored.ReceivedAt, stored.BlobPath, stored.Sha256,
            [.. deliveries.Where(d => d.Version == stored.Version)],
            new EvaluationAnswer(evaluation.Number, evaluation.Cause, evaluation.EvaluatedAt, evaluation.RescreenRunId),
            history,
            stored.Facts.Imo);
    }

    /// <summary>
    /// The current attestations of a vessel by loading date, <paramref name="from"/> and <paramref name="to"/>
    /// inclusive (ISO dates, both optional), oldest first, one page.
    /// </summary>
    public async Task<PagedAnswer<VesselAttestation>> ListVesselAttestationsAsync(
        string imo, string? from, string? to, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        var partition = QueryInput.Imo(imo);
        var (start, end) = QueryInput.DateRange(from, to);
        var size = QueryInput.PageSize(pageSize);
        var token = QueryInput.DecodeToken(partition, continuationToken);
        var (lower, upper) = RecordKeys.DateRange(start, end);
        // Live: tombstones left where an amendment moved an attestation away are not listed.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper} and Live eq {true}");
        return await TablePages.ReadAsync(_vessels, filter, partition, token, size, ToVesselAttestation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The violations of a regime by loading date (both inclusive, optional), one page.</summary>
    public async Task<PagedAnswer<ViolationAnswer>> ListViolationsAsync(
        string regime, string? from, string? to, string? continuationToken, CancellationToken cancellationToken, int? pageSize = null)
    {
        var partition = QueryInput.Regime(regime);
        var (start, end) = QueryInput.DateRange(from, to);
        var size = QueryInput.PageSize(pageSize);
        var token = QueryInput.DecodeToken(partition, continuationToken);
        var (lower, upper) = RecordKeys.DateRange(start, end);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}");
        return await TablePages.ReadAsync(_violations, filter, partition, token, size, ToViolation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The receipt of <c>attestations/{shipperId}/{name}</c> (the container prefix is optional) as written at ingest,
    /// with the later re-evaluations of the attestations it recorded; null when none yet.
    /// </summary>
    public async Task<Receipt?> GetReceiptAsync(string blobPath, CancellationToken cancellationToken)
    {
        var path = DocumentPath.TryParse(blobPath)
            ?? throw new InvalidQueryException("blobPath", $"'{blobPath}' is not a document path: expected attestations/{{shipperId}}/{{name}}.");
        var notes = receiptNotes.ListAsync(path.BlobPath, cancellationToken);
        var receipt = await receipts.GetAsync(path.ShipperId, path.Name, cancellationToken).ConfigureAwait(false);
        var reevaluations = await notes.ConfigureAwait(false);
        return receipt is null ? null : receipt with { Reevaluations = reevaluations };
    }

    private static VesselAttestation ToVesselAttestation(TableEntity e) => new(
        e.GetString("Imo") ?? e.PartitionKey,
        ParseDate(e.GetString("LoadingDate")),
        e.GetString("ShipperId"),
        e.GetString("AttestationId"),
        e.GetInt32("Version") ?? 0,
        e.GetInt32("Versions") ?? 0,
        Enum.Parse<Verdict>(e.GetString("Verdict")),
        [.. (e.GetString("RegimeVerdicts") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => new RegimeVerdict(p[0], Enum.Parse<Verdict>(p[1])))],
        JsonList(e.GetString("Flags")),
        e.GetString("VesselName"),
        e.GetString("ScheduleVersion"),
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        e.GetString("BlobPath"));

    private static ViolationAnswer ToViolation(TableEntity e) => new(
        e.GetString("Regime") ?? e.PartitionKey,
        ParseDate(e.GetString("LoadingDate")),
        e.GetString("ShipperId"),
        e.GetString("AttestationId"),
        e.GetInt32("Version") ?? 0,
        e.GetString("Imo"),
        e.GetString("VesselName"),
        ScaledMoney.Read(e, "CapUsdPerBbl"),
        ScaledMoney.Read(e, "PriceUsdPerBbl"),
        e.GetString("RuleId"),
        JsonList(e.GetString("Reasons")),
        e.GetString("ScheduleVersion"),
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        e.GetString("BlobPath"),
        e.GetString("Sha256"));

    private static DateOnly ParseDate(string? text) => DateOnly.ParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> JsonList(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<string[]>(json, ResultJson.Compact) ?? [];
}
