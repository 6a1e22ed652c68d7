// Key Vault in RBAC mode holding the webhook signing secret and the API keys (written by modules/apiPrincipals.bicep). The
// app reads them through Key Vault references in its app settings with its user-assigned identity (Key Vault Secrets
// User on this vault).

@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@secure()
@description('Signing secret (whsec_...). Empty: keep the current secret version untouched.')
param signingSecret string

@description('Name of the function app identity (stable role assignment name).')
param appIdentityName string

@description('Principal id of the function app identity.')
param appPrincipalId string

@description('Optional principal (the operator) allowed to set new secret versions for rotation. Empty: none.')
param operatorPrincipalId string

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string

var signingSecretName = 'alerts-signing-secret'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Flex Consumption without virtual network integration resolves references over the public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Written only when a value is given, as a new version; the app setting references the secret without a version,
// so the app follows the newest one.
resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(signingSecret)) {
  parent: vault
  name: signingSecretName
  properties: {
    value: signingSecret
    contentType: 'text/plain; webhook signing secret (whsec_)'
  }
}

var roles = {
  secretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  secretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

// Key Vault Secrets User on this vault, which holds nothing but the app's own secrets (signing secret, API keys):
// resolve the app settings' Key Vault references. Read only. (Scoped to the vault rather than the secret so that the first provision does not
// depend on the secret already existing.)
resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentityName, roles.secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.secretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Function app reads its secrets: webhook signing secret, API keys'
  }
}

// Key Vault Secrets Officer on the vault for the operator who rotates the secrets (azd passes the signed-in user).
resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.secretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.secretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    description: 'Operator rotates the webhook signing secret and the API keys'
  }
}

output name string = vault.name
output signingSecretName string = signingSecretName
// Version-less URI: the reference follows the newest version.
output signingSecretUri string = '${vault.properties.vaultUri}secrets/${signingSecretName}'
