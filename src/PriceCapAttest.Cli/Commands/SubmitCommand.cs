using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap submit</c>: sends documents to a running pipeline, through the API (<see cref="ApiUploader"/>, the
/// default) or straight to storage (<see cref="StorageUploader"/>, with --account-url or --connection and --shipper),
/// waits for their receipts through the API (<see cref="ReceiptWaiter"/>) and prints the verdicts. Exit code 0 when
/// every attestation is Compliant or Exempt, 2 when one is Violation, NeedsReview or Rejected or a document Failed,
/// 1 for usage or I/O errors, when the API refused a document and when a receipt did not come in time.
/// </summary>
[Description("Send attestation documents to a running pipeline and wait for their verdicts.")]
public sealed class SubmitCommand(CliEnvironment environment) : AsyncCommand<SubmitSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SubmitSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var uploads = settings.ToStorage ? SubmitPlan.ForStorage(settings.Paths, settings.Shipper!) : SubmitPlan.ForApi(settings.Paths);
        if (uploads.Count == 0)
            throw new UsageException("No .json or .csv files found in the given paths.");

        using var api = new ApiClient(settings, ApiCaller.Shipper, environment);
        var storage = settings.ToStorage ? StorageUploader.Attestations(settings, environment) : null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.Timeout));

        var sent = new SentDocument?[uploads.Count];
        var refusals = new IReadOnlyList<string>?[uploads.Count];
        var results = new Receipt?[uploads.Count];
        try
        {
            await WithProgressAsync(uploads.Count, async report =>
            {
                for (var i = 0; i < uploads.Count; i++)
                {
                    if (storage is not null)
                        sent[i] = await StorageUploader.UploadAsync(storage, uploads[i], cancellationToken).ConfigureAwait(false);
                    else
                        (sent[i], refusals[i]) = await ApiUploader.SendAsync(api, uploads[i], cancellationToken).ConfigureAwait(false);
                    report("Uploading", i + 1);
                }

                await ReceiptWaiter.WaitAsync(api, sent, results, done => report("Waiting for receipts", done), timeout.Token, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageUploader.Translate(e) is { } translated)
        {
            throw translated;
        }

        var outcomes = uploads.Select((u, i) => new SubmitOutcome(sent[i]?.Document ?? u.BlobPath, results[i], refusals[i])).ToList();
        await WriteAsync(settings, outcomes, cancellationToken).ConfigureAwait(false);

        foreach (var outcome in outcomes.Where(o => o.Refusal is not null))
        {
            environment.Error.MarkupLine($"[red]refused:[/] {Markup.Escape(outcome.Document)}: {Markup.Escape(outcome.Refusal![0])}");
            foreach (var line in outcome.Refusal.Skip(1)) environment.Error.MarkupLine($"  - {Markup.Escape(line)}");
        }

        foreach (var outcome in outcomes.Where(o => o.Receipt is null && o.Refusal is null))
        {
            environment.Error.MarkupLine($"[red]no receipt within {settings.Timeout.ToString(CultureInfo.InvariantCulture)} s:[/] {Markup.Escape(outcome.Document)} (is the pipeline running? ./run.sh)");
        }

        if (outcomes.Any(o => o.Receipt is null)) return ExitCodes.UsageOrIoError;
        return results.All(r => r!.Status != ReceiptStatus.Failed && r.Attestations.All(a => a.Verdict is Verdict.Compliant or Verdict.Exempt))
            ? ExitCodes.Ok
            : ExitCodes.AttentionNeeded;
    }

    private async Task WriteAsync(SubmitSettings settings, IReadOnlyList<SubmitOutcome> outcomes, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(outcomes.Where(o => o.Receipt is not null).Select(o => o.Receipt), ResultJson.Options);
        if (settings.Out is { } outFile)
        {
            try
            {
                await File.WriteAllTextAsync(outFile, json + Environment.NewLine, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"Cannot write '{outFile}': {e.Message}", e);
            }
        }

        if (settings.Format == OutputFormat.Json)
            await environment.WriteRawLineAsync(json, cancellationToken).ConfigureAwait(false);
        else
            SubmitView.Write(environment.Out, outcomes);
    }

    private async Task WithProgressAsync(int total, Func<Action<string, int>, Task> work)
    {
        if (!environment.ErrorIsTerminal)
        {
            await work((_, _) => { }).ConfigureAwait(false);
            return;
        }

        await environment.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Uploading", maxValue: total);
                await work((stage, done) =>
                {
                    task.Description = stage;
                    task.Value = done;
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}
