// The keyed principals of the HTTP API (docs/security.md, "Keys on Azure"): one secure parameter, entries
// Role:PartyId:Key separated by commas (azd env API_PRINCIPALS). Each key becomes one Key Vault secret
// (api-principal-0, api-principal-1, ...) and each principal the app settings Principals__{n}__Key (a Key Vault
// reference, resolved with the app's identity like the signing secret), Principals__{n}__Role and
// Principals__{n}__PartyId, which the app binds to ApiAccessOptions.Principals. A malformed entry fails the
// deployment here, before the app's settings change; the messages name the entry's position, never its text (an entry
// written in the wrong order would put the key where the role or party is expected).

@description('Name of the Key Vault (modules/keyvault.bicep).')
param vaultName string

@secure()
@description('Principals, Role:PartyId:Key separated by commas (API_PRINCIPALS).')
param principals string

@description('Whether at least one principal is required (apiAuthentication \'keys\').')
param keysRequired bool

@description('Shortest key accepted.')
@minValue(16)
param minKeyLength int

// The code's roles (ApiRole) and regime codes (CapScheduleLoader.KnownRegimes); an infra test keeps them equal.
var roles = [
  'Shipper'
  'Insurer'
  'Regulator'
  'Operator'
]
var regimes = [
  'US'
  'EU'
  'GB'
  'CA'
  'JP'
  'AU'
  'NZ'
  'CH'
  'NO'
]

// The party id rule of the other roles (PartyIds): 1-64 of A-Z a-z 0-9 . _ -.
var idCharacters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-'
var idCharacterList = map(range(0, length(idCharacters)), i => substring(idCharacters, i, 1))

// An empty list is no principal at all where keys are optional, and one empty (refused) entry where they are required.
var texts = empty(principals) && !keysRequired ? [] : split(principals, ',')
var entries = map(range(0, length(texts)), i => {
  position: i + 1
  parts: split(texts[i], ':')
})
var parsed = map(entries, entry => {
  position: entry.position
  wellFormed: length(entry.parts) == 3
  role: length(entry.parts) == 3 ? entry.parts[0] : ''
  partyId: length(entry.parts) == 3 ? entry.parts[1] : ''
  key: length(entry.parts) == 3 ? entry.parts[2] : ''
})
var badShapes = filter(parsed, p => !p.wellFormed)
var badRoles = filter(parsed, p => !contains(roles, p.role))
var badRegimes = filter(parsed, p => p.role == 'Regulator' && !contains(regimes, p.partyId))
var badIds = filter(
  parsed,
  p =>
    p.role != 'Regulator' && (length(p.partyId) < 1 || length(p.partyId) > 64 || !empty(join(split(p.partyId, idCharacterList), '')))
)
var badKeys = filter(parsed, p => length(p.key) < minKeyLength || length(split(p.key, [' ', '\t', '\r', '\n'])) != 1)
var keys = map(parsed, p => p.key)

var variable = 'apiPrincipals (azd env API_PRINCIPALS)'

// fail() in the branch ARM does not take is never evaluated. The messages never contain an entry's text.
var checked = keysRequired && empty(principals)
  ? fail('${variable}: at least one principal is required with apiAuthentication keys; without one every keyed route answers 401.')
  : !empty(badShapes)
  ? fail('${variable}: entry ${join(map(badShapes, p => string(p.position)), ', ')} is not Role:PartyId:Key; entries are separated by commas, and neither a party id nor a key holds a comma or a colon.')
  : !empty(badRoles)
      ? fail('${variable}: entry ${join(map(badRoles, p => string(p.position)), ', ')}: the role is not one of ${join(roles, ', ')} (exact spelling).')
      : !empty(badRegimes)
          ? fail('${variable}: entry ${join(map(badRegimes, p => string(p.position)), ', ')}: a Regulator\'s party id is a regime code: ${join(regimes, ', ')}.')
          : !empty(badIds)
              ? fail('${variable}: entry ${join(map(badIds, p => string(p.position)), ', ')}: a party id is 1-64 characters of A-Z a-z 0-9 . _ -.')
              : !empty(badKeys)
                  ? fail('${variable}: entry ${join(map(badKeys, p => string(p.position)), ', ')}: a key must be at least ${minKeyLength} characters without spaces (openssl rand -hex 32).')
                  : length(union(keys, [])) != length(keys)
                      ? fail('${variable}: two entries share a key; each principal needs its own key.')
                      : parsed

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: vaultName
}

// Written on every provision (a new version when the value changed); a secret whose position is no longer used stays
// in the vault but no setting references it.
resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for (principal, i) in checked: {
    parent: vault
    name: 'api-principal-${i}'
    properties: {
      value: principal.key
      contentType: 'text/plain; API key of principal ${i} (${principal.role} ${principal.partyId}; x-functions-key)'
    }
  }
]

// Version-less references: the app follows the newest version of each secret. A module's outputs exist once all its
// resources are deployed, so the app settings never reference a secret not yet written.
output settings object = union(
  toObject(
    range(0, length(checked)),
    i => 'Principals__${i}__Key',
    i => '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/api-principal-${i})'
  ),
  toObject(range(0, length(checked)), i => 'Principals__${i}__Role', i => checked[i].role),
  toObject(range(0, length(checked)), i => 'Principals__${i}__PartyId', i => checked[i].partyId)
)
