// PriceCapAttest on Azure: one resource group holding a locked-down storage account, a Flex Consumption function
// app that reaches everything through a user-assigned managed identity, Application Insights, Key Vault and the
// Event Grid system topic that feeds the blob trigger. Deployed with `azd up` (see docs/deploy.md).
//
// The Event Grid subscription itself is not created here: it needs the function host's blobs_extension system key,
// which exists only once the code runs. infra/hooks/postdeploy.sh (.ps1) creates it from the outputs below.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used to name the resource group and derive resource names.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (must offer Flex Consumption).')
param location string

@description('Retention of raw attestation documents in days (time-based immutability on the attestations container). OFAC record keeping: 10 years.')
@minValue(1)
@maxValue(146000)
param attestationRetentionDays int = 3650

@description('Days a deleted blob or blob version can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 30

@description('Storage redundancy. Evidence kept for years: zone- or geo-redundant storage is worth considering.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on the number of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances kept warm for the HTTP functions (status look-ups by insurers and regulators).')
@minValue(0)
@maxValue(20)
param httpAlwaysReadyInstances int = 1

@secure()
@description('Webhook signing secret (whsec_ followed by random base64). Stored in Key Vault as a new secret version when given; leave empty on later provisions to keep the current version.')
param alertsSigningSecret string = ''

@description('How callers of the HTTP API authenticate on Azure. entra (production): Microsoft Entra ID tokens checked by App Service authentication, entraClientId required, the app setting Authentication__AppService=true written, the keyed principals (apiPrincipals) optional. keys: the keyed principals, at least one required (local use and transition); with entraClientId a token is still validated when sent and names the principal. See docs/security.md.')
@allowed([
  'entra'
  'keys'
])
param apiAuthentication string = 'entra'

@description('Application (client) id of the API app registration (docs/deploy.md, "The app registration"). Required with apiAuthentication entra.')
param entraClientId string = ''

@description('Tenant id of the app registration and of the callers\' principals. Empty: the deployment\'s tenant.')
param entraTenantId string = ''

@description('Audiences a token may carry. Empty: the client id and api://{client id}.')
param entraAllowedAudiences array = []

@description('Scope the web console asks Entra ID for, whose access token it sends to the API. Empty: api://{entraClientId}/.default. The console signs in with the API\'s own app registration, whose SPA redirect URI is https://{function app host}/console/ (docs/deploy.md).')
param consoleScope string = ''

@secure()
@description('Keyed principals of the HTTP API: entries Role:PartyId:Key separated by commas (Role Shipper, Insurer, Regulator or Operator; PartyId the shipper or insurer id, the regime code of a regulator, an operator name; Key at least 16 characters as the app requires, e.g. openssl rand -hex 32, each its own). Required with apiAuthentication keys, optional with entra: each key becomes a Key Vault secret api-principal-{n} and each entry the app settings Principals__{n}__Key (a Key Vault reference), __Role and __PartyId. See docs/security.md.')
param apiPrincipals string

@description('Shippers that upload directly to the attestations container, each principal under its own prefix only: [{ "shipperId": "ACME-SHIP", "principalId": "<object id>", "principalType": "ServicePrincipal" }] (principalType optional: ServicePrincipal, User or Group). See docs/deploy.md, "Onboarding a shipper".')
param shippers array = []

@description('Regulator webhook endpoints per regime, e.g. { "EU": ["https://..."], "US": ["https://..."] }. Becomes app settings Alerts__Routes__{REGIME}__{i}.')
param regulatorRoutes object = {}

@description('Largest attestation document accepted, in bytes.')
@minValue(1)
param ingestMaxDocumentBytes int = 10485760

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Object id of the operator (azd passes the signed-in user) given Key Vault Secrets Officer to rotate the signing secret. Empty: none.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Resource id of an existing action group (/subscriptions/.../providers/Microsoft.Insights/actionGroups/...) notified by the alert rules on failed deliveries, poison messages and ingest failures. Empty: no alert rules are deployed.')
param alertActionGroupId string = ''

var tags = {
  'azd-env-name': environmentName
  application: 'pricecapattest'
}
var token = toLower(uniqueString(subscription().id, environmentName, location))
var entraTenant = empty(entraTenantId) ? tenant().tenantId : entraTenantId
// Entra ID mode without an app registration would leave every route 401: refused before anything is deployed.
var entraClient = apiAuthentication == 'entra' && empty(entraClientId)
  ? fail('apiAuthentication entra needs entraClientId (azd env ENTRA_CLIENT_ID), the client id of the API app registration; see docs/deploy.md. Use apiAuthentication keys (API_AUTHENTICATION=keys) to run on the shared keys alone.')
  : entraClientId
// App Service authentication is on (entra, or keys with an app registration): the platform validates tokens and sets
// and strips x-ms-client-principal, so the app may take the principal from it (Authentication:AppService).
var appServiceAuthentication = apiAuthentication == 'entra' || !empty(entraClient)
var openIdIssuer = '${environment().authentication.loginEndpoint}${entraTenant}/v2.0'
var entraAudiences = empty(entraAllowedAudiences) && !empty(entraClient)
  ? [
      entraClient
      'api://${entraClient}'
    ]
  : entraAllowedAudiences
// Where App Service validates tokens, the app validates them again itself (Authentication:Bearer, docs/security.md):
// the same issuer and audiences as the auth settings, so both refuse the same tokens.
var bearerSettings = union(
  {
    Authentication__AppService: 'true'
    Authentication__Bearer__Authority: openIdIssuer
  },
  toObject(range(0, length(entraAudiences)), i => 'Authentication__Bearer__Audiences__${i}', i => string(entraAudiences[i]))
)
// The web console (served by the function app at /console/) signs its users in with the same app registration; without
// one it asks for an API key (docs/console.md).
var consoleSettings = empty(entraClient)
  ? {}
  : {
      Console__Entra__ClientId: entraClient
      Console__Entra__Authority: '${environment().authentication.loginEndpoint}${entraTenant}'
      Console__Entra__Scope: empty(consoleScope) ? 'api://${entraClient}/.default' : consoleScope
    }
var names = {
  identity: 'id-pricecap-${token}'
  storageAccount: 'stpricecap${take(token, 14)}'
  functionApp: 'func-pricecap-${token}'
  appInsights: 'appi-pricecap-${token}'
  keyVault: 'kv-pricecap-${take(token, 12)}'
  // Containers the platform needs besides those in storage-names.json.
  deploymentContainer: 'app-package'
  deadLetterContainer: 'eventgrid-deadletter'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    workspaceName: 'log-pricecap-${token}'
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    publisherIdentityName: names.identity
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: names.storageAccount
    location: location
    tags: tags
    skuName: storageSkuName
    attestationRetentionDays: attestationRetentionDays
    softDeleteDays: blobSoftDeleteDays
    deploymentContainerName: names.deploymentContainer
    deadLetterContainerName: names.deadLetterContainer
    appIdentityName: names.identity
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    signingSecret: alertsSigningSecret
    appIdentityName: names.identity
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

// A malformed entry, a short or shared key, or no principal in keys mode, fails here, before the app's settings are
// written (else every keyed route would be 401).
module apiPrincipalSettings 'modules/apiPrincipals.bicep' = {
  scope: rg
  params: {
    vaultName: names.keyVault
    principals: apiPrincipals
    keysRequired: apiAuthentication == 'keys'
    // The app's ApiAccessOptionsValidator.MinKeyLength (an infra test keeps them equal).
    minKeyLength: 16
  }
  dependsOn: [
    keyVault
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  scope: rg
  params: {
    appName: names.functionApp
    planName: 'plan-pricecap-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storageAccount
    deploymentContainerName: names.deploymentContainer
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    signingSecretUri: keyVault.outputs.signingSecretUri
    apiSettings: union(apiPrincipalSettings.outputs.settings, appServiceAuthentication ? bearerSettings : {}, consoleSettings)
    regulatorRoutes: regulatorRoutes
    ingestMaxDocumentBytes: ingestMaxDocumentBytes
    capScheduleBlobName: storage.outputs.capScheduleBlobName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    httpAlwaysReadyInstances: httpAlwaysReadyInstances
  }
  // Every module it reads an output from (storage, with the identity's storage roles; Key Vault and the API key
  // secrets; monitoring) is deployed first, so the host starts with its connections and Key Vault references
  // already authorised.
}

// After the function app module (dependsOn), so that the site and its app settings are written before the auth
// settings.
module appAuthentication 'modules/appAuthentication.bicep' = {
  scope: rg
  params: {
    appName: names.functionApp
    mode: apiAuthentication
    clientId: entraClient
    openIdIssuer: openIdIssuer
    allowedAudiences: entraAudiences
  }
  dependsOn: [
    functionApp
  ]
}

// One ABAC-conditioned role assignment per onboarded shipper principal; none when shippers is empty.
module shipperUploads 'modules/shipperUploads.bicep' = {
  scope: rg
  params: {
    storageAccountName: names.storageAccount
    shippers: shippers
  }
  dependsOn: [
    storage
  ]
}

module eventGrid 'modules/eventgrid.bicep' = {
  scope: rg
  params: {
    name: 'evgt-pricecap-${token}'
    location: location
    tags: tags
    storageAccountName: names.storageAccount
    deadLetterContainerName: names.deadLetterContainer
  }
  dependsOn: [
    storage
  ]
}

// Alert rules only when there is somewhere to send them: a rule without an action group would fire unseen.
module alertRules 'modules/alertRules.bicep' = if (!empty(alertActionGroupId)) {
  scope: rg
  params: {
    appInsightsName: names.appInsights
    actionGroupId: alertActionGroupId
    location: location
    tags: tags
  }
  dependsOn: [
    monitoring
  ]
}

// Read by azd (written to the environment's .env) and by infra/hooks/postdeploy.*.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output API_AUTHENTICATION string = apiAuthentication
output ENTRA_CLIENT_ID string = entraClientId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_ID string = functionApp.outputs.id
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.id
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_SIGNING_SECRET_NAME string = keyVault.outputs.signingSecretName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output EVENTGRID_SUBSCRIPTION_NAME string = 'ingest-attestations'
output EVENTGRID_DEADLETTER_CONTAINER string = storage.outputs.deadLetterContainerName
output ATTESTATIONS_CONTAINER string = storage.outputs.attestationsContainerName
output CONFIG_CONTAINER string = storage.outputs.configContainerName
output CAP_SCHEDULE_BLOB string = storage.outputs.capScheduleBlobName
output INGEST_FUNCTION_NAME string = 'IngestAttestation'
