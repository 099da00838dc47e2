#!/usr/bin/env bash
# The story map at the smallest and a large window with a scene's form open below
# it (editor_story_map.script): the map's canvas keeps a good share of its column,
# read from the layout drawn; screenshots of both sizes for a person to judge.
#   editor_story_map.sh EDITOR CONTENT_DIR SCRIPTS_DIR WORK_DIR
set -euo pipefail
editor=$1 content=$2 scripts=$3 work=$4
rm -rf "$work"
mkdir -p "$work/shots"
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json"
for size in 1280x720 1920x1080; do
  mkdir -p "$work/shots/$size"
  "$editor" --content "$content" --data "$work/data" --size "$size" --open "$content/core" \
    --file 'lessons/y3-smart-explorers.json#/steps/1/nodes/0/text' \
    --screenshot-dir "$work/shots/$size" --script "$scripts/editor_story_map.script"
  test -s "$work/shots/$size/story-map.png"
done
echo "editor_story_map: the map keeps its share at 1280x720 and 1920x1080"
