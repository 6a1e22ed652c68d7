using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Parties;
using static PriceCapAttest.Api.Tests.Parties.PartyRequests;

namespace PriceCapAttest.Api.Tests.Parties;

/// <summary>PUT and GET /api/fleet: an insurer replaces and reads its own fleet only; bad IMO numbers are each named.</summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class FleetsThroughTheApi(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task An_Insurer_Replaces_And_Reads_Its_Own_Fleet_And_Each_Change_Is_In_Its_History()
    {
        using var insurer = pipeline.ClientWith(LocalPipelineFixture.SecondInsurerKey);
        try
        {
            using var first = await PutFleetAsync(insurer, "IMO 9395044", "9395044");
            using var second = await PutFleetAsync(insurer, "9395044", "9074729");
            var own = await insurer.GetFromJsonAsync<Fleet>(Relative("fleet"), ResultJson.Options);
            var other = await pipeline.Insurer.GetFromJsonAsync<Fleet>(Relative("fleet"), ResultJson.Options);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var stored = (await second.Content.ReadFromJsonAsync<Fleet>(ResultJson.Options))!;
            Assert.Equal(["9074729", "9395044"], stored.Imos);
            Assert.Equal("insurer-2", stored.InsurerId);
            Assert.Equal(Shape(stored), Shape(own!));
            Assert.Equal(["9074729"], other!.Imos);

            var history = await new FleetStore(new TableServiceClient(pipeline.StorageConnectionString), TimeProvider.System)
                .GetHistoryAsync("insurer-2", null, 2, CancellationToken.None);
            Assert.Equal(stored.Revision, history.Items[0].Revision);
            Assert.Equal(["9074729"], history.Items[0].Added);
            Assert.Equal(["9395044"], history.Items[1].Added);
        }
        finally
        {
            using var reset = await PutFleetAsync(insurer);
            reset.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Bad_Imo_Numbers_Are_Each_Named_And_The_Fleet_Is_Unchanged()
    {
        using var insurer = pipeline.ClientWith(LocalPipelineFixture.SecondInsurerKey);
        var before = await insurer.GetFromJsonAsync<Fleet>(Relative("fleet"), ResultJson.Options);

        using var bad = await PutFleetAsync(insurer, "9395044", "9074728", "not an imo");
        using var notJson = await insurer.PutAsync(Relative("fleet"), new StringContent("[1,2", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["imos[1]", "imos[2]"], Fields(await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "invalid-parameter")));
        Assert.Equal(["imos"], Fields(await AssertProblemAsync(notJson, HttpStatusCode.BadRequest, "invalid-parameter")));
        Assert.Equal(Shape(before!), Shape((await insurer.GetFromJsonAsync<Fleet>(Relative("fleet"), ResultJson.Options))!));
    }

    [Fact]
    public async Task An_Insurer_That_Never_Stored_A_Fleet_Has_An_Empty_One_And_Only_Insurers_Have_Fleets()
    {
        using var empty = await pipeline.ClientWith(LocalPipelineFixture.SecondInsurerKey).GetAsync(Relative("fleet"));
        using var byShipper = await pipeline.Shipper.GetAsync(Relative("fleet"));
        using var byOperator = await PutFleetAsync(pipeline.Operator, "9074729");

        var fleet = (await empty.Content.ReadFromJsonAsync<Fleet>(ResultJson.Options))!;
        Assert.Equal("insurer-2", fleet.InsurerId);
        Assert.Empty(fleet.Imos);
        await AssertProblemAsync(byShipper, HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(byOperator, HttpStatusCode.Forbidden, "forbidden");
    }

    private static (string, string, DateTimeOffset?, int) Shape(Fleet fleet) => (fleet.InsurerId, string.Join(',', fleet.Imos), fleet.UpdatedAt, fleet.Revision);
}
