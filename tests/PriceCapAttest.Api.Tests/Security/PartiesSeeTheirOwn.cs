using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// Party scoping through the local host process: a shipper reads its own attestations and receipts, and another
/// shipper's answer 404 exactly as if they did not exist; a regulator reads the violations of its own regime only.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class PartiesSeeTheirOwn(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task A_Shipper_Reads_Its_Own_Attestation_And_Receipt_And_Another_Shippers_Are_Not_Found()
    {
        var own = await pipeline.RecordedSampleAsync();
        var other = await pipeline.UploadAndWaitAsync(
            LocalPipelineFixture.NewShipper(), "violation-eu.json", await File.ReadAllBytesAsync(BuildInfo.RepositoryFile("samples/json/violation-eu.json")), own.AttestationId);

        using var ownAttestation = await pipeline.Shipper.GetAsync(Attestation(own.ShipperId, own.AttestationId));
        using var ownReceipt = await pipeline.Shipper.GetAsync(new Uri("receipts/" + own.BlobPath, UriKind.Relative));
        using var otherAttestation = await pipeline.Shipper.GetAsync(Attestation(other.ShipperId, other.AttestationId));
        using var otherVersion = await pipeline.Shipper.GetAsync(new Uri(Attestation(other.ShipperId, other.AttestationId) + "?version=1", UriKind.Relative));
        using var otherReceipt = await pipeline.Shipper.GetAsync(new Uri("receipts/" + other.BlobPath, UriKind.Relative));
        using var operatorReceipt = await pipeline.Operator.GetAsync(new Uri("receipts/" + other.BlobPath, UriKind.Relative));
        using var insurerAttestation = await pipeline.Insurer.GetAsync(Attestation(other.ShipperId, other.AttestationId));

        Assert.Equal(HttpStatusCode.OK, ownAttestation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownReceipt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorReceipt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, insurerAttestation.StatusCode);
        await AssertNotFound(otherAttestation, $"No attestation '{other.AttestationId}' of shipper '{other.ShipperId}' is recorded.");
        await AssertNotFound(otherVersion, $"Attestation '{other.AttestationId}' of shipper '{other.ShipperId}' has no version 1.");
        await AssertNotFound(otherReceipt, $"No receipt for '{other.BlobPath}' yet: the document is unknown or still being processed.");
    }

    [Fact]
    public async Task A_Regulator_Reads_The_Violations_Of_Its_Own_Regime_Only()
    {
        await pipeline.RecordedSampleAsync();
        using var own = await pipeline.Regulator.GetAsync(new Uri("violations?regime=eu", UriKind.Relative));
        using var other = await pipeline.Regulator.GetAsync(new Uri("violations?regime=US", UriKind.Relative));
        using var byOperator = await pipeline.Operator.GetAsync(new Uri("violations?regime=US", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOperator.StatusCode);
        var body = await other.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("urn:pricecapattest:problem:forbidden", JsonNode.Parse(body)!["type"]!.GetValue<string>());
        Assert.Contains("A regulator of EU reads the violations of EU only, not of US.", body, StringComparison.Ordinal);
    }

    private static Uri Attestation(string shipper, string attestation) =>
        new($"attestations/{Uri.EscapeDataString(shipper)}/{Uri.EscapeDataString(attestation)}", UriKind.Relative);

    private static async Task AssertNotFound(HttpResponseMessage response, string detail)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:pricecapattest:problem:not-found", body["type"]!.GetValue<string>());
        Assert.Equal(detail, body["detail"]!.GetValue<string>());
    }
}
