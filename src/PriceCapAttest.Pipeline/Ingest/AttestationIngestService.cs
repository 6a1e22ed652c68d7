using System.Diagnostics;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.ScheduleSource;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// Ingests one uploaded document (<c>attestations/{shipperId}/{name}</c>): one GET, size check from its headers,
/// body read with SHA-256, check with the schedule in force, a version per attestation, the indexes of the file's
/// attestations in transactions per partition, alerts, receipt.
/// <para>
/// Business outcomes (too large, unsupported type, unreadable, invalid) are results: a Rejected receipt, no
/// exception. Only storage faults and the like throw, so the host retries; every step is idempotent, so a
/// retry or a duplicate trigger completes a half-done run without a second version or a second alert. A run is
/// complete once the receipt row names the upload's ETag; a redelivery of a complete upload answers that receipt.
/// The raw document is only read, never changed or deleted.
/// </para>
/// </summary>
public sealed partial class AttestationIngestService(
    BlobServiceClient blobs,
    IngestionStore ingestions,
    AttestationRecordStore records,
    ReceiptStore receipts,
    ICapScheduleProvider schedules,
    VersionAlerts alerts,
    ScreeningIndex screeningIndex,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    PipelineTelemetry telemetry,
    ILogger<AttestationIngestService> logger)
{
    private readonly IngestOptions _options = options.Value;

    /// <summary>Entry point for a blob trigger bound as BlobClient.</summary>
    public Task<IngestOutcome> IngestAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return IngestAsync(blob, DocumentPath.FromBlob(blob.BlobContainerName, blob.Name), cancellationToken);
    }

    /// <summary>Entry point with a path: <c>attestations/{shipperId}/{name}</c> (or container and blob name).</summary>
    public Task<IngestOutcome> IngestAsync(string container, string blobName, CancellationToken cancellationToken)
    {
        var path = DocumentPath.FromBlob(container, blobName);
        return IngestAsync(blobs.GetBlobContainerClient(path.Container).GetBlobClient(path.BlobName), path, cancellationToken);
    }

    private async Task<IngestOutcome> IngestAsync(BlobClient blob, DocumentPath path, CancellationToken cancellationToken)
    {
        using var activity = telemetry.StartIngest(path.BlobPath);
        var started = clock.GetTimestamp();
        try
        {
            var outcome = await IngestOnceAsync(blob, path, cancellationToken).ConfigureAwait(false);
            telemetry.RecordIngestDuration(clock.GetElapsedTime(started), outcome.Receipt.Status);
            activity?.SetTag(TelemetryNames.Tags.Status, outcome.Receipt.Status.ToString())
                .SetTag(TelemetryNames.Tags.Attestations, outcome.Receipt.Attestations.Count);
            return outcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry.RecordIngestDuration(clock.GetElapsedTime(started), status: null);
            telemetry.RecordIngestFailure(IngestFailureReason.Error);
            activity?.AddException(e).SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    private async Task<IngestOutcome> IngestOnceAsync(BlobClient blob, DocumentPath path, CancellationToken cancellationToken)
    {
        // One GET answers the ETag, length and upload time with the content: the size is checked from the response
        // headers before a byte of the body is read, and the body read is the one of that ETag.
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            LogGone(logger, path.BlobPath);
            telemetry.RecordIngestFailure(IngestFailureReason.Gone);
            var gone = new Receipt(path.BlobPath, path.ShipperId, path.Name, null, null, clock.GetUtcNow(), ReceiptStatus.Failed, null,
                "The document was no longer there when the pipeline went to read it.", []);
            await receipts.WriteAsync(gone, uploadETag: null, cancellationToken).ConfigureAwait(false);
            return new IngestOutcome(gone, AlreadyProcessed: false);
        }

        using (download)
        {
            var etag = download.Details.ETag.ToString();
            var lease = _options.InProgressLease;
            var now = clock.GetUtcNow();
            var ingestion = await ingestions.StartAsync(path.BlobPath, etag, now, now + lease, cancellationToken).ConfigureAwait(false);
            if (!ingestion.IsNew)
            {
                if (await receipts.GetForUploadAsync(path.ShipperId, path.Name, etag, cancellationToken).ConfigureAwait(false) is { } done)
                {
                    LogAlreadyDone(logger, path.BlobPath, etag);
                    return new IngestOutcome(done, AlreadyProcessed: true);
                }

                // A redelivery or retry of an unfinished ingest takes the mark over: the run that set it may have crashed.
                await ingestions.MarkInProgressAsync(path.BlobPath, etag, clock.GetUtcNow() + lease, cancellationToken).ConfigureAwait(false);
            }

            Receipt receipt;
            await using (InProgressRenewal.Start(ingestions, path.BlobPath, etag, lease, clock, logger))
            {
                receipt = await ProcessAsync(download, path, ingestion.ReceivedAt, cancellationToken).ConfigureAwait(false);
                // The receipt row names this upload's ETag: written last, it is what marks the ingestion complete (the
                // in-progress mark is left to expire: the sweep looks at it only for uploads without that receipt).
                await receipts.WriteAsync(receipt, etag, cancellationToken).ConfigureAwait(false);
            }

            LogIngested(logger, path.BlobPath, receipt.Status, receipt.Attestations.Count);
            return new IngestOutcome(receipt, AlreadyProcessed: false);
        }
    }

    private async Task<Receipt> ProcessAsync(BlobDownloadStreamingResult download, DocumentPath path, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var length = download.Details.ContentLength;
        Receipt Rejected(string code, string message, string? sha256 = null) => new(
            path.BlobPath, path.ShipperId, path.Name, sha256, length, receivedAt, ReceiptStatus.Rejected, null, null,
            [new ReceiptAttestation(0, null, Verdict.Rejected, [new ValidationIssue("$", code, message)], null, Current: false)]);

        if (length > _options.MaxDocumentBytes)
        {
            return Rejected(ErrorCodes.FileTooLarge,
                $"The file is {length} bytes; at most {_options.MaxDocumentBytes} bytes are accepted. Split it into smaller files.");
        }

        if (DocumentFormats.FromFileName(path.Name) is not { } format)
        {
            return Rejected(ErrorCodes.UnsupportedFileType,
                $"'{Path.GetExtension(path.Name)}' is not a supported file type: upload .json or .csv documents.");
        }

        var (content, sha256) = await ReadAsync(download, path, cancellationToken).ConfigureAwait(false);
        var checker = await schedules.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<CheckedAttestation> checkedAttestations;
        using (content)
        {
            checkedAttestations = DocumentCheck.Run(checker, content, format, path.BlobPath);
        }

        telemetry.RecordChecked(checkedAttestations);

        var uploadedAt = download.Details.LastModified;
        var items = await RecordAsync(path, checkedAttestations, sha256, receivedAt, uploadedAt, cancellationToken).ConfigureAwait(false);
        var status = items.Any(a => a.Record is not null) ? ReceiptStatus.Processed : ReceiptStatus.Rejected;
        return new Receipt(path.BlobPath, path.ShipperId, path.Name, sha256, length, receivedAt, status,
            checker.Schedule.Version, null, items);
    }

    /// <summary>
    /// Records the file's attestations in three steps, each complete before the next: the versions (a transaction
    /// per attestation, in parallel); the indexes of all of them together (Violations, VesselIndex and ScreeningIndex
    /// rows as transactions per partition: one request for up to 100 rows); then the alerts. Every step is idempotent,
    /// so a retry after a failure anywhere finds the versions recorded and writes the rest again.
    /// </summary>
    private async Task<ReceiptAttestation[]> RecordAsync(
        DocumentPath path, IReadOnlyList<CheckedAttestation> checkedAttestations, string sha256, DateTimeOffset receivedAt,
        DateTimeOffset uploadedAt, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var commits = new VersionCommit?[checkedAttestations.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, checkedAttestations.Count), parallel,
            async (i, ct) => commits[i] = await CommitAsync(path, checkedAttestations[i], sha256, receivedAt, uploadedAt, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var recorded = commits.OfType<VersionCommit>().ToList();
        await records.ProjectManyAsync(recorded, cancellationToken).ConfigureAwait(false);
        await screeningIndex.WriteManyAsync(recorded.Where(c => c.IsCurrent).Select(c => c.Version), cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(recorded.Where(c => c.Version.CanHaveAlerts && !c.Version.AlertsPublished), parallel,
            async (commit, ct) => await alerts.PublishAsync(commit.Version, ct).ConfigureAwait(false)).ConfigureAwait(false);

        return [.. checkedAttestations.Select((item, i) => Receipted(path, item.Result, commits[i]))];
    }

    /// <summary>Records one attestation's version; null for an invalid attestation (it changes no record).</summary>
    private async Task<VersionCommit?> CommitAsync(
        DocumentPath path, CheckedAttestation item, string sha256, DateTimeOffset receivedAt, DateTimeOffset uploadedAt, CancellationToken cancellationToken)
    {
        var result = item.Result;
        if (result.Verdict == Verdict.Rejected || result.AttestationId is not { } attestationId)
        {
            return null;
        }

        var candidate = new AttestationVersion(path.ShipperId, attestationId, 0, result, item.Facts, path.BlobPath, sha256,
            receivedAt, uploadedAt, null, null);
        return await records.CommitAsync(candidate, cancellationToken).ConfigureAwait(false);
    }

    private static ReceiptAttestation Receipted(DocumentPath path, CheckResult result, VersionCommit? commit)
    {
        if (commit is null)
        {
            // An invalid attestation shows in the receipt with its errors.
            return new ReceiptAttestation(result.Index, result.AttestationId, result.Verdict, result.Errors, null, Current: false);
        }

        var version = commit.Version;
        return new ReceiptAttestation(result.Index, version.AttestationId, version.Result.Verdict, version.Result.Errors,
            new RecordKey(path.ShipperId, version.AttestationId, version.Version), commit.IsCurrent);
    }

    /// <summary>Copies the downloaded body (whose length was checked) into memory, hashing it on the way.</summary>
    private async Task<(MemoryStream Content, string Sha256)> ReadAsync(BlobDownloadStreamingResult download, DocumentPath path, CancellationToken cancellationToken)
    {
        var source = download.Content;
        var buffer = new MemoryStream(checked((int)Math.Min(download.Details.ContentLength, _options.MaxDocumentBytes)));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxDocumentBytes)
            {
                throw new InvalidOperationException($"{path.BlobPath} is longer than its checked size.");
            }

            hash.AppendData(chunk, 0, read);
            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return (buffer, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {BlobPath}: {Status}, {Count} attestation(s)")]
    private static partial void LogIngested(ILogger logger, string blobPath, ReceiptStatus status, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobPath} (ETag {ETag}) was ingested already; nothing to do")]
    private static partial void LogAlreadyDone(ILogger logger, string blobPath, string etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BlobPath} is gone before it could be read")]
    private static partial void LogGone(ILogger logger, string blobPath);
}
