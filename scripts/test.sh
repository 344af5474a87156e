#!/usr/bin/env bash
# Installs everything the tests need (Debian's chromium for the browser tests, ICU headers for
# followthemoney's PyICU, the package with its test extras in .venv, at the versions pinned in
# constraints.txt, and ESLint from package-lock.json when node and npm are present) and runs the
# whole test suite. Arguments go to pytest; `--install-only` installs and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libicu-dev >/dev/null 2>&1 || missing+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
# PIP_CONSTRAINT also pins the build backend in pip's isolated build environment.
PIP_CONSTRAINT="$PWD/constraints.txt" \
    .venv/bin/pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    # npm ci only when node_modules is missing or older than the lock file.
    [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
fi
if [ "${1:-}" = "--install-only" ]; then
    exit 0
fi
exec .venv/bin/python -m pytest "$@"
