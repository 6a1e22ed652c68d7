using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PriceCapAttest.WebConsole;

/// <summary>The console on ASP.NET Core routing (the local host): <see cref="ConsoleFiles"/> at /console and below.</summary>
public static class ConsoleEndpoints
{
    /// <summary>Binds and validates (at start-up) the console's options from <paramref name="section"/> (e.g. LocalHost:Console).</summary>
    public static IServiceCollection AddPriceCapConsole(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ConsoleOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleOptions>>(new ConsoleOptionsValidator(section.Path));
        return services;
    }

    public static IEndpointRouteBuilder MapPriceCapConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // One route: "/console" and "/console/" both match it (routing ignores a trailing slash); ServeAsync redirects the first.
        app.MapMethods(ConsoleFiles.BasePath + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? path) => ConsoleFiles.ServeAsync(context, path))
            .ExcludeFromDescription();
        return app;
    }
}
