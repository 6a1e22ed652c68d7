using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.WebConsole;

namespace PriceCapAttest.Functions;

/// <summary>
/// The web console at /console/ (docs/console.md), served by the app itself as the local host serves it: same origin
/// as the API, same files and headers. No key: the console signs in with Entra ID (or a key) in the browser.
/// </summary>
public sealed class WebConsole
{
    public const string FunctionName = "GetConsole";

    [Function(FunctionName)]
    public async Task<IActionResult> Serve([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "console/{*path}")] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var path = context.BindingContext.BindingData.TryGetValue("path", out var value) ? value?.ToString() : null;
        await ConsoleFiles.ServeAsync(request.HttpContext, path).ConfigureAwait(false);
        return new EmptyResult();
    }
}
