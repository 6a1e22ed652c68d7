#!/usr/bin/env bash
# Runs PriceCapAttest's main job from a fresh clone. For now: restores and builds the command-line tool, then
# checks every sample attestation in samples/ and prints the results table.
# The samples deliberately contain violations, documents that need review and rejected documents, so
# `pricecap check` itself exits 2 on them; this script exits 0 when the run completes (1 when it could not run).
# Extra arguments replace the default PATH (e.g. ./run.sh --format json samples/json/violation-eu.json).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cli=src/PriceCapAttest.Cli/PriceCapAttest.Cli.csproj
echo "==> dotnet restore and build (pricecap)" >&2
dotnet restore "$cli" --verbosity quiet
dotnet build "$cli" -c Release --no-restore --verbosity quiet -nologo

args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(samples/)

echo "==> pricecap check ${args[*]}" >&2
status=0
dotnet src/PriceCapAttest.Cli/bin/Release/net10.0/pricecap.dll check "${args[@]}" || status=$?

case $status in
  0) echo "==> done: every attestation is Compliant or Exempt" >&2 ;;
  2) echo "==> done: some attestations are Violation, NeedsReview or Rejected (expected for samples/)" >&2 ;;
  *) echo "==> pricecap could not complete the run (exit code $status)" >&2; exit "$status" ;;
esac
