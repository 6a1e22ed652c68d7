namespace PriceCapAttest.Domain.Reading;

public enum DocumentFormat
{
    Json,
    Csv,
}

public static class DocumentFormats
{
    /// <summary>The format of a file by its extension (case-insensitive); null when neither .json nor .csv.</summary>
    public static DocumentFormat? FromFileName(string name) =>
        Path.GetExtension(name).ToUpperInvariant() switch
        {
            ".JSON" => DocumentFormat.Json,
            ".CSV" => DocumentFormat.Csv,
            _ => null,
        };
}
