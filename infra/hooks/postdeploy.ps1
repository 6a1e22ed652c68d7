#!/usr/bin/env pwsh
# azd postdeploy hook (Windows / PowerShell): subscribes the blob trigger to BlobCreated events of the attestations
# container. Same steps as postdeploy.sh; see there and docs/deploy.md for why this is not in the Bicep template.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$required = @(
    'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_FUNCTION_APP_ID', 'AZURE_FUNCTION_APP_HOSTNAME',
    'AZURE_STORAGE_ACCOUNT_ID', 'EVENTGRID_SYSTEM_TOPIC_NAME', 'EVENTGRID_SUBSCRIPTION_NAME',
    'EVENTGRID_DEADLETTER_CONTAINER', 'ATTESTATIONS_CONTAINER', 'INGEST_FUNCTION_NAME')
foreach ($name in $required) {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "$name is not set: run through azd (azd up / azd deploy) or set the outputs of infra/main.bicep."
    }
}
$rg = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$apiVersion = '2025-02-15'

$topicId = az eventgrid system-topic show --resource-group $rg --name $env:EVENTGRID_SYSTEM_TOPIC_NAME --query id --output tsv
if ($LASTEXITCODE -ne 0 -or -not $topicId) { throw "Event Grid system topic $($env:EVENTGRID_SYSTEM_TOPIC_NAME) not found." }

Write-Host "Waiting for the blobs_extension system key of $app..."
$key = $null
for ($attempt = 1; $attempt -le 30 -and -not $key; $attempt++) {
    $key = az functionapp keys list --resource-group $rg --name $app --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if (-not $key) {
        $key = az rest --method post --uri "$($env:AZURE_FUNCTION_APP_ID)/host/default/listkeys?api-version=2024-11-01" `
            --query 'systemKeys.blobs_extension' --output tsv 2>$null
    }
    if (-not $key) {
        # Any request starts the host, which then creates the key.
        try { Invoke-WebRequest -Uri "https://$($env:AZURE_FUNCTION_APP_HOSTNAME)/" -TimeoutSec 10 -SkipHttpErrorCheck | Out-Null } catch { }
        Write-Host "  not there yet (attempt $attempt of 30)"
        Start-Sleep -Seconds 10
    }
}
if (-not $key) {
    throw 'The blobs_extension system key did not appear. Is the IngestAttestation blob trigger deployed with Source = EventGrid?'
}

$endpoint = "https://$($env:AZURE_FUNCTION_APP_HOSTNAME)/runtime/webhooks/blobs?functionName=Host.Functions.$($env:INGEST_FUNCTION_NAME)&code=$key"
$body = @{
    properties = @{
        destination = @{
            endpointType = 'WebHook'
            properties = @{
                endpointUrl = $endpoint
                maxEventsPerBatch = 1
                preferredBatchSizeInKilobytes = 64
            }
        }
        filter = @{
            includedEventTypes = @('Microsoft.Storage.BlobCreated')
            subjectBeginsWith = "/blobServices/default/containers/$($env:ATTESTATIONS_CONTAINER)/"
            enableAdvancedFilteringOnArrays = $true
        }
        eventDeliverySchema = 'EventGridSchema'
        retryPolicy = @{
            maxDeliveryAttempts = 30
            eventTimeToLiveInMinutes = 1440
        }
        deadLetterWithResourceIdentity = @{
            identity = @{ type = 'SystemAssigned' }
            deadLetterDestination = @{
                endpointType = 'StorageBlob'
                properties = @{
                    resourceId = $env:AZURE_STORAGE_ACCOUNT_ID
                    blobContainerName = $env:EVENTGRID_DEADLETTER_CONTAINER
                }
            }
        }
    }
}
$bodyFile = New-TemporaryFile
try {
    $body | ConvertTo-Json -Depth 10 | Set-Content -Path $bodyFile -Encoding utf8NoBOM
    Write-Host "Creating Event Grid subscription $($env:EVENTGRID_SUBSCRIPTION_NAME) on $($env:EVENTGRID_SYSTEM_TOPIC_NAME)..."
    for ($attempt = 1; $attempt -le 5; $attempt++) {
        az rest --method put `
            --uri "$topicId/eventSubscriptions/$($env:EVENTGRID_SUBSCRIPTION_NAME)?api-version=$apiVersion" `
            --body "@$bodyFile" --output none
        if ($LASTEXITCODE -eq 0) {
            Write-Host "Event Grid subscription ready: BlobCreated under $($env:ATTESTATIONS_CONTAINER)/ -> $($env:INGEST_FUNCTION_NAME)."
            exit 0
        }
        Write-Host "  attempt $attempt failed; retrying in 20 s"
        Start-Sleep -Seconds 20
    }
    throw 'Could not create the Event Grid subscription.'
}
finally {
    Remove-Item -Path $bodyFile -ErrorAction SilentlyContinue
}
