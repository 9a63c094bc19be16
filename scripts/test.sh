#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need, builds, runs every test.
# README.md names this script as the test command and .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Shared public test data lives beside the clone (../shared); tests fail loudly without it.
if [ ! -d "${KOL_SHARED:-../shared}/testdata" ]; then
  echo "warning: ${KOL_SHARED:-../shared}/testdata not found; data-driven tests will fail" >&2
fi

swift build
swift test 2>&1 | tee /tmp/kol-swift-test.log
