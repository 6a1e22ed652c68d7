using System.Reflection;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Parties;

/// <summary>
/// <see cref="ReadAudit"/> on Azurite: every recorded read is a new row in the shipper's partition, listed newest
/// first, per shipper, by time range and page; the service cannot change a row.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadAuditTrail(AzuriteFixture azurite)
{
    private static AuditedRead Read(string shipper, ReaderRole role = ReaderRole.Insurer, string party = "insurer-1", int? version = 2) =>
        new(role, party, shipper, "ATT-1", version, "GET /attestations/{shipperId}/{attestationId}");

    [Fact]
    public async Task Each_read_is_a_new_row_even_the_same_read_at_the_same_time()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var audit = harness.Get<ReadAudit>();
        var shipper = PipelineHarness.NewShipper();

        var first = await audit.RecordAsync(Read(shipper), CancellationToken.None);
        var second = await audit.RecordAsync(Read(shipper), CancellationToken.None);

        Assert.NotEqual(first.Id, second.Id);
        var table = harness.Get<TableServiceClient>().GetTableClient(StorageNames.Tables.ReadAudit);
        var partition = PriceCapAttest.Pipeline.Storage.KeyEncoder.Encode(shipper);
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync();
        Assert.Equal(2, rows.Count);
        var page = await audit.ListAsync(shipper, null, null, null, null, CancellationToken.None);
        Assert.Equal(2, page.Items.Count);
        Assert.All(page.Items, e => Assert.Equal(
            (ReaderRole.Insurer, "insurer-1", shipper, "ATT-1", (int?)2, harness.Clock.GetUtcNow(), "GET /attestations/{shipperId}/{attestationId}"),
            (e.Role, e.PartyId, e.ShipperId, e.AttestationId, e.Version, e.ReadAt, e.Route)));
    }

    [Fact]
    public async Task A_listing_of_many_reads_adds_one_row_per_read_in_each_shippers_partition()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var audit = harness.Get<ReadAudit>();
        var shipper = PipelineHarness.NewShipper();
        var other = PipelineHarness.NewShipper();
        var reads = Enumerable.Range(0, 150).Select(i => Read(i % 3 == 0 ? other : shipper, version: i + 1)).ToList();

        var entries = await audit.RecordManyAsync(reads, CancellationToken.None);

        Assert.Equal(150, entries.Select(e => e.Id).Distinct().Count());
        var mine = await audit.ListAsync(shipper, null, null, null, 1000, CancellationToken.None);
        var theirs = await audit.ListAsync(other, null, null, null, 1000, CancellationToken.None);
        Assert.Equal(reads.Where(r => r.ShipperId == shipper).Select(r => r.Version).Order(), mine.Items.Select(e => e.Version).Order());
        Assert.Equal(reads.Where(r => r.ShipperId == other).Select(r => r.Version).Order(), theirs.Items.Select(e => e.Version).Order());
    }

    [Fact]
    public async Task Listing_is_per_shipper_newest_first_within_the_time_range()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var audit = harness.Get<ReadAudit>();
        var shipper = PipelineHarness.NewShipper();
        var other = PipelineHarness.NewShipper();
        var t0 = harness.Clock.GetUtcNow();

        await audit.RecordAsync(Read(shipper, ReaderRole.Insurer), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await audit.RecordAsync(Read(shipper, ReaderRole.Regulator, "regulator-uk", null), CancellationToken.None);
        await audit.RecordAsync(Read(other), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await audit.RecordAsync(Read(shipper, ReaderRole.Operator, "ops"), CancellationToken.None);

        var all = await audit.ListAsync(shipper, null, null, null, null, CancellationToken.None);
        Assert.Equal([ReaderRole.Operator, ReaderRole.Regulator, ReaderRole.Insurer], all.Items.Select(e => e.Role));
        Assert.All(all.Items, e => Assert.Equal(shipper, e.ShipperId));
        Assert.Null(all.ContinuationToken);

        var middle = await audit.ListAsync(shipper, t0.AddHours(1), t0.AddHours(1), null, null, CancellationToken.None);
        Assert.Equal(["regulator-uk"], middle.Items.Select(e => e.PartyId));
        Assert.Null(middle.Items[0].Version);
        var fromOne = await audit.ListAsync(shipper, t0.AddMinutes(1), null, null, null, CancellationToken.None);
        Assert.Equal([ReaderRole.Operator, ReaderRole.Regulator], fromOne.Items.Select(e => e.Role));
        var untilOne = await audit.ListAsync(shipper, null, t0.AddHours(1), null, null, CancellationToken.None);
        Assert.Equal([ReaderRole.Regulator, ReaderRole.Insurer], untilOne.Items.Select(e => e.Role));
        Assert.Single((await audit.ListAsync(other, null, null, null, null, CancellationToken.None)).Items);
        await Assert.ThrowsAsync<InvalidQueryException>(() => audit.ListAsync(shipper, t0.AddHours(1), t0, null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Pages_cover_every_entry_once_and_a_token_serves_only_its_shipper()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var audit = harness.Get<ReadAudit>();
        var shipper = PipelineHarness.NewShipper();
        var recorded = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            recorded.Add((await audit.RecordAsync(Read(shipper, party: $"insurer-{i}"), CancellationToken.None)).Id);
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await audit.ListAsync(shipper, null, null, token, 3, CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items.Select(e => e.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(recorded), seen);
        var firstPage = await audit.ListAsync(shipper, null, null, null, 3, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidQueryException>(() =>
            audit.ListAsync(PipelineHarness.NewShipper(), null, null, firstPage.ContinuationToken, 3, CancellationToken.None));
    }

    [Fact]
    public void The_service_offers_no_way_to_change_a_row()
    {
        var methods = typeof(ReadAudit).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal([nameof(ReadAudit.ListAsync), nameof(ReadAudit.RecordAsync), nameof(ReadAudit.RecordManyAsync)], methods);
    }

    [Fact]
    public async Task A_read_without_a_party_or_attestation_is_not_recorded()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var audit = harness.Get<ReadAudit>();
        var shipper = PipelineHarness.NewShipper();

        await Assert.ThrowsAsync<InvalidQueryException>(() => audit.RecordAsync(Read(shipper, party: " "), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidQueryException>(() => audit.RecordAsync(Read(shipper) with { AttestationId = "" }, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidQueryException>(() => audit.RecordAsync(Read(shipper, version: 0), CancellationToken.None));

        Assert.Empty((await audit.ListAsync(shipper, null, null, null, null, CancellationToken.None)).Items);
    }
}
