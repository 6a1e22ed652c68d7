using Azure.Core;
using Azure.Storage.Blobs;

namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>
/// The blob service <c>submit --account-url</c> or <c>--connection</c> uploads to: a storage account's https address
/// with an Entra ID token (DefaultAzureCredential: az login, environment, managed identity...), or a connection
/// string (the emulator, <see cref="DevelopmentStorage"/>, or an account that still allows shared keys).
/// </summary>
public static class BlobStorage
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static BlobServiceClient Connect(string? accountUrl, string? connection, Func<TokenCredential> credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (accountUrl is not null && connection is not null)
            throw new UsageException("Give --account-url or --connection, not both.");
        if (accountUrl is not null)
            return new BlobServiceClient(AccountUri(accountUrl, "--account-url"), credential());
        if (string.IsNullOrWhiteSpace(connection))
            throw new UsageException($"--connection needs a connection string, e.g. {DevelopmentStorage} for the local emulator.");

        try
        {
            return new BlobServiceClient(connection);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException("The storage connection string is not valid: " + e.Message, e);
        }
    }

    /// <summary>
    /// The blob service address of an account: https, no path, query or fragment (a SAS token or a container is
    /// not an account address, and a token must never travel over plain http).
    /// </summary>
    public static Uri AccountUri(string value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps &&
            uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
        {
            return uri;
        }

        throw new UsageException(
            $"{source} must be the https address of a storage account's blob service, e.g. https://ACCOUNT.blob.core.windows.net, not '{value}'.");
    }
}
