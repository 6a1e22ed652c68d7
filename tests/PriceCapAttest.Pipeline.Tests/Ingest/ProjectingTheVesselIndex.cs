using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

/// <summary>
/// The VesselIndex row of an attestation follows its current version without re-reading the pointer: a projection
/// that arrives after an amendment's (a slow or retried ingest of the replaced version) leaves the later row, also
/// when the amendment moved the attestation to another vessel or loading date.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProjectingTheVesselIndex(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_Late_Projection_Of_A_Replaced_Version_Leaves_The_Later_Row()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);

        var shipper = await AmendThenProjectTheFirstVersionLateAsync(harness, Documents.Json("ATT-1", 42.10m));

        var row = Assert.Single(await VesselRowsAsync(harness), r => r.ShipperId == shipper);
        Assert.Equal(2, row.Version);
        Assert.Equal(2, row.Versions);
    }

    [Theory]
    [InlineData(OtherImo, "2026-03-02")]
    [InlineData(Documents.Imo, "2026-03-05")]
    public async Task A_Late_Projection_Of_A_Version_An_Amendment_Moved_Away_Leaves_No_Row_Under_The_Old_Key(string amendedImo, string amendedLoadingDate)
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);

        var shipper = await AmendThenProjectTheFirstVersionLateAsync(harness, Documents.Json("ATT-1", 42.10m, amendedImo, amendedLoadingDate));

        Assert.DoesNotContain(await VesselRowsAsync(harness), r => r.ShipperId == shipper);
        var moved = Assert.Single(await VesselRowsAsync(harness, amendedImo, amendedLoadingDate), r => r.ShipperId == shipper);
        Assert.Equal(2, moved.Version);
    }

    [Fact]
    public async Task An_Amendment_Moving_Back_To_The_First_Vessel_Shows_There_Again()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        await IngestAsync(harness, shipper, "a.json", Documents.Json("ATT-1", 46.00m));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await IngestAsync(harness, shipper, "b.json", Documents.Json("ATT-1", 42.10m, OtherImo));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await IngestAsync(harness, shipper, "c.json", Documents.Json("ATT-1", 41.00m));

        var back = Assert.Single(await VesselRowsAsync(harness), r => r.ShipperId == shipper);
        Assert.Equal(3, back.Version);
        Assert.Equal(3, back.Versions);
        Assert.DoesNotContain(await VesselRowsAsync(harness, OtherImo), r => r.ShipperId == shipper);
    }

    [Fact]
    public async Task A_Redelivered_Version_Rewrites_Its_Own_Row()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "a.json", Documents.Json("ATT-1")), CancellationToken.None);
        var records = harness.Get<AttestationRecordStore>();
        var first = await records.GetVersionAsync(shipper, "ATT-1", 1, CancellationToken.None);

        await records.ProjectAsync(new VersionCommit(first!, Created: false, IsCurrent: true, Versions: 1), CancellationToken.None);

        var row = Assert.Single(await VesselRowsAsync(harness), r => r.ShipperId == shipper);
        Assert.Equal(1, row.Version);
    }

    private const string OtherImo = "9176187";

    /// <summary>
    /// ATT-1 from a.json, an hour later its amendment from b.json, then version 1 projected again as a slow or
    /// retried ingest of a.json would, after the amendment's projection. Returns the shipper.
    /// </summary>
    private static async Task<string> AmendThenProjectTheFirstVersionLateAsync(PipelineHarness harness, string amendment)
    {
        var shipper = PipelineHarness.NewShipper();
        await IngestAsync(harness, shipper, "a.json", Documents.Json("ATT-1", 46.00m));
        var records = harness.Get<AttestationRecordStore>();
        var first = await records.GetVersionAsync(shipper, "ATT-1", 1, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await IngestAsync(harness, shipper, "b.json", amendment);

        await records.ProjectAsync(new VersionCommit(first!, Created: true, IsCurrent: true, Versions: 1), CancellationToken.None);
        return shipper;
    }

    private static async Task IngestAsync(PipelineHarness harness, string shipper, string name, string document) =>
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, name, document), CancellationToken.None);

    private static async Task<IReadOnlyList<Contracts.VesselAttestation>> VesselRowsAsync(
        PipelineHarness harness, string imo = Documents.Imo, string loadingDate = "2026-03-02") =>
        (await harness.Queries.ListVesselAttestationsAsync(imo, loadingDate, loadingDate, null, 1000, CancellationToken.None)).Items;
}
