#!/usr/bin/env bash
# Soak: runs the broker under mixed load for a while and records, every 10 seconds, its heap (as
# used, and live after a full GC), RSS, threads, file descriptors, connections and throughput into
# a CSV, then draws them as a PNG. On demand, not part of scripts/test.sh.
#
#   scripts/soak.sh            30 minutes
#   scripts/soak.sh 10         10 minutes
#   scripts/soak.sh --plot DIR draws DIR/soak.png again from DIR/soak.csv (DIR/title.txt: its title)
#
# Output: benchmarks/target/soak-<date>/{soak.csv,soak.png,load.jsonl,tern.log}; SOAK_PNG also
# copies the picture there (e.g. SOAK_PNG=docs/soak.png). Environment: TERN_JAVA_OPTS (default
# -Xmx256m: a bounded heap, so that growth shows as GC work or an OutOfMemoryError, not as a
# bigger heap), LOAD_JAVA_OPTS, INTERVAL (seconds between samples, default 10), STORAGE (the
# broker's storage.backend, default h2 as in the default configuration).
#
# The broker and the load generator run under nice 10: the machine may be shared, and the soak
# asks whether anything grows, not how fast the broker is. Everything runs on loopback; every load
# run is bounded in messages and time, and the whole soak stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

# Draws DIR/soak.png from DIR/soak.csv: heap, RSS, threads, descriptors, connections, throughput.
plot() {
  local dir=$1 csv=$1/soak.csv
  gnuplot <<PLOT
set datafile separator ","
set terminal pngcairo size 1400,900 noenhanced font ",10"
set output "$dir/soak.png"
set multiplot layout 2,3 title "Tern soak: $(cat "$dir/title.txt" 2>/dev/null)"
set xlabel "minutes"
set key top left
set grid
set autoscale xfix
set offsets 0, 0, graph 0.05, 0
set yrange [0:*]
set title "heap (MB)"
plot "$csv" using (\$1/60):2 with lines title "used", "" using (\$1/60):3 with lines lw 2 title "live after full GC"
set title "RSS (MB)"
plot "$csv" using (\$1/60):4 with lines notitle
set title "threads"
plot "$csv" using (\$1/60):5 with lines notitle
set title "file descriptors"
plot "$csv" using (\$1/60):6 with lines notitle
set title "network connections"
plot "$csv" using (\$1/60):7 with lines notitle
set title "messages per second"
plot "$csv" using (\$1/60):8 with lines title "received", "" using (\$1/60):9 with lines title "sent"
unset multiplot
PLOT
}

if [ "${1:-}" = "--plot" ]; then
  [ -f "${2:-}/soak.csv" ] || { echo "usage: scripts/soak.sh --plot DIR   (DIR holds soak.csv)" >&2; exit 2; }
  command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is missing: sudo apt-get install -y gnuplot-nox" >&2; exit 1; }
  plot "$2"
  echo "PNG: $2/soak.png"
  exit 0
fi

minutes=${1:-30}
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -lt 1 ]; then
  echo "usage: scripts/soak.sh [minutes]   (default 30)" >&2
  exit 2
fi
TERN_JAVA_OPTS=${TERN_JAVA_OPTS:-"-Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError"}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:-"-Xmx256m"}
INTERVAL=${INTERVAL:-10}
STORAGE=${STORAGE:-h2}

