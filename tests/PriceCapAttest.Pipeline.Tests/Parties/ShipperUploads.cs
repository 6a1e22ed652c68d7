using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Parties;

/// <summary>
/// A shipper's upload through <see cref="AttestationUploads"/> on Azurite: refused names, types, sizes and bodies
/// store nothing; good documents land at attestations/{shipperId}/{name} with the type of their extension, and the
/// ingest reads them as any upload.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShipperUploads(AzuriteFixture azurite)
{
    private const int SmallLimit = 1000;

    public static TheoryData<string, string?, string> Refused() => new()
    {
        { "../x.json", "application/json", "name" },
        { "a/b.json", "application/json", "name" },
        { "%2e%2e", "application/json", "name" },
        { "%2e%2e%2fx.json", "application/json", "name" },
        { "a\\b.json", "application/json", "name" },
        { "..\\x.json", "application/json", "name" },
        { "a..json", "application/json", "name" },
        { ".hidden.json", "application/json", "name" },
        { "", "application/json", "name" },
        { "tab\there.json", "application/json", "name" },
        { "nul\u0000.json", "application/json", "name" },
        { "space name.json", "application/json", "name" },
        { "q?x=1.json", "application/json", "name" },
        { "frag#1.json", "application/json", "name" },
        { "ümlaut.json", "application/json", "name" },
        { "doc.xml", "application/xml", "name" },
        { "doc.json.exe", "application/json", "name" },
        { "doc", "application/json", "name" },
        { "doc.json", "text/csv", "contentType" },
        { "doc.csv", "application/json", "contentType" },
        { "doc.json", "text/plain", "contentType" },
        { "doc.json", "application/json; charset=latin1", "contentType" },
        { "doc.json", "not a type", "contentType" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_name_or_type_is_refused_and_nothing_is_stored(string name, string? contentType, string field)
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();

        var outcome = await Uploads(harness).UploadAsync(shipper, name, contentType, Body("{}"), CancellationToken.None);

        Assert.Null(outcome.Accepted);
        Assert.Equal(field, outcome.Refusal!.Field);
        Assert.Equal(field == "contentType" ? UploadRefusalKind.UnsupportedContentType : UploadRefusalKind.Invalid, outcome.Kind);
        Assert.Empty(await StoredAsync(harness, shipper));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData("ctl\u0001")]
    public async Task A_bad_shipper_id_is_refused_and_nothing_is_stored(string shipper)
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var name = $"doc-{Guid.NewGuid():N}.json";

        var outcome = await Uploads(harness).UploadAsync(shipper, name, "application/json", Body("{}"), CancellationToken.None);

        Assert.Equal("shipperId", outcome.Refusal!.Field);
        Assert.DoesNotContain(await AllNamesAsync(harness), stored => stored.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_body_is_refused_and_nothing_is_stored()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();

        var outcome = await Uploads(harness).UploadAsync(shipper, "doc.json", "application/json", new MemoryStream(), CancellationToken.None);

        Assert.Equal("body", outcome.Refusal!.Field);
        Assert.Equal(UploadRefusalKind.Invalid, outcome.Kind);
        Assert.Empty(await StoredAsync(harness, shipper));
    }

    [Fact]
    public async Task A_body_over_the_ingest_limit_is_refused_after_reading_at_most_limit_plus_one_bytes()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite, Limit(SmallLimit));
        var shipper = PipelineHarness.NewShipper();
        using var body = new EndlessStream();

        var outcome = await Uploads(harness).UploadAsync(shipper, "doc.json", "application/json", body, CancellationToken.None);

        Assert.Equal("body", outcome.Refusal!.Field);
        Assert.Equal(UploadRefusalKind.TooLarge, outcome.Kind);
        Assert.InRange(body.BytesRead, SmallLimit + 1, SmallLimit + 1);
        Assert.Empty(await StoredAsync(harness, shipper));
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_stored()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite, Limit(SmallLimit));
        var shipper = PipelineHarness.NewShipper();

        var outcome = await Uploads(harness).UploadAsync(shipper, "doc.json", null, new MemoryStream(new byte[SmallLimit]), CancellationToken.None);

        Assert.NotNull(outcome.Accepted);
        Assert.Equal(SmallLimit, (await Blob(harness, shipper, "doc.json").GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task A_large_body_goes_in_blocks_and_over_the_limit_it_is_refused_and_the_previous_version_stays()
    {
        var limit = (2 * AttestationUploads.BlockBytes) + 10;
        await using var harness = await PipelineHarness.CreateAsync(azurite, Limit(limit));
        var shipper = PipelineHarness.NewShipper();
        var uploads = Uploads(harness);

        var fits = await uploads.UploadAsync(shipper, "big.csv", "text/csv", new MemoryStream(new byte[limit]), CancellationToken.None);
        Assert.NotNull(fits.Accepted);
        var blob = Blob(harness, shipper, "big.csv");
        var stored = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(limit, stored.ContentLength);
        Assert.Equal("text/csv", stored.ContentType);

        using var tooBig = new EndlessStream();
        var refused = await uploads.UploadAsync(shipper, "big.csv", "text/csv", tooBig, CancellationToken.None);

        Assert.Equal("body", refused.Refusal!.Field);
        Assert.Equal(UploadRefusalKind.TooLarge, refused.Kind);
        Assert.Equal(limit + 1, tooBig.BytesRead);
        var after = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(stored.ETag, after.ETag);
        Assert.Equal(["big.csv"], await StoredAsync(harness, shipper));
    }

    [Theory]
    [InlineData("cargo-2026_06.json", "application/json", "application/json")]
    [InlineData("cargo.JSON", "application/json; charset=utf-8", "application/json")]
    [InlineData("cargo.json", "application/octet-stream", "application/json")]
    [InlineData("cargo.json", null, "application/json")]
    [InlineData("cargo.csv", "text/csv", "text/csv")]
    [InlineData("cargo.csv", "text/csv; charset=\"UTF-8\"", "text/csv")]
    public async Task A_good_document_is_stored_at_its_exact_path_with_the_type_of_its_extension(string name, string? contentType, string storedType)
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var content = name.EndsWith(".csv", StringComparison.Ordinal) ? Documents.Csv("ATT-1") : Documents.Json("ATT-1");

        var outcome = await Uploads(harness).UploadAsync(shipper, name, contentType, Body(content), CancellationToken.None);

        var accepted = outcome.Accepted!;
        Assert.Null(outcome.Refusal);
        Assert.Equal($"attestations/{shipper}/{name}", accepted.BlobPath);
        Assert.Equal($"receipts/{shipper}/{name}", accepted.ReceiptPath);
        Assert.Equal([name], await StoredAsync(harness, shipper));
        var blob = Blob(harness, shipper, name);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(storedType, properties.ContentType);
        Assert.Equal(properties.ETag.ToString(), accepted.ETag);
        Assert.Equal(content, (await blob.DownloadContentAsync()).Value.Content.ToString());

        var ingested = await harness.Ingest.IngestAsync(blob, CancellationToken.None);
        Assert.Equal(ReceiptStatus.Processed, ingested.Receipt.Status);
        Assert.Equal(accepted.BlobPath, ingested.Receipt.BlobPath);
    }

    [Fact]
    public async Task Uploading_the_same_name_again_amends_the_document()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var uploads = Uploads(harness);

        var first = await uploads.UploadAsync(shipper, "doc.json", "application/json", Body(Documents.Json("ATT-1", 40m)), CancellationToken.None);
        var second = await uploads.UploadAsync(shipper, "doc.json", "application/json", Body(Documents.Json("ATT-1", 50m)), CancellationToken.None);

        Assert.NotEqual(first.Accepted!.ETag, second.Accepted!.ETag);
        Assert.Equal(["doc.json"], await StoredAsync(harness, shipper));
        Assert.Contains("50", (await Blob(harness, shipper, "doc.json").DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
    }

    private static AttestationUploads Uploads(PipelineHarness harness) => harness.Get<AttestationUploads>();

    private static Dictionary<string, string?> Limit(int bytes) => new() { ["Ingest:MaxDocumentBytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static BlobClient Blob(PipelineHarness harness, string shipper, string name) =>
        harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{shipper}/{name}");

    /// <summary>The document names stored under the shipper.</summary>
    private static async Task<List<string>> StoredAsync(PipelineHarness harness, string shipper)
    {
        var names = new List<string>();
        await foreach (var item in harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobsAsync(BlobTraits.None, BlobStates.None, shipper + "/", CancellationToken.None))
        {
            names.Add(item.Name[(shipper.Length + 1)..]);
        }

        return names;
    }

    private static async Task<List<string>> AllNamesAsync(PipelineHarness harness)
    {
        var names = new List<string>();
        await foreach (var item in harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>A body that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'x', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
