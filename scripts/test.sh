#!/usr/bin/env bash
# The project's test command: starts the services the tests need (installing them on a fresh machine), then runs
# every unit and integration test of every module.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
exec ./mvnw -B -ntp verify "$@"
