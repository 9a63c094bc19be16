#!/usr/bin/env bash
# Rank a workspace and print it as CSV (rank,id,name,score,price,flags,shortlisted,pilot).
#   rank-csv.sh examples/demo.kol.json [BUDGET] > ranked.csv
# BUDGET defaults to the brief's; the shortlist is the best set whose total price fits it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
file="${1:?usage: rank-csv.sh WORKSPACE [BUDGET]}"
budget="${2:-null}"
jq -nc --arg path "$(kol_abspath "$file")" --argjson budget "$budget" '
    {jsonrpc:"2.0",id:1,method:"kol/load",params:{path:$path}},
    {jsonrpc:"2.0",id:2,method:"kol/rank",params:(if $budget == null then {} else {budget:$budget} end)}' \
  | kol_run | kol_result 2 | jq -r '
    (.shortlist.kols // []) as $short | (.pilot // []) as $pilot
    | ["rank","id","name","score","price","flags","shortlisted","pilot"],
      (.kols | to_entries[] | .value as $k
       | [ .key + 1, $k.id, $k.name, $k.score, $k.price,
           ($k.flags | if type == "array" then map(if type == "object" then .code else . end) | join(" ")
                       else (. // "" | tostring) end),
           (if ($short | index($k.id)) then "yes" else "no" end),
           (if ($pilot | index($k.id)) then "yes" else "no" end) ])
    | @csv'
