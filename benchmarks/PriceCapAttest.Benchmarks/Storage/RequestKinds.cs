namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// The kind of a storage request as the reports count it: method, table / container / queue, point read or query,
/// batch, blob or messages, and the <c>comp=</c> operation (the same names for the client counter and the Azurite log).
/// </summary>
internal static class RequestKinds
{
    public static string Of(string method, string path, string query)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "(account)";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            resource = resource[..paren] + (resource.Length > paren + 2 ? " (point)" : " (query)");
        }
        else if (resource == "$batch")
        {
            resource = "table batch";
        }
        else if (segments.Length > 2)
        {
            resource += segments[2] == "messages" ? " messages" : " blob";
        }

        if (query.Contains("comp=", StringComparison.Ordinal))
        {
            resource += " comp=" + query[(query.IndexOf("comp=", StringComparison.Ordinal) + 5)..].Split('&')[0];
        }

        return method + " " + resource;
    }
}
