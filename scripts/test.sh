#!/usr/bin/env bash
# Set up everything and run the whole test suite, slow tests included (this is what CI runs).
#   scripts/test.sh            all tests
#   scripts/test.sh --fast     the fast default suite only (no crash loops, no big corpora)
#   scripts/test.sh ARGS...    any pytest arguments
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# The catalog tests start their own PostgreSQL cluster on loopback; they need the server binaries.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing PostgreSQL (Debian package) for the catalog tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "== PostgreSQL is not installed and this is not root: the PostgreSQL tests will be skipped"
  fi
fi

# The browser test drives Debian's Chromium with Playwright (Playwright's own browser download is
# not reachable from these machines).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Chromium (Debian package) for the browser test"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "== Chromium is not installed and this is not root: the browser test will be skipped"
  fi
fi

if [ "${1:-}" = "--fast" ]; then
  shift
  exec .venv/bin/python -m pytest "$@"
elif [ $# -eq 0 ]; then
  exec .venv/bin/python -m pytest -m "slow or not slow"
else
  exec .venv/bin/python -m pytest "$@"
fi
