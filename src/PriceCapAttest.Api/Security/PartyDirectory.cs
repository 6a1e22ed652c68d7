using System.Collections.Concurrent;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// The party of an App Service principal: the <c>Parties</c> table's entity with PartitionKey = the object id
/// (lower case), RowKey = the role and the string property <c>PartyId</c>. An operator without an entity acts as
/// its object id. Answers (found or not) are kept for <see cref="CacheFor"/> so a request is not a table read; an
/// entity added or removed therefore takes effect within that time.
/// </summary>
public sealed class PartyDirectory(TableServiceClient tables, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public const string PartyIdProperty = "PartyId";

    // Only principals the platform authenticated reach this; the bound keeps a directory of many from growing forever.
    private const int MaxCached = 10_000;

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Parties);
    private readonly ConcurrentDictionary<(string ObjectId, ApiRole Role), (string? PartyId, DateTimeOffset Until)> _cache = new();

    /// <summary>The principal of <paramref name="identity"/>, or null when it has no valid party for its role.</summary>
    public async ValueTask<Principal?> PrincipalOfAsync(ClientIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var now = time.GetUtcNow();
        var key = (identity.ObjectId, identity.Role);
        if (!_cache.TryGetValue(key, out var known) || known.Until <= now)
        {
            known = (await ReadAsync(identity, cancellationToken).ConfigureAwait(false), now + CacheFor);
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[key] = known;
        }

        return known.PartyId is { } party ? new Principal(identity.Role, party) : null;
    }

    private async Task<string?> ReadAsync(ClientIdentity identity, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(identity.ObjectId, identity.Role.ToString(), [PartyIdProperty], cancellationToken).ConfigureAwait(false);
        var party = row.HasValue ? row.Value!.GetString(PartyIdProperty) : null;
        if (party is null && identity.Role == ApiRole.Operator)
        {
            return identity.ObjectId;
        }

        return PartyIds.IsValid(identity.Role, party) ? party : null;
    }
}
