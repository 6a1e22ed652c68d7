using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PriceCapAttest.Functions;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Api;
using PriceCapAttest.Pipeline.DependencyInjection;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services
    .AddPriceCapPipeline(builder.Configuration)
    .AddPriceCapAlerts(builder.Configuration)
    .AddPriceCapApi()
    .AddFunctionsTelemetry(builder.Configuration);

using var app = builder.Build();
await app.RunAsync().ConfigureAwait(false);
