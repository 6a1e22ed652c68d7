namespace PriceCapAttest.Api;

/// <summary>The media types the API answers with.</summary>
public static class ApiContentTypes
{
    public const string Json = "application/json; charset=utf-8";
    public const string Problem = "application/problem+json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";
}
