#!/usr/bin/env bash
# The one test command (README, CI): installs what is missing, then runs the whole suite.
#
# System packages (Debian): Dovecot for the IMAP tests, PostgreSQL for the store tests,
# Chromium for the browser tests. The tests start private instances of these servers on
# loopback ports in temporary folders and stop them again; nothing system-wide is started.
# Python packages: a virtual environment in .venv with the project and its test extras.
# Extra arguments go to pytest, e.g. `tests/run.sh -k parse -x`.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd dovecot-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "tests/run.sh: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "tests/run.sh: missing ${need[*]} (run as root to install); their tests will skip" >&2
  fi
fi
# Dovecot's package starts a system-wide service when this script installs it; stop that one
# instance (by the package's own pid file), never other Dovecots on the machine: the tests run
# their own instances in temporary folders.
if [[ " ${need[*]} " == *" dovecot-core "* ]] && [ "$(id -u)" = 0 ]; then
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet dovecot 2>/dev/null; then
    systemctl stop dovecot >/dev/null 2>&1 || true
  elif [ -s /run/dovecot/master.pid ]; then
    kill "$(cat /run/dovecot/master.pid)" >/dev/null 2>&1 || true
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
log=$(mktemp)
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; exit 1
fi
rm -f "$log"

# axe-core (accessibility checks in the browser tests) from the npm registry, pinned by the lock file.
if command -v npm >/dev/null 2>&1 && [ ! -f tests/review/node_modules/axe-core/axe.min.js ]; then
  (cd tests/review && npm ci --no-audit --no-fund --silent) \
    || echo "tests/run.sh: axe-core not installed; the accessibility test will skip" >&2
fi

.venv/bin/ruff check --quiet .
# The walls between the packages (the contracts in pyproject.toml): quiet unless one is broken.
walls=$(.venv/bin/lint-imports --no-cache --no-logo 2>&1) || { echo "$walls" >&2; exit 1; }
# The types ([tool.mypy] in pyproject.toml: the flow's modules strictly).
.venv/bin/mypy --no-error-summary
exec .venv/bin/python -m pytest -q -ra "$@"
