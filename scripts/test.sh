#!/usr/bin/env bash
# Runs every test of Tern: unit, contract, architecture and end-to-end.
# On a fresh Debian machine with JDK 17 and Maven, run as root, it first installs what the tests
# need; without root it fails loudly, naming the install command, rather than skipping tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v mosquitto_pub >/dev/null 2>&1 || need_packages+=(mosquitto-clients)

if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing test prerequisites: ${need_packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
  else
    echo "Missing test prerequisites: ${need_packages[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${need_packages[*]}" >&2
    exit 1
  fi
fi

exec mvn -B -ntp verify "$@"
