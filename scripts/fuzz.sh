#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets with AddressSanitizer and runs each one for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default 30 s each; targets: json framing csv document dispatch)
#
# The package's own modules are compiled here with swiftc (-sanitize=fuzzer,address), outside SwiftPM, so
# the normal `swift build` / `swift test` never see the fuzz entry points. Output goes to .build-fuzz/.
# The corpus lives in Fuzz/Corpus/<target>; new interesting inputs found in a run stay in
# .build-fuzz/corpus/<target> (not committed). Crashes are written to .build-fuzz/crashes/<target>/ and the
# script exits 1 when any target crashed. Seeds from ../shared (JSONTestSuite, test data) are added at run time
# when present (KOL_SHARED overrides the location); they are never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-30}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(json framing csv document dispatch)
OUT=$ROOT/.build-fuzz
SHARED=${KOL_SHARED:-$ROOT/../shared}
SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -package-name kol_engine -I "$OUT/modules" -g)
mkdir -p "$OUT/modules" "$OUT/obj" "$OUT/bin"

# gold warns once per ASan helper symbol when linking; those lines say nothing about our code.
quiet_linker() { grep -v "Cannot export local symbol '__asan" || true; }

# Build a library module once per source change: one whole-module object + its .swiftmodule.
build_module() {
  local name=$1; shift
  local sources=($(find "Sources/$name" -name '*.swift' | sort))
  local stamp="$OUT/obj/$name.stamp"
  # Up to date when the stamp is newer than every source and this script. (No `ls -t | head`: under
  # pipefail, head closing the pipe early kills ls with SIGPIPE and the whole script with it.)
  local fresh=1 source
  [ -f "$stamp" ] && [ "$stamp" -nt "$0" ] || fresh=0
  for source in "${sources[@]}"; do [ "$fresh" = 1 ] && [ "$source" -nt "$stamp" ] && fresh=0; done
  if [ "$fresh" = 1 ]; then return; fi
  echo "fuzz: compiling module $name" >&2
  "$SWIFTC" "${FLAGS[@]}" "$@" -module-name "$name" -wmo -c -o "$OUT/obj/$name.o" \
    -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" "${sources[@]}" 2>&1 | quiet_linker
  touch "$stamp"
}
build_module JSON
build_module RPC
build_module KOLCore
build_module Server -enable-testing

link_target() {  # name source modules…
  local name=$1 source=$2; shift 2
  local objects=()
  for module in "$@"; do objects+=("$OUT/obj/$module.o"); done
  if [ -x "$OUT/bin/fuzz-$name" ] && [ "$OUT/bin/fuzz-$name" -nt "$source" ] &&
     [ -z "$(find "$OUT/obj" -name '*.o' -newer "$OUT/bin/fuzz-$name")" ]; then return; fi
  echo "fuzz: linking fuzz-$name" >&2
  "$SWIFTC" "${FLAGS[@]}" -module-name "Fuzz_$name" -o "$OUT/bin/fuzz-$name" "$source" "${objects[@]}" 2>&1 | quiet_linker
}

modules_for() {
  case $1 in
    json) echo JSON ;;
    framing) echo JSON RPC ;;
    csv|document) echo JSON KOLCore ;;
    dispatch) echo JSON RPC KOLCore Server ;;
  esac
}
source_for() {
  case $1 in
    json) echo Fuzz/Targets/FuzzJSON.swift ;;
    framing) echo Fuzz/Targets/FuzzFraming.swift ;;
    csv) echo Fuzz/Targets/FuzzCSV.swift ;;
    document) echo Fuzz/Targets/FuzzDocument.swift ;;
    dispatch) echo Fuzz/Targets/FuzzDispatch.swift ;;
    *) echo "unknown fuzz target '$1'" >&2; exit 2 ;;
  esac
}

# Extra seeds from ../shared, per target (read-only there; libFuzzer only reads these folders).
shared_seeds() {
  case $1 in
    json) [ -d "$SHARED/testdata/JSONTestSuite/test_parsing" ] && echo "$SHARED/testdata/JSONTestSuite/test_parsing" ;;
    csv) echo "$ROOT/examples/csv" ;;
  esac
  return 0
}

# Short inputs keep runs fast: with the 90 KB demo workspace as a seed the document target managed ~100
# execs/s, with 16 KB inputs ~5000 (its seeds in Fuzz/Corpus/document cover the structure).
max_len_for() {
  case $1 in
    document|dispatch) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

status=0
for target in "${TARGETS[@]}"; do
  source=$(source_for "$target")
  link_target "$target" "$source" $(modules_for "$target")
  mkdir -p "$OUT/corpus/$target" "$OUT/crashes/$target" "$OUT/work/$target"
  seeds=("$ROOT/Fuzz/Corpus/$target")
  extra=$(shared_seeds "$target")
  [ -n "$extra" ] && seeds+=("$extra")
  log="$OUT/fuzz-$target.log"
  echo "fuzz: running $target for ${SECONDS_PER_TARGET}s (log: $log)" >&2
  # The dispatch target's kol/save and kol/load are confined to the working directory: a scratch folder.
  set +e
  # SWIFT_BACKTRACE=enable=no: Swift's own crash reporter and ASan's fight over a crash; let ASan report it.
  (cd "$OUT/work/$target" && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$OUT/bin/fuzz-$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=4096 \
      -max_len="$(max_len_for "$target")" -print_final_stats=1 -artifact_prefix="$OUT/crashes/$target/" \
      "$OUT/corpus/$target" "${seeds[@]}") >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
  if [ $rc -ne 0 ]; then
    echo "fuzz: $target FAILED (exit $rc); crash inputs in $OUT/crashes/$target/" >&2
    grep -E 'ERROR|invariant|Fatal|SUMMARY' "$log" | head -5 >&2 || true
    status=1
  fi
  printf 'fuzz: %-9s %10s execs  %8s execs/s  exit %s\n' "$target" "${execs:-?}" "${rate:-?}" "$rc"
done
exit $status
