#!/bin/bash
# The submit service: waits for the Flink cluster, the broker and the database, then submits the
# three Pulse jobs that are not running yet (a job that runs already is left alone, so running
# this again is safe). Options come from the environment (.env through docker-compose.yml).
#   PULSE_SAVEPOINT_<JOB>=<path>   start that job from a savepoint (an upgrade, see README.md)
set -euo pipefail

flink="${FLINK_CMD:-flink}"
jm="${PULSE_JOBMANAGER:-jobmanager:8081}"
jar="${PULSE_JOBS_JAR:-/opt/pulse/pulse-jobs.jar}"
data="${PULSE_FLINK_DATA:-/flink-data}"
jobs="${PULSE_JOBS:-telemetry movement energy}"

say() { echo "submit: $*"; }

wait_for() { # name host port
  local i
  for i in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/$2/$3") 2>/dev/null; then return 0; fi
    sleep 2
  done
  say "$1 at $2:$3 did not answer within 4 minutes"; exit 1
}

[ -f "$jar" ] || { say "no jobs jar at $jar: build it first (./pulse build)"; exit 1; }
wait_for "the Flink JobManager" "${jm%:*}" "${jm##*:}"
wait_for "the MQTT broker" "${MQTT_HOST:-mosquitto}" "${MQTT_PORT:-1883}"
wait_for "MySQL" "${PULSE_DB_HOST_NAME:-mysql}" "${PULSE_DB_PORT:-3306}"

# "pulse-<job> (RUNNING)" and the like, for every job the cluster has not finished
active() { "$flink" list -m "$jm" 2>/dev/null | grep -q " : pulse-$1 (" ; }

common=(
  --mqtt.broker "tcp://${MQTT_HOST:-mosquitto}:${MQTT_PORT:-1883}"
  --mqtt.username pulse-jobs --mqtt.password "$MQTT_JOBS_PASSWORD"
  --jdbc.url "jdbc:mysql://${PULSE_DB_HOST_NAME:-mysql}:${PULSE_DB_PORT:-3306}/$PULSE_DB_NAME"
  --jdbc.user "$PULSE_DB_USER" --jdbc.password "$PULSE_DB_PASSWORD"
  --checkpoint.interval "${PULSE_CHECKPOINT_INTERVAL_MS:-10000}"
  --checkpoint.dir "file://$data/checkpoints"
)
if [ -n "${PULSE_INFLUX_URL:-}" ]; then
  common+=(--influx.url "$PULSE_INFLUX_URL" --influx.token "$PULSE_INFLUX_WRITE_TOKEN"
           --influx.org "$PULSE_INFLUX_ORG" --influx.bucket "$PULSE_INFLUX_BUCKET")
fi

for job in $jobs; do
  if active "$job"; then
    say "pulse-$job runs already: left alone"
    continue
  fi
  run=(run -d -m "$jm")
  savepoint_var="PULSE_SAVEPOINT_${job^^}"
  if [ -n "${!savepoint_var:-}" ]; then
    run+=(-s "${!savepoint_var}")
    say "pulse-$job starts from the savepoint ${!savepoint_var}"
  fi
  # the spool must outlive a TaskManager: it is on the shared flink-data volume
  mkdir -p "$data/spool/$job"
  # The job's main() waits for the job to end even when detached: wait until the cluster lists
  # the job, then end this client (the job keeps running on the cluster).
  "$flink" "${run[@]}" -c io.pulse.jobs.PulseJobs "$jar" "$job" "${common[@]}" \
    --mqtt.spool-dir "$data/spool/$job" &
  client=$!
  for _ in $(seq 1 90); do
    if active "$job"; then break; fi
    if ! kill -0 "$client" 2>/dev/null; then
      wait "$client" || true
      say "pulse-$job could not be submitted (see above)"; exit 1
    fi
    sleep 2
  done
  active "$job" || { say "pulse-$job did not appear on the cluster within 3 minutes"; exit 1; }
  kill "$client" 2>/dev/null || true
  wait "$client" 2>/dev/null || true
  say "pulse-$job submitted"
done
say "all jobs run: $("$flink" list -m "$jm" 2>/dev/null | grep -c ' : pulse-' || true) Pulse jobs on the cluster"
