using Azure;
using Azure.Storage.Blobs;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// Every schedule that came into force, kept by its SHA-256 (container schedule-history, blob <c>{sha256}.json</c>,
/// written once), so that a later schedule can be compared with the one the stored verdicts were reached with.
/// </summary>
public sealed class ScheduleArchive(BlobServiceClient blobs)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.ScheduleHistory);

    public async Task KeepAsync(ScheduleInForce schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        try
        {
            await _container.GetBlobClient(BlobName(schedule.Sha256))
                .UploadAsync(BinaryData.FromString(schedule.Json), overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Kept already: the name is the content's hash.
        }
    }

    /// <summary>The schedule with this SHA-256, or null when it was never kept.</summary>
    public async Task<CapSchedule?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(sha256)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return CapScheduleLoader.Load(content.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(string sha256) => sha256 + ".json";
}
