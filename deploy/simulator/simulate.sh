#!/bin/sh
# The demo's sensor nodes and gate scanners, published through the broker with each device's own
# credentials (so the ACL is exercised as with real devices). POSIX sh + mosquitto_pub: runs in
# the eclipse-mosquitto image and, in the tests, with Debian's mosquitto-clients.
# Environment: MQTT_HOST (mosquitto), MQTT_PORT (1883), MQTT_DEVICE_ACCOUNTS and
# MQTT_GATE_ACCOUNTS ("id:password ..." as for make-accounts.sh), SIM_INTERVAL seconds (5),
# SIM_ROUNDS (0 = forever). Every device sends one telemetry reading per round; the devices
# named workshop-* overheat for a while every 40 rounds. Each gate sees a few phones per round.
set -eu

host="${MQTT_HOST:-mosquitto}"
port="${MQTT_PORT:-1883}"
interval="${SIM_INTERVAL:-5}"
rounds="${SIM_ROUNDS:-0}"

pub() { # user password topic payload
  mosquitto_pub -h "$host" -p "$port" -u "$1" -P "$2" -i "sim-$1" -q 1 -t "$3" -m "$4" \
    || echo "simulator: $1 could not publish to $3" >&2
}

telemetry() { # device round ts_ms
  awk -v dev="$1" -v r="$2" -v ts="$3" 'BEGIN {
    srand(r * 7919 + length(dev) * 131);
    hot = (dev ~ /^workshop/ && r % 40 >= 30) ? 1 : 0;
    t = (hot ? 80 : 24) + rand() * 3;
    printf "{\"deviceId\":\"%s\",\"ts\":%s,\"temperature\":%.1f,\"humidity\":%.1f,\"vibration\":%.2f,\"battery\":%.1f,\"light\":%d}",
      dev, ts, t, 40 + rand() * 10, 0.2 + rand() * 0.3, 95 - (r % 500) * 0.1, 200 + rand() * 300;
  }'
}

sighting() { # gate round ts_ms index
  # lane scanners: phone n enters on even rounds, leaves 12 rounds later; MACs are globally
  # administered (first octet 0x02 bit clear), so the movement job pairs them.
  awk -v gate="$1" -v r="$2" -v ts="$3" -v i="$4" 'BEGIN {
    n = (r + i * 5) % 24;
    role = (n < 12) ? "in" : "out";
    printf "{\"scanner\":\"%s-%s-1\",\"role\":\"%s\",\"ts\":%s,\"mac\":\"A4:5E:60:%02X:%02X:%02X\",\"rssi\":-60}",
      gate, role, role, ts, i, n % 12, length(gate);
  }'
}

round=0
echo "simulator: publishing to $host:$port every ${interval}s"
while [ "$rounds" = 0 ] || [ "$round" -lt "$rounds" ]; do
  ts="$(date +%s)000"
  for pair in ${MQTT_DEVICE_ACCOUNTS:-}; do
    id="${pair%%:*}"
    pub "$id" "${pair#*:}" "devices/$id/telemetry" "$(telemetry "$id" "$round" "$ts")"
  done
  for pair in ${MQTT_GATE_ACCOUNTS:-}; do
    gate="${pair%%:*}"
    for i in 1 2 3; do
      pub "gate-$gate" "${pair#*:}" "campus/gates/$gate/sightings" "$(sighting "$gate" "$round" "$ts" "$i")"
    done
  done
  round=$((round + 1))
  sleep "$interval"
done
