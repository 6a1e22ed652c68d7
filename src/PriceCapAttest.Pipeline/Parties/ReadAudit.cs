using System.Globalization;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// The append-only record of who read a shipper's attestations (ReadAudit table; docs/parties.md): PK = the encoded
/// shipper id, RK = inverted ticks of the read time + a GUID, so a shipper's entries are one partition, newest
/// first. Entries are only ever inserted: this service has no way to change or delete one.
/// </summary>
public sealed class ReadAudit(TableServiceClient tables, TimeProvider time)
{
    private const int MaxRouteLength = 512;
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.ReadAudit);

    /// <summary>Inserts a new entry for the read, at the time now; the entry as stored.</summary>
    public async Task<AuditEntry> RecordAsync(AuditedRead read, CancellationToken cancellationToken)
    {
        var (entry, entity) = NewRow(read, time.GetUtcNow());
        await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>
    /// Inserts a new entry for each read (the items of one listing), in one transaction per shipper where the reads
    /// share one; the entries as stored.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> RecordManyAsync(IReadOnlyList<AuditedRead> reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var at = time.GetUtcNow();
        var rows = reads.Select(read => NewRow(read, at)).ToList();
        await PartitionedWrites.SubmitAsync(_table, rows,
            row => new TableTransactionAction(TableTransactionActionType.Add, row.Entity),
            (row, ct) => _table.AddEntityAsync(row.Entity, ct),
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(row => row.Entry)];
    }

    private static (AuditEntry Entry, TableEntity Entity) NewRow(AuditedRead read, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!Enum.IsDefined(read.Role))
        {
            throw new ArgumentOutOfRangeException(nameof(read), read.Role, "Unknown reader role.");
        }

        QueryInput.Id(read.PartyId, "partyId");
        QueryInput.Id(read.ShipperId, "shipperId");
        QueryInput.Id(read.AttestationId, "attestationId");
        QueryInput.Id(read.Route, "route", MaxRouteLength);
        QueryInput.Version(read.Version);

        var entry = new AuditEntry(RowKey(at), read.Role, read.PartyId, read.ShipperId, read.AttestationId, read.Version, at, read.Route);
        var entity = new TableEntity(KeyEncoder.Encode(read.ShipperId), entry.Id)
        {
            ["Role"] = entry.Role.ToString(),
            ["PartyId"] = entry.PartyId,
            ["ShipperId"] = entry.ShipperId,
            ["AttestationId"] = entry.AttestationId,
            ["Version"] = entry.Version,
            ["ReadAt"] = entry.ReadAt,
            ["Route"] = entry.Route,
        };
        return (entry, entity);
    }

    /// <summary>
    /// The reads of a shipper's attestations, newest first, <paramref name="from"/> and <paramref name="to"/>
    /// inclusive (both optional), one page.
    /// </summary>
    public async Task<PagedAnswer<AuditEntry>> ListAsync(
        string shipperId, DateTimeOffset? from, DateTimeOffset? to, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        QueryInput.Id(shipperId, "shipperId");
        if (from is not null && to is not null && from > to)
        {
            throw new InvalidQueryException("to", $"'to' ({to:O}) is before 'from' ({from:O}).");
        }

        var partition = KeyEncoder.Encode(shipperId);
        var size = QueryInput.PageSize(pageSize);
        var token = QueryInput.DecodeToken(partition, continuationToken);
        // Newer reads have smaller keys: 'to' bounds from below, 'from' from above.
        var lower = Inverted(to ?? DateTimeOffset.MaxValue);
        var upper = (long.Parse(Inverted(from ?? DateTimeOffset.MinValue), CultureInfo.InvariantCulture) + 1).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}");
        return await TablePages.ReadAsync(_table, filter, partition, token, size, ToEntry, cancellationToken).ConfigureAwait(false);
    }

    private static string RowKey(DateTimeOffset at) => Inverted(at) + "-" + Guid.NewGuid().ToString("N");

    private static string Inverted(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static AuditEntry ToEntry(TableEntity e) => new(
        e.RowKey,
        Enum.Parse<ReaderRole>(e.GetString("Role")),
        e.GetString("PartyId"),
        e.GetString("ShipperId"),
        e.GetString("AttestationId"),
        e.GetInt32("Version"),
        e.GetDateTimeOffset("ReadAt") ?? default,
        e.GetString("Route"));
}
