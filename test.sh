#!/usr/bin/env bash
# Runs every test of PriceCapAttest from a fresh clone: installs what is missing (npm packages such as the
# storage emulator, NuGet packages, the Bicep CLI package), builds the solution and runs all test projects.
# Test projects run one after another; results (one TRX per project) land in TestResults/. Extra arguments go
# to every `dotnet test` (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step() { printf '\n==> %s\n' "$*"; }

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -f package.json ]]; then
  command -v npm >/dev/null || { echo "error: Node.js 20 with npm is required (storage emulator)" >&2; exit 1; }
  if [[ ! -x node_modules/.bin/azurite ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "npm ci (storage emulator and tools)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi

# The browser tests (/api/docs and every console page) drive the system's headless Chromium (never a downloaded browser).
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    step "apt-get install chromium (headless browser of the reference page and console tests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
  else
    echo "warning: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); the browser test will fail." >&2
    echo "         install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium chromium-driver" >&2
  fi
fi

step "dotnet restore"
dotnet restore PriceCapAttest.sln --verbosity quiet

step "dotnet build (Release)"
dotnet build PriceCapAttest.sln -c Release --no-restore --verbosity quiet -nologo

rm -rf TestResults
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  step "dotnet test $name"
  dotnet test "$project" -c Release --no-build --verbosity quiet -nologo \
    --results-directory "$PWD/TestResults" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --blame-hang-timeout 10m "$@" || status=1
done
exit $status
