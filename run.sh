#!/usr/bin/env bash
# Runs PriceCapAttest on this machine from a fresh clone (it installs and builds what is missing).
#
#   ./run.sh                 the pipeline: the storage emulator Azurite on 127.0.0.1 (unless AzureWebJobsStorage is
#                            set: then that account is used and no emulator is started) and the local host (blob
#                            and queue triggers + the HTTP API on http://127.0.0.1:7071/api and the web console on
#                            http://127.0.0.1:7071/console/), until Ctrl-C.
#   ./run.sh --demo          the same on fresh in-memory storage and free ports, plus a local regulator inbox that
#                            verifies alert signatures: uploads samples/, prints each document's verdict and each
#                            alert received, then stops everything and exits 0 (1 when something did not arrive).
#   ./run.sh --check [PATH]  offline only: builds pricecap and runs `pricecap check` (default: samples/); exits 0
#                            when the check completes, although the samples contain violations.
#
# Environment: AzureWebJobsStorage (use that account), PRICECAP_API_PORT (default 7071), AZURITE_BLOB_PORT,
# AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT (defaults 10000-10002), LocalHost__Principals__{0-3}__Key, __Role, __PartyId
# (the API's principals; defaults: shipper demo, insurer insurer-1, regulator EU, operator ops, printed at start),
# Alerts__Routes__{REGIME}__0 and Alerts__SigningSecret (alert delivery), and any other setting of the local host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

