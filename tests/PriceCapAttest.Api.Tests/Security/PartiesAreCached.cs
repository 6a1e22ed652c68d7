using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Pipeline;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The party of an App Service principal is read from the Parties table once per <see cref="PartyDirectory.CacheFor"/>:
/// an entity added, changed or removed takes effect when the cached answer expires, not on every request.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class PartiesAreCached(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task An_Entity_Change_Takes_Effect_After_The_Cache_Time()
    {
        var tables = new TableServiceClient(pipeline.StorageConnectionString);
        var table = tables.GetTableClient(StorageNames.Tables.Parties);
        await table.CreateIfNotExistsAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var directory = new PartyDirectory(tables, time);
        var insurer = new ClientIdentity(ApiRole.Insurer, Guid.NewGuid().ToString("D"));

        Assert.Null(await directory.PrincipalOfAsync(insurer, CancellationToken.None));
        await table.UpsertEntityAsync(new TableEntity(insurer.ObjectId, "Insurer") { [PartyDirectory.PartyIdProperty] = "insurer-1" });
        Assert.Null(await directory.PrincipalOfAsync(insurer, CancellationToken.None));

        time.Advance(PartyDirectory.CacheFor);
        Assert.Equal(new Principal(ApiRole.Insurer, "insurer-1"), await directory.PrincipalOfAsync(insurer, CancellationToken.None));

        await table.DeleteEntityAsync(insurer.ObjectId, "Insurer");
        time.Advance(PartyDirectory.CacheFor - TimeSpan.FromSeconds(1));
        Assert.Equal(new Principal(ApiRole.Insurer, "insurer-1"), await directory.PrincipalOfAsync(insurer, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await directory.PrincipalOfAsync(insurer, CancellationToken.None));
    }

    [Fact]
    public async Task An_Operator_Without_An_Entity_Acts_As_Its_Object_Id_And_With_One_As_Its_Party()
    {
        var tables = new TableServiceClient(pipeline.StorageConnectionString);
        await tables.GetTableClient(StorageNames.Tables.Parties).CreateIfNotExistsAsync();
        var directory = new PartyDirectory(tables, TimeProvider.System);
        var bare = new ClientIdentity(ApiRole.Operator, Guid.NewGuid().ToString("D"));
        var named = new ClientIdentity(ApiRole.Operator, Guid.NewGuid().ToString("D"));
        await tables.GetTableClient(StorageNames.Tables.Parties).UpsertEntityAsync(new TableEntity(named.ObjectId, "Operator") { [PartyDirectory.PartyIdProperty] = "ops-team" });

        Assert.Equal(new Principal(ApiRole.Operator, bare.ObjectId), await directory.PrincipalOfAsync(bare, CancellationToken.None));
        Assert.Equal(new Principal(ApiRole.Operator, "ops-team"), await directory.PrincipalOfAsync(named, CancellationToken.None));
    }
}
