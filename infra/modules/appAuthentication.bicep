// App Service authentication (Easy Auth) on the function app, with Microsoft Entra ID as the only provider: the
// platform validates the caller's bearer token (signature, issuer, audience, lifetime) before the request reaches the
// app, and passes the caller's claims to it in the X-MS-CLIENT-PRINCIPAL header (docs/security.md, "Principals on
// Azure"). API callers are daemons with client-credential tokens, so there is no sign-in page, no client secret and
// no token store: the provider only validates tokens.
//
// mode 'entra': App Service validates every token sent but lets requests without a valid one through, so that the
// app answers them itself with its own 401 problem+json (App Service may still refuse a token it finds invalid with
// its own 401 before the app sees it); the app validates the token
// again (Authentication__Bearer__*, written by main.bicep) and refuses any request without a token, a principal or a
// key. mode 'keys' with an app registration: the same (the API keys open the routes too, a transition). mode 'keys'
// without one: authentication is switched off.

@description('Name of the function app (modules/functionapp.bicep).')
param appName string

@allowed([
  'entra'
  'keys'
])
@description('How callers of the HTTP API authenticate on Azure (main.bicep apiAuthentication).')
param mode string

@description('Application (client) id of the API app registration; empty: no Entra ID provider.')
param clientId string

@description('OpenID issuer of the tenant: {login endpoint}{tenant id}/v2.0.')
param openIdIssuer string

@description('Audiences a token may carry (aud claim).')
param allowedAudiences array

// Reached without a token: the API's anonymous routes (health probe, OpenAPI document, its viewer and assets), the web
// console's files (it signs in in the browser and sends its token to /api), and the
// webhook Event Grid calls for the blob trigger, which carries the host's blobs_extension system key instead.
var excludedPaths = [
  '/api/health'
  '/api/openapi.json'
  '/api/docs'
  '/api/docs/*'
  '/console'
  '/console/*'
  '/runtime/webhooks/blobs'
]

var enabled = mode == 'entra' || !empty(clientId)

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: appName
}

// Deployed in every mode, so switching to 'keys' without an app registration really turns authentication off.
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: enabled
    ? {
        platform: {
          enabled: true
          runtimeVersion: '~1'
        }
        globalValidation: {
          // The app refuses unauthenticated requests with its own problem+json answers (docs/security.md).
          requireAuthentication: false
          unauthenticatedClientAction: 'AllowAnonymous'
          excludedPaths: excludedPaths
        }
        httpSettings: {
          requireHttps: true
          routes: {
            apiPrefix: '/.auth'
          }
          forwardProxy: {
            convention: 'NoProxy'
          }
        }
        identityProviders: {
          azureActiveDirectory: {
            enabled: true
            registration: {
              clientId: clientId
              openIdIssuer: openIdIssuer
            }
            validation: {
              allowedAudiences: allowedAudiences
            }
            login: {
              disableWWWAuthenticate: false
            }
          }
        }
        login: {
          tokenStore: {
            enabled: false
          }
          preserveUrlFragmentsForLogins: false
        }
      }
    : {
        platform: {
          enabled: false
        }
      }
}

