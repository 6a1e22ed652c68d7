using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Input;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap submit</c>: uploads documents to <c>attestations/{shipper}/{name}</c> of a running pipeline's storage
/// (<see cref="BlobStorage"/>), waits for their receipts through the HTTP API (<c>GET receipts/{shipper}/{name}</c>,
/// 404 until the document is processed) and prints the verdicts. Exit code 0
/// when every attestation is Compliant or Exempt, 2 when one is Violation, NeedsReview or Rejected or a document
/// Failed, 1 for usage or I/O errors and when a receipt did not come in time.
/// </summary>
[Description("Upload attestation documents to a running pipeline and wait for their verdicts.")]
public sealed class SubmitCommand(CliEnvironment environment) : AsyncCommand<SubmitSettings>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public override async Task<int> ExecuteAsync(CommandContext context, SubmitSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shipper = settings.Shipper!;
        var uploads = Plan(settings.Paths, shipper);
        if (uploads.Count == 0)
            throw new UsageException("No .json or .csv files found in the given paths.");

        var blobs = BlobStorage.Connect(settings.AccountUrl, settings.Connection, environment.Error);
        var attestations = blobs.GetBlobContainerClient(ContainerNames.Attestations);
        using var api = new ApiClient(settings.Api, settings.Key, SubmitSettings.DefaultKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.Timeout));

        var results = new Receipt?[uploads.Count];
        try
        {
            await WithProgressAsync(uploads.Count, async report =>
            {
                var uploaded = new UploadedDocument[uploads.Count];
                for (var i = 0; i < uploads.Count; i++)
                {
                    uploaded[i] = await UploadAsync(attestations, uploads[i], cancellationToken).ConfigureAwait(false);
                    report("Uploading", i + 1);
                }

                await WaitForReceiptsAsync(api, uploaded, results, done => report("Waiting for receipts", done), timeout.Token, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            var hint = e.Status == 403 ? " With --account-url, your identity needs the Storage Blob Data Contributor role on the account." : "";
            throw new IOException($"Storage refused the request ({e.Status} {e.ErrorCode}): {FirstLine(e.Message)}{hint}", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new IOException($"No Entra ID token for the storage account: {FirstLine(e.Message)} Sign in (az login) or run with a managed identity.", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.Any(x => x is HttpRequestException or RequestFailedException))
        {
            throw new IOException($"Storage is not reachable: {FirstLine(e.InnerExceptions[0].Message)}. Is the pipeline's storage running (./run.sh)?", e);
        }

        var missing = uploads.Where((_, i) => results[i] is null).ToList();
        var json = JsonSerializer.Serialize(results.Where(r => r is not null), ResultJson.Options);
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
        {
            await using var stdout = new StreamWriter(environment.StandardOutput, leaveOpen: true);
            await stdout.WriteLineAsync(json).ConfigureAwait(false);
        }
        else
        {
            SubmitView.Write(environment.Out, uploads, results);
        }

        foreach (var upload in missing)
        {
            environment.Error.MarkupLine($"[red]no receipt within {settings.Timeout.ToString(CultureInfo.InvariantCulture)} s:[/] {Markup.Escape(upload.BlobPath)} (is the pipeline running? ./run.sh)");
        }

        if (missing.Count > 0) return ExitCodes.UsageOrIoError;
        return results.All(r => r!.Status != ReceiptStatus.Failed && r.Attestations.All(a => a.Verdict is Verdict.Compliant or Verdict.Exempt))
            ? ExitCodes.Ok
            : ExitCodes.AttentionNeeded;
    }

    /// <summary>
    /// Each file and its blob name: a file given by name keeps its file name; a file found in a directory keeps its
    /// path relative to that directory ('/' separators).
    /// </summary>
    public static IReadOnlyList<PlannedUpload> Plan(IEnumerable<string> paths, string shipper)
    {
        var planned = new List<PlannedUpload>();
        foreach (var given in paths)
        {
            var isDirectory = Directory.Exists(given);
            foreach (var file in PathExpander.Expand([given]))
            {
                var name = isDirectory ? Path.GetRelativePath(given, file.Path).Replace('\\', '/') : Path.GetFileName(file.Path);
                planned.Add(new PlannedUpload(file.Path, shipper, name));
            }
        }

        var duplicate = planned.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? planned
            : throw new UsageException($"Two files would be uploaded as '{duplicate.Key}': {string.Join(", ", duplicate.Select(d => d.LocalPath))}.");
    }

    private static async Task<UploadedDocument> UploadAsync(BlobContainerClient container, PlannedUpload upload, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(upload.LocalPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read '{upload.LocalPath}': {e.Message}", e);
        }

        var contentType = upload.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/json";
        var response = await container.GetBlobClient(upload.BlobName).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken).ConfigureAwait(false);
        return new UploadedDocument(upload, Convert.ToHexStringLower(SHA256.HashData(content)), response.Value.LastModified);
    }

    /// <summary>
    /// Asks the API for each receipt until one written for this upload is there: not older than the upload and for the
    /// same content (a Failed receipt carries no hash). An earlier receipt of the same name is not taken for this one.
    /// </summary>
    private static async Task WaitForReceiptsAsync(
        ApiClient api, UploadedDocument[] uploaded, Receipt?[] results, Action<int> report,
        CancellationToken timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = 0; i < uploaded.Length; i++)
            {
                if (results[i] is null)
                    results[i] = await TryReadReceiptAsync(api, uploaded[i], cancellationToken).ConfigureAwait(false);
            }

            var done = results.Count(r => r is not null);
            report(done);
            if (done == uploaded.Length) return;
            try
            {
                await Task.Delay(PollInterval, timeout).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return; // timed out: the caller reports what is missing
            }
        }
    }

    private static async Task<Receipt?> TryReadReceiptAsync(ApiClient api, UploadedDocument upload, CancellationToken cancellationToken)
    {
        var path = "receipts/" + string.Join('/', upload.Planned.BlobName.Split('/').Select(Uri.EscapeDataString));
        if (await api.TryGetAsync(path, cancellationToken).ConfigureAwait(false) is not { } body)
            return null;
        var receipt = JsonSerializer.Deserialize<Receipt>(body, ResultJson.Options);
        // The ingest-time receipt, as the receipts container holds it: re-evaluations belong to status, not to submit.
        return receipt is not null && (receipt.Status == ReceiptStatus.Failed || receipt.Sha256 == upload.Sha256) && receipt.ReceivedAt >= upload.UploadedAt.AddSeconds(-1)
            ? receipt with { Reevaluations = null }
            : null;
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

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private sealed record UploadedDocument(PlannedUpload Planned, string Sha256, DateTimeOffset UploadedAt);
}

/// <summary>A local file and where it goes: <c>attestations/{Shipper}/{Name}</c>.</summary>
public sealed record PlannedUpload(string LocalPath, string Shipper, string Name)
{
    public string BlobName => $"{Shipper}/{Name}";

    public string BlobPath => $"{ContainerNames.Attestations}/{Shipper}/{Name}";
}
