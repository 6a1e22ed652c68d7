// The keys of the HTTP API (docs/security.md, "Keys on Azure"): each key one Key Vault secret (api-key-insurer-0,
// api-key-regulator-0, ...) and one app setting that references it (ApiKeys__Insurer__0, ...), resolved by the app
// with its identity like the signing secret. A short or shared key fails the deployment here, before the app's
// settings change, and so does a role without keys when keys are how callers authenticate (apiAuthentication 'keys':
// without a key every keyed route would answer 401). With Entra ID ('entra') the keys are optional.

@description('Name of the Key Vault (modules/keyvault.bicep).')
param vaultName string

@secure()
@description('Insurer keys, comma-separated (API_INSURER_KEYS).')
param insurerKeys string

@secure()
@description('Regulator keys, comma-separated (API_REGULATOR_KEYS).')
param regulatorKeys string

@description('Whether each role needs at least one key (apiAuthentication \'keys\').')
param keysRequired bool

@description('Shortest key accepted.')
@minValue(16)
param minKeyLength int

// An empty list is no key at all where keys are optional, and one empty (refused) key where they are required.
var insurer = empty(insurerKeys) && !keysRequired ? [] : split(insurerKeys, ',')
var regulator = empty(regulatorKeys) && !keysRequired ? [] : split(regulatorKeys, ',')
var badInsurer = filter(insurer, key => length(key) < minKeyLength || trim(key) != key)
var badRegulator = filter(regulator, key => length(key) < minKeyLength || trim(key) != key)
var keyRule = 'every key at least ${minKeyLength} characters, no space at either end, keys separated by commas'

// fail() in the branch ARM does not take is never evaluated. The messages never contain a key.
var keys = !empty(badInsurer)
  ? fail('apiInsurerKeys (azd env API_INSURER_KEYS): ${length(badInsurer)} key(s) refused; ${keyRule}. Without a key every insurer route answers 401.')
  : !empty(badRegulator)
      ? fail('apiRegulatorKeys (azd env API_REGULATOR_KEYS): ${length(badRegulator)} key(s) refused; ${keyRule}. Without a key every regulator route answers 401.')
      : !empty(intersection(insurer, regulator))
          ? fail('apiInsurerKeys and apiRegulatorKeys share a key: it would open the routes of both roles; give each role its own keys.')
          : {
              insurer: insurer
              regulator: regulator
            }

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: vaultName
}

// Written on every provision (a new version when the value changed); a secret whose index is no longer used stays in
// the vault but no setting references it.
resource insurerSecrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for (key, i) in keys.insurer: {
    parent: vault
    name: 'api-key-insurer-${i}'
    properties: {
      value: key
      contentType: 'text/plain; API key of the insurer role (x-functions-key)'
    }
  }
]

resource regulatorSecrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for (key, i) in keys.regulator: {
    parent: vault
    name: 'api-key-regulator-${i}'
    properties: {
      value: key
      contentType: 'text/plain; API key of the regulator role (x-functions-key)'
    }
  }
]

// ApiKeys__{Role}__{i}: the array binding form of .NET configuration, read into ApiKeyOptions. Version-less
// references: the app follows the newest version of each secret. A module's outputs exist once all its resources
// are deployed, so the app settings never reference a secret not yet written.
output settings object = union(
  toObject(
    range(0, length(keys.insurer)),
    i => 'ApiKeys__Insurer__${i}',
    i => '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/api-key-insurer-${i})'
  ),
  toObject(
    range(0, length(keys.regulator)),
    i => 'ApiKeys__Regulator__${i}',
    i => '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/api-key-regulator-${i})'
  )
)
