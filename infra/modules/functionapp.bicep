// Function app on Flex Consumption (FC1), .NET 10 isolated worker. Every connection is identity based through the
// user-assigned identity: host storage, deployment storage, Key Vault reference, Application Insights.

param appName string
param planName string
param location string
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

param storageAccountName string
param deploymentContainerName string

@description('Application Insights connection string (carries no secret; ingestion requires Entra ID).')
param appInsightsConnectionString string

@description('Version-less Key Vault URI of the webhook signing secret.')
param signingSecretUri string

@description('App settings of the API\'s callers: Principals__{n}__Key (a Key Vault reference), __Role, __PartyId (modules/apiPrincipals.bicep) and Authentication__AppService.')
param apiSettings object

@description('Regulator webhook endpoints per regime: { "EU": ["https://..."], ... }.')
param regulatorRoutes object

@minValue(1)
param ingestMaxDocumentBytes int

@description('Blob name of the cap schedule in the config container.')
param capScheduleBlobName string

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@minValue(0)
param httpAlwaysReadyInstances int

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve with the user-assigned identity (there is no system-assigned one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // 'http' is the Flex Consumption group of all HTTP-triggered functions.
        alwaysReady: httpAlwaysReadyInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: httpAlwaysReadyInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Publishing is by Entra ID (azd / OneDeploy); basic-auth publishing credentials are switched off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// Alerts__Routes__{REGIME}__{i}: the array binding form of .NET configuration, read into the alert options.
var routeSettings = reduce(
  items(regulatorRoutes),
  {},
  (settings, route) =>
    union(
      settings,
      toObject(range(0, length(route.value)), i => 'Alerts__Routes__${route.key}__${i}', i => string(route.value[i]))
    )
)

// Flex Consumption sets FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION itself (from functionAppConfig);
// they must not appear here. No setting holds an account key, a connection string with a key or an API key (those
// are Key Vault references).
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: union(
    {
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      Alerts__SigningSecret: '@Microsoft.KeyVault(SecretUri=${signingSecretUri})'
      // Absolute links to the HTTP API in the alerts regulators receive.
      Alerts__ApiBaseUrl: 'https://${app.properties.defaultHostName}'
      Ingest__MaxDocumentBytes: string(ingestMaxDocumentBytes)
      Schedule__BlobName: capScheduleBlobName
    },
    routeSettings,
    apiSettings
  )
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
