#!/usr/bin/env bash
# The preview (F5) plays in the age band chosen beside its button
# (lesson_preview_band.script), on the core pack, read-only, writing nothing there.
#   lesson_preview_band.sh EDITOR CONTENT_DIR SCRIPTS_DIR WORK_DIR
set -euo pipefail
editor=$1 content=$2 scripts=$3 work=$4
rm -rf "$work"
mkdir -p "$work/shots"
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json"
"$editor" --content "$content" --data "$work/data" --size 1280x720 \
  --open "$content/core" --file lessons/y3-smart-explorers.json \
  --screenshot-dir "$work/shots" --script "$scripts/lesson_preview_band.script"
test -s "$work/shots/preview-band-eyfs.png"
