using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// Hostile values in every route and query parameter, through the local host: two shippers hold the same attestation
/// id; whatever the first one's caller sends (filter syntax, quotes, escapes, wildcards, dot segments, very long or
/// control characters, forged continuation tokens), the answer is 400 or 404 (414 for an over-long request line; for
/// a token, a page of its own partition only), and nothing of the second shipper comes back.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class InjectionIsRefused(LocalPipelineFixture pipeline)
{
    private const string AttestationId = "ATT-2026-0043";

    public static TheoryData<string> HostileIds() =>
    [
        "x' or PartitionKey ne '",
        "' or 1 eq 1 or '",
        "x\" or PartitionKey ne \"",
        "%27",
        "%2527",
        "*",
        "..",
        ".",
        "%2E%2E",
        "~7C",
        "|",
        "a%2Fb",
        "a%00b",
        "a%01b",
        "a%0Ab",
        "a%7Fb",
        new string('a', 5000),
        string.Concat(Enumerable.Repeat("%F0%9F%9A%A2", 300)),
        "PartitionKey ge ''",
        "$filter=PartitionKey ne ''",
    ];

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static (string A, string B)? _shippers;

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task A_Hostile_Shipper_Or_Attestation_Id_Is_400_Or_404_And_Shows_No_Other_Shipper(string hostile)
    {
        var (a, b) = await ShippersAsync();
        string[] uris =
        [
            $"attestations/{hostile}/{AttestationId}",
            $"attestations/{a}/{hostile}",
            $"attestations/{Uri.EscapeDataString(a)}{hostile}/{AttestationId}",
            $"attestations/{a}/{AttestationId}{hostile}",
            $"attestations/{hostile}/{hostile}",
            $"attestations/{a}/{AttestationId}?version={hostile}",
            $"receipts/attestations/{a}/{hostile}",
            $"receipts/attestations/{hostile}/violation-eu.json",
            $"receipts/attestations/{a}/{hostile}/violation-eu.json",
            $"receipts/{hostile}",
        ];
        foreach (var uri in uris)
        {
            // Receipts are the operator's (and each shipper's own): the operator reads any path, so the parsing is what refuses.
            await AssertRefusedAsync(uri.StartsWith("receipts/", StringComparison.Ordinal) ? pipeline.Operator : pipeline.Insurer, uri, b);
        }
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task A_Hostile_Imo_Regime_Date_Or_Page_Size_Is_400(string hostile)
    {
        var (_, b) = await ShippersAsync();
        await AssertRefusedAsync(pipeline.Insurer, $"vessels/{hostile}/attestations", b);
        await AssertRefusedAsync(pipeline.Insurer, $"vessels/9074729/attestations?from={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Insurer, $"vessels/9074729/attestations?to={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Insurer, $"vessels/9074729/attestations?pageSize={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Insurer, $"vessels/9074729/attestations?continuationToken={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Regulator, $"violations?regime={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Regulator, $"violations?regime=EU&from={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Regulator, $"violations?regime=EU&continuationToken={hostile}", b, badRequestOnly: true);
        await AssertRefusedAsync(pipeline.Insurer, $"schedule?asOf={hostile}", b, badRequestOnly: true);
    }

    public static TheoryData<string, string> ForgedTokens() => new()
    {
        // A token bound to another partition, or wrapping storage keys of another partition or with filter syntax.
        { "vessels/9074729/attestations", Token("9074728", "1!8!OTA3NDcyOA-- 1!20!MjAyNjAzMDJ8c2hpcHBlcg--") },
        { "vessels/9074729/attestations", Token("9074729", "x' or PartitionKey ne ' y") },
        { "vessels/9074729/attestations", Token("9074729", "EU 20260302") },
        { "vessels/9074729/attestations", Token("9074729", "9074729 " + new string('z', 3000)) },
        { "vessels/9074729/attestations", Token("9074729", "a\u0001b c") },
        { "vessels/9074729/attestations", Token("9074729\n9074729", "a b") },
        { "violations?regime=EU", Token("GB", "GB 20260302") },
        { "violations?regime=EU", Token("EU", "GB 20260302") },
        { "violations?regime=EU", Token("EU", "") },
        { "violations?regime=EU", "not base64 at all" },
        { "violations?regime=EU", Base64Url.EncodeToString(Encoding.UTF8.GetBytes("EU")) },
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_Forged_Continuation_Token_Is_400_Or_Stays_In_Its_Own_Partition(string route, string token)
    {
        var (_, b) = await ShippersAsync();
        var client = route.StartsWith("violations", StringComparison.Ordinal) ? pipeline.Regulator : pipeline.Insurer;
        var separator = route.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var response = await client.GetAsync(new Uri($"{route}{separator}continuationToken={Uri.EscapeDataString(token)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        if (response.StatusCode == HttpStatusCode.OK)
        {
            // The filter keeps any page in the route's partition whatever the token says.
            var items = JsonNode.Parse(body)!["items"]!.AsArray();
            var expected = route.StartsWith("violations", StringComparison.Ordinal) ? ("regime", "EU") : ("imo", "9074729");
            Assert.All(items, i => Assert.Equal(expected.Item2, i![expected.Item1]!.GetValue<string>()));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("continuationToken", JsonNode.Parse(body)!["errors"]![0]!["field"]!.GetValue<string>());
            Assert.DoesNotContain(b, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Token_Of_One_Query_Does_Not_Open_Another()
    {
        await ShippersAsync();
        using var first = await pipeline.Insurer.GetAsync(new Uri("vessels/9074729/attestations?pageSize=1", UriKind.Relative));
        var token = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["continuationToken"]!.GetValue<string>();

        using var sameQuery = await pipeline.Insurer.GetAsync(new Uri($"vessels/9074729/attestations?pageSize=1&continuationToken={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var otherVessel = await pipeline.Insurer.GetAsync(new Uri($"vessels/9074728/attestations?continuationToken={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var violations = await pipeline.Regulator.GetAsync(new Uri($"violations?regime=EU&continuationToken={Uri.EscapeDataString(token)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, sameQuery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherVessel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, violations.StatusCode);
    }

    private static string Token(string partition, string storageToken) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(partition + "\n" + storageToken));

    private async Task AssertRefusedAsync(HttpClient client, string uri, string otherShipper, bool badRequestOnly = false)
    {
        using var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var sent = response.RequestMessage!.RequestUri!.OriginalString;

        // 414: the server refuses an over-long request line. A dot segment the client normalised away asked for
        // something else (the caller's own record): it only must not show the other shipper.
        var normalisedAway = (uri.Contains("/./", StringComparison.Ordinal) || uri.Contains("/../", StringComparison.Ordinal)) && !sent.Contains("/.", StringComparison.Ordinal);
        Assert.True(normalisedAway || status == 414 || (badRequestOnly ? status == 400 : status is 400 or 404), $"{uri}: {status} {body}");
        if (!normalisedAway && body.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } media)
        {
            Assert.Equal("application/problem+json", media);
        }

        Assert.DoesNotContain(otherShipper, body, StringComparison.Ordinal);
        if (!normalisedAway)
        {
            Assert.DoesNotContain("\"verdict\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"sha256\"", body, StringComparison.Ordinal);
        }
    }

    /// <summary>Two shippers with the same attestation (samples/json/violation-eu.json), recorded once.</summary>
    private async Task<(string A, string B)> ShippersAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (_shippers is null)
            {
                var content = await File.ReadAllBytesAsync(BuildInfo.RepositoryFile("samples/json/violation-eu.json"));
                var a = await pipeline.UploadAndWaitAsync(LocalPipelineFixture.NewShipper(), "violation-eu.json", content, AttestationId);
                var b = await pipeline.UploadAndWaitAsync(LocalPipelineFixture.NewShipper(), "violation-eu.json", content, AttestationId);
                _shippers = (a.ShipperId, b.ShipperId);
            }

            return _shippers.Value;
        }
        finally
        {
            Lock.Release();
        }
    }
}
