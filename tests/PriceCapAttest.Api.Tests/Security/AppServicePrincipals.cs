using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// App Service authentication: with <c>Authentication:AppService</c> on, the Functions app takes the principal from
/// x-ms-client-principal (role from the app role claim, party from the party claim); off, and always on the local
/// host, where anyone can send that header, it admits no one by it.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class AppServicePrincipals(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task With_App_Service_Authentication_The_Header_Names_Role_And_Party()
    {
        var sample = await pipeline.RecordedSampleAsync();
        var settings = pipeline.HostSettings();
        settings["Authentication:AppService"] = "true";
        await using var functions = await FunctionsAppServer.StartAsync(settings);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "schedule", Principal("Insurer", "insurer-9")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "receipts/" + sample.BlobPath, Principal("Insurer", "insurer-9")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "receipts/" + sample.BlobPath, Principal("Shipper", sample.ShipperId)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(functions.Client, "receipts/" + sample.BlobPath, Principal("Shipper", "someone-else")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "violations?regime=GB", FunctionsAppRoles.Header(("roles", "Regulator"), ("extension_party", "GB"))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "violations?regime=EU", FunctionsAppRoles.Header(("roles", "Regulator"), ("extension_party", "GB"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "rescreens", Principal("Operator", "ops")));

        // The header wins over a key: an operator key does not lift an insurer principal.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(functions.Client, "rescreens", Principal("Insurer", "insurer-9"), LocalPipelineFixture.OperatorKey));
        // Without the header, the keys still work.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(functions.Client, "rescreens", null, LocalPipelineFixture.OperatorKey));
    }

    [Theory]
    [InlineData("Admin", "ops", HttpStatusCode.Forbidden)]
    [InlineData("operator", "ops", HttpStatusCode.Forbidden)]
    [InlineData("Operator", "not a party", HttpStatusCode.Forbidden)]
    [InlineData("forged", null, HttpStatusCode.Unauthorized)]
    public async Task An_Unknown_Role_Or_Party_Is_403_And_A_Forged_Header_401(string role, string? party, HttpStatusCode status)
    {
        var settings = pipeline.HostSettings();
        settings["Authentication:AppService"] = "true";
        await using var functions = await FunctionsAppServer.StartAsync(settings);
        var header = party is null ? "eyJub3QiOiJhIHByaW5jaXBhbCJ9" : Principal(role, party);

        using var response = await SendAsync(functions.Client, "rescreens", header, null);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_The_Setting_And_On_The_Local_Host_The_Header_Admits_No_One()
    {
        await using var functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());
        var header = Principal("Operator", "ops");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(functions.Client, "rescreens", header));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(pipeline.Anonymous, "rescreens", header));
        // With a key, the key's principal alone counts: an insurer key with an operator header is an insurer.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(pipeline.Anonymous, "rescreens", header, LocalPipelineFixture.InsurerKey));
    }

    private static string Principal(string role, string party) => FunctionsAppRoles.Header(("roles", role), ("party", party));

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
