using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// App Service authentication: with <c>Authentication:AppService</c> on, the Functions app takes the principal from
/// x-ms-client-principal (role from the app role claim, party from the Parties table entity of its object id and
/// role) where App Service authentication runs (WEBSITE_AUTH_ENABLED=True); otherwise, and always on the local host,
/// where anyone can send that header, it admits no one by it.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class AppServicePrincipals(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task With_App_Service_Authentication_The_Parties_Table_Names_The_Party()
    {
        var sample = await pipeline.RecordedSampleAsync();
        var (insurer, shipper, other, regulator) = (NewOid(), NewOid(), NewOid(), NewOid());
        await AddPartyAsync(insurer, "Insurer", "insurer-9");
        await AddPartyAsync(shipper, "Shipper", sample.ShipperId);
        await AddPartyAsync(other, "Shipper", "someone-else");
        await AddPartyAsync(regulator, "Regulator", "GB");
        await using var functions = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "schedule", Principal("Insurer", insurer)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "receipts/" + sample.BlobPath, Principal("Insurer", insurer)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "receipts/" + sample.BlobPath, Principal("Shipper", shipper)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(functions.Client, "receipts/" + sample.BlobPath, Principal("Shipper", other)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "violations?regime=GB", Principal("Regulator", regulator)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "violations?regime=EU", Principal("Regulator", regulator)));
        // A party claim is no party: the entity names it.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "violations?regime=EU", FunctionsAppRoles.Header(("roles", "Regulator"), ("oid", regulator), ("party", "EU"))));

        // The header wins over a key: an operator key does not lift an insurer principal.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "rescreens", Principal("Insurer", insurer), LocalPipelineFixture.OperatorKey));
        // Without the header, the keys still work.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "rescreens", null, LocalPipelineFixture.OperatorKey));
    }

    [Fact]
    public async Task A_Principal_Without_An_Entity_For_Its_Role_Is_403_Except_An_Operator()
    {
        var (insurer, regulator, invalid, operatorOid) = (NewOid(), NewOid(), NewOid(), NewOid());
        await AddPartyAsync(regulator, "Insurer", "insurer-9"); // an entity for another role
        await AddPartyAsync(invalid, "Regulator", "XX"); // no regime
        await using var functions = await StartAsync();

        using var refused = await SendAsync(functions.Client, "schedule", Principal("Insurer", insurer), null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains("no party for it in the Parties table", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(insurer, detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "violations?regime=GB", Principal("Regulator", regulator)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "violations?regime=GB", Principal("Regulator", invalid)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "rescreens", Principal("Operator", operatorOid)));
    }

    [Theory]
    [InlineData("Admin", false, HttpStatusCode.Forbidden)]
    [InlineData("operator", false, HttpStatusCode.Forbidden)]
    [InlineData("Operator", true, HttpStatusCode.Forbidden)] // no object id
    [InlineData("forged", false, HttpStatusCode.Unauthorized)]
    public async Task An_Unknown_Role_Or_No_Object_Id_Is_403_And_A_Forged_Header_401(string role, bool withoutOid, HttpStatusCode status)
    {
        await using var functions = await StartAsync();
        var header = role == "forged" ? "eyJub3QiOiJhIHByaW5jaXBhbCJ9"
            : withoutOid ? FunctionsAppRoles.Header(("roles", role), ("party", "ops"))
            : Principal(role, NewOid());

        using var response = await SendAsync(functions.Client, "rescreens", header, null);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_The_Setting_And_On_The_Local_Host_The_Header_Admits_No_One()
    {
        await using var functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());
        var header = Principal("Operator", NewOid());

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(functions.Client, "rescreens", header));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(pipeline.Anonymous, "rescreens", header));
        // With a key, the key's principal alone counts: an insurer key with an operator header is an insurer.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(pipeline.Anonymous, "rescreens", header, LocalPipelineFixture.InsurerKey));
    }

    [Fact]
    public async Task Without_WEBSITE_AUTH_ENABLED_the_header_admits_no_one_even_with_the_setting()
    {
        var oid = NewOid();
        await AddPartyAsync(oid, "Insurer", "insurer-9");
        var settings = pipeline.HostSettings();
        settings["Authentication:AppService"] = "true";
        await using var functions = await FunctionsAppServer.StartAsync(settings);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(functions.Client, "schedule", Principal("Insurer", oid)));
        settings[AccessCheck.AppServiceAuthEnabled] = "False";
        await using var off = await FunctionsAppServer.StartAsync(settings);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(off.Client, "schedule", Principal("Insurer", oid)));
        await using var on = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(on.Client, "schedule", Principal("Insurer", oid)));
    }

    [Fact]
    public async Task An_unreachable_Parties_table_is_503_problem_json_not_a_fault()
    {
        var settings = pipeline.HostSettings();
        settings["Authentication:AppService"] = "true";
        settings[AccessCheck.AppServiceAuthEnabled] = "True";
        var port = PriceCapAttest.Testing.Loopback.FreePort();
        var dead = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        await using var functions = await FunctionsAppServer.StartAsync(settings, services: s => s.AddSingleton(new PartyDirectory(dead, TimeProvider.System)));

        using var response = await SendAsync(functions.Client, "schedule", Principal("Insurer", NewOid()), null);

        Assert.Contains("Parties table", await BearerTokensAreValidated.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
        // A keyed request does not need the table.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "schedule", null, LocalPipelineFixture.InsurerKey));
    }

    [Fact]
    public async Task A_bearer_token_on_a_host_without_bearer_validation_is_401_saying_it_takes_keys()
    {
        await using var functions = await StartAsync();
        foreach (var client in new[] { pipeline.Anonymous, functions.Client })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("schedule", UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.");
            using var response = await client.SendAsync(request);

            var detail = await BearerTokensAreValidated.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("This host does not accept bearer tokens; send an API key in the 'x-functions-key' header.", detail);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    private static string Principal(string role, string oid) => FunctionsAppRoles.Header(("roles", role), ("oid", oid));

    private static string NewOid() => Guid.NewGuid().ToString("D");

    private Task<FunctionsAppServer> StartAsync()
    {
        var settings = pipeline.HostSettings();
        settings["Authentication:AppService"] = "true";
        // What App Service sets where its authentication runs; without it the header is never trusted.
        settings[AccessCheck.AppServiceAuthEnabled] = "True";
        return FunctionsAppServer.StartAsync(settings);
    }

    private async Task AddPartyAsync(string oid, string role, string partyId)
    {
        var table = new TableClient(pipeline.StorageConnectionString, StorageNames.Tables.Parties);
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity(oid, role) { [PartyDirectory.PartyIdProperty] = partyId });
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string uri, string? header, string? key = null)
    {
        using var response = await SendAsync(client, uri, header, key);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Assert.StartsWith("urn:pricecapattest:problem:", JsonNode.Parse(body)!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string uri, string? header, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, UriKind.Relative));
        if (header is not null)
        {
            request.Headers.Add("x-ms-client-principal", header);
        }

        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await client.SendAsync(request);
    }
}
