#!/usr/bin/env bash
# End-to-end for the teachers' editor: a pack made, edited and mended in
# safequest-editor (driven by its --script), accepted by safequest-cli validate,
# then played in the game, with the result in the records store.
#   editor_e2e.sh EDITOR GAME CLI HELPER CONTENT_DIR SCRIPTS_DIR WORK_DIR
# 1. a teacher PIN is set in the teacher's data folder; the editor asks for it;
# 2. editor_new_pack.script: New pack (the starter template), the title changed, a
#    scene of the Reception story removed while a choice still leads to it (a broken
#    reference), the problem chosen in the list and the choice's "Goes to" mended
#    there, Ctrl+S;
# 3. safequest-cli validate accepts the saved pack (exit 0);
# 4. the game, with only that pack and the Reception band unlocked, plays its
#    lesson's slides and its story as edited (editor_new_pack_game.script); export-pupil then
#    holds the lesson's progress under the new pack.
set -euo pipefail
editor=$1 game=$2 cli=$3 helper=$4 content=$5 scripts=$6 work=$7
rm -rf "$work"
mkdir -p "$work"
cd "$work" # anything written to the working folder stays in the work folder
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json" # never this machine's real one
shots="$work/shots"
mkdir -p "$shots"
lowri=e2e00000-0000-4000-8000-000000000001

step() { echo "== $*"; }

step "a teacher PIN, and a content folder with the core pack"
teacher="$work/teacher-data"
packs="$work/packs"
mkdir -p "$packs"
cp -r "$content/core" "$packs/core"
"$cli" pin set --pin 4705 --data "$teacher" >/dev/null

step "the editor: new pack, edit, break a reference, mend it from the problems list, save"
"$editor" --content "$packs" --data "$teacher" --size 1600x900 --screenshot-dir "$shots" \
  --script "$scripts/editor_new_pack.script"
pack="$packs/our-e2e-lessons"
test -s "$shots/editor-saved.png"
grep -q '"title": "Our e2e lessons, for the e2e test"' "$pack/pack.json"
grep -q '"lesson": "reception-ask-a-grown-up"' "$pack/pack.json"

step "safequest-cli validate accepts the saved pack"
"$cli" validate "$pack"

step "the game plays a lesson of the new pack, and the records hold it"
played="$work/game-content"
mkdir -p "$played"
cp -r "$pack" "$played/"
printf '{"formatVersion": 1, "unlockedBands": ["eyfs"]}\n' >"$work/machine-config.json"
pupils="$work/pupil-data"
"$helper" seed "$pupils"
SAFEQUEST_CONFIG="$work/machine-config.json" "$game" --data "$pupils" --content "$played" \
  --screenshot-dir "$shots" --script "$scripts/editor_new_pack_game.script"
test -s "$shots/editor-pack-in-game.png"
"$cli" export-pupil --pupil "$lowri" --data "$pupils" >"$work/lowri.json"
grep -q 'our-e2e-lessons' "$work/lowri.json" ||
  { echo "e2e: no record of the new pack" >&2; cat "$work/lowri.json" >&2; exit 1; }
grep -q 'reception-ask-a-grown-up' "$work/lowri.json" ||
  { echo "e2e: no record of the lesson" >&2; cat "$work/lowri.json" >&2; exit 1; }

echo "editor e2e: all steps passed"
