using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// The attestation records: versions, the current pointer, and the VesselIndex and Violations indexes.
/// <para>
/// Version assignment is deterministic and safe under retries and concurrent duplicates: one entity group
/// transaction in the attestation's partition adds the content row (<c>h|sha256|index</c> -> version), the version
/// row and the updated <c>current</c> row (conditional on its ETag). A second writer of the same content loses
/// the transaction (409/412), reads the content row and gets the same version; a writer of other content retries
/// with the next number. So the same content never becomes a second version, and a crash leaves either the whole
/// version or nothing.
/// </para>
/// <para>
/// Out-of-order amendments: the current version is the one uploaded last (blob last-modified time, then the higher
/// version), not the one processed last; a late older upload gets the next version number but does not become
/// current.
/// </para>
/// </summary>
public sealed class AttestationRecordStore(TableServiceClient tables)
{
    private const int MaxCommitAttempts = 20;

    private readonly TableClient _attestations = tables.GetTableClient(StorageNames.Tables.Attestations);
    private readonly ViolationIndex _violations = new(tables.GetTableClient(StorageNames.Tables.Violations));
    private readonly VesselIndexWriter _vesselIndex = new(tables.GetTableClient(StorageNames.Tables.VesselIndex));

    /// <summary>
    /// Records <paramref name="candidate"/> (its Version and PreviousCurrentVersion are ignored: assigned here) or
    /// finds the version already recorded for the same content (blob SHA-256 and index in the file).
    /// </summary>
    public async Task<VersionCommit> CommitAsync(AttestationVersion candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var partition = RecordKeys.Attestation(candidate.ShipperId, candidate.AttestationId);
        var contentRow = RecordKeys.ContentRow(candidate.Sha256, candidate.Result.Index);
        if (await TryAddFirstVersionAsync(candidate, partition, contentRow, cancellationToken).ConfigureAwait(false) is { } first)
        {
            return first;
        }

        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var contentRead = _attestations.GetOrNullAsync<TableEntity>(partition, contentRow, cancellationToken);
            var currentRead = _attestations.GetOrNullAsync<TableEntity>(partition, RecordKeys.CurrentRow(partition), cancellationToken);
            await Task.WhenAll(contentRead, currentRead).ConfigureAwait(false);
            var content = await contentRead.ConfigureAwait(false);
            var current = await currentRead.ConfigureAwait(false);
            if (content is not null)
            {
                // The version row, not the current copy: only the version row carries AlertsPublishedAt.
                var existing = await GetVersionAsync(candidate.ShipperId, candidate.AttestationId, content.GetInt32("Version") ?? 0, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Content row {partition}/{contentRow} points to a missing version.");
                return new VersionCommit(existing, Created: false, IsCurrent: current?.GetInt32("Version") == existing.Version,
                    Versions: current?.GetInt32("Versions") ?? existing.Version);
            }

            var versions = current?.GetInt32("Versions") ?? 0;
            var number = versions + 1;
            var becomesCurrent = current is null || IsLater(candidate.UploadedAt, number, current);
            var version = candidate with
            {
                Version = number,
                PreviousCurrentVersion = becomesCurrent ? current?.GetInt32("Version") : null,
                AlertsPublishedAt = null,
            };

            var versionRow = VersionEntityMapper.ToEntity(version);
            var transaction = new EntityGroupTransaction()
                .Add(TableTransactionActionType.Add, new TableEntity(partition, contentRow) { ["Version"] = number, ["BlobPath"] = candidate.BlobPath })
                .Add(TableTransactionActionType.Add, versionRow);
            var pointer = becomesCurrent ? VersionEntityMapper.ToCurrentEntity(versionRow, number) : WithVersions(current!, number);
            if (current is null)
            {
                transaction.Add(TableTransactionActionType.Add, pointer);
            }
            else
            {
                transaction.Add(TableTransactionActionType.UpdateReplace, pointer, current.ETag);
            }

            try
            {
                await transaction.SubmitAsync(_attestations, cancellationToken).ConfigureAwait(false);
                return new VersionCommit(version, Created: true, IsCurrent: becomesCurrent, Versions: number);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else recorded a version of this attestation meanwhile: look again.
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Same, reported without the transaction wrapper.
            }
        }

        throw new InvalidOperationException($"Could not record a version of {partition} after {MaxCommitAttempts} attempts (contention).");
    }

