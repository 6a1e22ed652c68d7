#!/usr/bin/env bash
# Builds infra/main.bicep to infra/obj/main.json (ignored by git; azd compiles the Bicep itself) and lints every
# template with warnings treated as errors. Offline: the Bicep CLI comes from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (restored through infra/tools/BicepCli.csproj) and only local modules are used.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export BICEP_TRACING_ENABLED=false

dotnet restore "$here/tools/BicepCli.csproj" --verbosity quiet

version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' "$here/../Directory.Packages.props")"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "Bicep CLI not found at $bicep after restore" >&2
  exit 1
fi
chmod +x "$bicep"
"$bicep" --version

mkdir -p "$here/obj"
status=0
run() {
  # Bicep prints diagnostics on stderr and exits 0 on warnings: any diagnostic line fails the build.
  local output
  if ! output="$("$@" 2>&1)"; then
    printf '%s\n' "$output" >&2
    status=1
    return
  fi
  if grep -E ' : (Warning|Error|Info) ' <<<"$output" >&2; then
    status=1
  fi
}

run "$bicep" build "$here/main.bicep" --outfile "$here/obj/main.json"
for template in "$here"/main.bicep "$here"/modules/*.bicep; do
  run "$bicep" lint "$template"
done

if [[ $status -ne 0 ]]; then
  echo "Bicep build or lint reported diagnostics." >&2
  exit 1
fi
echo "Built $here/obj/main.json; lint clean."
