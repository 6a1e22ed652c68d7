namespace PriceCapAttest.Pipeline.Api;

/// <summary>
/// One HTTP answer of the API, independent of the host that serves it (Functions worker or the local ASP.NET Core
/// host), so both send the same bytes. <see cref="Headers"/> holds extra response headers (e.g. the continuation
/// token of a CSV export).
/// </summary>
public sealed record ApiResponse(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public IReadOnlyDictionary<string, string> ExtraHeaders => Headers ?? EmptyHeaders;

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
