#!/bin/bash
# Run by the mysql image's entrypoint on the first start (empty data volume): Pulse's database
# and accounts, from .env. The jobs create the tables themselves (Flyway, on submit).
set -euo pipefail
/opt/pulse/pulse-users-sql.sh | docker_process_sql
