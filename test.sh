#!/usr/bin/env bash
# Install everything the tests need, then run them: ./test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh --no-demo
exec .venv/bin/python -m pytest "$@"
