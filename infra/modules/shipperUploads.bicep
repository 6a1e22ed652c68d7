// Direct upload for onboarded shippers (docs/deploy.md, "Onboarding a shipper"): per shipper principal, Storage Blob
// Data Contributor on the attestations container with an Azure ABAC condition (version 2.0) that limits every blob
// action the role grants to the shipper's own prefix, {shipperId}/ (the ingest takes the shipper id from that first
// path segment). Writing, reading, listing and deleting elsewhere is refused by storage itself. Raw documents stay
// unalterable through the container's immutability policy, which no data role can override.

@description('Name of the storage account (modules/storage.bicep).')
param storageAccountName string

// The attestations container, named in the list the code shares (infra/storage-names.json).
var containerName = loadJsonContent('../storage-names.json').containers.attestations

@description('Onboarded shippers: [{ shipperId, principalId, principalType? (ServicePrincipal by default, User or Group) }].')
param shippers array

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// The project's id rule (PriceCapAttest.Domain Codes): 1-64 of A-Z a-z 0-9 . _ -; '.' and '..' are no path segment.
var idCharacters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-'
var idCharacterList = map(range(0, length(idCharacters)), i => substring(idCharacters, i, 1))
var guidCharacterList = map(range(0, length('0123456789abcdef-')), i => substring('0123456789abcdef-', i, 1))
var principalTypes = [
  'ServicePrincipal'
  'User'
  'Group'
]

var entries = map(shippers, shipper => {
  shipperId: string(shipper.?shipperId ?? '')
  principalId: toLower(string(shipper.?principalId ?? ''))
  principalType: string(shipper.?principalType ?? 'ServicePrincipal')
})
var badLengths = filter(entries, entry => length(entry.shipperId) < 1 || length(entry.shipperId) > 64)
var badCharacters = filter(entries, entry => !empty(join(split(entry.shipperId, idCharacterList), '')))
var badSegments = filter(entries, entry => entry.shipperId == '.' || entry.shipperId == '..')
var badIds = concat(badLengths, badCharacters, badSegments)
var badPrincipals = filter(entries, entry => length(entry.principalId) != 36 || !empty(join(split(entry.principalId, guidCharacterList), '')))
var badTypes = filter(entries, entry => !contains(principalTypes, entry.principalType))

// fail() in the branch ARM does not take is never evaluated.
var grants = !empty(badIds)
  ? fail('shippers: shipper id(s) ${join(map(badIds, entry => '\'${entry.shipperId}\''), ', ')} refused; a shipper id is 1-64 of A-Z a-z 0-9 . _ - and not \'.\' or \'..\'.')
  : !empty(badPrincipals)
      ? fail('shippers: the principalId of ${join(map(badPrincipals, entry => entry.shipperId), ', ')} is not an object id (a GUID).')
      : !empty(badTypes)
          ? fail('shippers: the principalType of ${join(map(badTypes, entry => entry.shipperId), ', ')} is not one of ${join(principalTypes, ', ')}.')
          : length(union(map(entries, entry => entry.principalId), [])) != length(entries)
              ? fail('shippers: a principal is listed more than once; each principal uploads for one shipper only.')
              : entries

// Every data action of Storage Blob Data Contributor bar move/action (used only with a hierarchical namespace, which
// the account does not have) is limited: reads, writes, appends and deletes to blobs under the prefix, listing to
// requests for that prefix. Placeholders keep the condition readable; the shipper id holds no quote (id rule).
var conditionTemplate = '''
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'CONTAINER_NAME'
  AND
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'SHIPPER_PREFIX'
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'CONTAINER_NAME'
  AND
  @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith 'SHIPPER_PREFIX'
 )
)
'''

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource shipperUploads 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in grants: {
    name: guid(account::blobService::container.id, grant.shipperId, grant.principalId, blobDataContributor)
    scope: account::blobService::container
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
      principalId: grant.principalId
      principalType: grant.principalType
      description: 'Direct upload of shipper ${grant.shipperId} under ${containerName}/${grant.shipperId}/'
      conditionVersion: '2.0'
      condition: replace(
        replace(trim(conditionTemplate), 'CONTAINER_NAME', containerName),
        'SHIPPER_PREFIX',
        '${grant.shipperId}/'
      )
    }
  }
]
