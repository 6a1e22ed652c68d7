using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// The Rescreens table: the state row (PK/RK <c>state</c>: the schedule the stored verdicts follow, the run in
/// progress, and schedules a superseded run had partly applied), one row per run (PK <c>runs</c>, RK the run id), and
/// the attestations each run changed (PK <c>changes|{runId}</c>, RK shipper|attestationId; written in batches).
/// </summary>
public sealed class RescreenRunStore(TableServiceClient tables)
{
    private const string StateKey = "state";
    private const string RunsPartition = "runs";
    private const int BatchSize = 100;

    private static readonly JsonSerializerOptions Json = ResultJson.Compact;

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Rescreens);

    public async Task<RescreenState?> GetStateAsync(CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync<TableEntity>(StateKey, StateKey, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new RescreenState(
                entity.GetString("BaselineSha256"),
                entity.GetString("BaselineVersion"),
                entity.GetString("ActiveRunId"),
                Split(entity.GetString("PendingSha256s")),
                entity.ETag);
    }

    /// <summary>Saves the state if nobody changed it since it was read (or, new, if nobody added it); false otherwise.</summary>
    public async Task<bool> TrySaveStateAsync(RescreenState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new TableEntity(StateKey, StateKey)
        {
            ["BaselineSha256"] = state.BaselineSha256,
            ["BaselineVersion"] = state.BaselineVersion,
            ["ActiveRunId"] = state.ActiveRunId,
            ["PendingSha256s"] = string.Join(',', state.PendingSha256s),
        };
        try
        {
            if (state.ETag == default)
            {
                await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, state.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<RescreenRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync<TableEntity>(RunsPartition, KeyEncoder.Encode(runId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public Task SaveRunAsync(RescreenRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(RunsPartition, KeyEncoder.Encode(run.Id));
        LargeText.TryWrite(entity, "Run", JsonSerializer.Serialize(run, Json));
        entity["Status"] = run.Status;
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every run, newest first (run ids begin with their start time).</summary>
    public async Task<IReadOnlyList<RescreenRun>> ListRunsAsync(CancellationToken cancellationToken)
    {
        var runs = new List<RescreenRun>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(FromEntity(entity));
        }

        return [.. runs.OrderByDescending(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>Records the attestations a run changed (idempotent: a resumed page writes the same rows again).</summary>
    public async Task AddChangesAsync(string runId, IReadOnlyList<RescreenChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var partition = ChangesPartition(runId);
        foreach (var chunk in changes.DistinctBy(c => (c.ShipperId, c.AttestationId)).Chunk(BatchSize))
        {
            var actions = chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(
                partition, KeyEncoder.Join(c.ShipperId, c.AttestationId)) { ["Change"] = JsonSerializer.Serialize(c, Json) }));
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One page of a run's changes in key order; the token is the last row key of the page before.</summary>
    public async Task<(IReadOnlyList<RescreenChange> Items, string? Next)> ListChangesAsync(
        string runId, string? afterRow, int pageSize, CancellationToken cancellationToken)
    {
        var partition = ChangesPartition(runId);
        var filter = afterRow is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {afterRow}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            var items = page.Values.Select(e => JsonSerializer.Deserialize<RescreenChange>(e.GetString("Change"), Json)!).ToList();
            var next = page.ContinuationToken is null || page.Values.Count == 0 ? null : page.Values[^1].RowKey;
            return (items, next);
        }

        return ([], null);
    }

    private static string ChangesPartition(string runId) => "changes|" + KeyEncoder.Encode(runId);

    private static RescreenRun FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<RescreenRun>(LargeText.Read(entity, "Run") ?? "null", Json)
        ?? throw new InvalidOperationException($"Run row {entity.RowKey} is empty.");

    private static IReadOnlyList<string> Split(string? csv) => string.IsNullOrEmpty(csv) ? [] : csv.Split(',');
}

/// <summary>
/// The re-screening state: the schedule (SHA-256, version) the stored verdicts follow, the run in progress, and the
/// schedules superseded runs applied in part (the next run compares with each of them too).
/// </summary>
public sealed record RescreenState(
    string? BaselineSha256,
    string? BaselineVersion,
    string? ActiveRunId,
    IReadOnlyList<string> PendingSha256s,
    ETag ETag);
