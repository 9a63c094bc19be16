#!/usr/bin/env bash
# One request, its result pretty-printed:  kol-call.sh kol/ping '{"hello":"世界"}'
# Optional: KOL_WORKSPACE=FILE loads that workspace first.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
method="${1:?usage: kol-call.sh METHOD [PARAMS_JSON]}"
params="${2:-null}"
{
  if [ -n "${KOL_WORKSPACE:-}" ]; then
    jq -nc --arg path "$(kol_abspath "$KOL_WORKSPACE")" '{jsonrpc:"2.0",id:0,method:"kol/load",params:{path:$path}}'
  fi
  jq -nc --arg method "$method" --argjson params "$params" \
    '{jsonrpc:"2.0",id:1,method:$method} + (if $params == null then {} else {params:$params} end)'
} | kol_run | kol_result 1 | jq .
