# Shared by the kol-engine shell examples: find the binary, run newline-delimited JSON-RPC through it,
# and stop with a readable message when any response is an error. Source it; do not run it.

# The binary: $KOL_ENGINE, else kol-engine on PATH, else the repository's release or debug build.
kol_engine() {
  if [ -n "${KOL_ENGINE:-}" ]; then echo "$KOL_ENGINE"; return; fi
  if command -v kol-engine >/dev/null 2>&1; then command -v kol-engine; return; fi
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  for candidate in "$root/.build/release/kol-engine" "$root/.build/debug/kol-engine"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "kol-engine not found: set KOL_ENGINE, put it on PATH, or run 'swift build' in $root" >&2
  return 1
}

# Reads requests (one JSON object per line) on stdin, writes the responses (one per line) on stdout.
# Exits 1, naming the method and the engine's message, if any response is an error.
kol_run() {
  local engine requests responses
  engine="$(kol_engine)" || return 1
  requests="$(cat)"
  responses="$(printf '%s\n' "$requests" | "$engine" --lines)" || { echo "kol-engine failed" >&2; return 1; }
  local failure
  failure="$(jq -rn --argjson responses "$(printf '%s\n' "$responses" | jq -s .)" \
      --argjson requests "$(printf '%s\n' "$requests" | jq -s .)" '
    ($requests | map({key: (.id | tostring), value: .method}) | from_entries) as $methods
    | $responses[] | select(.error)
    | "kol-engine: \($methods[.id | tostring] // "?"): \(.error.message) (code \(.error.code))"')"
  if [ -n "$failure" ]; then echo "$failure" >&2; return 1; fi
  printf '%s\n' "$responses"
}

# The result of request ID from kol_run's output (on stdin).
kol_result() { jq -c --argjson id "$1" 'select(.id == $id) | .result'; }

# An absolute path (kol/load resolves relative paths against the engine's working directory).
kol_abspath() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
