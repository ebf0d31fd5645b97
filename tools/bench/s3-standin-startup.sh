#!/usr/bin/env bash
# Measures the local S3 stand-in's start-up in fresh processes (Release build), alone and beside another Kestrel host
# (as inside the emulator). The emulator's budget from start to first 200 is 300 ms in total.
# Usage: tools/bench/s3-standin-startup.sh [runs-per-mode]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
dotnet build tools/bench/S3StandInStartup -c Release -v quiet -nologo
probe=tools/bench/S3StandInStartup/bin/Release/net10.0/S3StandInStartup.dll
for mode in alone beside; do
  for _ in $(seq "$runs"); do
    dotnet "$probe" "$mode"
  done
done
