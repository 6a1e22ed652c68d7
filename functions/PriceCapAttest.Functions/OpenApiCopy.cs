namespace PriceCapAttest.Functions;

/// <summary>docs/openapi.json, embedded at build: the document the local host generates (a test keeps them equal).</summary>
public static class OpenApiCopy
{
    public const string ResourceName = "PriceCapAttest.openapi.json";

    public static Stream Open() =>
        typeof(OpenApiCopy).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
}
