using System.Runtime.InteropServices;
using PriceCapAttest.RegulatorInbox;

// Usage: PriceCapAttest.RegulatorInbox [--urls http://127.0.0.1:7080] [--secret whsec_...]
// (or Inbox__Urls, Inbox__SigningSecret). Prints one line per alert; GET /received lists them as JSON.
var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddCommandLine(args, new Dictionary<string, string> { ["--urls"] = "Inbox:Urls", ["--secret"] = "Inbox:SigningSecret" })
    .Build();
var url = configuration["Inbox:Urls"] ?? "http://127.0.0.1:7080";
var secret = configuration["Inbox:SigningSecret"];
if (string.IsNullOrWhiteSpace(secret))
{
    await Console.Error.WriteLineAsync("error: the signing secret is required (--secret whsec_... or Inbox__SigningSecret).").ConfigureAwait(false);
    return 1;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var inbox = await Inbox.StartAsync(url, secret, alert => Console.WriteLine(Inbox.Line(alert))).ConfigureAwait(false);
Console.WriteLine($"regulator inbox listening on {inbox.BaseAddress} (POST any path; GET /received)");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    // Ctrl-C or SIGTERM: stop.
}

return 0;
