#!/usr/bin/env bash
# The editor's text boxes wrap long texts without changing them: a sentence typed
# into a copy of the core pack's longest kind of text (a lesson's teacher notes)
# through the wrapped box is saved byte for byte (lesson_text_wrap.script).
#   lesson_text_wrap.sh EDITOR CONTENT_DIR SCRIPTS_DIR WORK_DIR
set -euo pipefail
editor=$1 content=$2 scripts=$3 work=$4
rm -rf "$work"
mkdir -p "$work/packs" "$work/shots"
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json"
# The core pack under an id of its own, so the editor lets it be changed.
cp -r "$content/core" "$work/packs/our-copy"
sed -i '0,/"id": "core"/s//"id": "our-copy"/' "$work/packs/our-copy/pack.json"
"$editor" --content "$work/packs" --data "$work/data" --size 1280x720 \
  --open "$work/packs/our-copy" --file 'lessons/y3-smart-explorers.json#/teacherNotes' \
  --screenshot-dir "$work/shots" --script "$scripts/lesson_text_wrap.script"
saved="$work/packs/our-copy/lessons/y3-smart-explorers.json"
before=$(grep '"teacherNotes"' "$content/core/lessons/y3-smart-explorers.json")
after=$(grep '"teacherNotes"' "$saved")
typed=' Then ask the class to write three rules for sharing photos safely online, and read them aloud together.'
# The notes as they were, with the sentence after them and nothing else.
expected="${before%\",}${typed}\","
if [ "$after" != "$expected" ]; then
  echo "lesson_text_wrap: the saved notes are not the notes plus the sentence typed" >&2
  echo "expected: $expected" >&2
  echo "saved:    $after" >&2
  exit 1
fi
test -s "$work/shots/wrap-typed.png"
echo "lesson_text_wrap: saved exactly as typed"