    /// <summary>
    /// Most attestations are new: their first version is added without reading first (one request instead of
    /// three), in the same transaction the loop would submit for an attestation with no rows. Null when the
    /// partition has a current or the same content row already (409): the loop then reads and decides.
    /// </summary>
    private async Task<VersionCommit?> TryAddFirstVersionAsync(AttestationVersion candidate, string partition, string contentRow, CancellationToken cancellationToken)
    {
        var version = candidate with { Version = 1, PreviousCurrentVersion = null, AlertsPublishedAt = null };
        var versionRow = VersionEntityMapper.ToEntity(version);
        var transaction = new EntityGroupTransaction()
            .Add(TableTransactionActionType.Add, new TableEntity(partition, contentRow) { ["Version"] = 1, ["BlobPath"] = candidate.BlobPath })
            .Add(TableTransactionActionType.Add, versionRow)
            .Add(TableTransactionActionType.Add, VersionEntityMapper.ToCurrentEntity(versionRow, 1));
        try
        {
            await transaction.SubmitAsync(_attestations, cancellationToken).ConfigureAwait(false);
            return new VersionCommit(version, Created: true, IsCurrent: true, Versions: 1);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task<AttestationVersion?> GetVersionAsync(string shipperId, string attestationId, int version, CancellationToken cancellationToken)
    {
        var partition = RecordKeys.Attestation(shipperId, attestationId);
        var entity = await _attestations.GetOrNullAsync<TableEntity>(partition, RecordKeys.VersionRow(partition, version), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : VersionEntityMapper.FromEntity(entity);
    }

    /// <summary>The current version with the version count (one point read of the current row), or null for an unknown attestation.</summary>
    public async Task<CurrentVersion?> GetCurrentAsync(string shipperId, string attestationId, CancellationToken cancellationToken)
    {
        var partition = RecordKeys.Attestation(shipperId, attestationId);
        var entity = await _attestations.GetOrNullAsync<TableEntity>(partition, RecordKeys.CurrentRow(partition), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new CurrentVersion(VersionEntityMapper.FromEntity(entity), entity.GetInt32("Versions") ?? 0);
    }

    /// <summary>The current version number and how many versions there are, or null for an unknown attestation.</summary>
    public async Task<(int Current, int Versions)?> GetPointerAsync(string shipperId, string attestationId, CancellationToken cancellationToken) =>
        await GetCurrentAsync(shipperId, attestationId, cancellationToken).ConfigureAwait(false) is { } current
            ? (current.Version.Version, current.Versions)
            : null;

    /// <summary>
    /// Brings the indexes in line with a recorded version (idempotent, so a retry completes what a crash left):
    /// a Violations row per violated regime; and, when the commit found the version current, its VesselIndex row,
    /// removing the row of the version it replaced when the vessel or loading date changed. The VesselIndex row is
    /// written by <see cref="VesselIndexWriter"/>, which never lets a version replace a later one's row, so a late
    /// projection of a version an amendment has meanwhile replaced cannot win without re-reading the pointer.
    /// </summary>
    public Task ProjectAsync(VersionCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return ProjectManyAsync([commit], cancellationToken);
    }

    /// <summary>
    /// <see cref="ProjectAsync"/> for the commits of a file: the Violations rows as transactions per regime and the
    /// VesselIndex rows as transactions per IMO (inserts; a row that exists goes through the versioned writer).
    /// </summary>
    public async Task ProjectManyAsync(IReadOnlyList<VersionCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        await _violations.WriteAsync(commits.Select(c => c.Version), cancellationToken).ConfigureAwait(false);

        var rows = new List<VesselRow>[commits.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, commits.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PartitionedWrites.DefaultParallelism, CancellationToken = cancellationToken },
            async (i, ct) => rows[i] = await VesselRowsAsync(commits[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        await _vesselIndex.WriteManyAsync([.. rows.SelectMany(r => r)], rowsExist: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<VesselRow>> VesselRowsAsync(VersionCommit commit, CancellationToken cancellationToken)
    {
        var version = commit.Version;
        var rows = new List<VesselRow>(2);
        if (!commit.IsCurrent)
        {
            return rows;
        }

        if (version.PreviousCurrentVersion is { } previousNumber &&
            await GetVersionAsync(version.ShipperId, version.AttestationId, previousNumber, cancellationToken).ConfigureAwait(false) is { } previous &&
            VesselKey(previous) is { } previousKey && previousKey != VesselKey(version))
        {
            // A tombstone rather than a delete: it holds this version's number, so a late projection of the replaced
            // version (a slow or retried ingest) finds a later row there and cannot bring its own back.
            rows.Add(new VesselRow(VesselTombstone(version, previousKey), version.Version, version.Evaluation.Number));
        }

        if (VesselKey(version) is { } key)
        {
            rows.Add(new VesselRow(VesselEntity(version, key, commit.Versions), version.Version, version.Evaluation.Number));
        }

        return rows;
    }

    public async Task MarkAlertsPublishedAsync(AttestationVersion version, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var partition = RecordKeys.Attestation(version.ShipperId, version.AttestationId);
        var entity = new TableEntity(partition, RecordKeys.VersionRow(partition, version.Version))
        {
            ["AlertsPublishedAt"] = at,
            ["AlertsPublishedEvaluation"] = version.Evaluation.Number,
        };
        await _attestations.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    internal static (string Imo, string Row)? VesselKey(AttestationVersion version) =>
        version.Facts is { Imo: { Length: > 0 } imo, LoadingDate: { } date }
            ? (imo, RecordKeys.VesselRow(date, version.ShipperId, version.AttestationId))
            : null;

    private static bool IsLater(DateTimeOffset uploadedAt, int number, TableEntity current)
    {
        var currentUploaded = current.GetDateTimeOffset("UploadedAt") ?? DateTimeOffset.MinValue;
        return uploadedAt > currentUploaded || (uploadedAt == currentUploaded && number > (current.GetInt32("Version") ?? 0));
    }

    private static TableEntity WithVersions(TableEntity current, int versions)
    {
        var copy = new TableEntity(current.PartitionKey, current.RowKey);
        foreach (var (name, value) in current)
        {
            if (name is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey"))
            {
                copy[name] = value;
            }
        }

        copy["Versions"] = versions;
        return copy;
    }

    internal static TableEntity VesselEntity(AttestationVersion version, (string Imo, string Row) key, int versions)
    {
        var entity = new TableEntity(key.Imo, key.Row)
        {
            ["ShipperId"] = version.ShipperId,
            ["AttestationId"] = version.AttestationId,
            ["Version"] = version.Version,
            ["Evaluation"] = version.Evaluation.Number,
            ["Versions"] = versions,
            ["Live"] = true,
            ["Imo"] = key.Imo,
            ["LoadingDate"] = version.Facts.LoadingDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Verdict"] = version.Result.Verdict.ToString(),
            ["RegimeVerdicts"] = string.Join(',', version.Result.Regimes.Select(r => $"{r.Regime}:{r.Verdict}")),
            ["Flags"] = VersionEntityMapper.Json(version.Result.Flags),
            ["ReceivedAt"] = version.ReceivedAt,
            ["BlobPath"] = version.BlobPath,
        };
        VersionEntityMapper.SetIfNotNull(entity, "VesselName", version.Facts.VesselName);
        VersionEntityMapper.SetIfNotNull(entity, "ScheduleVersion", version.Result.ScheduleVersion);
        return entity;
    }

    /// <summary>The row left under the vessel and date an amendment moved the attestation away from (never listed).</summary>
    private static TableEntity VesselTombstone(AttestationVersion version, (string Imo, string Row) key) => new(key.Imo, key.Row)
    {
        ["ShipperId"] = version.ShipperId,
        ["AttestationId"] = version.AttestationId,
        ["Version"] = version.Version,
        ["Live"] = false,
    };
}
