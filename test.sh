#!/usr/bin/env bash
# Install everything the tests need, then run them: ./test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh --no-demo
# PostgreSQL server binaries for the store tests (they start a throw-away server of their own).
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
exec .venv/bin/python -m pytest "$@"
