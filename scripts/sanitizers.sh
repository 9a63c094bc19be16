#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch path
# (.build-asan, .build-tsan) so the normal .build stays untouched.
#
#   scripts/sanitizers.sh [address|thread]…      (default: both)
#
# KOL_SANITIZER_SKIP=REGEX skips matching tests (swift test --skip), e.g. CI skips the process-spawning
# EndToEndTests under ThreadSanitizer: they test the binary's I/O, not the server's threads, and take minutes.
#
# The end-to-end tests spawn the engine binary of the same build (KOL_ENGINE points at it), so the engine
# itself runs sanitized too. XCTest's own allocations are reported as leaks, hence detect_leaks=0.
# Every process (the test runner and each engine it spawns, whose stderr the tests discard) writes its
# sanitizer reports to $scratch/reports/; any report fails the pass. KOL_SANITIZER tells the end-to-end
# tests not to assert RSS bounds (shadow memory and quarantine inflate RSS).
# Prints the wall time of each pass; exits non-zero if any pass failed.
set -uo pipefail
cd "$(dirname "$0")/.."
KINDS=("$@")
[ ${#KINDS[@]} -eq 0 ] && KINDS=(address thread)
status=0
for kind in "${KINDS[@]}"; do
  case $kind in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer '$kind' (address or thread)" >&2; exit 2 ;;
  esac
  log=$scratch/test.log
  reports=$PWD/$scratch/reports
  rm -rf "$reports"; mkdir -p "$reports"; : >"$log"
  start=$(date +%s)
  echo "sanitizers: $kind: building and testing in $scratch (log: $log)" >&2
  # SWIFT_BACKTRACE=enable=no: the Swift crash reporter and the sanitizers both want a crash; let them report.
  if swift build --build-tests --sanitize="$kind" --scratch-path "$scratch" >>"$log" 2>&1 &&
     KOL_SANITIZER=$kind KOL_ENGINE="$PWD/$scratch/debug/kol-engine" SWIFT_BACKTRACE=enable=no \
     ASAN_OPTIONS="detect_leaks=0:log_path=$reports/asan" TSAN_OPTIONS="log_path=$reports/tsan" \
       swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" \
         ${KOL_SANITIZER_SKIP:+--skip "$KOL_SANITIZER_SKIP"} >>"$log" 2>&1; then
    result=passed
  else
    result=FAILED
  fi
  if [ "$result" = passed ] && [ -z "$(ls -A "$reports")" ]; then
    :
  else
    result=FAILED
    status=1
    grep -E "✘|error:" "$log" | head -10 >&2
    for report in "$reports"/*; do [ -f "$report" ] && { echo "== $report" >&2; head -30 "$report" >&2; }; done
  fi
  echo "sanitizers: $kind $result in $(( $(date +%s) - start )) s; $(grep -E "^✔ Test run|^✘ Test run" "$log" | tail -1 | tr '\n' ' ')"
done
exit $status
