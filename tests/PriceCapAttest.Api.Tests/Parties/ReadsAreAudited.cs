using System.Net;
using System.Net.Http.Json;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Api.Tests.Parties.PartyRequests;

namespace PriceCapAttest.Api.Tests.Parties;

/// <summary>
/// GET /api/audit: a shipper lists exactly the reads of its attestations by insurers, regulators and operators (refused
/// reads are not recorded), and only its own, whatever the request names.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class ReadsAreAudited(LocalPipelineFixture pipeline)
{
    /// <summary>A vessel no other test uploads: its listing holds this test's attestation only.</summary>
    private const string Imo = "9395044";

    [Fact]
    public async Task A_Shipper_Lists_Exactly_The_Reads_Of_Its_Attestations()
    {
        var shipper = LocalPipelineFixture.SecondShipper;
        var attestationId = "ATT-AUDIT-" + Guid.NewGuid().ToString("N")[..8];
        using var owner = pipeline.ClientWith(LocalPipelineFixture.SecondShipperKey);
        using var insurer = pipeline.ClientWith(LocalPipelineFixture.SecondInsurerKey);
        using var gb = pipeline.ClientWith(LocalPipelineFixture.GbRegulatorKey);
        using var upload = await UploadAsync(owner, $"name={attestationId}.json", await SampleAsync(attestationId, Imo), "application/json");
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        await RecordedAsync(owner, shipper, attestationId);
        var before = await ListAsync(owner, "");
        var path = Attestation(shipper, attestationId);
        try
        {
            using var refusedInsurer = await insurer.GetAsync(path);
            using var refusedGb = await gb.GetAsync(path);
            using var refusedVessel = await insurer.GetAsync(Relative($"vessels/{Imo}/attestations"));
            Assert.Equal(HttpStatusCode.NotFound, refusedInsurer.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, refusedGb.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, refusedVessel.StatusCode);

            using var fleet = await PutFleetAsync(insurer, Imo);
            using var byInsurer = await insurer.GetAsync(path);
            using var byRegulator = await pipeline.Regulator.GetAsync(Relative(path + "?version=1"));
            using var byOperator = await pipeline.Operator.GetAsync(Relative($"vessels/{Imo}/attestations"));
            using var byOwner = await owner.GetAsync(path);
            Assert.All([byInsurer, byRegulator, byOperator, byOwner], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }
        finally
        {
            using var reset = await PutFleetAsync(insurer);
            reset.EnsureSuccessStatusCode();
        }

        var after = await ListAsync(owner, "?shipperId=" + LocalPipelineFixture.SampleShipper);
        var made = after.Where(a => before.All(b => b.Id != a.Id)).ToList();
        Assert.Equal(
            new[]
            {
                (ReaderRole.Operator, "ops", (int?)1, "GetVesselAttestations"),
                (ReaderRole.Regulator, "EU", 1, "GetAttestation"),
                (ReaderRole.Insurer, "insurer-2", 1, "GetAttestation"),
            },
            made.Select(a => (a.Role, a.PartyId, a.Version, a.Route)));
        Assert.All(made, a => Assert.Equal((shipper, attestationId), (a.ShipperId, a.AttestationId)));
        Assert.All(after, a => Assert.Equal(shipper, a.ShipperId));
        Assert.DoesNotContain(await ListAsync(pipeline.Shipper, ""), a => a.AttestationId == attestationId);
        var window = await ListAsync(owner, $"?from={Uri.EscapeDataString(made[^1].ReadAt.ToString("O"))}&to={Uri.EscapeDataString(made[1].ReadAt.AddMilliseconds(1).ToString("O"))}");
        Assert.Equal(made.Skip(1).Select(a => a.Id), window.Select(a => a.Id));
    }

    [Fact]
    public async Task Only_A_Shipper_Reads_An_Audit()
    {
        using var byOperator = await pipeline.Operator.GetAsync(Relative("audit"));
        using var badTime = await pipeline.Shipper.GetAsync(Relative("audit?from=yesterday"));

        await AssertProblemAsync(byOperator, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(["from"], Fields(await AssertProblemAsync(badTime, HttpStatusCode.BadRequest, "invalid-parameter")));
    }

    private static async Task<List<AuditEntry>> ListAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<PagedAnswer<AuditEntry>>(Relative("audit" + query), ResultJson.Options);
        return [.. page!.Items];
    }
}
