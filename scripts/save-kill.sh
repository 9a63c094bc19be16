#!/bin/sh
# Crash-safe saving, the long run: 100 rounds of kill -9 during kol/save (issue 9). The test suite runs 20.
set -eu
cd "$(dirname "$0")/.."
swift build
KOL_SAVE_KILL_ROUNDS="${KOL_SAVE_KILL_ROUNDS:-100}" swift test --skip-build --filter SaveKillEndToEndTests
