#!/usr/bin/env bash
# Times `chalice-net gen-policy` on a corpus app, build excluded: builds the CLI once (Release), then runs the command
# RUNS times and prints each wall time and the median. Target: median under 5 s on the 2-core reference machine.
#   tools/bench/gen-policy.sh [APP_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
app="${1:-tests/Chalice.Net.Policy.Tests/Corpus/ProjectReferenceApp}"
runs="${2:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build tools/Chalice.Net.Cli -c Release -o "$out/cli" -v quiet -nologo >/dev/null
cli="$out/cli/Chalice.Net.Cli.dll"

# One untimed run restores the app, as a user's earlier build would have.
dotnet "$cli" gen-policy --project "$app" >/dev/null

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$cli" gen-policy --project "$app" >/dev/null
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "gen-policy median over $runs runs ($app): ${median} ms (target < 5000 ms)"
