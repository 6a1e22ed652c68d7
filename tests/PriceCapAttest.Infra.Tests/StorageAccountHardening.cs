namespace PriceCapAttest.Infra.Tests;

/// <summary>The storage account accepts Entra ID only, over TLS 1.2+, with nothing public, and keeps history.</summary>
public class StorageAccountHardening
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    private static object? Account(string path) => Template.Single(AzureTypes.StorageAccount).Get(path);

    [Fact]
    public void Account_and_blob_service_are_unconditional()
    {
        Assert.False(Template.Single(AzureTypes.StorageAccount).IsConditional);
        Assert.False(Template.Single(AzureTypes.BlobService).IsConditional);
    }

    [Fact]
    public void Shared_key_access_is_disabled() => Assert.Equal(false, Account("properties.allowSharedKeyAccess"));

    [Fact]
    public void Minimum_tls_version_is_1_2() => Assert.Equal("TLS1_2", Account("properties.minimumTlsVersion"));

    [Fact]
    public void Public_blob_access_is_disabled() => Assert.Equal(false, Account("properties.allowBlobPublicAccess"));

    [Fact]
    public void Https_only_and_entra_id_by_default()
    {
        Assert.Equal(true, Account("properties.supportsHttpsTrafficOnly"));
        Assert.Equal(true, Account("properties.defaultToOAuthAuthentication"));
    }

    [Fact]
    public void No_container_allows_public_access()
    {
        Assert.All(Template.OfType(AzureTypes.Container), container => Assert.Equal("None", container.Get("properties.publicAccess")));
    }

    [Fact]
    public void Blob_versioning_and_soft_delete_are_enabled()
    {
        var blobService = Template.Single(AzureTypes.BlobService);

        Assert.Equal(true, blobService.Get("properties.isVersioningEnabled"));
        Assert.Equal(true, blobService.Get("properties.deleteRetentionPolicy.enabled"));
        Assert.Equal(true, blobService.Get("properties.containerDeleteRetentionPolicy.enabled"));
        Assert.True((long)blobService.Get("properties.deleteRetentionPolicy.days")! >= 7);
    }

    [Fact]
    public void No_account_key_or_key_based_connection_string_appears_anywhere()
    {
        foreach (var forbidden in new[] { "AccountKey", "listKeys", "DefaultEndpointsProtocol", "SharedAccessSignature", "listAccountSas", "listServiceSas" })
        {
            Assert.DoesNotContain(forbidden, Template.Text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
