// The one identity the function app uses for storage, Key Vault, Application Insights and its own deployment.
// User-assigned, so role assignments exist before the app starts and survive re-creating the app.

param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
