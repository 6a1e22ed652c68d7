#!/usr/bin/env bash
# azd postdeploy hook: subscribes the blob trigger to BlobCreated events of the attestations container.
#
# Flex Consumption accepts only the Event Grid source for blob triggers. The webhook URL carries the host's
# blobs_extension system key, which exists only once the deployed code has started, so the subscription cannot be
# part of the Bicep template. Idempotent: re-running updates the subscription in place.
#
# Reads the outputs of infra/main.bicep from the azd environment (azd exports them to hooks).
set -euo pipefail

: "${AZURE_RESOURCE_GROUP:?run through azd (azd up / azd deploy) or export the outputs of infra/main.bicep}"
: "${AZURE_FUNCTION_APP_NAME:?}" "${AZURE_FUNCTION_APP_ID:?}" "${AZURE_FUNCTION_APP_HOSTNAME:?}"
: "${AZURE_STORAGE_ACCOUNT_ID:?}" "${EVENTGRID_SYSTEM_TOPIC_NAME:?}" "${EVENTGRID_SUBSCRIPTION_NAME:?}"
: "${EVENTGRID_DEADLETTER_CONTAINER:?}" "${ATTESTATIONS_CONTAINER:?}" "${INGEST_FUNCTION_NAME:?}"

api_version="2025-02-15"
topic_id="$(az eventgrid system-topic show --resource-group "$AZURE_RESOURCE_GROUP" --name "$EVENTGRID_SYSTEM_TOPIC_NAME" --query id --output tsv)"

# The host writes its system keys when the blob extension first loads: wait for it after a fresh deployment.
echo "Waiting for the blobs_extension system key of $AZURE_FUNCTION_APP_NAME..."
key=""
for attempt in $(seq 1 30); do
  key="$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
           --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)"
  if [[ -z "$key" ]]; then
    key="$(az rest --method post --uri "${AZURE_FUNCTION_APP_ID}/host/default/listkeys?api-version=2024-11-01" \
             --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)"
  fi
  [[ -n "$key" ]] && break
  # Any request starts the host, which then creates the key.
  curl --silent --output /dev/null --max-time 10 "https://${AZURE_FUNCTION_APP_HOSTNAME}/" || true
  echo "  not there yet (attempt $attempt of 30)"
  sleep 10
done
if [[ -z "$key" ]]; then
  echo "The blobs_extension system key did not appear. Is the IngestAttestation blob trigger deployed with Source = EventGrid?" >&2
  exit 1
fi

endpoint="https://${AZURE_FUNCTION_APP_HOSTNAME}/runtime/webhooks/blobs?functionName=Host.Functions.${INGEST_FUNCTION_NAME}&code=${key}"
body="$(mktemp)"
trap 'rm -f "$body"' EXIT
cat >"$body" <<JSON
{
  "properties": {
    "destination": {
      "endpointType": "WebHook",
      "properties": {
        "endpointUrl": "${endpoint}",
        "maxEventsPerBatch": 1,
        "preferredBatchSizeInKilobytes": 64
      }
    },
    "filter": {
      "includedEventTypes": ["Microsoft.Storage.BlobCreated"],
      "subjectBeginsWith": "/blobServices/default/containers/${ATTESTATIONS_CONTAINER}/",
      "enableAdvancedFilteringOnArrays": true
    },
    "eventDeliverySchema": "EventGridSchema",
    "retryPolicy": {
      "maxDeliveryAttempts": 30,
      "eventTimeToLiveInMinutes": 1440
    },
    "deadLetterWithResourceIdentity": {
      "identity": { "type": "SystemAssigned" },
      "deadLetterDestination": {
        "endpointType": "StorageBlob",
        "properties": {
          "resourceId": "${AZURE_STORAGE_ACCOUNT_ID}",
          "blobContainerName": "${EVENTGRID_DEADLETTER_CONTAINER}"
        }
      }
    }
  }
}
JSON

# Event Grid validates the endpoint while creating the subscription; a host still warming up may miss the handshake.
echo "Creating Event Grid subscription $EVENTGRID_SUBSCRIPTION_NAME on $EVENTGRID_SYSTEM_TOPIC_NAME..."
for attempt in 1 2 3 4 5; do
  if az rest --method put \
       --uri "${topic_id}/eventSubscriptions/${EVENTGRID_SUBSCRIPTION_NAME}?api-version=${api_version}" \
       --body "@${body}" --output none; then
    echo "Event Grid subscription ready: BlobCreated under ${ATTESTATIONS_CONTAINER}/ -> ${INGEST_FUNCTION_NAME}."
    exit 0
  fi
  echo "  attempt $attempt failed; retrying in 20 s"
  sleep 20
done
echo "Could not create the Event Grid subscription." >&2
exit 1
