#!/usr/bin/env bash
# Prints what the web game weighs over the network: safequest.wasm and safequest.js
# gzipped (the budget is 1.5 MB for the two), and the preloaded content apart.
# Exit 1 when the program is over budget. Usage: web/report-size.sh BUILD_DIR
set -euo pipefail
dir=${1:?usage: report-size.sh BUILD_DIR}
budget=$((1536 * 1024))
gz() { gzip -9 -c "$1" | wc -c; }
wasm=$(gz "$dir/safequest.wasm")
js=$(gz "$dir/safequest.js")
total=$((wasm + js))
data=$(gz "$dir/safequest.data")
kb() { echo "$(($1 / 1024)) KB"; }
echo "web size (gzipped): wasm $(kb "$wasm") + js $(kb "$js") = $(kb "$total")" \
  "of $(kb "$budget"); content (safequest.data) $(kb "$data") apart"
if ((total > budget)); then
  echo "web size: over the 1.5 MB budget" >&2
  exit 1
fi
