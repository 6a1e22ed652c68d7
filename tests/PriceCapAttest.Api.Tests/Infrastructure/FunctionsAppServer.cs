using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Functions;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// The Functions app's HTTP functions on an ASP.NET Core test server: its services (<see cref="FunctionsServices"/>)
/// over the same storage and keys as the local host, and for each [Function] method with an [HttpTrigger] found in
/// its assembly, the trigger's route (under host.json's route prefix) and methods mapped to a call of that method, as the Functions host
/// would call it. So the functions' own route attributes are what the tests reach.
/// </summary>
public sealed class FunctionsAppServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsAppServer(WebApplication app, HttpClient client) => (_app, Client) = (app, client);

    /// <summary>A client of the test server, base address .../api/.</summary>
    public HttpClient Client { get; }

    public static IEnumerable<(MethodInfo Method, string Name, HttpTriggerAttribute Trigger)> HttpFunctions =>
        from type in typeof(HttpApi).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where function is not null && trigger is not null
        select (method, function.Name, trigger);

    /// <summary>host.json's extensions.http.routePrefix with a trailing slash ("" when empty), as the Functions host prefixes trigger routes.</summary>
    public static string HostRoutePrefix
    {
        get
        {
            using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("host.json")));
            var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString() ?? "";
            return prefix.Length == 0 ? "" : prefix.Trim('/') + "/";
        }
    }

    /// <param name="startServices">False: no background service (the storage initializer needs reachable storage).</param>
    /// <param name="services">Services registered before the app's own (which are added only where none is).</param>
    public static async Task<FunctionsAppServer> StartAsync(IDictionary<string, string?> settings, bool startServices = true, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        builder.Services.AddPriceCapFunctions(builder.Configuration);
        if (!startServices)
        {
            foreach (var background in builder.Services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType?.Name != "GenericWebHostService").ToList())
            {
                builder.Services.Remove(background);
            }
        }
        var app = builder.Build();
        foreach (var (method, _, trigger) in HttpFunctions)
        {
            var pattern = "/" + HostRoutePrefix + trigger.Route;
            var methods = trigger.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? [HttpMethods.Get, HttpMethods.Post];
            app.MapMethods(pattern, methods, (RequestDelegate)(context => CallAsync(method, context)));
        }

        await app.StartAsync();
        var client = app.GetTestClient();
        client.BaseAddress = new Uri(client.BaseAddress!, "/api/");
        return new FunctionsAppServer(app, client);
    }

    private static async Task CallAsync(MethodInfo method, HttpContext context)
    {
        var function = ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? context.Request :
            p.ParameterType == typeof(FunctionContext) ? (object)new TestFunctionContext(context) :
            throw new InvalidOperationException($"{method.Name}: no test binding for parameter {p.Name}")).ToArray();
        var result = await (Task<IActionResult>)method.Invoke(function, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
