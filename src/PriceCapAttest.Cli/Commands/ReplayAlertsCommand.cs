using System.ComponentModel;
using System.Globalization;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Pipeline.Alerts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap alerts replay</c>: an operator command after a regulator endpoint was repaired (or a route added).
/// Puts the Failed alerts of one attestation, or all of them, back on the delivery queue of the pipeline's storage
/// (<see cref="FailedAlertReplayer"/>); the running pipeline delivers them, once per endpoint. Exit code 0, also
/// when nothing was Failed; 1 for usage or storage errors.
/// </summary>
[Description("Queue Failed alert deliveries again.")]
public sealed class ReplayAlertsCommand(CliEnvironment environment) : AsyncCommand<ReplayAlertsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReplayAlertsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connection = settings.Connection ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = SubmitCommand.DevelopmentStorage;
            environment.Error.MarkupLine("[grey]No --connection and no AzureWebJobsStorage: using the local emulator (UseDevelopmentStorage=true).[/]");
        }

        AlertStorage storage;
        try
        {
            storage = AlertStorage.FromConnectionString(connection);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException("The storage connection string is not valid: " + e.Message, e);
        }

        var replayer = new FailedAlertReplayer(storage, environment.Clock, NullLogger<FailedAlertReplayer>.Instance);
        IReadOnlyList<string> replayed;
        try
        {
            replayed = await replayer.ReplayFailedAsync(Blank(settings.Shipper), Blank(settings.Attestation), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new IOException($"Storage refused the request ({e.Status} {e.ErrorCode}).", e);
        }

        environment.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{replayed.Count} failed alert(s) queued again."));
        foreach (var alertId in replayed)
            environment.Out.MarkupLine("  " + Markup.Escape(alertId));
        return ExitCodes.Ok;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
