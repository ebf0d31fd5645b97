#!/usr/bin/env bash
# Measures `chalice-net deploy` of samples/S3Test against moto as a user runs it: the whole command, build and policy
# inference included (no --package). Wall time and AWS calls (reads / mutating) of a first deploy, a no-op redeploy, a
# redeploy after a one-line code change and a delete, with `chalice-net --version` in the same run as the baseline of
# the CLI's own start. A first deploy also prints its phases (build, policy, AWS).
# Chalice on moto, for comparison: no-op redeploy 0.72 s wall (13 calls, 7 mutating); first deploy 11 calls (8 mutating);
# delete 5 calls. Target (issue 19): a no-op redeploy under 1.5 s wall.
#   tools/bench/deploy-s3test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true

app=samples/S3Test
work="$(mktemp -d)"
cp "$app/App.cs" "$work/App.cs.orig"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
cleanup() {
  cp "$work/App.cs.orig" "$app/App.cs"
  kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
  rm -f "$app/.chalice/deployed/bench.json"
}
trap cleanup EXIT
endpoint="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$endpoint/moto-api/" >/dev/null && break; sleep 0.1; done

dotnet build tools/Chalice.Net.Cli -c Release -o "$work/cli" -v quiet -nologo >/dev/null
cli=(dotnet "$work/cli/Chalice.Net.Cli.dll")

elapsed_ms() { echo $(( ($2 - $1) / 1000000 )); }

start=$(date +%s%N); "${cli[@]}" --version >/dev/null; end=$(date +%s%N)
printf '%-24s %6d ms\n' "chalice-net --version" "$(elapsed_ms "$start" "$end")"

run() {
  local label=$1; shift
  local start end output
  start=$(date +%s%N)
  output=$("${cli[@]}" "$@" --project-dir "$app" --stage bench --endpoint-url "$endpoint" 2>&1)
  end=$(date +%s%N)
  printf '%-24s %6d ms  %s\n' "$label" "$(elapsed_ms "$start" "$end")" "$(grep -oE '[0-9]+ AWS calls \([^)]*\)' <<<"$output" | head -1)"
  grep -E '^Phases:' <<<"$output" | sed 's/^/                                    /' || true
}
run "first deploy" deploy
run "no-op redeploy" deploy
run "no-op redeploy (again)" deploy
# One line of code: a new route, so the package and the API change.
sed -i 's|^}$|    [Route("/bench", "GET")] public string Bench() => "'"$(date +%s)"'";\n}|' "$app/App.cs"
run "one-line code change" deploy
run "delete" delete
