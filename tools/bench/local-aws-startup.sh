#!/usr/bin/env bash
# What the local AWS stand-ins (S3, SQS, SNS: three loopback listeners, their data folders, the declared buckets,
# queues and topics) add to the emulator's start: the time from process start to the first 200 of the two-route bench
# app, with the stand-ins (the default) and with --aws (none), alternating, in fresh processes. Reports both medians and
# the difference. The emulator's whole start-up budget is about 250 ms.
# Usage: tools/bench/local-aws-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-9}
app=tools/bench/EmulatorBench/ChaliceTwoRoutes
dotnet build "$app" -c Release -nologo -v quiet >/dev/null
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
mkdir -p "$project/.chalice"
echo '{ "local_s3_buckets": ["bench-bucket"], "local_sqs_queues": ["bench-queue", "bench.fifo"], "local_sns_topics": ["bench-topic"] }' > "$project/.chalice/config.json"
python3 - "$runs" "$project" "$app/bin/Release/net10.0/ChaliceTwoRoutes.dll" <<'PY'
import http.client, socket, statistics, subprocess, sys, time
runs, project, dll = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
def first_200(extra):
    port = free_port()
    cmd = ["dotnet", dll, "--port", str(port), "--project-dir", project, *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                sys.exit(f"the emulator exited with code {proc.returncode}")
            if time.perf_counter() - start > 30:
                sys.exit("the emulator did not answer within 30 s")
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                c.request("GET", "/users/1")
                if c.getresponse().status == 200:
                    return (time.perf_counter() - start) * 1000
            except OSError:
                time.sleep(0.002)
    finally:
        proc.terminate()
        proc.wait()
first_200([])  # the first start creates the data folders; not measured
local, aws = [], []
for _ in range(runs):
    local.append(first_200([]))
    aws.append(first_200(["--aws"]))
print(f"with local stand-ins: median {statistics.median(local):.0f} ms  ({', '.join(f'{t:.0f}' for t in local)})")
print(f"with --aws (none):    median {statistics.median(aws):.0f} ms  ({', '.join(f'{t:.0f}' for t in aws)})")
print(f"the stand-ins add:    {statistics.median(local) - statistics.median(aws):.0f} ms (median difference)")
PY
