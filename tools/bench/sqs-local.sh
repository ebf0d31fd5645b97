#!/usr/bin/env bash
# SQS round trips (SendMessage + ReceiveMessage + DeleteMessage through AWSSDK.SQS) per second against the local SQS
# stand-in and against moto 5.2.1 in the same run, sequential (one client) and parallel (8 clients), with the ratio
# stand-in/moto. The stand-in makes every send durable (fsync) before it answers; moto keeps everything in memory.
# Then, through the emulator's event source mapping (tools/bench/SqsHandlerThroughput): messages per second through a
# no-op SQS handler with batch size 10, and p50/p99 latency from SendMessage to the handler's start.
# Usage: tools/bench/sqs-local.sh [seconds-per-measurement]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-5}
dotnet build tools/bench/SqsRoundTrips -c Release -v quiet -nologo >/dev/null
dotnet build tools/bench/SqsHandlerThroughput -c Release -v quiet -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null && break
  kill -0 $moto 2>/dev/null || { echo "moto did not start: pip install 'moto[server]==5.2.1'" >&2; exit 1; }
  sleep 0.1
done
dotnet tools/bench/SqsRoundTrips/bin/Release/net10.0/SqsRoundTrips.dll "http://127.0.0.1:$port" "$seconds"
dotnet tools/bench/SqsHandlerThroughput/bin/Release/net10.0/SqsHandlerThroughput.dll
