using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// Writes the VesselIndex row of a current version so that a later version's row is never replaced by an earlier
/// one: successive current versions have increasing numbers, so a row holding a higher <c>Version</c> stays. A new
/// attestation's row is one insert (no read); only when the row exists (an amendment, a redelivery) is it read and
/// replaced conditionally on its ETag. Of one version, a later evaluation (re-screening) wins over an earlier one.
/// </summary>
internal sealed class VesselIndexWriter(TableClient vessels)
{
    private const int MaxAttempts = 20;

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

            var existingVersion = existing.GetInt32("Version") ?? 0;
            if (existingVersion > version || (existingVersion == version && (existing.GetInt32("Evaluation") ?? 1) > evaluation))
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
}
