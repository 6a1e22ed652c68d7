using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PriceCapAttest.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
// HTTP functions get the ASP.NET Core HttpContext, so they serve the same request delegates as the local host.
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddPriceCapFunctions(builder.Configuration)
    .AddFunctionsTelemetry(builder.Configuration);

using var app = builder.Build();
await app.RunAsync().ConfigureAwait(false);
