using Azure.Data.Tables;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// The actions of one entity group transaction, with the service's rules enforced here because Azurite does not
/// enforce them all (pitfall 4): one PartitionKey, at most <see cref="MaxActions"/> entities, at most
/// <see cref="MaxPayloadBytes"/> in all, each entity at most <see cref="MaxEntityBytes"/>. Breaking a rule throws
/// <see cref="InvalidOperationException"/> when the action is added, before anything reaches storage.
/// </summary>
public sealed class EntityGroupTransaction
{
    public const int MaxActions = 100;
    public const long MaxEntityBytes = 1024 * 1024;

    /// <summary>4 MiB less a margin for the multipart envelope of the batch request.</summary>
    public const long MaxPayloadBytes = (4 * 1024 * 1024) - (64 * 1024);

    private readonly List<TableTransactionAction> _actions = [];
    private long _bytes;

    public string? PartitionKey { get; private set; }

    public int Count => _actions.Count;

    public long EstimatedBytes => _bytes;

    public IReadOnlyList<TableTransactionAction> Actions => _actions;

    public EntityGroupTransaction Add(TableTransactionActionType type, ITableEntity entity, Azure.ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (PartitionKey is not null && !string.Equals(PartitionKey, entity.PartitionKey, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"An entity group transaction holds one partition: '{entity.PartitionKey}' cannot join '{PartitionKey}'.");
        }

        if (_actions.Count == MaxActions)
        {
            throw new InvalidOperationException($"An entity group transaction holds at most {MaxActions} entities.");
        }

        var size = EntitySize.Estimate(entity);
        if (size > MaxEntityBytes)
        {
            throw new InvalidOperationException(
                $"Entity '{entity.PartitionKey}'/'{entity.RowKey}' is about {size} bytes; an entity holds at most {MaxEntityBytes}.");
        }

        if (_bytes + size > MaxPayloadBytes)
        {
            throw new InvalidOperationException(
                $"An entity group transaction carries at most {MaxPayloadBytes} bytes; this entity would make it {_bytes + size}.");
        }

        PartitionKey = entity.PartitionKey;
        _bytes += size;
        _actions.Add(new TableTransactionAction(type, entity, etag));
        return this;
    }

    /// <summary>
    /// Splits actions on one partition into as many transactions as the limits need. Only for writes that are
    /// idempotent one by one (each transaction is atomic, the sequence is not).
    /// </summary>
    public static IReadOnlyList<EntityGroupTransaction> Chunk(IEnumerable<(TableTransactionActionType Type, ITableEntity Entity)> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var result = new List<EntityGroupTransaction>();
        var current = new EntityGroupTransaction();
        foreach (var (type, entity) in actions)
        {
            if (current.Count > 0 && (current.Count == MaxActions || current._bytes + EntitySize.Estimate(entity) > MaxPayloadBytes))
            {
                result.Add(current);
                current = new EntityGroupTransaction();
            }

            current.Add(type, entity);
        }

        if (current.Count > 0)
        {
            result.Add(current);
        }

        return result;
    }

    public async Task SubmitAsync(TableClient table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_actions.Count == 0)
        {
            return;
        }

        await table.SubmitTransactionAsync(_actions, cancellationToken).ConfigureAwait(false);
    }
}
