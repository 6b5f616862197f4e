#!/usr/bin/env bash
# Runs the load matrix against Tern (memory, H2 and Redis backends), Mosquitto and, for the QoS 0
# flows, a zero-work relay (the ceiling on this machine), interleaved, each broker started fresh for every run, and writes a markdown table of
# medians, ranges, Tern/Mosquitto ratios and rates as a share of the relay's.
#
#   scripts/bench.sh            full matrix, 3 repetitions, table into docs/benchmark-results.md
#   scripts/bench.sh --quick    tiny counts, 1 repetition, table into benchmarks/target/quick-results.md
#   SCENARIOS="fan-in-qos2 large-64k large-1m sub-table retained-many" OUT_MD=/tmp/new.md scripts/bench.sh
#                               some scenarios alone (see docs/benchmarks.md)
#   SCENARIOS=cluster OUT_MD=/tmp/cluster.md scripts/bench.sh
#                               the cluster benchmark: publishers on node A, subscribers on node B,
#                               against one node (CLUSTER_BROKERS), all on one fresh redis-server per run
#
# Environment: REPS, SCENARIOS, BROKERS, CLUSTER_BROKERS, PROTOCOLS, WARMUP_SCENARIOS, WARMUP_RUNS, LATENCY_WARMUP_RUNS, LATENCY_REHEARSALS, LARGE_WARMUP_RUNS,
# PERSISTENT_WARMUP_RUNS, PERSISTENT_SETTLE_S, PERSISTENT_SETTLE_MAX_S,
# PAIR_SCENARIOS, OUT_MD, TERN_JAVA_OPTS, LOAD_JAVA_OPTS, IDLE_19K_JAVA_OPTS override the defaults below.
# Everything runs on loopback; every run is bounded in messages and in time.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[ "${1:-}" = "--quick" ] && quick=true

TERN_JAVA_OPTS=${TERN_JAVA_OPTS:-"-Xms64m -Xmx1g"}
# Not exported to the brokers: Tern reads TERN_* variables of its environment as settings and
# refuses one it does not know.
export -n TERN_JAVA_OPTS
# Every Tern started here also opens its WebSocket listener, by default on port 8083; on a shared
# machine another broker may hold that port and the start fails. An ephemeral port (the broker
# reads TERN_* variables as settings) keeps the listener, as the default configuration has it.
export TERN_LISTENERS_WEBSOCKET_PORT=${TERN_LISTENERS_WEBSOCKET_PORT:-0}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:-"-Xmx1g"}
# idle-19k (opt-in by name): 19,000 idle connections held by a Tern with a 256 MB heap, the issue's
# target; the broker's and the load generator's 20,000 descriptors each leave room for 19,000.
IDLE_19K_JAVA_OPTS=${IDLE_19K_JAVA_OPTS:-"-Xms64m -Xmx256m"}
# The options of the single-node Tern brokers in the current run: TERN_JAVA_OPTS, or the scenario's own.
tern_opts=$TERN_JAVA_OPTS
# A scenario ending in -batch1 is the load generator's scenario without the suffix, run with
# --batch 1: one PUBLISH per TCP write, as devices send.
SCENARIOS=${SCENARIOS:-"fan-in-qos0 fan-in-qos1 fan-in-qos0-batch1 fan-in-qos1-batch1 fan-out latency-all idle-connections persistent-sessions fan-in-qos2 large-64k large-1m sub-table retained-many"}
# latency-all: the eight fixed-rate latency flows to one subscriber, QoS 0 and 1, one and ten
# publishers, 10,000 and 50,000 msg/s in all: latency (QoS 0, one publisher, 10,000 msg/s) and
# latency-qos<Q>-<N>p-<R>k (each alone by its name too). large-64k and large-1m: each the two
# flows large-SIZE-fan-in and large-SIZE-fan-out, a fresh broker each (each alone by its name too).
# Opt-in by name: cluster (the six cluster-* flows: fan-in, fan-out and fixed-rate latency at QoS 0
# and 1; each alone by its name too) and idle-19k.
expanded=""
for scenario in $SCENARIOS; do
  case $scenario in
    large-64k|large-1m) expanded="$expanded $scenario-fan-in $scenario-fan-out" ;;
    latency-all) expanded="$expanded latency latency-qos0-1p-50k latency-qos0-10p-10k latency-qos0-10p-50k latency-qos1-1p-10k latency-qos1-1p-50k latency-qos1-10p-10k latency-qos1-10p-50k" ;;
    cluster) expanded="$expanded cluster-fan-in-qos0 cluster-fan-in-qos1 cluster-fan-out-qos0 cluster-fan-out-qos1 cluster-latency-qos0 cluster-latency-qos1" ;;
    *) expanded="$expanded $scenario" ;;
  esac
