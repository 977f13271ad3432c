#!/bin/bash
# Run by the influxdb image after its first setup (org, bucket, admin token from .env):
# 1. the DBRP mapping that lets Grafana query the bucket with InfluxQL (database = bucket name);
# 2. a read-only v1 authorization for Grafana on that bucket. Grafana sends it as
#    "Authorization: Token <user>:<password>" (PULSE_INFLUX_READ_TOKEN in the compose).
set -euo pipefail
bucket_id="${DOCKER_INFLUXDB_INIT_BUCKET_ID:?set by the influxdb image during setup}"
influx v1 dbrp create --db "$DOCKER_INFLUXDB_INIT_BUCKET" --rp autogen \
  --bucket-id "$bucket_id" --default
influx v1 auth create --username "$PULSE_INFLUX_GRAFANA_USER" \
  --password "$PULSE_INFLUX_GRAFANA_PASSWORD" --read-bucket "$bucket_id" \
  --description "Grafana (read-only)"
