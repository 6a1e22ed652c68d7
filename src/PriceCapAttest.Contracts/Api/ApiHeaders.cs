namespace PriceCapAttest.Contracts;

/// <summary>Header and query names of the API.</summary>
public static class ApiHeaders
{
    /// <summary>The function key header (as on Azure Functions); the query alternative is <see cref="KeyQuery"/>.</summary>
    public const string Key = "x-functions-key";

    public const string KeyQuery = "code";

    /// <summary>On a CSV export cut short, the token that asks for the rest (JSON answers carry it in the body).</summary>
    public const string ContinuationToken = "x-continuation-token";
}
