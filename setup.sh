#!/usr/bin/env bash
# Set up Kronika in .venv (Python packages from PyPI) and analyse the bundled example article.
# Usage: ./setup.sh            install, then print the analysis of examples/wizyta-w-gdansku.txt
#        ./setup.sh --no-demo  install only
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
if [ "${1:-}" != "--no-demo" ]; then
    .venv/bin/kronika analyze examples/wizyta-w-gdansku.txt --format text
fi
