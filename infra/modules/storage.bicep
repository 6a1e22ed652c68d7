// Storage account for both the Functions host (AzureWebJobsStorage) and the pipeline's data. Identity only: shared
// key access is off, so no connection string or account key exists anywhere in the deployment.
//
// Container, queue and table names come from infra/storage-names.json, the one list shared with the code
// (PriceCapAttest.Pipeline.StorageNames mirrors it and a test on each side compares). Only the two containers the
// platform needs (Flex deployment packages, Event Grid dead letters) are named here.

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Time-based retention of raw attestations in days.')
@minValue(1)
param attestationRetentionDays int

@description('Soft delete retention for blobs, versions and containers in days.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@description('Container for Flex Consumption deployment packages.')
param deploymentContainerName string

@description('Container for events Event Grid could not deliver to the blob trigger.')
param deadLetterContainerName string

@description('Name of the function app identity (stable role assignment names).')
param appIdentityName string

@description('Principal id of the function app identity.')
param appPrincipalId string

var storageNames = loadJsonContent('../storage-names.json')

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Flex Consumption without virtual network integration reaches storage over the public endpoint;
      // access is still by Entra ID token only.
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        file: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource dataContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for container in items(storageNames.containers): {
    parent: blobService
    name: container.value
    properties: {
      publicAccess: 'None'
    }
  }
]

// Raw documents are evidence: write once, never altered or deleted during the retention period. The policy is
// created unlocked (an administrator can still shorten or remove it); lock it once the period is settled, see
// docs/deploy.md.
resource attestationsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = {
  parent: blobService
  name: storageNames.containers.attestations
}

resource attestationsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = {
  parent: attestationsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: attestationRetentionDays
    allowProtectedAppendWrites: false
    allowProtectedAppendWritesAll: false
  }
  dependsOn: [
    dataContainers
  ]
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

// The pipeline's queues and their poison queues (the host would create a poison queue on first failure; creating
// it here makes it visible to alerts from the start).
resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queue in items(storageNames.queues): {
    parent: queueService
    name: queue.value
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for table in items(storageNames.tables): {
    parent: tableService
    name: table.value
  }
]

// ---- Role assignments of the function app identity (least privilege; no Owner or Contributor anywhere) ----

var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// Storage Blob Data Owner on the deployment container only: Flex Consumption reads the package from it with the
// app identity, and its documentation asks for this role on the deployment storage. Nowhere else.
resource deploymentBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deploymentContainer.id, appIdentityName, roles.blobDataOwner)
  scope: deploymentContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Flex Consumption deployment package container'
  }
}

// Storage Blob Data Contributor on the account: the Functions host (AzureWebJobsStorage) creates and writes its own
// containers at run time (azure-webjobs-hosts: locks, blob trigger receipts; azure-webjobs-secrets: host keys,
// including the blobs_extension key Event Grid calls with), whose creation needs account scope. The pipeline uses
// the same connection for attestations (read), attestation-receipts (write) and config (read). Raw documents stay
// unalterable through the immutability policy, which no data role can override.
resource hostBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentityName, roles.blobDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Functions host storage and pipeline containers'
  }
}

// Storage Queue Data Contributor on the account: the blob trigger hands each blob to the host's shared queue
// azure-webjobs-blobtrigger-{hostId}, a name known only at run time; the same connection serves the pipeline's
// alert queue and the poison queues.
resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentityName, roles.queueDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Functions host blob trigger queue and pipeline queues'
  }
}

// Storage Table Data Contributor on the account: the pipeline creates its tables at start-up if missing
// (StorageInitializer, CreateTableIfNotExists), and Create Table is a request to the account's table service rather
// than to one table, so a table-scoped assignment could refuse it and stop the host. The role grants table data only.
resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentityName, roles.tableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Pipeline tables (records, indexes, receipts, alert delivery status)'
  }
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainer.name
output deadLetterContainerName string = deadLetterContainer.name
output attestationsContainerName string = storageNames.containers.attestations
output configContainerName string = storageNames.containers.config
output capScheduleBlobName string = storageNames.blobs.capSchedule
