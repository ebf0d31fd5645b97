#!/usr/bin/env bash
# Lambda cold start: the same app as a Native AOT bootstrap and as a managed (JIT) package, process start to the first
# response posted to a local Runtime API, 10 runs each alternating. Prints medians, the ratio and the zip sizes.
# --baseline ZIP adds a Native AOT package built elsewhere (say, the same app from main: its zip is left in the
# "Packages in" folder this prints) to the same rounds, and checks the new build's median is at most 1.5x its own.
# Usage: tools/bench/coldstart.sh [--runs N] [--app DIR] [--baseline ZIP]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=10
app=tests/TestApps/TestApp
baseline=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --app) app=$2; shift 2 ;;
    --baseline) baseline=(--baseline "$(realpath "$2")"); shift 2 ;;
    *) echo "usage: $0 [--runs N] [--app DIR] [--baseline ZIP]" >&2; exit 2 ;;
  esac
done
dotnet build tools/bench/ColdStart -c Release -nologo -v quiet >/dev/null
dotnet tools/bench/ColdStart/bin/Release/net10.0/ColdStart.dll --runs "$runs" --app "$(realpath "$app")" "${baseline[@]}"
