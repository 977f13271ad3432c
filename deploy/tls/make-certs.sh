#!/bin/sh
# Makes a private CA and a server certificate for the broker's TLS listener (8883), and switches
# that listener on. Run once on the docker host, then `docker compose restart mosquitto`.
#   deploy/tls/make-certs.sh [BROKER_HOSTNAME ...]     (default: mosquitto localhost)
# Writes deploy/tls/out/: ca.crt (give it to devices), ca.key (keep offline), server.crt,
# server.key, truststore.p12 (for Java clients, when keytool is on the PATH; its password is
# PULSE_TRUSTSTORE_PASSWORD, default "changeit"), and deploy/mosquitto/conf.d/tls.conf.
# Set PULSE_TLS_OUT / PULSE_TLS_CONF_DIR to write elsewhere (the tests do).
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
out="${PULSE_TLS_OUT:-$here/out}"
conf_dir="${PULSE_TLS_CONF_DIR:-$here/../mosquitto/conf.d}"
# where the broker sees the files: the compose mounts deploy/tls/out at /mosquitto/certs
cert_dir="${PULSE_TLS_CERT_DIR:-/mosquitto/certs}"
days="${PULSE_TLS_DAYS:-825}"
[ $# -gt 0 ] || set -- mosquitto localhost

mkdir -p "$out"
umask 077

san="IP:127.0.0.1"
for name in "$@"; do san="DNS:$name,$san"; done

if [ ! -f "$out/ca.key" ]; then # keep an existing CA: devices already trust it
  openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 3650 \
    -subj "/CN=Pulse private CA" -keyout "$out/ca.key" -out "$out/ca.crt" 2>/dev/null
fi
openssl req -newkey rsa:2048 -sha256 -nodes -subj "/CN=$1" \
  -keyout "$out/server.key" -out "$out/server.csr" 2>/dev/null
printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' "$san" > "$out/server.ext"
openssl x509 -req -sha256 -days "$days" -in "$out/server.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" \
  -CAcreateserial -extfile "$out/server.ext" -out "$out/server.crt" 2>/dev/null
rm -f "$out/server.csr" "$out/server.ext"
chmod 644 "$out/ca.crt" "$out/server.crt"
# Mosquitto opens its listeners before it drops root, so the key may stay private to root.

if command -v keytool >/dev/null 2>&1; then
  rm -f "$out/truststore.p12"
  keytool -importcert -noprompt -alias pulse-ca -file "$out/ca.crt" -storetype PKCS12 \
    -keystore "$out/truststore.p12" -storepass "${PULSE_TRUSTSTORE_PASSWORD:-changeit}" >/dev/null
  chmod 644 "$out/truststore.p12"
fi

mkdir -p "$conf_dir"
cat > "$conf_dir/tls.conf" <<CONF
# Written by deploy/tls/make-certs.sh: MQTT over TLS with the private CA. Delete to switch off.
listener 8883
certfile $cert_dir/server.crt
keyfile $cert_dir/server.key
cafile $cert_dir/ca.crt
tls_version tlsv1.2
CONF
umask 022
chmod 644 "$conf_dir/tls.conf"
echo "make-certs: CA and server certificate for $* in $out; TLS listener in $conf_dir/tls.conf"