done
SCENARIOS=${expanded# }
# tern: the memory backend; tern-1io: the same with listeners.tcp.io-threads=1 (no hand-over
# between event loops; the default on 2 or 3 processors); tern-2io (not in the default list since
# the full run of 2026-12-07 07:23Z compared it): with io-threads=2 (the default before 2026-12-07
# on this 2-core machine, one loop per processor); tern-h2: the H2 backend with ack-after-commit, a fresh file per run;
# tern-redis: the Redis backend on a redis-server of its own (appendonly, fsync every second),
# persistent-sessions only, the one scenario that stores anything; tern-nometrics (not in the
# default list): tern with metrics.backend=none, to measure what counting costs; relay: the
# zero-work relay (benchmarks/src/main/c/tern-relay.c, one epoll loop that copies every PUBLISH to
# every subscriber, no matching, no sessions), RELAY_SCENARIOS only; tern-base (not in the default
# list): tern's configuration on the jar BASE_JAR names (an earlier build), for a before/after
# comparison interleaved with the current build under the same load; tern-redis-base (not in the
# default list): tern-redis on BASE_JAR, the same comparison for the Redis store; tern-h2-base (not
# in the default list): tern-h2 on BASE_JAR, the same comparison for the H2 store.
BROKERS=${BROKERS:-"tern tern-h2 tern-redis mosquitto relay"}
# The cluster-* scenarios run against these instead of BROKERS, each on a redis-server of its own
# started per run (appendonly, fsync every second, as tern-redis): tern-redis, one node with
# clustering off; tern-cluster-1node, one node with clustering on, every client on it;
# tern-cluster-2nodes, two nodes, publishers connected to node A, subscribers to node B. The
# cluster brokers run only the cluster-* scenarios.
CLUSTER_BROKERS=${CLUSTER_BROKERS:-"tern-redis tern-cluster-1node tern-cluster-2nodes"}
# The relay acknowledges QoS 1 at once and keeps nothing in flight, so it is a ceiling for the QoS
# 0 flows and, loosely, for the per-write QoS 1 fan-in (what the syscalls alone cost).
RELAY_SCENARIOS=${RELAY_SCENARIOS:-"fan-in-qos0 fan-out fan-in-qos0-batch1 fan-in-qos1-batch1"}
# Scenarios that compare Tern's default configuration with Mosquitto only: of BROKERS, just tern
# and mosquitto run them (the other Tern columns would add minutes each to the full run and
# answer no target of these scenarios).
PAIR_SCENARIOS=${PAIR_SCENARIOS:-"fan-in-qos2 large-64k-fan-in large-64k-fan-out large-1m-fan-in large-1m-fan-out sub-table retained-many"}
# Scenarios whose measured run follows an unmeasured one of the same kind on the same broker
# process: a fresh JVM runs its first seconds interpreted and half compiled, which says more
# about the JIT than about the broker. The cluster latency flows too, unlike latency: a fresh pair
# of nodes took more than its first run to carry 5,000 QoS 1 messages/s across the hop. Mosquitto gets the same warm-up run. Not idle-connections,
# whose figure is the memory a fresh broker grows by. persistent-sessions since 2026-12-07 (before,
# its fill measured mostly a JVM compiling its QoS 1 path): each warm-up run ends every session it
# made, and a pause after the warm-ups lets a durable store finish writing those removals before
# the measured fill starts: at least PERSISTENT_SETTLE_S, then until the broker's CPU over half a
# second is under a tenth of a core (its storage writer idle), at most PERSISTENT_SETTLE_MAX_S. The large-payload flows since 2026-12-07: a cold
# JVM spent 430 µs of CPU per 64 KiB message where a warmed one spends 40-55.
WARMUP_SCENARIOS=${WARMUP_SCENARIOS:-"fan-in-qos0 fan-in-qos1 fan-in-qos2 fan-in-qos0-batch1 fan-in-qos1-batch1 fan-out persistent-sessions large-64k-fan-in large-64k-fan-out large-1m-fan-in large-1m-fan-out latency latency-qos0-1p-50k latency-qos0-10p-10k latency-qos0-10p-50k latency-qos1-1p-10k latency-qos1-1p-50k latency-qos1-10p-10k latency-qos1-10p-50k cluster-fan-in-qos0 cluster-fan-in-qos1 cluster-fan-out-qos0 cluster-fan-out-qos1 cluster-latency-qos0 cluster-latency-qos1"}
# Seconds. H2's writer was seen busy 3 to 21 s after a warm-up's drain on a loaded machine, hence
# the wait for idle rather than a fixed pause.
PERSISTENT_SETTLE_S=${PERSISTENT_SETTLE_S:-5}
PERSISTENT_SETTLE_MAX_S=${PERSISTENT_SETTLE_MAX_S:-60}

# CPU ticks (utime + stime) of a process so far.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# Waits PERSISTENT_SETTLE_S, then until process $1 uses less than a tenth of a core over half a
# second, or PERSISTENT_SETTLE_MAX_S in all.
settle() {
  local pid=$1 halves=$((PERSISTENT_SETTLE_S * 2)) hz before after
  hz=$(getconf CLK_TCK)
  sleep "$PERSISTENT_SETTLE_S"
  while [ "$halves" -lt $((PERSISTENT_SETTLE_MAX_S * 2)) ]; do
    before=$(cpu_ticks "$pid")
    sleep 0.5
    after=$(cpu_ticks "$pid")
    [ $(( (after - before) * 20 )) -lt "$hz" ] && return 0
    halves=$((halves + 1))
  done
  echo "broker $pid still busy after ${PERSISTENT_SETTLE_MAX_S} s of settling; measuring anyway" >&2
}
# Unmeasured runs before each measured one: one left Tern's QoS 1 path still compiling (three
# runs against one process: 122k, 146k, 196k msgs/s); two bring it close to a broker that has run
# for a while.
WARMUP_RUNS=${WARMUP_RUNS:-2}
# The latency flows (in WARMUP_SCENARIOS since 2026-12-07: a fresh broker's tail is its JIT's, see
# docs/benchmarks.md "Latency and its tail") get three, each about 5 s at the flow's rate (the
# measured run leaves its own first fifth out of the percentiles too). After one, Tern's JIT was
# still compiling in the measured run: ten publishers at 10,000 msg/s, 9 runs each (2026-12-07),
# 46.8 and 56.6 s of broker CPU per million QoS 0 and QoS 1 messages after one warm-up, 27.2 and
# 35.8 after three; Mosquitto, with nothing to compile, 26.4 / 39.5 and 21.8 / 39.2.
# Of those three, the measured load generator runs two itself (--rehearsals) and one runs apart:
# the broker sees three runs before the measured one either way, and the generator's own JIT is
# warm too. A fresh generator's C2 compiler was still busy seconds into a 10,000 msg/s run,
# taking the core its event loop needed: one QoS 1 publisher at 10,000 msg/s, four alternating
# runs each against Tern (2026-12-07), send lateness p99 274-788 µs without rehearsals and 106-130
# with two, latency p99 897-1,951 and 401-1,311. The broker's GC rows then include the rehearsals.
LATENCY_WARMUP_RUNS=${LATENCY_WARMUP_RUNS:-1}
LATENCY_REHEARSALS=${LATENCY_REHEARSALS:-2}
# The large-payload flows get six: each run is a few thousand messages, so two left Tern's large
# path half compiled (64 KiB to 10 subscribers, 2026-12-07: 12,149 deliveries/s and 85.75 s of CPU
# per million after two warm-ups, 21,563 and 23.50 after six; Mosquitto has nothing to warm).
LARGE_WARMUP_RUNS=${LARGE_WARMUP_RUNS:-6}
# The offline-session flow gets six too: the H2 store's SQL engine was still being compiled in a
# broker's fourth to sixth runs (C2 threads 0.9 s of CPU per run, 0.05 s by the ninth), and five
# measured runs each on one build (2026-12-07) gave a fill of 43,573 msgs/s at 32.5 s of broker
# CPU per million after two warm-ups (28,152 to 47,983), 47,107 at 23.3 after six (40,983 to 55,462).
PERSISTENT_WARMUP_RUNS=${PERSISTENT_WARMUP_RUNS:-6}
# MQTT versions the load generator speaks: "3.1.1", "5" or both ("3.1.1 5").
PROTOCOLS=${PROTOCOLS:-"3.1.1"}
if $quick; then
  REPS=${REPS:-1}
  out_md=${OUT_MD:-benchmarks/target/quick-results.md}
else
  REPS=${REPS:-3}
  out_md=${OUT_MD:-docs/benchmark-results.md}
fi

# Counts per scenario: moderate for the full run (whole matrix < 10 minutes on 2 cores).
scenario_args() {
  local scenario=$1
  if $quick; then
    case $scenario in
      fan-in-qos0|fan-in-qos1) echo "--messages 50" ;;
      fan-in-qos0-batch1|fan-in-qos1-batch1) echo "--messages 50 --batch 1" ;;
      fan-out) echo "--messages 20 --subscribers 200" ;;
      latency) echo "--messages 1000 --rate 10000" ;;
      latency-qos*) echo "--messages 1000" ;;
      idle-connections) echo "--connections 200 --source-addresses 4" ;;
      idle-19k) echo "--connections 300 --source-addresses 4" ;;
      persistent-sessions) echo "--clients 50 --per-client 10" ;;
      fan-in-qos2) echo "--messages 50 --window 8" ;;
      large-64k-fan-in|large-64k-fan-out) echo "--messages 5" ;;
      large-1m-fan-in|large-1m-fan-out) echo "--messages 2" ;;
      sub-table) echo "--clients 200 --per-client 20 --messages 2000 --churn 2 --source-addresses 4" ;;
      retained-many) echo "--retained 2000 --groups 10 --clients 50" ;;
      cluster-fan-in-qos0|cluster-fan-in-qos1) echo "--messages 50" ;;
      cluster-fan-out-qos0|cluster-fan-out-qos1) echo "--messages 20 --subscribers 200" ;;
      cluster-latency-qos0|cluster-latency-qos1) echo "--messages 1000 --rate 5000" ;;
    esac
  else
    case $scenario in
      fan-in-qos0) echo "--messages 25000 --publishers 16" ;;
      fan-in-qos1) echo "--messages 12500 --publishers 16 --window 64" ;;
      # One write per PUBLISH costs the load generator a syscall per message too: half the counts.
      fan-in-qos0-batch1) echo "--messages 12500 --publishers 16 --batch 1" ;;
      fan-in-qos1-batch1) echo "--messages 6250 --publishers 16 --window 64 --batch 1" ;;
      fan-out) echo "--messages 5000 --subscribers 200" ;;
      latency) echo "--messages 60000 --warmup 20000 --rate 10000" ;;
      # About 5 s each: a fifth warm-up, then 4 s measured (40,000 or 200,000 messages in all).
      latency-qos*)
        local publishers=${scenario#latency-qos?-} rate=${scenario##*p-}
        publishers=${publishers%%p-*}
        rate=${rate%k}
        local per=$(( rate * 1000 * 5 / publishers ))
        echo "--messages $per --warmup $(( per / 5 ))" ;;
      idle-connections) echo "--connections 10000 --source-addresses 4" ;;
      # 19,000 from 4 loopback addresses: about 4,750 ephemeral ports each. 256 handshakes at once,
      # as idle-connections; a longer bound, since on a busy machine 19,000 handshakes take a while.
      idle-19k) echo "--connections 19000 --source-addresses 4 --timeout 600" ;;
      persistent-sessions) echo "--clients 1000 --per-client 100 --window 64" ;;
      # A window of 8 per publisher. Above 32, the brokers' in-flight limit, Mosquitto drops a 3.1.1
      # publisher (it counts unreleased incoming QoS 2 messages against max_inflight_messages; an
      # MQTT 5 client learns the limit from Receive Maximum, 3.1.1 cannot). At 32 Mosquitto 2.0.11
      # stalled in most runs: it stopped delivering to the subscriber (mosquitto_sub, subscribed
      # beside the load generator, stalled too) and then stopped answering the publishers. At 8 it
      # completed all 11 runs tried; both brokers get the same window.
      fan-in-qos2) echo "--messages 6250 --publishers 16 --window 8" ;;
      # 10 publishers -> 1 subscriber, 1 publisher -> 10 subscribers; QoS 0, at most 32 MiB of
      # payload per subscriber ahead of the receivers. About a second or more per run for either
      # broker (640 MB to 2 GB of payload delivered).
      large-64k-fan-in) echo "--messages 1000 --publishers 10" ;;
      large-64k-fan-out) echo "--messages 2000 --subscribers 10" ;;
      large-1m-fan-in) echo "--messages 100 --publishers 10" ;;
      large-1m-fan-out) echo "--messages 200 --subscribers 10" ;;
      # 10,000 connections in one load generator process (and one broker process): about half the
      # 20,000 file descriptors a process may hold here; 4 source addresses for ephemeral ports.
      # Both take tens of seconds per run on a busy 2-core machine: a longer bound than the 240 s of
      # the others (the last --timeout given wins).
      sub-table) echo "--clients 10000 --per-client 100 --publishers 4 --messages 50000 --churn 16 --source-addresses 4 --timeout 600" ;;
      retained-many) echo "--retained 100000 --groups 50 --clients 1000 --timeout 600" ;;
      # The fan-in and fan-out of the default list, with the publishers on node A and the
      # subscribers on node B in tern-cluster-2nodes; half the counts, since every message also
      # goes through Redis (QoS 1: a stream entry per forwarded message).
      cluster-fan-in-qos0) echo "--messages 12500 --publishers 16" ;;
      cluster-fan-in-qos1) echo "--messages 6250 --publishers 16 --window 64" ;;
      cluster-fan-out-qos0|cluster-fan-out-qos1) echo "--messages 2500 --subscribers 200" ;;
      # The hop's own latency: one publisher, one subscriber, at a rate every topology sustains
      # here (Tern, Redis and the load generator share two cores).
      cluster-latency-qos0|cluster-latency-qos1) echo "--messages 30000 --warmup 10000 --rate 5000" ;;
    esac
  fi
}

