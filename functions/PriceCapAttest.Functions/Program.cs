using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Api;
using PriceCapAttest.Pipeline.DependencyInjection;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services
    .AddPriceCapPipeline(builder.Configuration)
    .AddPriceCapAlerts(builder.Configuration)
    .AddPriceCapApi();

using var app = builder.Build();
await app.RunAsync().ConfigureAwait(false);
