#!/usr/bin/env bash
# Runs the PriceCapAttest benchmarks and writes benchmarks/results/latest.md (docs/performance.md explains them).
# Does its own set-up: npm ci for the pinned Azurite when missing, a Release build of the solution.
#   ./bench.sh                  everything, full sizes (about 15-25 minutes on 2 cores)
#   ./bench.sh --smoke          tiny sizes, few iterations (CI; a couple of minutes); writes benchmarks/results/smoke.md
#   ./bench.sh --only check,csv sections: check, csv, ingest, trigger, bulk, query, rescreen, console
#                               (console: headless Chromium, /usr/bin/chromium, on the local host's /console/)
#   ./bench.sh --out FILE       another report file;  --parallelism N  the ingest parallelism (default 8, host.json)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step() { printf '\n==> %s\n' "$*"; }

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v npm >/dev/null || { echo "error: Node.js 20 with npm is required (storage emulator)" >&2; exit 1; }
if [[ ! -x node_modules/.bin/azurite ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm ci (storage emulator)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The local host build also builds the console bundle (npm and esbuild, through MSBuild); the benchmarks build copies
# the Playwright driver (.playwright/) that the console section uses to drive Chromium.
step "dotnet build (Release): CLI, local host (with the console), benchmarks"
for project in src/PriceCapAttest.Cli src/PriceCapAttest.LocalHost benchmarks/PriceCapAttest.Benchmarks; do
  dotnet build "$project" -c Release --verbosity quiet -nologo
done

step "benchmarks"
exec dotnet benchmarks/PriceCapAttest.Benchmarks/bin/Release/net10.0/PriceCapAttest.Benchmarks.dll "$@"
