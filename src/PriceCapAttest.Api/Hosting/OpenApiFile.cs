using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace PriceCapAttest.Api.Hosting;

/// <summary>
/// Writes the generated OpenAPI document to a file (the local host's <c>--write-openapi PATH</c>;
/// tools/refresh-openapi.sh keeps docs/openapi.json current with it). The app starts its web server only, on a
/// free loopback port, so routing knows the endpoints: no trigger, no background job, no storage needed.
/// </summary>
public static class OpenApiFile
{
    /// <summary>The command-line option (and configuration key) naming the file to write.</summary>
    public const string Option = "write-openapi";

    /// <summary>Drops every background service but the web server's, and listens on a free loopback port.</summary>
    public static void WebOnly(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var background = builder.Services
            .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name != "GenericWebHostService")
            .ToList();
        foreach (var descriptor in background)
        {
            builder.Services.Remove(descriptor);
        }
    }

    public static async Task WriteAsync(WebApplication app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync().ConfigureAwait(false);
            var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            await using (file.ConfigureAwait(false))
            {
                document.SerializeAsV31(new OpenApiJsonWriter(file));
                await file.WriteLineAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }
}
