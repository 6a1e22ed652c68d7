using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap alerts replay</c>: an operator command after a regulator endpoint was repaired (or a route added).
/// Asks the pipeline's HTTP API (<c>POST alerts/replay</c>, operator key) to put the Failed alerts of one
/// attestation, or all of them, back on the delivery queue; the running pipeline delivers them, once per endpoint.
/// Exit code 0, also when nothing was Failed; 1 for usage errors, a refused request or an unreachable API.
/// </summary>
[Description("Queue Failed alert deliveries again (HTTP API).")]
public sealed class ReplayAlertsCommand(CliEnvironment environment) : AsyncCommand<ReplayAlertsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReplayAlertsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var http = new ApiClient(settings.Api, settings.Key, ReplayAlertsSettings.DefaultKey);
        var path = "alerts/replay";
        if (Blank(settings.Shipper) is { } shipper && Blank(settings.Attestation) is { } attestation)
            path += $"?shipperId={Uri.EscapeDataString(shipper)}&attestationId={Uri.EscapeDataString(attestation)}";

        var body = await http.PostAsync(path, cancellationToken).ConfigureAwait(false);
        var answer = JsonSerializer.Deserialize<AlertReplayAnswer>(body, ResultJson.Options)
            ?? throw new IOException("The API answered an empty body.");

        environment.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{answer.Replayed.Count} failed alert(s) queued again."));
        foreach (var alertId in answer.Replayed)
            environment.Out.MarkupLine("  " + Markup.Escape(alertId));
        return ExitCodes.Ok;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
