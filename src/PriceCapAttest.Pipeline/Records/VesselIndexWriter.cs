using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// Writes the VesselIndex row of a current version so that a later version's row is never replaced by an earlier
/// one: successive current versions have increasing numbers, so a row holding a higher <c>Version</c> stays. A new
/// attestation's row is one insert (no read); only when the row exists (an amendment, a redelivery) is it read and
/// replaced conditionally on its ETag. Of one version, a later evaluation (re-screening) wins over an earlier one.
/// <para>
/// Many rows (a file's attestations, a re-screen page) are written as transactions per IMO with the same rule: new
/// rows as inserts, existing rows (read first) replaced on their ETag, rows holding a later version left out. A
/// transaction refused for a conflict (a row added, changed or removed since) writes nothing, and its rows go
/// through the one-row writer.
/// </para>
/// </summary>
internal sealed class VesselIndexWriter(TableClient vessels)
{
    private const int MaxAttempts = 20;

    /// <param name="rowsExist">
    /// False where the rows are most likely new (ingest): insert without reading. True where they most likely exist
    /// (re-screening): read each first, so the replace needs no failed insert.
    /// </param>
    public async Task WriteManyAsync(IReadOnlyList<VesselRow> rows, bool rowsExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!rowsExist)
        {
            await PartitionedWrites.SubmitAsync(vessels, rows, r => new TableTransactionAction(TableTransactionActionType.Add, r.Row),
                WriteAsync, cancellationToken).ConfigureAwait(false);
            return;
        }

        var planned = new (VesselRow Row, TableTransactionAction? Action)[rows.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PartitionedWrites.DefaultParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var row = rows[i];
                var existing = await vessels.GetOrNullAsync<TableEntity>(row.Row.PartitionKey, row.Row.RowKey, ct).ConfigureAwait(false);
                planned[i] = (row, existing is null ? new TableTransactionAction(TableTransactionActionType.Add, row.Row)
                    : IsLater(existing, row.Version, row.Evaluation) ? null
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row.Row, existing.ETag));
            }).ConfigureAwait(false);
        var writes = planned.Where(p => p.Action is not null).ToList();
        await PartitionedWrites.SubmitAsync(vessels, writes, p => p.Action!, (p, ct) => WriteAsync(p.Row, ct), cancellationToken).ConfigureAwait(false);
    }

    private Task WriteAsync(VesselRow row, CancellationToken cancellationToken) =>
        WriteAsync(row.Row, row.Version, row.Evaluation, cancellationToken);

    public async Task WriteAsync(TableEntity row, int version, int evaluation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                await vessels.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // There is a row already: replace it below unless it holds a later version.
            }

            var existing = await vessels.GetOrNullAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue;
            }

            if (IsLater(existing, version, evaluation))
            {
                return;
            }

            try
            {
                await vessels.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Deleted or rewritten meanwhile: look again.
            }
        }

        throw new InvalidOperationException($"Could not write VesselIndex row {row.PartitionKey}/{row.RowKey} after {MaxAttempts} attempts (contention).");
    }

    /// <summary>Whether the stored row shows a later version, or a later evaluation of the same version, than the one to write.</summary>
    private static bool IsLater(TableEntity existing, int version, int evaluation)
    {
        var existingVersion = existing.GetInt32("Version") ?? 0;
        return existingVersion > version || (existingVersion == version && (existing.GetInt32("Evaluation") ?? 1) > evaluation);
    }
}

/// <summary>A VesselIndex row to write, with the version and evaluation it shows (the order of rows of one key).</summary>
internal sealed record VesselRow(TableEntity Row, int Version, int Evaluation);
