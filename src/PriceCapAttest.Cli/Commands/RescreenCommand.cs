using System.ComponentModel;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap rescreen</c>: previews what a proposed cap schedule would change (<c>--dry-run</c>) and lists
/// re-screening runs (<c>--status</c>). It never publishes: a schedule comes into force when it is placed in
/// <c>config/cap-schedule.json</c> (docs/rescreening.md). Exit code 0, or 1 for usage errors, a refused schedule or
/// an unreachable API.
/// </summary>
[Description("Preview what a proposed cap schedule would change in the stored verdicts, or list re-screening runs (HTTP API).")]
public sealed class RescreenCommand(CliEnvironment environment) : AsyncCommand<RescreenSettings>
{
    public const string PublishHint =
        "pricecap rescreen does not publish a schedule. Publishing is placing it in the 'config' container as " +
        "cap-schedule.json (config/cap-schedule.json): the pipeline then re-screens the stored attestations " +
        "(docs/rescreening.md). Preview the effect first with: pricecap rescreen --schedule FILE --dry-run";

    public override async Task<int> ExecuteAsync(CommandContext context, RescreenSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Status is { IsSet: true } status)
            return await StatusAsync(settings, status.Value, cancellationToken).ConfigureAwait(false);
        if (!settings.DryRun)
            throw new UsageException(PublishHint);

        var file = Path.GetFullPath(settings.Schedule!);
        if (!File.Exists(file))
            throw new UsageException($"The schedule file '{settings.Schedule}' does not exist.");
        var schedule = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);

        using var http = new ApiClient(settings, ApiCaller.Operator, environment);
        var body = await http.PostJsonAsync("rescreens/dry-run", schedule, cancellationToken).ConfigureAwait(false);
        if (settings.Format == OutputFormat.Json)
        {
            await environment.WriteRawLineAsync(body, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        RescreenView.WriteDryRun(environment.Out, Read<RescreenDryRunReport>(body));
        return ExitCodes.Ok;
    }

    private async Task<int> StatusAsync(RescreenSettings settings, string? runId, CancellationToken cancellationToken)
    {
        using var http = new ApiClient(settings, ApiCaller.Operator, environment);
        if (string.IsNullOrWhiteSpace(runId))
        {
            var body = await http.GetAsync("rescreens", cancellationToken).ConfigureAwait(false);
            if (settings.Format == OutputFormat.Json)
                await environment.WriteRawLineAsync(body, cancellationToken).ConfigureAwait(false);
            else
                RescreenView.WriteRuns(environment.Out, Read<RescreenRunsAnswer>(body).Runs);
            return ExitCodes.Ok;
        }

        RescreenRun? run = null;
        var changes = new List<RescreenChange>();
        string? token = null;
        do
        {
            var path = $"rescreens/{Uri.EscapeDataString(runId)}" + (token is null ? "" : "?continuationToken=" + Uri.EscapeDataString(token));
            var page = Read<RescreenRunAnswer>(await http.GetAsync(path, cancellationToken).ConfigureAwait(false));
            run = page.Run;
            changes.AddRange(page.Changes.Items);
            token = page.Changes.ContinuationToken;
        }
        while (token is not null);

        if (settings.Format == OutputFormat.Json)
        {
            var all = new RescreenRunAnswer(run, new PagedAnswer<RescreenChange>(changes, null));
            await environment.WriteRawLineAsync(JsonSerializer.Serialize(all, ResultJson.Options), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            RescreenView.WriteRun(environment.Out, run, changes);
        }

        return ExitCodes.Ok;
    }

    private static T Read<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, ResultJson.Options) ?? throw new IOException("The API answered an empty body.");
}
