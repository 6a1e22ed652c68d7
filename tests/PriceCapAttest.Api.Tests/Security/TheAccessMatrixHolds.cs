using System.Net.Http.Headers;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>Every keyed route × role × own or other party answers the status of <see cref="AccessMatrix"/>, which docs/security.md shows.</summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class TheAccessMatrixHolds(LocalPipelineFixture pipeline)
{
    public static TheoryData<string, ApiRole, bool, int> Cells()
    {
        var data = new TheoryData<string, ApiRole, bool, int>();
        var roles = Enum.GetValues<ApiRole>();
        foreach (var (route, statuses) in AccessMatrix.Rows)
        {
            for (var i = 0; i < roles.Length; i++)
            {
                data.Add(route, roles[i], true, statuses[i].Own);
                data.Add(route, roles[i], false, statuses[i].Other);
            }
        }

        return data;
    }

    [Fact]
    public void The_Matrix_Has_One_Row_For_Each_Keyed_Route()
    {
        Assert.Equal(
            ApiRoutes.All.Where(r => !r.IsAnonymous).Select(r => r.Name).Order(StringComparer.Ordinal),
            AccessMatrix.Rows.Select(r => r.Route).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task The_Route_Answers_The_Status_Of_The_Matrix(string name, ApiRole role, bool own, int status)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var route = ApiRoutes.Named(name);
        var (path, body) = AccessMatrix.Request(route, own);
        var uri = path.Replace("{shipperId}", Uri.EscapeDataString(sample.ShipperId), StringComparison.Ordinal)
            .Replace("{attestationId}", Uri.EscapeDataString(sample.AttestationId), StringComparison.Ordinal)
            .Replace("{blobPath}", sample.BlobPath, StringComparison.Ordinal);
        var principal = AccessMatrix.Principals[role];
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(uri, UriKind.Relative));
        request.Headers.Add("x-functions-key", own ? principal.Own.Key : principal.Other.Key);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await pipeline.Anonymous.SendAsync(request);

        Assert.True(status == (int)response.StatusCode, $"{route.Method} {uri} as {role} ({(own ? "own" : "other")}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Docs_Security_Shows_The_Matrix()
    {
        var docs = (await File.ReadAllTextAsync(BuildInfo.RepositoryFile("docs/security.md"))).ReplaceLineEndings("\n");

        Assert.Contains(AccessMatrix.Markdown(), docs, StringComparison.Ordinal);
    }
}