tern_jar=bootstrap/target/tern.jar
load_jar=benchmarks/target/tern-load.jar
if [[ " $BROKERS " == *" tern-base "* || " $BROKERS " == *" tern-redis-base "* || " $BROKERS " == *" tern-h2-base "* ]] && [ ! -f "${BASE_JAR:-}" ]; then
  echo "tern-base, tern-redis-base and tern-h2-base need BASE_JAR, the path of an earlier tern.jar" >&2
  exit 1
fi
if [ ! -f "$tern_jar" ] || [ ! -f "$load_jar" ]; then
  echo "Building $tern_jar and $load_jar"
  mvn -B -q -o -pl benchmarks -am package -DskipTests
fi

# The relay is C, built here (gcc from Debian when missing, as root), rebuilt when its source changes.
relay_src=benchmarks/src/main/c/tern-relay.c
relay_bin=benchmarks/target/tern-relay
if [[ " $BROKERS " == *" relay "* ]]; then
  if ! command -v gcc >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing gcc from Debian (for the relay)"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null
    else
      echo "gcc is missing (needed by the relay); install it with: sudo apt-get install -y gcc" >&2
      exit 1
    fi
  fi
  if [ ! -x "$relay_bin" ] || [ "$relay_src" -nt "$relay_bin" ]; then
    mkdir -p "$(dirname "$relay_bin")"
    gcc -O2 -Wall -o "$relay_bin" "$relay_src"
  fi
