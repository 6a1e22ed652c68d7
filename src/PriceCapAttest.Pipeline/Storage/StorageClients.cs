using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// The three storage clients of the pipeline, made from the connection the Functions host uses,
/// <c>AzureWebJobsStorage</c>: either a connection string, or the identity form
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, or
/// <c>__accountName</c>; <c>__credential=managedidentity</c> with optional <c>__clientId</c> uses that managed
/// identity, otherwise <see cref="DefaultAzureCredential"/>). Queue messages are Base64 (pitfall 8).
/// </summary>
public sealed record StorageClients(BlobServiceClient Blobs, QueueServiceClient Queues, TableServiceClient Tables)
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public static StorageClients FromConnectionString(string connectionString) => new(
        new BlobServiceClient(connectionString),
        new QueueServiceClient(connectionString, QueueOptions()),
        new TableServiceClient(connectionString));

    public static StorageClients FromConfiguration(IConfiguration configuration, string connectionName = ConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var account = section["accountName"];
        var blobUri = Uri(section["blobServiceUri"], account, "blob");
        var queueUri = Uri(section["queueServiceUri"], account, "queue");
        var tableUri = Uri(section["tableServiceUri"], account, "table");
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {connectionName} to a connection string, or set " +
                $"{connectionName}__blobServiceUri, {connectionName}__queueServiceUri and {connectionName}__tableServiceUri " +
                $"(or {connectionName}__accountName) for an identity-based connection.");
        }

        var credential = Credential(section);
        return new StorageClients(
            new BlobServiceClient(blobUri, credential),
            new QueueServiceClient(queueUri, credential, QueueOptions()),
            new TableServiceClient(tableUri, credential));
    }

    private static Uri? Uri(string? explicitUri, string? account, string service) =>
        !string.IsNullOrWhiteSpace(explicitUri) ? new Uri(explicitUri, UriKind.Absolute)
        : !string.IsNullOrWhiteSpace(account) ? new Uri($"https://{account}.{service}.core.windows.net", UriKind.Absolute)
        : null;

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
        });
    }
}
