// Azure Monitor alert rules on the pipeline's own OpenTelemetry metrics (meter PriceCapAttest), sent to an action
// group the operator supplies. Deployed by main.bicep only when alertActionGroupId is set.
//
// Log search alerts (scheduledQueryRules) with KQL over the Application Insights table customMetrics, not metric
// alerts: the Azure Monitor exporter writes OpenTelemetry instruments to customMetrics with their tags in
// customDimensions, which a query can always filter on. Metric alerts would read the pre-aggregated custom metrics
// instead, whose dimensions (outcome, queue) are kept only once "custom metric dimensions" is switched on for the
// component, a setting outside the component's ARM properties; without it a rule on outcome == failed cannot work.
//
// No identity on the rules: they are created by the deploying operator and query the component through Azure Monitor
// itself, so no role assignment is needed (local auth being off on the component does not affect them).

@description('Name of the Application Insights component the app sends its metrics to.')
param appInsightsName string

@description('Resource id of the action group every rule notifies.')
@minLength(1)
param actionGroupId string

param location string
param tags object

@description('How often each rule runs its query (ISO 8601 duration).')
param evaluationFrequency string = 'PT5M'

@description('Period each query looks back over (ISO 8601 duration).')
param windowSize string = 'PT15M'

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// One rule per failure signal: each fires when the counter's sum over the window is above zero. Metric names are
// those the code emits (meter PriceCapAttest); tags are read from customDimensions.
var rules = [
  {
    name: 'alert-pricecap-alert-deliveries-failed'
    displayName: 'PriceCapAttest: regulator alert deliveries failed'
    description: 'A violation alert could not be delivered to a regulator endpoint after all retries (pricecap.alerts.deliveries, outcome failed).'
    severity: 1
    query: 'customMetrics\n| where name == "pricecap.alerts.deliveries"\n| where tostring(customDimensions.outcome) == "failed"\n| project timestamp, valueSum'
    dimensions: []
  }
  {
    name: 'alert-pricecap-poison-messages'
    displayName: 'PriceCapAttest: messages moved to a poison queue'
    description: 'A queue message was moved to a poison queue and will not be retried on its own (pricecap.alerts.poison, split by queue).'
    severity: 1
    query: 'customMetrics\n| where name == "pricecap.alerts.poison"\n| extend queue = tostring(customDimensions.queue)\n| project timestamp, queue, valueSum'
    dimensions: [
      {
        name: 'queue'
        operator: 'Include'
        values: [
          '*'
        ]
      }
    ]
  }
  {
    name: 'alert-pricecap-ingest-failures'
    displayName: 'PriceCapAttest: attestation ingest failures'
    description: 'An attestation document could not be ingested and screened (pricecap.ingest.failures).'
    severity: 2
    query: 'customMetrics\n| where name == "pricecap.ingest.failures"\n| project timestamp, valueSum'
    dimensions: []
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: rule.name
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        appInsights.id
      ]
      evaluationFrequency: evaluationFrequency
      windowSize: windowSize
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Total'
            metricMeasureColumn: 'valueSum'
            dimensions: rule.dimensions
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      // Stateful: one notification when a rule fires, resolved once a whole window passes without failures.
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroupId
        ]
      }
    }
  }
]

