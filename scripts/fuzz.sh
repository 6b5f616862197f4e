#!/usr/bin/env bash
# Fuzzes one decoder target with Jazzer for as long as asked (a long run, on demand).
#   scripts/fuzz.sh <target> <duration>     e.g. scripts/fuzz.sh packets 30m
# Targets: stream, packets, properties, utf8, websocket (see docs/hardening.md, "Fuzzing the
# decoder"). Duration: seconds, or a number with s, m or h. A finding fails the run; its input is
# written to <module>/target/jazzer/crash-*, next to the corpus the run grew
# (<module>/target/jazzer/.cifuzz-corpus), which the next run of the same target starts from.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 <stream|packets|properties|utf8|websocket> <duration: 600, 90s, 30m, 2h>" >&2
  exit 2
}
[ $# -eq 2 ] || usage

case "$1" in
  stream)     module=application        test=PacketStreamFuzzTest ;;
  packets)    module=application        test=PacketDecodingFuzzTest ;;
  properties) module=application        test=PropertiesFuzzTest ;;
  utf8)       module=application        test=Utf8StringFuzzTest ;;
  websocket)  module=adapters-websocket test=WebSocketFramingFuzzTest ;;
  *) usage ;;
esac

case "$2" in
  *h) seconds=$(( ${2%h} * 3600 )) ;;
  *m) seconds=$(( ${2%m} * 60 )) ;;
  *s) seconds=${2%s} ;;
  *)  seconds=$2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || usage

# The fuzz profile (root pom) runs the target's corpus first, then fuzzes it in a JVM of its own.
mvn -B -ntp -Pfuzz -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtern.fuzz.seconds="$seconds"
