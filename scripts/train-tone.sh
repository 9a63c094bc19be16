#!/bin/sh
# Retrains the tone model's character n-gram weights from ../shared/testdata/tone-dev (or $KOL_SHARED) and
# rewrites Sources/KOLCore/Tone/ToneModelWeights.swift. Prints 5-fold cross-validated accuracy first.
# Usage: scripts/train-tone.sh [--no-cv] [--l2 X] [--min-df N] [--shared DIR] [--out FILE]
# Deterministic: the same data and options produce the same file byte for byte.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product kol-bench
.build/release/kol-bench train-tone "$@"
