namespace PriceCapAttest.Benchmarks.WebConsole;

/// <summary>
/// One console page the section loads: its path under /console/, whether it is opened signed in (the key through
/// <c>#key=</c> on a cold load), and the rows it must show before it counts as rendered with its data.
/// </summary>
public sealed record ConsolePage(string Name, string Path, bool SignedIn, string Heading, string? Data = null, int Count = 1)
{
    /// <summary>
    /// In the page: the time since navigation start (<c>performance.now()</c>) once the page's h1 reads
    /// <see cref="Heading"/>, nothing is loading (<c>[data-testid=loading]</c>) and at least <see cref="Count"/>
    /// elements of <see cref="Data"/> (the page's data: table rows, regime cards) are there; otherwise null
    /// (Playwright polls it every animation frame).
    /// </summary>
    public string RenderedScript =>
        $$"""
        () => {
          const h1 = document.querySelector("h1");
          if (!h1 || !h1.textContent.startsWith({{System.Text.Json.JsonSerializer.Serialize(Heading)}}) || h1.offsetParent === null) return null;
          if (document.querySelector("[data-testid=loading]")) return null;
          if ({{(Data is null ? "false" : $"document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(Data)}).length < {Count}")}}) return null;
          return performance.now();
        }
        """;

    /// <summary>
    /// In the page: the console's own files of this document load (the document and every resource under /console/),
    /// as [name, transferSize, encodedBodySize] from the resource timing entries; API calls (/api/) are left out.
    /// </summary>
    public const string OwnFilesScript =
        """
        () => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
          .filter(e => new URL(e.name).pathname.startsWith("/console/"))
          .map(e => [e.entryType === "navigation" ? "index.html" : new URL(e.name).pathname.substring("/console/".length), e.transferSize, e.encodedBodySize])
        """;
}
