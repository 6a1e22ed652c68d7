using PriceCapAttest.Cli.Infrastructure;

namespace PriceCapAttest.Cli.Commands;

/// <summary>Reading a file to submit: an unreadable file is a usage error naming it.</summary>
public static class SubmitFiles
{
    public static async Task<byte[]> ReadAsync(PlannedUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            return await File.ReadAllBytesAsync(upload.LocalPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read '{upload.LocalPath}': {e.Message}", e);
        }
    }
}
