using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// The IMO numbers each insurer covers (Fleets table; docs/parties.md). One partition per insurer: the current
/// fleet in one row, and an append-only history row per change, written with the current row in one entity-group
/// transaction that is conditional on the current row's ETag, so concurrent replacements cannot lose a change.
/// </summary>
public sealed class FleetStore(TableServiceClient tables, TimeProvider time)
{
    /// <summary>The most vessels one fleet holds (8 characters each: about 80 KB in the current row, 160 KB in a history row).</summary>
    public const int MaxImos = 5000;

    /// <summary>The most entries one replacement may list (duplicates and prefixed forms included).</summary>
    public const int MaxEntries = 2 * MaxImos;

    /// <summary>Attempts of a replacement that loses to concurrent ones before <see cref="FleetConflictException"/>.</summary>
    public const int MaxAttempts = 8;

    private const char Separator = ',';
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Fleets);

    /// <summary>The insurer's fleet; empty with revision 0 when it never stored one.</summary>
    public async Task<Fleet> GetAsync(string insurerId, CancellationToken cancellationToken)
    {
        QueryInput.Id(insurerId, "insurerId");
        var row = await _table.GetOrNullAsync<TableEntity>(FleetKeys.Partition(insurerId), FleetKeys.CurrentRow, cancellationToken).ConfigureAwait(false);
        return row is null ? new Fleet(insurerId, [], null, 0) : ToFleet(insurerId, row);
    }

    /// <summary>True when the insurer's fleet holds the IMO number (bare or prefixed); one point read.</summary>
    public async Task<bool> ContainsAsync(string insurerId, string imo, CancellationToken cancellationToken)
    {
        var number = QueryInput.Imo(imo);
        var fleet = await GetAsync(insurerId, cancellationToken).ConfigureAwait(false);
        return fleet.Imos is List<string> list
            ? list.BinarySearch(number, StringComparer.Ordinal) >= 0
            : fleet.Imos.Contains(number, StringComparer.Ordinal);
    }

    /// <summary>
    /// Makes <paramref name="imos"/> the insurer's fleet. Refused as a whole (nothing written) when any entry is not
    /// a valid IMO number or the fleet would be too large. Unchanged fleets write nothing.
    /// </summary>
    public async Task<FleetReplacement> ReplaceAsync(string insurerId, IEnumerable<string> imos, CancellationToken cancellationToken)
    {
        QueryInput.Id(insurerId, "insurerId");
        ArgumentNullException.ThrowIfNull(imos);
        var (wanted, refusal) = FleetInput.Normalise(imos);
        if (refusal is not null)
        {
            return FleetReplacement.Refused(refusal);
        }

        var partition = FleetKeys.Partition(insurerId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await _table.GetOrNullAsync<TableEntity>(partition, FleetKeys.CurrentRow, cancellationToken).ConfigureAwait(false);
            var before = row is null ? new Fleet(insurerId, [], null, 0) : ToFleet(insurerId, row);
            var added = wanted.Except(before.Imos, StringComparer.Ordinal).ToList();
            var removed = before.Imos.Except(wanted, StringComparer.Ordinal).ToList();
            if (added.Count == 0 && removed.Count == 0)
            {
                return FleetReplacement.Stored(before);
            }

            var after = new Fleet(insurerId, wanted, time.GetUtcNow(), before.Revision + 1);
            var change = new FleetChange(insurerId, after.Revision, added, removed, after.UpdatedAt!.Value);
            var transaction = new EntityGroupTransaction();
            if (row is null)
            {
                transaction.Add(TableTransactionActionType.Add, CurrentEntity(partition, after));
            }
            else
            {
                transaction.Add(TableTransactionActionType.UpdateReplace, CurrentEntity(partition, after), row.ETag);
            }

            transaction.Add(TableTransactionActionType.Add, HistoryEntity(partition, change));
            try
            {
                await transaction.SubmitAsync(_table, cancellationToken).ConfigureAwait(false);
                return FleetReplacement.Stored(after);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another replacement won (the current row changed or was created, or its history row exists): read again.
            }
        }

        throw new FleetConflictException(insurerId, MaxAttempts);
    }

    /// <summary>The changes of the insurer's fleet, newest first, one page.</summary>
    public async Task<PagedAnswer<FleetChange>> GetHistoryAsync(
        string insurerId, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        QueryInput.Id(insurerId, "insurerId");
        var partition = FleetKeys.Partition(insurerId);
        var size = QueryInput.PageSize(pageSize);
        var token = QueryInput.DecodeToken(partition, continuationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {FleetKeys.HistoryPrefix} and RowKey lt {FleetKeys.HistoryEnd}");
        return await TablePages.ReadAsync(_table, filter, partition, token, size, e => ToChange(insurerId, e), cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity CurrentEntity(string partition, Fleet fleet)
    {
        var entity = new TableEntity(partition, FleetKeys.CurrentRow)
        {
            ["InsurerId"] = fleet.InsurerId,
            ["Revision"] = fleet.Revision,
            ["UpdatedAt"] = fleet.UpdatedAt,
            ["Count"] = fleet.Imos.Count,
        };
        WriteList(entity, "Imos", fleet.Imos);
        return entity;
    }

    private static TableEntity HistoryEntity(string partition, FleetChange change)
    {
        var entity = new TableEntity(partition, FleetKeys.HistoryRow(change.Revision))
        {
            ["InsurerId"] = change.InsurerId,
            ["Revision"] = change.Revision,
            ["ChangedAt"] = change.ChangedAt,
        };
        WriteList(entity, "Added", change.Added);
        WriteList(entity, "Removed", change.Removed);
        return entity;
    }

    private static void WriteList(TableEntity entity, string name, IReadOnlyList<string> imos)
    {
        if (!LargeText.TryWrite(entity, name, string.Join(Separator, imos)))
        {
            throw new InvalidOperationException($"{imos.Count} IMO numbers do not fit one entity; at most {MaxImos} are accepted.");
        }
    }

    private static List<string> ReadList(TableEntity entity, string name) =>
        [.. (LargeText.Read(entity, name) ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries)];

    private static Fleet ToFleet(string insurerId, TableEntity e) =>
        new(insurerId, ReadList(e, "Imos"), e.GetDateTimeOffset("UpdatedAt"), e.GetInt32("Revision") ?? 0);

    private static FleetChange ToChange(string insurerId, TableEntity e) =>
        new(insurerId, e.GetInt32("Revision") ?? 0, ReadList(e, "Added"), ReadList(e, "Removed"),
            e.GetDateTimeOffset("ChangedAt") ?? default);
}