mode=run
case "${1:-}" in
  --demo) mode=demo; shift ;;
  --check) mode=check; shift ;;
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
esac
if [[ $mode != check && $# -gt 0 ]]; then
  echo "error: unexpected argument '$1'" >&2; usage >&2; exit 1
fi

step() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is required"

cli_dll=src/PriceCapAttest.Cli/bin/Release/net10.0/pricecap.dll
host_dll=src/PriceCapAttest.LocalHost/bin/Release/net10.0/PriceCapAttest.LocalHost.dll
inbox_dll=tools/RegulatorInbox/bin/Release/net10.0/PriceCapAttest.RegulatorInbox.dll

build() { # output only when a build fails (the full log stays in .run/build.log)
  mkdir -p .run
  for project in "$@"; do
    step "dotnet build $project (Release)"
    if ! dotnet build "$project" -c Release --verbosity quiet -nologo >.run/build.log 2>&1; then
      cat .run/build.log >&2
      fail "the build of $project failed"
    fi
  done
}

# ---------------------------------------------------------------- --check: offline, as before
if [[ $mode == check ]]; then
  build src/PriceCapAttest.Cli
  args=("$@")
  [[ ${#args[@]} -eq 0 ]] && args=(samples/)
  step "pricecap check ${args[*]}"
  status=0
  dotnet "$cli_dll" check "${args[@]}" || status=$?
  case $status in
    0) step "done: every attestation is Compliant or Exempt" ;;
    2) step "done: some attestations are Violation, NeedsReview or Rejected (expected for samples/)" ;;
    *) step "pricecap could not complete the run (exit code $status)"; exit "$status" ;;
  esac
  exit 0
fi

# ---------------------------------------------------------------- helpers for the pipeline modes
mkdir -p .run
pids=()
cleanup() {
  local pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done # up to 15 s each to stop cleanly
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}
trap cleanup EXIT
trap 'echo >&2; step "stopping"; exit 0' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    port_open "$port" || { echo "$port"; return; }
  done
  fail "no free port found"
}
# wait_port PORT PID NAME LOG: until PORT answers, while PID lives, at most 60 s.
wait_port() {
  for _ in $(seq 1 600); do
    port_open "$1" && return 0
    kill -0 "$2" 2>/dev/null || { [[ -n ${4:-} && -f $4 ]] && tail -n 30 "$4" >&2; fail "$3 stopped while starting${4:+ (log: $4)}"; }
    sleep 0.1
  done
  [[ -n ${4:-} && -f $4 ]] && tail -n 30 "$4" >&2
  fail "$3 did not answer on 127.0.0.1:$1 within 60 s${4:+ (log: $4)}"
}

account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
dev_secret="whsec_cHJpY2VjYXAtbG9jYWwtZGV2ZWxvcG1lbnQtc2lnbmluZy1rZXk="
regimes=(US EU GB CA JP AU NZ CH NO)

# The development principals of the local host's appsettings.json, as the environment may override them.
dev_roles=(Shipper Insurer Regulator Operator)
dev_parties=(demo insurer-1 EU ops)
dev_keys=(local-shipper-key local-insurer-key local-regulator-key local-operator-key)
for i in 0 1 2 3; do
  role_var=LocalHost__Principals__${i}__Role party_var=LocalHost__Principals__${i}__PartyId key_var=LocalHost__Principals__${i}__Key
  dev_roles[i]=${!role_var:-${dev_roles[i]}} dev_parties[i]=${!party_var:-${dev_parties[i]}} dev_keys[i]=${!key_var:-${dev_keys[i]}}
done
insurer_key=${dev_keys[1]} operator_key=${dev_keys[3]}
print_principals() {
  local line="Development principals:" i
  for i in 0 1 2 3; do
    line+="$([[ $i -gt 0 ]] && echo ",") $(tr '[:upper:]' '[:lower:]' <<<"${dev_roles[i]}") ${dev_parties[i]}  key ${dev_keys[i]}"
  done
  echo "$line" >&2
}

start_azurite() { # PERSISTENCE(dir|memory) BLOB QUEUE TABLE LOG
  if [[ ! -x node_modules/.bin/azurite ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    command -v npm >/dev/null || fail "Node.js 20 with npm is required for the storage emulator (or set AzureWebJobsStorage)"
    step "npm ci (the storage emulator pinned in package.json)"
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
  local persistence=(--location .azurite)
  [[ $1 == memory ]] && persistence=(--inMemoryPersistence)
  [[ $1 == memory ]] || mkdir -p .azurite
  for port in "$2" "$3" "$4"; do
    port_open "$port" && fail "port $port is taken (another Azurite or ./run.sh?): stop it, choose AZURITE_*_PORT, or set AzureWebJobsStorage to use that storage"
  done
  step "starting Azurite on 127.0.0.1:$2 (blob), $3 (queue), $4 (table)"
  node_modules/.bin/azurite "${persistence[@]}" --blobHost 127.0.0.1 --blobPort "$2" --queueHost 127.0.0.1 --queuePort "$3" \
    --tableHost 127.0.0.1 --tablePort "$4" --disableTelemetry --skipApiVersionCheck --loose --silent >"$5" 2>&1 </dev/null &
  pids+=($!)
  for port in "$2" "$3" "$4"; do wait_port "$port" "$!" Azurite "$5"; done
  storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;BlobEndpoint=http://127.0.0.1:$2/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$3/devstoreaccount1;TableEndpoint=http://127.0.0.1:$4/devstoreaccount1;"
}

# ---------------------------------------------------------------- ./run.sh: run until Ctrl-C
if [[ $mode == run ]]; then
  build src/PriceCapAttest.LocalHost src/PriceCapAttest.Cli
  api_port=${PRICECAP_API_PORT:-7071}
  port_open "$api_port" && fail "port $api_port is taken (is ./run.sh already running?); choose another with PRICECAP_API_PORT"
  if [[ -n ${AzureWebJobsStorage:-} ]]; then
    storage=$AzureWebJobsStorage
    where="the account of AzureWebJobsStorage (no emulator started)"
  else
    blob=${AZURITE_BLOB_PORT:-10000} queue=${AZURITE_QUEUE_PORT:-10001} table=${AZURITE_TABLE_PORT:-10002}
    start_azurite dir "$blob" "$queue" "$table" .run/azurite.log
    where="Azurite on 127.0.0.1:$blob-$table, data in .azurite/ (log .run/azurite.log)"
  fi
  export AzureWebJobsStorage=$storage
  export LocalHost__Urls="http://127.0.0.1:$api_port"
  print_principals
  step "starting the local host"
  dotnet "$host_dll" </dev/null &
  pids+=($!)
  host_pid=$!
  wait_port "$api_port" "$host_pid" "the local host"
  connection_hint="" # the CLI's default is AzureWebJobsStorage, else the emulator's standard ports
  [[ -n ${AZURITE_BLOB_PORT:-}${AZURITE_QUEUE_PORT:-}${AZURITE_TABLE_PORT:-} ]] && connection_hint="--connection '$storage' "
  cat >&2 <<EOF

PriceCapAttest is running.
  Storage  $where
  API      http://127.0.0.1:$api_port/api   key of a principal above (header x-functions-key, or ?code=);
           the roles of each route: docs/security.md
           curl -H 'x-functions-key: $insurer_key' http://127.0.0.1:$api_port/api/schedule
  Console  http://127.0.0.1:$api_port/console/   sign in with a key above (docs/console.md)
  Upload   dotnet $cli_dll submit --shipper demo ${connection_hint}samples/json
           (or: dotnet run --project src/PriceCapAttest.Cli -- submit --shipper demo samples/json)
           or any Azure Storage client: container "attestations", blob "{shipperId}/{name}.json|.csv";
           the receipt appears in "attestation-receipts" and at /api/receipts/attestations/{shipperId}/{name}
  Alerts   set Alerts__Routes__EU__0=https://... (http only to loopback) before ./run.sh to deliver them
Press Ctrl-C to stop.

EOF
  status=0
  wait "$host_pid" || status=$?
  fail "the local host stopped (exit code $status)"
fi

# ---------------------------------------------------------------- ./run.sh --demo
command -v node >/dev/null || fail "Node.js 20 is required for the demo"
build src/PriceCapAttest.LocalHost src/PriceCapAttest.Cli tools/RegulatorInbox
shipper=demo
if [[ -n ${AzureWebJobsStorage:-} ]]; then
  storage=$AzureWebJobsStorage
  shipper="demo-$(date -u +%Y%m%d%H%M%S)" # fresh ids on a shared account, so every alert is new
  step "using the account of AzureWebJobsStorage (no emulator), shipper $shipper"
else
  start_azurite memory "$(free_port)" "$(free_port)" "$(free_port)" .run/demo-azurite.log
fi

inbox_port=$(free_port)
api_port=$(free_port)
secret=${Alerts__SigningSecret:-$dev_secret}
step "starting the regulator inbox on 127.0.0.1:$inbox_port (log .run/demo-inbox.log)"
dotnet "$inbox_dll" --urls "http://127.0.0.1:$inbox_port" --secret "$secret" >.run/demo-inbox.log 2>&1 </dev/null &
pids+=($!)
wait_port "$inbox_port" "$!" "the regulator inbox" .run/demo-inbox.log

print_principals
step "starting the local host on 127.0.0.1:$api_port (log .run/demo-localhost.log); every regime's alerts go to the inbox"
routes=()
for regime in "${regimes[@]}"; do
  routes+=("Alerts__Routes__${regime}__0=http://127.0.0.1:$inbox_port/$(tr '[:upper:]' '[:lower:]' <<<"$regime")")
done
env AzureWebJobsStorage="$storage" LocalHost__Urls="http://127.0.0.1:$api_port" \
  Alerts__SigningSecret="$secret" "${routes[@]}" dotnet "$host_dll" >.run/demo-localhost.log 2>&1 </dev/null &
pids+=($!)
wait_port "$api_port" "$!" "the local host" .run/demo-localhost.log

# JSON and CSV samples hold the same attestation ids: each format goes under its own shipper, so neither amends the other.
receipt_files=()
for format in json csv; do
  [[ -d samples/$format ]] || continue
  step "pricecap submit --shipper $shipper-$format samples/$format"
  status=0
  # The operator's key: it reads the receipts of any shipper (the development shipper's key reads demo's only).
  dotnet "$cli_dll" submit --shipper "$shipper-$format" --connection "$storage" --api "http://127.0.0.1:$api_port/api" --key "$operator_key" --timeout 180 \
    --out ".run/demo-receipts-$format.json" "samples/$format" </dev/null || status=$?
  [[ $status -le 2 ]] || fail "the documents were not all processed (pricecap submit exit code $status; log .run/demo-localhost.log)"
  receipt_files+=(".run/demo-receipts-$format.json")
done

step "waiting for the alerts of the violations (API: alert delivery status; inbox: signatures)"
status=0
node - "http://127.0.0.1:$api_port/api" "$insurer_key" "http://127.0.0.1:$inbox_port/received" "${receipt_files[@]}" <<'EOF' || status=$?
const [api, key, inboxUrl, ...receiptFiles] = process.argv.slice(2);
const receipts = receiptFiles.flatMap(f => JSON.parse(require('fs').readFileSync(f, 'utf8')));
const keys = receipts.flatMap(r => r.attestations).filter(a => a.record && a.verdict === 'Violation').map(a => a.record);
const get = async url => { const r = await fetch(url, { headers: { 'x-functions-key': key } }); if (!r.ok) throw new Error(`${url}: ${r.status}`); return r.json(); };
const deadline = Date.now() + 60000;
(async () => {
  let answers = [];
  for (;;) {
    answers = await Promise.all(keys.map(k => get(`${api}/attestations/${encodeURIComponent(k.shipperId)}/${encodeURIComponent(k.attestationId)}?version=${k.version}`)));
    const settled = answers.every(a => a.alerts.length > 0 && a.alerts.every(x => x.status !== 'Pending'));
    if (settled || Date.now() > deadline) break;
    await new Promise(r => setTimeout(r, 500));
  }
  const received = await (await fetch(inboxUrl)).json();
  console.log(`\nAlerts of ${answers.length} violating attestation(s), as the API shows them:`);
  for (const a of answers) for (const x of a.alerts)
    console.log(`  ${a.shipperId}/${a.attestationId} v${a.version}  ${x.regime.padEnd(2)} ${x.eventType}  ${x.status} after ${x.attempts} attempt(s) to ${x.endpoint ?? '(no route)'}`);
  console.log(`\nReceived by the regulator inbox (${received.length}):`);
  for (const r of received)
    console.log(`  ${r.type?.split('.').pop() ?? 'unreadable'} ${r.regime} ${r.shipperId}/${r.attestationId} v${r.version} at ${r.path} - ${r.signatureValid ? 'signature valid' : 'SIGNATURE INVALID'}${r.duplicate ? ' (duplicate)' : ''}`);
  const expected = answers.flatMap(a => a.alerts).length;
  const delivered = answers.flatMap(a => a.alerts).filter(x => x.status === 'Delivered').length;
  const valid = received.filter(r => r.signatureValid && !r.duplicate).length;
  console.log(`\n${delivered} of ${expected} alert(s) delivered; ${valid} received with a valid signature.`);
  process.exit(expected > 0 && delivered === expected && valid === expected && received.every(r => r.signatureValid) ? 0 : 1);
})().catch(e => { console.error(e.message); process.exit(1); });
EOF
[[ $status -eq 0 ]] || fail "not every alert arrived with a valid signature (logs: .run/demo-localhost.log, .run/demo-inbox.log)"
step "demo complete: stopping everything"
exit 0
