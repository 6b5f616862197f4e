#!/usr/bin/env bash
# Profiles one broker during one load scenario on loopback: warms it up, then, during a measured
# run, samples it with perf (kernel and JIT frames, JIT symbols from jcmd Compiler.perfmap), counts
# its syscalls and context switches, and splits its CPU by thread (user/system) from
# /proc/PID/task/*/stat. Prints the load tool's JSON line, the thread split, the syscall counts and
# the perf samples bucketed into scheduler / epoll / TCP / syscall / decode / routing / encode+write
# / Netty / JIT / JVM (scripts/perf-buckets.py).
#
#   scripts/profile.sh [BROKER] [LOAD ARGS...]
#   scripts/profile.sh tern --scenario fan-in-qos0 --messages 25000 --publishers 16 --batch 1
#   scripts/profile.sh relay --scenario fan-in-qos0 --messages 25000 --publishers 16 --batch 1
#
# BROKER: tern (the default configuration of scripts/bench.sh), tern-1io, relay. WARMUP_RUNS
# (default 4: the per-write fan-in still compiles after two) unmeasured runs come first.
# Needs perf (Debian: linux-perf) and python3, and root or kernel.perf_event_paranoid <= 1.
set -euo pipefail
cd "$(dirname "$0")/.."

broker=${1:-tern}
shift || true
load_args=("$@")
[ ${#load_args[@]} -eq 0 ] && load_args=(--scenario fan-in-qos0 --messages 25000 --publishers 16 --batch 1)
WARMUP_RUNS=${WARMUP_RUNS:-4}
# Every Tern started here also opens its WebSocket listener, by default on port 8083; on a shared
# machine another broker may hold that port and the start fails. An ephemeral port (the broker
# reads TERN_* variables as settings) keeps the listener, as the default configuration has it.
export TERN_LISTENERS_WEBSOCKET_PORT=${TERN_LISTENERS_WEBSOCKET_PORT:-0}
out=${OUT_DIR:-benchmarks/target/profile-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 1; }

# BROKER_JAR: another build of the broker (an earlier jar, for a before/after profile; not
# TERN_JAR: the broker reads TERN_* variables as settings and refuses unknown ones).
tern_jar=${BROKER_JAR:-bootstrap/target/tern.jar}
load_jar=benchmarks/target/tern-load.jar
relay_bin=benchmarks/target/tern-relay
port=$((10000 + RANDOM % 20000))
case $broker in
  tern|tern-1io)
    extra=()
    [ "$broker" = tern-1io ] && extra=(--set listeners.tcp.io-threads=1)
    # shellcheck disable=SC2086
    java -Xms64m -Xmx1g ${PROFILE_JAVA_OPTS:-} -jar "$tern_jar" --set listeners.tcp.port="$port" --set admin.http.port=0 \
      --set storage.backend=memory --set mqtt.max-queued-messages=10000000 --set mqtt.max-inflight=32 \
      "${extra[@]}" >"$out/broker.log" 2>&1 &
    ;;
  relay)
    [ -x "$relay_bin" ] || gcc -O2 -Wall -o "$relay_bin" benchmarks/src/main/c/tern-relay.c
    "$relay_bin" "$port" >"$out/broker.log" 2>&1 &
    ;;
  *) echo "unknown broker $broker" >&2; exit 2 ;;
esac
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done

load() { java -Xmx1g -jar "$load_jar" --port "$port" --timeout 120 "${load_args[@]}" "$@"; }
for _ in $(seq 1 "$WARMUP_RUNS"); do load --broker-name warm-up >/dev/null; done

grep "" /proc/$pid/task/*/stat >"$out/threads-before.txt"
load --broker-pid "$pid" --broker-name "$broker" >"$out/line.json" &
load_pid=$!
sleep 0.8
# Both for the same second of the run (the measured run should last 2 s or more).
perf stat -e 'syscalls:sys_enter_read,syscalls:sys_enter_recvfrom,syscalls:sys_enter_write,syscalls:sys_enter_sendto,syscalls:sys_enter_writev,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_pwait2,context-switches' \
  -p "$pid" -o "$out/syscalls.txt" -- sleep 1 &
stat_pid=$!
perf record -F 1999 -p "$pid" -o "$out/perf.data" -- sleep 1 2>/dev/null
wait $stat_pid || true
wait $load_pid
grep "" /proc/$pid/task/*/stat >"$out/threads-after.txt"
if [ "$broker" != relay ]; then jcmd "$pid" Compiler.perfmap >/dev/null; fi

echo "== load line"; cat "$out/line.json"
echo "== broker CPU by thread during the measured run"
python3 scripts/thread-cpu.py "$out/threads-before.txt" "$out/threads-after.txt"
echo "== syscalls and context switches in one second of the run"
grep -E "sys_enter|context" "$out/syscalls.txt" || true
echo "== perf samples by bucket (self time)"
perf report -i "$out/perf.data" --no-children --sort dso,sym --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' >"$out/flat.txt"
python3 scripts/perf-buckets.py "$out/flat.txt" top
echo "(files in $out)"
