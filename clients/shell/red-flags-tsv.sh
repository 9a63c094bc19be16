#!/usr/bin/env bash
# A red-flag report as TSV, one row per flag, worst first:
#   red-flags-tsv.sh examples/demo.kol.json | column -t -s $'\t'
# Columns: id, name, severity, code, message.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
file="${1:?usage: red-flags-tsv.sh WORKSPACE}"
jq -nc --arg path "$(kol_abspath "$file")" '
    {jsonrpc:"2.0",id:1,method:"kol/load",params:{path:$path}},
    {jsonrpc:"2.0",id:2,method:"kol/redFlags",params:{}},
    {jsonrpc:"2.0",id:3,method:"kol/list",params:{fields:["name"]}}' \
  | kol_run | jq -rs '
    (map(select(.id == 3))[0].result.kols | map({key: .id, value: (.name // "")}) | from_entries) as $names
    | {"error": 0, "warning": 1, "information": 2} as $order
    | ["id","name","severity","code","message"],
      ([ map(select(.id == 2))[0].result.kols[] | .id as $id | .flags[]
         | {id: $id, name: $names[$id], severity, code, message} ]
       | sort_by($order[.severity] // 3, .id, .code)[]
       | [.id, .name, .severity, .code, (.message | gsub("[\t\n]"; " "))])
    | @tsv'