fi

if [[ " $SCENARIOS " == *" sub-table "* ]] && [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ]; then
  echo "sub-table opens 10,000 connections: raise the file descriptor limit (ulimit -n, now $(ulimit -n))" >&2
  exit 1
fi
if [[ " $SCENARIOS " == *" idle-19k "* ]] && [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 19500 ]; then
  echo "idle-19k opens 19,000 connections: raise the file descriptor limit (ulimit -n, now $(ulimit -n))" >&2
  exit 1
fi

if ! command -v redis-server >/dev/null 2>&1 && { [[ " $BROKERS " == *" tern-redis "* ]] || [[ " $SCENARIOS" == *" cluster-"* ]]; }; then
  echo "redis-server is missing (needed by tern-redis and the cluster-* scenarios); install it with: sudo apt-get install -y redis-server" >&2
  exit 1
fi

if ! command -v mosquitto >/dev/null 2>&1 && [[ " $BROKERS " == *" mosquitto "* ]]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing mosquitto from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto >/dev/null
  else
    echo "mosquitto is missing; install it with: sudo apt-get install -y mosquitto" >&2
    exit 1
  fi
fi

work=$(mktemp -d)
# Every Tern JVM logs its GC pauses to a file of its own (%p: its pid); after each run the pauses
# are added to the result line: a latency tail is read beside them.
gc_log="-Xlog:gc:file=$work/gc-%p.log"
broker_pid=""
# The second node of tern-cluster-2nodes, and the port its subscribers connect to (else $port).
node_b_pid=""
sub_port=""
redis_pid=""
cleanup() {
  if [ -n "$broker_pid" ]; then kill "$broker_pid" 2>/dev/null || true; wait "$broker_pid" 2>/dev/null || true; fi
  if [ -n "$node_b_pid" ]; then kill "$node_b_pid" 2>/dev/null || true; wait "$node_b_pid" 2>/dev/null || true; fi
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=scripts/free-port.sh
. scripts/free-port.sh

# Waits for a listener on $1, at most $2 tries of 50 ms (default 200: 10 s).
# 30 s: on a machine shared with other builds a JVM broker took more than 10 s to listen.
wait_for_port() {
  local port=$1 tries=${2:-600}
  for _ in $(seq 1 "$tries"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "broker did not open port $port" >&2
  return 1
}

# Starts a fresh redis-server on a free port (AOF, fsync every second, as production would), a
# fresh empty database per run; sets redis_pid and redis_port.
redis_start() {
  redis_port=$(free_port)
  mkdir -p "$work/redis-$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec \
    --dir "$work/redis-$redis_port" >"$work/redis.log" 2>&1 &
  redis_pid=$!
  wait_for_port "$redis_port"
}

# Starts one Tern node of a cluster on Redis: $1 node id, $2 MQTT port; more settings may follow.
cluster_node_start() {
  local node=$1 node_port=$2
  shift 2
  # shellcheck disable=SC2086
  java $TERN_JAVA_OPTS $gc_log -jar "${node_jar:-$tern_jar}" --set listeners.tcp.port="$node_port" --set listeners.websocket.port=0 \
    --set admin.http.port=0 --set storage.backend=redis --set storage.redis.url="redis://127.0.0.1:$redis_port" \
    --set mqtt.max-queued-messages=10000000 --set mqtt.max-inflight=32 "$@" >"$work/tern-$node.log" 2>&1 &
}

# Starts a fresh broker on $2; sets broker_pid (node A's for a cluster), and for two nodes
# node_b_pid and sub_port.
broker_start() {
  local broker=$1 port=$2
  sub_port=$port
  case $broker in
    tern|tern-nometrics|tern-base)
      local metrics=prometheus jar=$tern_jar
      [ "$broker" = tern-nometrics ] && metrics=none
      [ "$broker" = tern-base ] && jar=$BASE_JAR
      # The WebSocket listener on an ephemeral port: 8083 may be taken by another broker on the machine.
      # shellcheck disable=SC2086
      java $tern_opts $gc_log -jar "$jar" --set listeners.tcp.port="$port" --set admin.http.port=0 --set listeners.websocket.port=0 \
        --set storage.backend=memory \
        --set metrics.backend=$metrics \
        --set mqtt.max-queued-messages=10000000 --set mqtt.max-inflight=32 >"$work/tern.log" 2>&1 &
      ;;
    tern-1io|tern-2io)
      # shellcheck disable=SC2086
      java $tern_opts $gc_log -jar "$tern_jar" --set listeners.tcp.port="$port" --set admin.http.port=0 --set storage.backend=memory \
        --set listeners.tcp.io-threads="${broker:5:1}" \
        --set mqtt.max-queued-messages=10000000 --set mqtt.max-inflight=32 >"$work/tern.log" 2>&1 &
      ;;
    tern-h2|tern-h2-base)
      # The same broker with the H2 store in a fresh directory per run.
      local h2_jar=$tern_jar
      [ "$broker" = tern-h2-base ] && h2_jar=$BASE_JAR
      # shellcheck disable=SC2086
      java $tern_opts $gc_log -jar "$h2_jar" --set listeners.tcp.port="$port" --set admin.http.port=0 \
        --set storage.backend=h2 --set storage.h2.path="$work/h2-$port/tern" \
        --set mqtt.max-queued-messages=10000000 --set mqtt.max-inflight=32 >"$work/tern.log" 2>&1 &
      ;;
    tern-redis)
      redis_start
      cluster_node_start single "$port"
      ;;
    tern-redis-base)
      redis_start
      node_jar=$BASE_JAR cluster_node_start single "$port"
      ;;
    tern-cluster-1node)
      redis_start
      cluster_node_start node-a "$port" --set cluster.enabled=true --set cluster.node-id=node-a
      ;;
    tern-cluster-2nodes)
      redis_start
      sub_port=$(free_port)
      while [ "$sub_port" = "$port" ]; do sub_port=$(free_port); done
      cluster_node_start node-b "$sub_port" --set cluster.enabled=true --set cluster.node-id=node-b
      node_b_pid=$!
      cluster_node_start node-a "$port" --set cluster.enabled=true --set cluster.node-id=node-a
      ;;
    mosquitto)
      cat >"$work/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
