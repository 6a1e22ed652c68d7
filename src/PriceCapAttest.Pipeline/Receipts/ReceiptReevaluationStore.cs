using System.Globalization;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Receipts;

/// <summary>
/// The re-evaluations of the attestations a document recorded, for its receipt: one ReceiptEvaluations row per new
/// evaluation re-screening recorded (PK = the document's path, RK = attestation id | version | evaluation), so the
/// receipts route reads them with one partition query. The receipt itself stays the ingest-time snapshot.
/// </summary>
public sealed class ReceiptReevaluationStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.ReceiptEvaluations);

    /// <summary>Notes that <paramref name="version"/> (as re-evaluated) changed as <paramref name="change"/> says; idempotent.</summary>
    public async Task RecordAsync(AttestationVersion version, RescreenChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(change);
        if (Partition(version.BlobPath) is not { } partition)
        {
            return;
        }

        var evaluation = version.Evaluation;
        var row = KeyEncoder.Join(version.AttestationId,
            version.Version.ToString("D6", CultureInfo.InvariantCulture), evaluation.Number.ToString("D4", CultureInfo.InvariantCulture));
        var entity = new TableEntity(partition, row)
        {
            ["AttestationId"] = version.AttestationId,
            ["Version"] = version.Version,
            ["Evaluation"] = evaluation.Number,
            ["From"] = change.From.ToString(),
            ["To"] = change.To.ToString(),
            ["Cause"] = evaluation.Cause,
            ["EvaluatedAt"] = evaluation.EvaluatedAt,
        };
        VersionEntityMapper.SetIfNotNull(entity, "FromScheduleVersion", change.FromScheduleVersion);
        VersionEntityMapper.SetIfNotNull(entity, "ScheduleVersion", change.ToScheduleVersion);
        VersionEntityMapper.SetIfNotNull(entity, "RescreenRunId", evaluation.RescreenRunId);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The re-evaluations of the attestations of the document at <paramref name="blobPath"/>, by attestation, version and evaluation.</summary>
    public async Task<IReadOnlyList<ReceiptReevaluation>> ListAsync(string blobPath, CancellationToken cancellationToken)
    {
        if (Partition(blobPath) is not { } partition)
        {
            return [];
        }

        var list = new List<ReceiptReevaluation>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                           cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ReceiptReevaluation(
                entity.GetString("AttestationId"), entity.GetInt32("Version") ?? 0, entity.GetInt32("Evaluation") ?? 0,
                Enum.Parse<Verdict>(entity.GetString("From")), Enum.Parse<Verdict>(entity.GetString("To")),
                entity.GetString("FromScheduleVersion"), entity.GetString("ScheduleVersion"), entity.GetString("Cause"),
                entity.GetString("RescreenRunId"), entity.GetDateTimeOffset("EvaluatedAt")));
        }

        return list;
    }

    private static string? Partition(string blobPath) =>
        DocumentPath.TryParse(blobPath) is { } path ? KeyEncoder.Encode(path.BlobPath) : null;
}
