using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// Later evaluations of stored versions (re-screening for a new cap schedule). One entity group transaction in the
/// attestation's partition keeps the replaced evaluation as a history row (insert-only: a second writer of the same
/// replacement fails), writes the new evaluation into the version row and the current row, conditional on the
/// current row's ETag: an ingest or another re-screen meanwhile makes it fail, and the caller looks again.
/// </summary>
public sealed class EvaluationStore(TableServiceClient tables)
{
    private readonly TableClient _attestations = tables.GetTableClient(StorageNames.Tables.Attestations);
    private readonly ViolationIndex _violations = new(tables.GetTableClient(StorageNames.Tables.Violations));
    private readonly VesselIndexWriter _vesselIndex = new(tables.GetTableClient(StorageNames.Tables.VesselIndex));

    /// <summary>The current version with its version count and the current row's ETag; null for an unknown attestation.</summary>
    public async Task<CurrentEntry?> GetCurrentEntryAsync(string shipperId, string attestationId, CancellationToken cancellationToken)
    {
        var partition = RecordKeys.Attestation(shipperId, attestationId);
        var entity = await _attestations.GetOrNullAsync<TableEntity>(partition, RecordKeys.CurrentRow(partition), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new CurrentEntry(VersionEntityMapper.FromEntity(entity), entity.GetInt32("Versions") ?? 0, entity.ETag);
    }

    /// <summary>
    /// Records <paramref name="result"/> as evaluation <paramref name="evaluation"/> of the current version and keeps
    /// the one it replaces in the history. Null when the current row changed since it was read (nothing written).
    /// </summary>
    public async Task<AttestationVersion?> ReplaceAsync(
        CurrentEntry current, CheckResult result, VersionEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var old = current.Version;
        var replacement = old with
        {
            Result = result,
            Evaluation = evaluation,
            PriorViolations = old.ViolatedRegimes,
            AlertsPublishedAt = null,
            AlertsPublishedEvaluation = null,
        };
        var versionRow = VersionEntityMapper.ToEntity(replacement);
        var transaction = new EntityGroupTransaction()
            .Add(TableTransactionActionType.Add, HistoryEntity(old, evaluation))
            .Add(TableTransactionActionType.UpdateReplace, versionRow, ETag.All)
            .Add(TableTransactionActionType.UpdateReplace, VersionEntityMapper.ToCurrentEntity(versionRow, current.Versions), current.ETag);
        try
        {
            await transaction.SubmitAsync(_attestations, cancellationToken).ConfigureAwait(false);
            return replacement;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Brings the indexes in line with a re-screened current version (idempotent): its Violations rows follow the new
    /// evaluation (added, replaced, or removed for a regime no longer violated) and its VesselIndex row shows it.
    /// </summary>
    public Task ProjectAsync(AttestationVersion version, int versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return ProjectManyAsync([new ProjectedEvaluation(version, versions)], cancellationToken);
    }

    /// <summary>
    /// <see cref="ProjectAsync"/> for a page of re-screened versions: the Violations writes as transactions per regime,
    /// the VesselIndex rows read and replaced on their ETags as transactions per IMO (a later version's row stays).
    /// </summary>
    public async Task ProjectManyAsync(IReadOnlyList<ProjectedEvaluation> evaluations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        await _violations.WriteAsync(evaluations.Select(e => e.Version), cancellationToken).ConfigureAwait(false);
        var rows = evaluations
            .Where(e => AttestationRecordStore.VesselKey(e.Version) is not null)
            .Select(e => new VesselRow(AttestationRecordStore.VesselEntity(e.Version, AttestationRecordStore.VesselKey(e.Version)!.Value, e.Versions),
                e.Version.Version, e.Version.Evaluation.Number))
            .ToList();
        await _vesselIndex.WriteManyAsync(rows, rowsExist: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The evaluations re-screening replaced, of every version of the attestation, oldest first (one partition query).</summary>
    public async Task<IReadOnlyList<PastEvaluation>> GetHistoryAsync(string shipperId, string attestationId, CancellationToken cancellationToken)
    {
        var partition = RecordKeys.Attestation(shipperId, attestationId);
        var lower = RecordKeys.HistoryRowPrefix;
        var upper = ((char)(RecordKeys.HistoryRowPrefix[0] + 1)).ToString();
        var history = new List<PastEvaluation>();
        await foreach (var entity in _attestations.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}"),
                           cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            history.Add(FromHistory(entity));
        }

        return [.. history.OrderBy(h => h.Version).ThenBy(h => h.Evaluation.Number)];
    }

    private static TableEntity HistoryEntity(AttestationVersion old, VersionEvaluation replacedBy)
    {
        var partition = RecordKeys.Attestation(old.ShipperId, old.AttestationId);
        var entity = new TableEntity(partition, RecordKeys.HistoryRow(partition, old.Version, old.Evaluation.Number))
        {
            ["Version"] = old.Version,
            ["Evaluation"] = old.Evaluation.Number,
            ["EvaluationCause"] = old.Evaluation.Cause,
            ["EvaluatedAt"] = old.Evaluation.EvaluatedAt ?? old.ReceivedAt,
            ["Verdict"] = old.Result.Verdict.ToString(),
            ["ReplacedAt"] = replacedBy.EvaluatedAt,
            ["ReplacedByEvaluation"] = replacedBy.Number,
        };
        VersionEntityMapper.SetIfNotNull(entity, "RescreenRunId", old.Evaluation.RescreenRunId);
        VersionEntityMapper.SetIfNotNull(entity, "ScheduleVersion", old.Result.ScheduleVersion);
        LargeText.TryWrite(entity, "Result", JsonSerializer.Serialize(old.Result, ResultJson.Compact));
        return entity;
    }

    private static PastEvaluation FromHistory(TableEntity entity)
    {
        var result = JsonSerializer.Deserialize<CheckResult>(LargeText.Read(entity, "Result") ?? "null", ResultJson.Compact)
            ?? throw new InvalidOperationException($"History row {entity.PartitionKey}/{entity.RowKey} has no Result.");
        var evaluation = VersionEntityMapper.EvaluationOf(entity);
        return new PastEvaluation(entity.GetInt32("Version") ?? 0, evaluation with { EvaluatedAt = entity.GetDateTimeOffset("EvaluatedAt") },
            result, entity.GetDateTimeOffset("ReplacedAt"));
    }
}

/// <summary>The current version of an attestation, its version count, and the current row's ETag (for a conditional write).</summary>
public sealed record CurrentEntry(AttestationVersion Version, int Versions, ETag ETag);

/// <summary>A re-screened current version to project, with its attestation's version count.</summary>
public sealed record ProjectedEvaluation(AttestationVersion Version, int Versions);

/// <summary>An evaluation of a version that a later one replaced: what it found, with which schedule, and when it was replaced.</summary>
public sealed record PastEvaluation(int Version, VersionEvaluation Evaluation, CheckResult Result, DateTimeOffset? ReplacedAt);
