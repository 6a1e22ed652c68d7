using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PriceCapAttest.WebConsole;

/// <summary>
/// Serves the console from <see cref="Root"/> (AppContext.BaseDirectory/console): a bundle file by its path below
/// /console/, <c>config.json</c>, and index.html for any other path (the console's own router shows the page, so deep
/// links work). A request delegate of its own, so a host without ASP.NET Core routing (an HTTP function) serves it alike.
/// </summary>
public static class ConsoleFiles
{
    public const string BasePath = "/console";
    public const string ConfigFile = "config.json";
    public const string IndexFile = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "console");

    /// <summary>
    /// Answers GET or HEAD /console/{path}; <paramref name="path"/> is below /console/ (null or empty: index.html, and
    /// /console without the slash redirects to /console/ so the bundle's relative addresses resolve).
    /// </summary>
    public static async Task ServeAsync(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetService<IOptions<ConsoleOptions>>()?.Value ?? new ConsoleOptions();
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        if (string.IsNullOrEmpty(path) && context.Request.Path.Value?.EndsWith('/') == false)
        {
            response.Redirect(BasePath + "/" + context.Request.QueryString);
            return;
        }

        if (string.Equals(path, ConfigFile, StringComparison.Ordinal))
        {
            ConsoleHeaders.Apply(response, options, "no-store");
            await response.WriteAsJsonAsync(ConsoleConfigAnswer.Of(options), Json, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var file = BundleFile(path) ?? Path.Combine(Root, IndexFile);
        if (!File.Exists(file))
        {
            ConsoleHeaders.Apply(response, options, "no-store");
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The console is not built: build src/PriceCapAttest.Console (it needs npm).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var name = Path.GetFileName(file);
        ConsoleHeaders.Apply(response, options, ConsoleHeaders.IsHashed(name) ? ConsoleHeaders.Immutable : ConsoleHeaders.NoCache);
        response.ContentType = ContentTypes.TryGetContentType(name, out var type) ? WithCharset(type) : "application/octet-stream";
        response.ContentLength = new FileInfo(file).Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The file of the bundle at <paramref name="path"/>, or null when there is none (outside the folder included).</summary>
    private static string? BundleFile(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var root = Path.GetFullPath(Root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    private static string WithCharset(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript" or "application/json"
            ? type + "; charset=utf-8"
            : type;
}
