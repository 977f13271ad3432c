#!/bin/sh
# Prints the SQL that creates Pulse's database and its two accounts, from the environment:
#   PULSE_DB_NAME, PULSE_DB_USER / PULSE_DB_PASSWORD (the jobs: all rights on the database,
#   they run the schema migrations), PULSE_DB_READONLY_USER / PULSE_DB_READONLY_PASSWORD
#   (Grafana: SELECT only). Idempotent; MySQL 8.4 and MariaDB 10.11+ accept it.
# The mysql service runs it once, at its first start (initdb/10-pulse-users.sh); tests pipe it
# into a MariaDB.
set -eu

fail() { echo "pulse-users-sql: $*" >&2; exit 1; }
name() { # a variable that must hold a plain identifier
  case "$2" in ''|*[!A-Za-z0-9_]*) fail "$1 must be letters, digits or _, got '$2'" ;; esac
  printf '%s' "$2"
}
secret() { # a password as an SQL string literal
  [ -n "$2" ] || fail "$1 is empty"
  printf "'%s'" "$(printf '%s' "$2" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"
}

db="$(name PULSE_DB_NAME "${PULSE_DB_NAME:-pulse}")"
user="$(name PULSE_DB_USER "${PULSE_DB_USER:-pulse}")"
ro="$(name PULSE_DB_READONLY_USER "${PULSE_DB_READONLY_USER:-pulse_readonly}")"
pw="$(secret PULSE_DB_PASSWORD "${PULSE_DB_PASSWORD:-}")"
ro_pw="$(secret PULSE_DB_READONLY_PASSWORD "${PULSE_DB_READONLY_PASSWORD:-}")"

cat <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $pw;
ALTER USER '$user'@'%' IDENTIFIED BY $pw;
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'%';
CREATE USER IF NOT EXISTS '$ro'@'%' IDENTIFIED BY $ro_pw;
ALTER USER '$ro'@'%' IDENTIFIED BY $ro_pw;
GRANT SELECT ON \`$db\`.* TO '$ro'@'%';
FLUSH PRIVILEGES;
SQL
