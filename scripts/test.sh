#!/usr/bin/env bash
# Set up everything and run the whole test suite, slow tests included (this is what CI runs).
#   scripts/test.sh            all tests
#   scripts/test.sh --fast     the fast default suite only (no crash loops, no big corpora)
#   scripts/test.sh ARGS...    any pytest arguments
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# tests/test_cluster.py starts a real Ray cluster: the [cluster] extra, installed when missing
# (torch named on the same command line, or pip may pick a CUDA build of several GB).
if ! .venv/bin/python -c "import ray" >/dev/null 2>&1; then
  echo "== installing the [cluster] extra (Ray) for the Ray ingest tests"
  cluster=$(.venv/bin/python -c "import tomllib; print(' '.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['cluster']))")
  # shellcheck disable=SC2086
  .venv/bin/python -m pip install --quiet "torch==2.13.0" $cluster
fi

# Debian packages some tests need, installed when missing (as root; otherwise those tests skip).
#   need_package PACKAGE "WHAT FOR" COMMAND-THAT-SUCCEEDS-WHEN-INSTALLED...
need_package() {
  local package=$1 purpose=$2
  shift 2
  if "$@" >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ]; then
    echo "== installing $package (Debian package) for $purpose"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "== $package is not installed and this is not root: $purpose will be skipped"
  fi
}
# The catalog tests start their own PostgreSQL cluster on loopback; they need the server binaries.
need_package postgresql "the PostgreSQL catalog tests" sh -c 'ls /usr/lib/postgresql/*/bin/initdb'
# The browser test drives Debian's Chromium with Playwright (Playwright's own browser download is
# not reachable from these machines).
need_package chromium "the browser test" command -v chromium

if [ "${1:-}" = "--fast" ]; then
  shift
  exec .venv/bin/python -m pytest "$@"
elif [ $# -eq 0 ]; then
  exec .venv/bin/python -m pytest -m "slow or not slow"
else
  exec .venv/bin/python -m pytest "$@"
fi
