#!/usr/bin/env bash
# The local emulator against a bare Kestrel minimal API with the same two routes, in the same run: wrk -t2 -c16 -d10s
# on GET /users/{id} against each, then req/s, p50, p99 and the ratio emulator/Kestrel, and the time from process start
# to the first 200. Targets: ratio >= 0.6, p99 < 2 ms, startup < 300 ms.
# Each server first gets the same 20 s of warm-up load (not measured): ASP.NET Core's own code ships precompiled
# (ReadyToRun) while an app's assemblies start in the JIT's first tier and reach optimized, profile-guided code only
# after 15-20 s under load; measured cold, the run would mostly compare JIT warm-up. The numbers are steady state.
# Usage: tools/bench/emulator.sh [--duration 10s]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=10s
[ "${1:-}" = "--duration" ] && duration=$2

if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get install wrk)..."
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
fi
bench=tools/bench/EmulatorBench
dotnet build "$bench/ChaliceTwoRoutes" -c Release -nologo -v quiet >/dev/null
dotnet build "$bench/KestrelTwoRoutes" -c Release -nologo -v quiet >/dev/null

# Prints milliseconds from process start to the first 200 on GET /users/1, then leaves the server running.
start_and_time() { # port command...
  python3 - "$@" <<'PY'
import http.client, subprocess, sys, time
port, cmd = int(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
while True:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", "/users/1")
        if c.getresponse().status == 200:
            break
    except OSError:
        time.sleep(0.002)
print(f"{(time.perf_counter() - start) * 1000:.0f} {proc.pid}")
PY
}

run() { # name port command...
  local name=$1 port=$2; shift 2
  read -r startup pid < <(start_and_time "$port" "$@")
  wrk -t2 -c16 -d20s "http://127.0.0.1:$port/users/42" > /dev/null
  wrk -t2 -c16 -d"$duration" --latency "http://127.0.0.1:$port/users/42" > "/tmp/wrk-$name.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "/tmp/wrk-$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "/tmp/wrk-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "/tmp/wrk-$name.txt")
  printf "%-10s %12s req/s   p50 %8s   p99 %8s   startup %5s ms\n" "$name" "$rps" "$p50" "$p99" "$startup"
  echo "$rps $p99 $startup" > "/tmp/bench-$name.txt"
}

run kestrel 8081 dotnet "$bench/KestrelTwoRoutes/bin/Release/net10.0/KestrelTwoRoutes.dll" --urls http://127.0.0.1:8081
run emulator 8082 dotnet "$bench/ChaliceTwoRoutes/bin/Release/net10.0/ChaliceTwoRoutes.dll" --port 8082

python3 - <<'PY'
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
k = open("/tmp/bench-kestrel.txt").read().split()
e = open("/tmp/bench-emulator.txt").read().split()
ratio = float(e[0]) / float(k[0])
p99, startup = ms(e[1]), float(e[2])
print(f"ratio emulator/kestrel: {ratio:.2f}")
misses = [m for ok, m in [(ratio >= 0.6, f"ratio {ratio:.2f} < 0.6"), (p99 < 2, f"p99 {p99:.2f} ms >= 2 ms"), (startup < 300, f"startup {startup:.0f} ms >= 300 ms")] if not ok]
print("targets met: ratio >= 0.6, p99 < 2 ms, startup < 300 ms" if not misses else "targets missed: " + "; ".join(misses))
PY
