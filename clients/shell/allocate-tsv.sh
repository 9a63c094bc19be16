#!/usr/bin/env bash
# The next round's budget split over a workspace's KOLs (kol/allocate, Thompson sampling) as TSV:
#   allocate-tsv.sh examples/demo.kol.json [BUDGET] [SEED] | column -t -s $'\t'
# Columns: id, name, posts, amount, why; a last row "unspent" carries what is left. BUDGET defaults to the
# brief's, SEED to 6 (same workspace, budget and seed: same plan). KOL_NOW pins the date scores are taken at.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
file="${1:?usage: allocate-tsv.sh WORKSPACE [BUDGET] [SEED]}"
budget="${2:-null}"
seed="${3:-6}"
# Answers first, so that an engine error ends the script with status 1 (not jq's complaint).
responses="$(jq -nc --arg path "$(kol_abspath "$file")" --argjson budget "$budget" --argjson seed "$seed" \
    --argjson common "$(kol_now_params)" '
    {jsonrpc:"2.0",id:1,method:"kol/load",params:{path:$path}},
    {jsonrpc:"2.0",id:2,method:"kol/allocate",
     params:($common + {seed:$seed} + (if $budget == null then {} else {budget:$budget} end))},
    {jsonrpc:"2.0",id:3,method:"kol/list",params:{fields:["name"]}}' | kol_run)"
printf '%s\n' "$responses" | jq -rs '
    (map(select(.id == 3))[0].result.kols | map({key: .id, value: (.name // "")}) | from_entries) as $names
    | map(select(.id == 2))[0].result as $plan
    | ["id","name","posts","amount","why"],
      ($plan.allocations[] | [.id, $names[.id], .posts, .amount, (.why | gsub("[\t\n]"; " "))]),
      ["unspent", "", "", $plan.unspent, "of \($plan.budget) (seed \($plan.seed))"]
    | @tsv'
