#!/usr/bin/env bash
# List the KOLs of a workspace as TSV (id, name, stars, followers, price, stage), optionally filtered:
#   list-kols.sh examples/demo.kol.json [--stage STAGE] [--region REGION] [--min-stars N] [--min-followers N]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
file="${1:?usage: list-kols.sh WORKSPACE [--stage S] [--region R] [--min-stars N] [--min-followers N]}"
shift
filters='{}'
while [ $# -gt 0 ]; do
  case "$1" in
    --stage) filters="$(jq -c --arg v "$2" '. + {stage: $v}' <<<"$filters")" ;;
    --region) filters="$(jq -c --arg v "$2" '. + {region: $v}' <<<"$filters")" ;;
    --min-stars) filters="$(jq -c --argjson v "$2" '. + {minStars: $v}' <<<"$filters")" ;;
    --min-followers) filters="$(jq -c --argjson v "$2" '. + {minFollowers: $v}' <<<"$filters")" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
jq -nc --arg path "$(kol_abspath "$file")" --argjson filters "$filters" '
    {jsonrpc:"2.0",id:1,method:"kol/load",params:{path:$path}},
    {jsonrpc:"2.0",id:2,method:"kol/list",
     params:($filters + {fields:["name","stars","followers","price","relationship"]})}' \
  | kol_run | kol_result 2 | jq -r '
    ["id","name","stars","followers","price","stage"],
    (.kols[] | [.id, .name, .stars, .followers, .price, (.relationship.stage // "")])
    | @tsv'
