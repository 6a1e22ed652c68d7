#!/usr/bin/env bash
# Rewrites docs/openapi.json from the code: the local host generates the OpenAPI document of its routes and exits
# (nothing is started, no storage needed). Run after changing a route; the API tests fail while the two differ.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DOTNET_ENVIRONMENT=Development dotnet run --project src/PriceCapAttest.LocalHost -c Release -- --write-openapi "$PWD/docs/openapi.json"
echo "docs/openapi.json rewritten"
