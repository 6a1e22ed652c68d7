using Microsoft.Extensions.Options;
using PriceCapAttest.LocalHost;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.WebConsole;

// One process: the WebJobs host (blob and queue triggers) and Kestrel (the HTTP API), sharing one container.
// Content root = the program folder, so appsettings.json and host.json are found from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// host.json (shared with the Functions app) tunes the triggers only; it is not part of the app configuration.
var hostJson = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("host.json", optional: true).Build();

var local = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
builder.WebHost.UseUrls(local.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
builder.Services.AddOptions<LocalHostOptions>()
    .Bind(builder.Configuration.GetSection(LocalHostOptions.Section))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<LocalHostOptions>, LocalHostOptionsValidator>();
// The request-start line of ASP.NET Core hosting carries the query string, where a key may be (?code=): never logged.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);

// Registered before the WebJobs host so the storage initializer (a hosted service) has created the containers and
// queues before the listeners start.
builder.Services
    .AddPriceCapPipeline(builder.Configuration)
    .AddPriceCapAlerts(builder.Configuration)
    .AddPriceCapHttpApi(builder.Configuration.GetSection(LocalHostOptions.Section), appService: false)
    .AddLocalHostTelemetry(builder.Configuration)
    .AddPriceCapConsole(builder.Configuration.GetSection($"{LocalHostOptions.Section}:{ConsoleOptions.Section}"));
builder.Services.AddHostedService<PriceCapAttest.LocalHost.Jobs.MissedUploadSweeper>();
builder.Services.AddHostedService<PriceCapAttest.LocalHost.Jobs.RescreenWorker>();
builder.Services.AddUnstartedAlertSweep();

var openApiPath = builder.Configuration[OpenApiFile.Option];
if (openApiPath is null)
{
    builder.Host.ConfigureWebJobs(webJobs => WebJobsSetup.Configure(webJobs, hostJson));
}
else
{
    OpenApiFile.WebOnly(builder);
}

var app = builder.Build();
// Problems the framework answers itself (405, a fault outside a route) are problem+json too.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapPriceCapApi();
app.MapPriceCapConsole();

if (openApiPath is not null)
{
    await OpenApiFile.WriteAsync(app, openApiPath).ConfigureAwait(false);
    return 0;
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var urls = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.Urls;
    app.Logger.LogInformation("PriceCapAttest local host ready: API at {Urls} (prefix {Prefix}), console at {Console}/", urls, ApiRoutes.Prefix, ConsoleFiles.BasePath);
});

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (InvalidOperationException e) when (WebJobsShutdown.IsTimerAlreadyStopped(e))
{
    // The host has stopped; WebJobs 3.0.48 then throws while disposing a singleton lock listener. Nothing is lost.
}
catch (Exception e) when (ConfigurationFailures(e) is { Count: > 0 } failures)
{
    // A configuration error: one line per setting at fault (the validators never put a key or secret in them), exit 2.
    await Console.Error.WriteLineAsync("error: the configuration is invalid:" + Environment.NewLine +
        string.Join(Environment.NewLine, failures.Select(f => "  " + f))).ConfigureAwait(false);
    return 2;
}

return 0;

// Start-up validation throws one OptionsValidationException, or an AggregateException of them when several options fail.
static List<string> ConfigurationFailures(Exception e) => e switch
{
    OptionsValidationException single => [.. single.Failures],
    AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException) =>
        [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
    _ => [],
};
