using System.Security.Cryptography;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>submit</c> straight to storage (--account-url or --connection): each file becomes the blob
/// <c>attestations/{shipper}/{name}</c>; its receipt is read at <c>receipts/{shipper}/{name}</c> of the API.
/// </summary>
public static class StorageUploader
{
    public static async Task<SentDocument> UploadAsync(BlobContainerClient container, PlannedUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(upload);
        var content = await SubmitFiles.ReadAsync(upload, cancellationToken).ConfigureAwait(false);
        var response = await container.GetBlobClient(upload.BlobName).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = upload.ContentType } },
            cancellationToken).ConfigureAwait(false);
        var receipt = new Uri("receipts/" + string.Join('/', upload.BlobName.Split('/').Select(Uri.EscapeDataString)), UriKind.Relative);
        return new SentDocument(upload.BlobPath, receipt, Convert.ToHexStringLower(SHA256.HashData(content)), response.Value.LastModified);
    }

    public static BlobContainerClient Attestations(SubmitSettings settings, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        return BlobStorage.Connect(settings.AccountUrl, settings.Connection, environment.CreateCredential)
            .GetBlobContainerClient(ContainerNames.Attestations);
    }

    /// <summary>Storage's failures as I/O errors with a hint.</summary>
    public static Exception? Translate(Exception exception) => exception switch
    {
        RequestFailedException e => new IOException(
            $"Storage refused the request ({e.Status} {e.ErrorCode}): {FirstLine(e.Message)}" +
            (e.Status == 403 ? " With --account-url, your identity needs the Storage Blob Data Contributor role on the account." : ""), e),
        AuthenticationFailedException e => new IOException(
            $"No Entra ID token for the storage account: {FirstLine(e.Message)} Sign in (az login) or run with a managed identity.", e),
        AggregateException e when e.InnerExceptions.Any(x => x is HttpRequestException or RequestFailedException) => new IOException(
            $"Storage is not reachable: {FirstLine(e.InnerExceptions[0].Message)}. Is the pipeline's storage running (./run.sh)?", e),
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