# 0 = no limit: the broker must drop nothing, so that loss means loss.
max_queued_messages 0
max_queued_bytes 0
# Same in-flight window as Tern's mqtt.max-inflight.
max_inflight_messages 32
max_connections -1
# Tern's Netty transport sets TCP_NODELAY; without it Mosquitto's latency would be Nagle's.
set_tcp_nodelay true
log_dest none
CONF
      mosquitto -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
      ;;
    relay)
      "$relay_bin" "$port" >"$work/relay.log" 2>&1 &
      ;;
    *) echo "unknown broker $broker" >&2; exit 2 ;;
  esac
  broker_pid=$!
  # Two JVMs and Redis starting at once on a busy machine: up to 30 s.
  wait_for_port "$port" 600 && wait_for_port "$sub_port" 600
}

broker_stop() {
  kill "$broker_pid" 2>/dev/null || true
  wait "$broker_pid" 2>/dev/null || true
  broker_pid=""
  if [ -n "$node_b_pid" ]; then
    kill "$node_b_pid" 2>/dev/null || true
    wait "$node_b_pid" 2>/dev/null || true
    node_b_pid=""
  fi
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
  fi
}

mkdir -p "$(dirname "$out_md")" benchmarks/target
results=benchmarks/target/bench-$(date +%Y%m%d-%H%M%S).jsonl
: >"$results"
echo "Results: $results"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq 1 "$REPS"); do
  for protocol in $PROTOCOLS; do
    for scenario in $SCENARIOS; do
      brokers=$BROKERS
      [[ $scenario == cluster-* ]] && brokers=$CLUSTER_BROKERS
      for broker in $brokers; do
        if [[ $broker == tern-redis* ]] && [ "$scenario" != persistent-sessions ] && [[ $scenario != cluster-* ]]; then continue; fi
        if [[ $broker == tern-cluster-* ]] && [[ $scenario != cluster-* ]]; then continue; fi
        if [ "$broker" = relay ] && [[ " $RELAY_SCENARIOS " != *" $scenario "* ]]; then continue; fi
        if [ "$broker" != tern ] && [ "$broker" != mosquitto ] && [[ " $PAIR_SCENARIOS " == *" $scenario "* ]]; then continue; fi
        # fan-in-qos0-batch1 is the load generator's fan-in-qos0 with --batch 1 (from scenario_args).
        load_scenario=${scenario%-batch1}
        port=$(free_port)
        # Not passed as TERN_JAVA_OPTS=... on the call: Tern reads TERN_* variables of its environment as settings.
        tern_opts=$TERN_JAVA_OPTS
        [ "$scenario" = idle-19k ] && tern_opts=$IDLE_19K_JAVA_OPTS
        if ! broker_start "$broker" "$port"; then
          echo "broker $broker did not start: rep $rep MQTT $protocol $scenario skipped" >&2
          broker_stop
          continue
        fi
        if [[ " $WARMUP_SCENARIOS " == *" $scenario "* ]]; then
          warmups=$WARMUP_RUNS
          [[ $scenario == latency* ]] && warmups=$LATENCY_WARMUP_RUNS
          [[ $scenario == large-* ]] && warmups=$LARGE_WARMUP_RUNS
          [ "$scenario" = persistent-sessions ] && warmups=$PERSISTENT_WARMUP_RUNS
          for _ in $(seq 1 "$warmups"); do
            # shellcheck disable=SC2046,SC2086
            java $LOAD_JAVA_OPTS -jar "$load_jar" --scenario "$load_scenario" --port "$port" --sub-port "$sub_port" --broker-name warm-up \
              --protocol "$protocol" --timeout 240 $(scenario_args "$scenario") >/dev/null \
              || echo "warm-up failed: rep $rep MQTT $protocol $scenario $broker" >&2
          done
          [ "$scenario" = persistent-sessions ] && settle "$broker_pid"
          # The GC rows are the measured run's: the JVM appends to its log, so emptying it here
          # drops the warm-ups' pauses.
          for pid in $broker_pid $node_b_pid; do
            [ -f "$work/gc-$pid.log" ] && : >"$work/gc-$pid.log"
          done
        fi
        # Both nodes of a cluster count as the broker: their CPU and memory are summed. Redis's CPU
        # is reported apart.
        pids=$broker_pid${node_b_pid:+,$node_b_pid}
        redis_args=${redis_pid:+--redis-pid $redis_pid}
        rehearsal_args=""
        [[ $scenario == latency* ]] && rehearsal_args="--rehearsals $LATENCY_REHEARSALS"
        # shellcheck disable=SC2046,SC2086
        if line=$(java $LOAD_JAVA_OPTS -jar "$load_jar" --scenario "$load_scenario" --port "$port" --sub-port "$sub_port" \
            --broker-pid "$pids" $redis_args --broker-name "$broker" --protocol "$protocol" --timeout 240 \
            $rehearsal_args $(scenario_args "$scenario")); then
          # The broker's peak resident memory over its whole life (VmHWM), read before it stops
          # (summed over the nodes): the large-payload rows report it (a payload copied per
          # subscriber would show there).
          hwm=""
          for pid in ${pids//,/ }; do
            kb=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$kb" ] && hwm=$(( ${hwm:-0} + kb ))
          done
          line="${line%\}},\"broker_peak_rss_kb\":${hwm:-null}}"
          # Tern's GC pauses during the measured run (all nodes; over the broker's life for a
          # scenario without warm-up): how many, the longest, their sum.
          gc_files=()
          for pid in ${pids//,/ }; do
            [ -f "$work/gc-$pid.log" ] && gc_files+=("$work/gc-$pid.log")
          done
          if [ ${#gc_files[@]} -gt 0 ]; then
            line="${line%\}},$(awk '/ Pause / { v = $NF; sub(/ms$/, "", v); n++; t += v; if (v > m) m = v }
              END { printf "\"broker_gc_pauses\":%d,\"broker_gc_pause_max_ms\":%.3f,\"broker_gc_pause_total_ms\":%.3f}", n, m, t }' "${gc_files[@]}")"
            rm -f "${gc_files[@]}"
          fi
          echo "$line" | tee -a "$results"
        else
          echo "run failed: rep $rep MQTT $protocol $scenario $broker" >&2
        fi
        broker_stop
      done
    done
  done
done

{
  echo "<!-- Generated by scripts/bench.sh$($quick && echo ' --quick') on $(date -u +%Y-%m-%dT%H:%MZ) from $results; do not edit. -->"
  echo
  echo "Runs: $REPS repetition(s) per broker and scenario, interleaved, broker fresh per run."
  echo "Tern JVM: \`$TERN_JAVA_OPTS\` (idle-19k: \`$IDLE_19K_JAVA_OPTS\`); load generator JVM: \`$LOAD_JAVA_OPTS\`; $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)."
  echo "Load average when the runs began: $load_before; when they ended: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine shows here)."
  echo
  java -cp "$load_jar" dev.tern.benchmarks.load.ResultsTable "$results"
  echo
  echo "Raw JSON lines:"
  echo
  echo '```'
  cat "$results"
  echo '```'
} >"$out_md"
echo "Table written to $out_md"

# Loss, duplicates and deliveries nobody was owed are failures, not figures: say so loudly and
# fail. A refused message (MQTT 5 reason code >= 0x80) is neither; it shows in the table. A
# negative loss would mean refused messages were delivered after all.
bad=$(grep -E '"lost":(-|[1-9])|"duplicates":[1-9]|"misdelivered":[1-9]' "$results" || true)
if [ -n "$bad" ]; then
  echo "=== LOSS, DUPLICATES OR MISDELIVERY in $(echo "$bad" | wc -l) run(s): ===" >&2
  echo "$bad" >&2
  exit 1
fi