if ! command -v gnuplot >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing gnuplot-nox from Debian (draws the soak's PNG)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null
  else
    echo "gnuplot is missing (draws the soak's PNG); install it with: sudo apt-get install -y gnuplot-nox" >&2
    exit 1
  fi
fi
for tool in curl jcmd; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing (curl: Debian's curl; jcmd: the JDK's bin)" >&2; exit 1; }
done

tern_jar=bootstrap/target/tern.jar
load_jar=benchmarks/target/tern-load.jar
if [ ! -f "$tern_jar" ] || [ ! -f "$load_jar" ]; then
  echo "Building $tern_jar and $load_jar"
  mvn -B -q -o -pl benchmarks -am package -DskipTests
fi

out=benchmarks/target/soak-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
work=$(mktemp -d)
# Copies, so that a build during the soak cannot rewrite the jars under the running JVMs.
cp "$tern_jar" "$work/tern.jar"
cp "$load_jar" "$work/tern-load.jar"
tern_jar=$work/tern.jar
load_jar=$work/tern-load.jar
broker_pid=""
loop_pids=()
cleanup() {
  # A loop's running load generator first (its child), then the loop.
  for pid in "${loop_pids[@]}"; do pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  for pid in "${loop_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$broker_pid" ]; then kill "$broker_pid" 2>/dev/null || true; wait "$broker_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=scripts/free-port.sh
. scripts/free-port.sh

port=$(free_port)
admin_port=$(free_port)
key=$(java -jar "$tern_jar" apikey create "$work/api-keys" soak 2>/dev/null | head -1)
# shellcheck disable=SC2086
nice -n 10 java $TERN_JAVA_OPTS -jar "$tern_jar" --set listeners.tcp.port="$port" \
  --set listeners.websocket.enabled=false --set admin.http.port="$admin_port" \
  --set admin.api-key-file="$work/api-keys" --set storage.backend="$STORAGE" \
  --set storage.h2.path="$work/data/tern" >"$out/tern.log" 2>&1 &
broker_pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$admin_port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$broker_pid" 2>/dev/null || { echo "the broker died at start; see $out/tern.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$admin_port/health/ready" >/dev/null || { echo "the broker did not get ready" >&2; exit 1; }

end=$(( $(date +%s) + minutes * 60 ))

# One load run; its JSON line goes to load.jsonl, a failure to the log (the soak goes on).
load() {
  local line
  # shellcheck disable=SC2086
  if line=$(nice -n 10 java $LOAD_JAVA_OPTS -jar "$load_jar" --port "$port" --broker-name tern-soak --timeout 120 "$@" 2>>"$out/load.err"); then
    echo "$line" >>"$out/load.jsonl"
  else
    echo "$(date -u +%H:%M:%S) load run failed: $*" >>"$out/load.err"
  fi
}

# Three kinds of traffic at once, each a loop of bounded runs until the end: a steady paced QoS 0
# stream; bursts of QoS 1 fan-in, QoS 0 fan-out and fan-in; and churn of connections and of
# persistent sessions whose queues fill while they are offline and drain when they return.
steady() {
  while [ "$(date +%s)" -lt $((end - 60)) ]; do
    load --scenario latency --rate 2000 --messages 100000 --warmup 0
  done
}
bursts() {
  while [ "$(date +%s)" -lt $((end - 20)) ]; do
    load --scenario fan-in-qos1 --messages 1000 --publishers 16 --window 32
    load --scenario fan-out --messages 200 --subscribers 100
    load --scenario fan-in-qos0 --messages 2000 --publishers 8
    sleep 2
  done
}
churn() {
  while [ "$(date +%s)" -lt $((end - 20)) ]; do
    load --scenario persistent-sessions --clients 200 --per-client 20 --window 32
    load --scenario idle-connections --connections 1000 --connect-concurrency 64
    sleep 2
  done
}
steady & loop_pids+=($!)
bursts & loop_pids+=($!)
churn & loop_pids+=($!)

# Sums every sample of a meter in the Prometheus text (labels and all); 0 when absent.
meter() {
  awk -v name="$1" -v filter="${2:-}" '
    ($1 == name || index($1, name "{") == 1) && (filter == "" || index($1, filter) > 0) { sum += $NF }
    END { printf "%.0f", sum }' "$work/metrics"
}
heap_kb() {
  jcmd "$broker_pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9'
}
status_kb() {
  awk -v key="$1:" '$1 == key { print $2 }' "/proc/$broker_pid/status"
}

csv="$out/soak.csv"
echo "seconds,heap_used_mb,heap_live_mb,rss_mb,threads,fds,connections,received_per_s,sent_per_s" >"$csv"
start=$(date +%s)
last_received=0
last_sent=0
last_t=$start
echo "Soak: $minutes min, broker pid $broker_pid on port $port; samples every ${INTERVAL}s into $csv"
while true; do
  now=$(date +%s)
  if ! kill -0 "$broker_pid" 2>/dev/null; then
    echo "the broker died after $((now - start)) s; see $out/tern.log" >&2
    exit 1
  fi
  curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$admin_port/metrics" >"$work/metrics" || : >"$work/metrics"
  received=$(meter tern_messages_received_total)
  sent=$(meter tern_messages_sent_total)
  used=$(heap_kb)
  # The live heap: what a full GC leaves. One forced GC per sample costs the broker a few tens
  # of milliseconds every interval; without it the used heap's saw-tooth hides slow growth.
  jcmd "$broker_pid" GC.run >/dev/null 2>&1 || true
  live=$(heap_kb)
  elapsed=$(( now > last_t ? now - last_t : 1 ))
  printf '%d,%.1f,%.1f,%.1f,%d,%d,%d,%.0f,%.0f\n' "$((now - start))" \
    "$(echo "${used:-0} / 1024" | bc -l)" "$(echo "${live:-0} / 1024" | bc -l)" \
    "$(echo "$(status_kb VmRSS) / 1024" | bc -l)" "$(status_kb Threads)" \
    "$(find "/proc/$broker_pid/fd" -mindepth 1 -maxdepth 1 | wc -l)" "$(meter tern_network_connections)" \
    "$(( now == start ? 0 : (received - last_received) / elapsed ))" "$(( now == start ? 0 : (sent - last_sent) / elapsed ))" >>"$csv"
  last_received=$received
  last_sent=$sent
  last_t=$now
  [ "$now" -ge "$end" ] && break
  sleep "$INTERVAL"
done

for pid in "${loop_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
loop_pids=()

echo "${minutes} min mixed load, ${TERN_JAVA_OPTS}, storage ${STORAGE}, sample every ${INTERVAL} s" >"$out/title.txt"
plot "$out"

# Growth after warm-up: the middle third against the last third of the run (the first is warm-up).
awk -F, 'NR > 1 { t[NR] = $1; for (c = 3; c <= 6; c++) v[c, NR] = $c; n = NR }
  END {
    split("x,x,heap_live_mb,rss_mb,threads,fds", name, ",")
    third = int((n - 1) / 3)
    for (c = 3; c <= 6; c++) {
      a = 0; b = 0; peak = 0
      for (i = 2 + third; i < 2 + 2 * third; i++) a += v[c, i]
      for (i = n - third + 1; i <= n; i++) { b += v[c, i]; if (v[c, i] > peak) peak = v[c, i] }
      if (third > 0) printf "%-12s mean of middle third %8.1f, of last third %8.1f, peak in last third %8.1f\n", name[c], a / third, b / third, peak
    }
  }' "$csv" | tee "$out/summary.txt"
fails=$(grep -c '^[0-9:]* load run failed: ' "$out/load.err" 2>/dev/null || true)
echo "load runs: $(wc -l <"$out/load.jsonl" 2>/dev/null || echo 0) finished, ${fails:-0} failed ($out/load.err)" | tee -a "$out/summary.txt"
if [ -n "${SOAK_PNG:-}" ]; then cp "$out/soak.png" "$SOAK_PNG"; fi
echo "CSV: $csv"
echo "PNG: $out/soak.png"
