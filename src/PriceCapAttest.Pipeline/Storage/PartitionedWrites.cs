using Azure;
using Azure.Data.Tables;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// Writes many rows of one table as entity group transactions: grouped by partition, at most
/// <see cref="EntityGroupTransaction.MaxActions"/> (and the payload limit) per transaction, a lone row as a plain
/// request. Partitions are written in parallel; the transactions of one partition one after another, in the order
/// given, and a row key that comes again in a partition starts a new transaction (a transaction may hold a row once).
/// <para>
/// A transaction the service refuses for a conflict (404, 409, 412: a row there already, gone, or changed since it
/// was read) writes nothing, so each of its rows is then written by <c>fallback</c>, one by one, with the rules of
/// the single-row writer (version checks, a 404 on a delete is done). Other failures throw: the caller's retry
/// writes everything again, which is why every action given here must be idempotent.
/// </para>
/// </summary>
internal static class PartitionedWrites
{
    public const int DefaultParallelism = 8;

    public static async Task SubmitAsync<T>(
        TableClient table,
        IReadOnlyList<T> items,
        Func<T, TableTransactionAction> action,
        Func<T, CancellationToken, Task> fallback,
        CancellationToken cancellationToken,
        int parallelism = DefaultParallelism)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(fallback);
        if (items.Count == 0)
        {
            return;
        }

        var partitions = items
            .Select(item => (Item: item, Action: action(item)))
            .GroupBy(x => x.Action.Entity.PartitionKey, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        await Parallel.ForEachAsync(partitions,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach (var chunk in Chunk(partition))
                {
                    if (!await TrySubmitAsync(table, [.. chunk.Select(x => x.Action)], ct).ConfigureAwait(false))
                    {
                        foreach (var (item, _) in chunk)
                        {
                            await fallback(item, ct).ConfigureAwait(false);
                        }
                    }
                }
            }).ConfigureAwait(false);
    }

    /// <summary>Consecutive runs of one partition's writes that fit one transaction, no row key twice in a run.</summary>
    internal static IEnumerable<IReadOnlyList<(T Item, TableTransactionAction Action)>> Chunk<T>(IReadOnlyList<(T Item, TableTransactionAction Action)> partition)
    {
        var current = new List<(T, TableTransactionAction)>();
        var transaction = new EntityGroupTransaction();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, action) in partition)
        {
            var size = EntitySize.Estimate(action.Entity);
            if (current.Count > 0 && (current.Count == EntityGroupTransaction.MaxActions ||
                                      transaction.EstimatedBytes + size > EntityGroupTransaction.MaxPayloadBytes ||
                                      rows.Contains(action.Entity.RowKey)))
            {
                yield return current;
                current = [];
                transaction = new EntityGroupTransaction();
                rows.Clear();
            }

            // Add checks the service's rules (one partition, entity size) before anything is sent.
            transaction.Add(action.ActionType, action.Entity, action.ETag);
            rows.Add(action.Entity.RowKey);
            current.Add((item, action));
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>False when the service refused the write for a conflict (nothing written); throws for any other failure.</summary>
    private static async Task<bool> TrySubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            if (actions.Count == 1)
            {
                await SubmitOneAsync(table, actions[0], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>One row as the plain request of its action: the same effect as a transaction of one, cheaper to serve.</summary>
    private static Task SubmitOneAsync(TableClient table, TableTransactionAction action, CancellationToken cancellationToken)
    {
        var entity = action.Entity;
        return action.ActionType switch
        {
            TableTransactionActionType.Add => table.AddEntityAsync(entity, cancellationToken),
            TableTransactionActionType.UpsertReplace => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpsertMerge => table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.UpdateReplace => table.UpdateEntityAsync(entity, Etag(action), TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpdateMerge => table.UpdateEntityAsync(entity, Etag(action), TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.Delete => table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, Etag(action), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown table action."),
        };
    }

    /// <summary>A transaction action without an ETag is unconditional; so is the plain request.</summary>
    private static ETag Etag(TableTransactionAction action) => action.ETag == default ? ETag.All : action.ETag;
}
