#!/usr/bin/env bash
# Install everything the tests need, then run them: ./test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh --no-demo
# Debian packages the tests need: PostgreSQL server binaries for the store tests (they start a
# throw-away server of their own) and chromium for the browser tests (Playwright drives it).
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
exec .venv/bin/python -m pytest "$@"
