using System.Net;
using System.Net.Http.Json;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Api.Tests.Parties.PartyRequests;

namespace PriceCapAttest.Api.Tests.Parties;

/// <summary>
/// An insurer reads the attestations of the vessels in its fleet only (404 otherwise, the very answer of a missing one;
/// the vessel listing 403); a regulator those that engage its regime.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class ReadsFollowTheParty(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task An_Insurer_Reads_An_Attestation_Only_With_The_Vessel_In_Its_Fleet()
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var insurer = pipeline.ClientWith(LocalPipelineFixture.SecondInsurerKey);
        using var missing = await insurer.GetAsync(Attestation(sample.ShipperId, "NO-SUCH-ID"));
        var missingDetail = (await AssertProblemAsync(missing, HttpStatusCode.NotFound, "not-found"))["detail"]!.GetValue<string>();
        try
        {
            using var outside = await insurer.GetAsync(Attestation(sample.ShipperId, sample.AttestationId));
            using var outsideVessel = await insurer.GetAsync(Relative($"vessels/{LocalPipelineFixture.SampleImo}/attestations"));
            using var added = await PutFleetAsync(insurer, LocalPipelineFixture.SampleImo);
            using var inside = await insurer.GetAsync(Attestation(sample.ShipperId, sample.AttestationId));
            using var insideVessel = await insurer.GetAsync(Relative($"vessels/{LocalPipelineFixture.SampleImo}/attestations"));

            var detail = (await AssertProblemAsync(outside, HttpStatusCode.NotFound, "not-found"))["detail"]!.GetValue<string>();
            Assert.Equal(missingDetail.Replace("NO-SUCH-ID", sample.AttestationId, StringComparison.Ordinal), detail);
            await AssertProblemAsync(outsideVessel, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
            Assert.Equal(LocalPipelineFixture.SampleImo, (await inside.Content.ReadFromJsonAsync<AttestationAnswer>(ResultJson.Options))!.Imo);
            Assert.Equal(HttpStatusCode.OK, insideVessel.StatusCode);
        }
        finally
        {
            using var reset = await PutFleetAsync(insurer);
            reset.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_Regulator_Reads_An_Attestation_That_Engages_Its_Regime_And_Not_Another()
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var gb = pipeline.ClientWith(LocalPipelineFixture.GbRegulatorKey);

        var answer = await pipeline.Operator.GetFromJsonAsync<AttestationAnswer>(Attestation(sample.ShipperId, sample.AttestationId), ResultJson.Options);
        using var eu = await pipeline.Regulator.GetAsync(Attestation(sample.ShipperId, sample.AttestationId));
        using var notGb = await gb.GetAsync(Attestation(sample.ShipperId, sample.AttestationId));
        using var notGbVersion = await gb.GetAsync(Relative(Attestation(sample.ShipperId, sample.AttestationId) + "?version=1"));

        Assert.Contains(answer!.Regimes, r => r.Regime == "EU");
        Assert.DoesNotContain(answer.Regimes, r => r.Regime == "GB");
        Assert.Equal(HttpStatusCode.OK, eu.StatusCode);
        Assert.Equal(
            $"No attestation '{sample.AttestationId}' of shipper '{sample.ShipperId}' is recorded.",
            (await AssertProblemAsync(notGb, HttpStatusCode.NotFound, "not-found"))["detail"]!.GetValue<string>());
        Assert.Equal(
            $"Attestation '{sample.AttestationId}' of shipper '{sample.ShipperId}' has no version 1.",
            (await AssertProblemAsync(notGbVersion, HttpStatusCode.NotFound, "not-found"))["detail"]!.GetValue<string>());
    }
}
