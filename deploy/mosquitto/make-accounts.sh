#!/bin/sh
# Writes the broker's password file and ACL from the environment (.env), so no password is in
# a committed file. Runs in the mosquitto-accounts service before the broker starts; tests run it
# with Debian's mosquitto_passwd.
#   make-accounts.sh OUT_DIR      -> OUT_DIR/passwd, OUT_DIR/acl
# Environment: MQTT_JOBS_PASSWORD, MQTT_OPERATOR_PASSWORD, MQTT_BRIDGE_PASSWORD (service accounts),
# MQTT_DEVICE_ACCOUNTS="id:password ..." (sensor nodes, user = device id),
# MQTT_GATE_ACCOUNTS="gate:password ..." (one scanner account per gate, user = gate-<gate>).
set -eu

out="${1:?usage: make-accounts.sh OUT_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
passwd="$out/passwd.new"
acl="$out/acl.new"
: > "$passwd"
chmod 600 "$passwd"

fail() { echo "make-accounts: $*" >&2; exit 1; }

add() { # user password
  case "$1" in
    ''|*[!A-Za-z0-9._-]*) fail "account name '$1' must be 1-64 characters of A-Z a-z 0-9 . _ -" ;;
  esac
  [ "${#1}" -le 64 ] || fail "account name '$1' is longer than 64 characters"
  [ -n "$2" ] || fail "account '$1' has no password"
  mosquitto_passwd -b "$passwd" "$1" "$2"
}

add pulse-jobs "${MQTT_JOBS_PASSWORD:-}"
add pulse-operator "${MQTT_OPERATOR_PASSWORD:-}"
add pulse-bridge "${MQTT_BRIDGE_PASSWORD:-}"

cp "$here/acl.conf" "$acl"
for pair in ${MQTT_DEVICE_ACCOUNTS:-}; do
  add "${pair%%:*}" "${pair#*:}"
done
for pair in ${MQTT_GATE_ACCOUNTS:-}; do
  gate="${pair%%:*}"
  add "gate-$gate" "${pair#*:}"
  # a scanner account publishes its own gate's sightings, nothing else
  printf '\nuser gate-%s\ntopic write campus/gates/%s/sightings\n' "$gate" "$gate" >> "$acl"
done

# Mosquitto drops root and reads these as user mosquitto (uid 1883 in the image).
if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
  chown mosquitto "$passwd" "$acl"
fi
mv "$passwd" "$out/passwd"
mv "$acl" "$out/acl"
echo "make-accounts: $(wc -l < "$out/passwd") accounts written to $out"
