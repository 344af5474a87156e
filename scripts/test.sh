#!/usr/bin/env bash
# Installs everything the tests need (Debian's chromium for the browser tests, ICU headers for
# followthemoney's PyICU, the package with its test extras in .venv, at the versions pinned in
# constraints.txt) and runs the whole test suite.
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
.venv/bin/pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
exec .venv/bin/python -m pytest "$@"
