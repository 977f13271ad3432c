#!/usr/bin/env bash
# bench/end-to-end: Mosquitto -> each Pulse job run with ./pulse run -> MariaDB + VictoriaMetrics,
# against three baselines on the same broker. One command, from anywhere:
#
#   bench/end-to-end/run.sh                      # the full run (~20 min on 2 cores), writes bench/results/end-to-end.md
#   bench/end-to-end/run.sh -Dmessages=20000 -Drates=0,2000 -Dout=/tmp/e2e.md   # a quick check
#
# It installs what is missing (as root on Debian/Ubuntu: mosquitto, mariadb-server, victoria-metrics,
# python3-paho-mqtt, python3-pymysql, nodejs, npm; Node-RED and node-red-node-mysql with npm into
# bench/end-to-end/.cache), builds the launcher and this module with './mvnw package' (not install:
# the local Maven repository is left alone), and runs io.pulse.bench.e2e.EndToEndBenchmark with the
# -D settings given (see its class comment). Every server and process it starts is stopped at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="$HERE/.cache"
NODE_RED_VERSION="4.1.15"   # 5.x needs Node 22; Debian 12 has Node 20
NODE_RED_MYSQL_VERSION="3.0.4"

say() { printf 'end-to-end: %s\n' "$*" >&2; }

# binary (or, for a Python module, py:module) and the Debian package that has it
NEEDED=(
  "mosquitto mosquitto"
  "mariadbd mariadb-server"
  "mariadb-install-db mariadb-server"
  "victoria-metrics victoria-metrics"
  "py:paho.mqtt.client python3-paho-mqtt"
  "py:pymysql python3-pymysql"
  "node nodejs"
  "npm npm"
)

missing_packages() {
  local entry what package missing=()
  for entry in "${NEEDED[@]}"; do
    what="${entry% *}"
    package="${entry#* }"
    if [[ "$what" == py:* ]]; then
      /usr/bin/python3 -c "import ${what#py:}" >/dev/null 2>&1 && continue
    elif PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" command -v "$what" >/dev/null 2>&1; then
      continue
    fi
    [[ " ${missing[*]:-} " == *" $package "* ]] || missing+=("$package")
  done
  printf '%s' "${missing[*]:-}"
}

POLICY_RC=/usr/sbin/policy-rc.d
install_packages() {
  local missing
  missing="$(missing_packages)"
  [[ -z "$missing" ]] && return 0
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing Debian packages: $missing; install them with: sudo apt-get install -y --no-install-recommends $missing"
    exit 1
  fi
  say "installing Debian packages: $missing"
  local created=""
  # mosquitto, mariadb-server and victoria-metrics start a service after installing, which would
  # take the machine's ports 1883, 3306 and 8428: deny service starts while installing.
  if [[ ! -e "$POLICY_RC" ]]; then
    printf '#!/bin/sh\n# bench/end-to-end: no service starts while installing\nexit 101\n' >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
    created=1
    trap 'rm -f "$POLICY_RC"' EXIT
  fi
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  if [[ -n "$created" ]]; then
    rm -f "$POLICY_RC"
    trap - EXIT
  fi
  missing="$(missing_packages)"
  if [[ -n "$missing" ]]; then
    say "still missing after the install: $missing"
    exit 1
  fi
}

install_node_red() {
  if [[ -f "$CACHE/node-red/node_modules/node-red/red.js" && -d "$CACHE/node-red/node_modules/node-red-node-mysql" ]]; then
    return 0
  fi
  say "installing node-red@$NODE_RED_VERSION and node-red-node-mysql@$NODE_RED_MYSQL_VERSION into $CACHE/node-red (npm)"
  mkdir -p "$CACHE/node-red"
  [[ -f "$CACHE/node-red/package.json" ]] || printf '{"name":"pulse-bench-node-red","private":true}\n' >"$CACHE/node-red/package.json"
  (cd "$CACHE/node-red" && npm install --no-audit --no-fund --loglevel=error \
    "node-red@$NODE_RED_VERSION" "node-red-node-mysql@$NODE_RED_MYSQL_VERSION")
}

build() {
  say "building the launcher and the benchmark (./mvnw package, offline when possible)"
  local args=(-B -q -Pbench -pl launcher,bench/end-to-end -am package -DskipTests)
  if ! (cd "$ROOT" && ./mvnw -o "${args[@]}" >/dev/null 2>&1); then
    (cd "$ROOT" && ./mvnw "${args[@]}")
  fi
  # ./pulse run builds with 'mvnw install' when its stamp is older than the sources; the package
  # build above is current, so mark it built (the same stamp ./pulse build writes).
  mkdir -p "$ROOT/.pulse"
  touch "$ROOT/.pulse/build.stamp"
}

install_packages
install_node_red
[[ "${1:-}" == --setup-only ]] && exit 0
build
cd "$HERE"
exec java -Xmx3g "$@" -Dpulse.root="$ROOT" -Dnode.red.dir="$CACHE/node-red" \
  -cp "target/classes:$(cat target/classpath.txt)" io.pulse.bench.e2e.EndToEndBenchmark
