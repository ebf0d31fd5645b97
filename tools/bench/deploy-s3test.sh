#!/usr/bin/env bash
# Measures chalice-net on samples/S3Test against moto, as issue 7 asks: wall time and AWS calls (reads / mutating) of
# a first deploy, a no-op redeploy and a delete. The package is built once beforehand (`chalice-net package`), so the
# times are the deploy's own: the CLI's start, IAM policy inference and the AWS phase (printed separately).
# Chalice on moto, for comparison: 11 calls (8 mutating) / 13 calls (7 mutating) / 5 calls.
# Target: a first deploy with no more calls than Chalice's, a no-op redeploy with zero mutating calls.
#   tools/bench/deploy-s3test.sh [PACKAGE_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true

work="$(mktemp -d)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null; rm -rf "$work"; rm -f samples/S3Test/.chalice/deployed/bench.json' EXIT
endpoint="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$endpoint/moto-api/" >/dev/null && break; sleep 0.1; done

dotnet build tools/Chalice.Net.Cli -c Release -o "$work/cli" -v quiet -nologo >/dev/null
cli=(dotnet "$work/cli/Chalice.Net.Cli.dll")
package="${1:-$work/package}"
[ -f "$package/chalice-package.json" ] || "${cli[@]}" package "$package" --project-dir samples/S3Test >/dev/null

run() {
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  local output
  output=$("${cli[@]}" "$@" --project-dir samples/S3Test --stage bench --endpoint-url "$endpoint")
  end=$(date +%s%N)
  printf '%-18s %6d ms  %s\n' "$label" $(( (end - start) / 1000000 )) "$(grep -E 'AWS calls' <<<"$output")"
}
run "first deploy" deploy --package "$package"
run "no-op redeploy" deploy --package "$package"
run "delete" delete
