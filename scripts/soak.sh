#!/usr/bin/env bash
# The long soak (issue 9): 10^6 mixed requests against the release engine over pipes; fails when RSS grows
# more than 10 % after warm-up, a file descriptor leaks, or the probe answers at the end differ from the
# start. See Sources/kol-bench/Soak.swift. The test suite runs a 10^4 version (SoakEndToEndTests).
#
#   scripts/soak.sh [REQUESTS]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kol-engine
swift build -c release --product kol-bench
exec "$(swift build -c release --show-bin-path)/kol-bench" soak --requests "${1:-1000000}"
