#!/bin/sh
# Refit the fan-audit model on ../shared/testdata/fans-dev and rewrite the committed weights
# (Sources/KOLCore/FanAudit/FanModelWeights.swift). Deterministic: rerunning on the same data gives the
# same file. Extra arguments go to `kol-bench train-fans` (--l2, --folds, --seed, --data, --out, --check).
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product kol-bench
"$(swift build -c release --show-bin-path)/kol-bench" train-fans \
    --out Sources/KOLCore/FanAudit/FanModelWeights.swift "$@"
