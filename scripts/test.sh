#!/usr/bin/env bash
# Runs every test of Tern: unit, contract, architecture, end-to-end and a short fuzzing run of each
# decoder fuzz target, then builds and tests the example plug-ins and runs the broker jar with them
# (PluginsDirectoryIT).
# On a fresh Debian machine with JDK 17 and Maven, run as root, it first installs what the tests
# need; without root it fails loudly, naming the install command, rather than skipping tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v mosquitto_pub >/dev/null 2>&1 || need_packages+=(mosquitto-clients)
# The Redis store's tests start their own redis-server on a free port (or use REDIS_URL).
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
# The Cluster tests join their primaries with redis-cli (Debian: redis-tools, a dependency of redis-server).
command -v redis-cli >/dev/null 2>&1 || need_packages+=(redis-tools)
# The Sentinel tests start a redis-sentinel of their own next to a redis-server primary.
command -v redis-sentinel >/dev/null 2>&1 || need_packages+=(redis-sentinel)
# The browser test drives Debian's Chromium with npm's playwright-core (its own browser download
# does not work here).
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
command -v npm >/dev/null 2>&1 || need_packages+=(nodejs npm)
# Its wss:// case makes Chromium trust a test CA through an NSS database made with certutil.
command -v certutil >/dev/null 2>&1 || need_packages+=(libnss3-tools)
# The benchmarks' RelaySmokeTest compiles the zero-work relay (benchmarks/src/main/c) with gcc.
command -v gcc >/dev/null 2>&1 || need_packages+=(gcc)
# The release tarball's test (distribution's TarballIT) checks its unit with systemd-analyze verify.
[ -x /usr/bin/systemd-analyze ] || need_packages+=(systemd)

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

browser_dir=bootstrap/src/test/browser
if [ ! -d "$browser_dir/node_modules/playwright-core" ] || [ ! -f "$browser_dir/node_modules/mqtt/dist/mqtt.min.js" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing the browser test's npm packages in $browser_dir"
    (cd "$browser_dir" && npm ci --no-audit --no-fund)
  else
    echo "Missing the browser test's npm packages in $browser_dir" >&2
    echo "Install them with: (cd $browser_dir && npm ci)" >&2
    exit 1
  fi
fi

# (a) The whole reactor, unit and integration tests, installed so that the example plug-ins can
#     build against it. bootstrap's PluginsDirectoryIT is left out here: it needs (b). -Pfuzz
#     adds a short fuzzing run of each decoder fuzz target (15 s each; docs/hardening.md).
mvn -B -ntp install -Pfuzz "$@"

# (b) The example plug-ins, each a Maven project of its own built against the installed Tern.
for example in unix-socket-listener jwt-authenticator; do
  mvn -B -ntp -f "examples/$example/pom.xml" verify
done

# (c) The stock tern.jar with both example jars in its plugins directory.
mvn -B -ntp -pl bootstrap failsafe:integration-test failsafe:verify \
  -Dit.test=PluginsDirectoryIT -Dtern.it.excludes=none
