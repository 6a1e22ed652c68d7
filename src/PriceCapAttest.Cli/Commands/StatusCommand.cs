using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap status</c>: asks the pipeline's HTTP API about one attestation (verdicts, versions, alert deliveries)
/// or about a vessel's attestations. Exit code 0 when everything shown is Compliant or Exempt, 2 when something is
/// Violation, NeedsReview or Rejected, 1 for usage errors, an unknown attestation or an unreachable API.
/// </summary>
[Description("Show the recorded status of an attestation or of a vessel's attestations (HTTP API).")]
public sealed class StatusCommand(CliEnvironment environment) : AsyncCommand<StatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var http = new ApiClient(settings, ApiCaller.Insurer, environment);

        if (settings.Vessel is { } imo)
            return await VesselAsync(http, imo, settings, cancellationToken).ConfigureAwait(false);

        var path = $"attestations/{Uri.EscapeDataString(settings.Shipper!)}/{Uri.EscapeDataString(settings.Attestation!)}";
        if (settings.Version is { } version)
            path += "?version=" + version.ToString(CultureInfo.InvariantCulture);
        var body = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        var answer = JsonSerializer.Deserialize<AttestationAnswer>(body, ResultJson.Options)
            ?? throw new IOException("The API answered an empty body.");
        if (settings.Format == OutputFormat.Json)
            await environment.WriteRawLineAsync(body, cancellationToken).ConfigureAwait(false);
        else
            StatusView.WriteAttestation(environment.Out, answer);
        return Attention(answer.Verdict) ? ExitCodes.AttentionNeeded : ExitCodes.Ok;
    }

    private async Task<int> VesselAsync(ApiClient http, string imo, StatusSettings settings, CancellationToken cancellationToken)
    {
        var items = new List<VesselAttestation>();
        string? token = null;
        var bodies = new List<string>();
        do
        {
            var query = new List<string>();
            if (settings.From is not null) query.Add("from=" + Uri.EscapeDataString(settings.From));
            if (settings.To is not null) query.Add("to=" + Uri.EscapeDataString(settings.To));
            if (token is not null) query.Add("continuationToken=" + Uri.EscapeDataString(token));
            var path = $"vessels/{Uri.EscapeDataString(imo)}/attestations" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            var body = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            bodies.Add(body);
            var page = JsonSerializer.Deserialize<PagedAnswer<VesselAttestation>>(body, ResultJson.Options)
                ?? throw new IOException("The API answered an empty body.");
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        if (settings.Format == OutputFormat.Json)
            await environment.WriteRawLineAsync(JsonSerializer.Serialize(items, ResultJson.Options), cancellationToken).ConfigureAwait(false);
        else
            StatusView.WriteVessel(environment.Out, imo, items);
        return items.Any(i => Attention(i.Verdict)) ? ExitCodes.AttentionNeeded : ExitCodes.Ok;
    }

    private static bool Attention(Verdict verdict) => verdict is Verdict.Violation or Verdict.NeedsReview or Verdict.Rejected;
}
