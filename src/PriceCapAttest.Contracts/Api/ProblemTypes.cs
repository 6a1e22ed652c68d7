namespace PriceCapAttest.Contracts;

/// <summary>The RFC 9457 problem types the API answers with (generated into docs/openapi.json).</summary>
public static class ProblemTypes
{
    public const string InvalidParameter = "urn:pricecapattest:problem:invalid-parameter";
    public const string Forbidden = "urn:pricecapattest:problem:forbidden";
    public const string NotFound = "urn:pricecapattest:problem:not-found";
    public const string Unauthorized = "urn:pricecapattest:problem:unauthorized";
    public const string RateLimited = "urn:pricecapattest:problem:rate-limited";
    public const string Conflict = "urn:pricecapattest:problem:conflict";
    public const string TooLarge = "urn:pricecapattest:problem:too-large";
    public const string UnsupportedMediaType = "urn:pricecapattest:problem:unsupported-media-type";
    public const string Internal = "urn:pricecapattest:problem:internal";
    public const string Unavailable = "urn:pricecapattest:problem:unavailable";
}
