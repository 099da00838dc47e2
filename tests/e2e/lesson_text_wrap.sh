#!/usr/bin/env bash
# The editor's text boxes wrap long texts without changing them: a sentence typed
# into a copy of the core pack's longest kind of text (a lesson's teacher notes)
# through the wrapped box is saved byte for byte, and a part of it copied across
# the box's line breaks pastes (and cuts and pastes) elsewhere without them
# (lesson_text_wrap.script).
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
# The notes as they were, the sentence after them, a line typed with Return, and
# nothing else.
node - "$content/core/lessons" "$work/packs/our-copy/lessons" <<'JS'
const fs = require('fs');
const [before, after] = process.argv.slice(2);
const read = (dir, f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')).teacherNotes;
const fail = (why) => { console.error(`lesson_text_wrap: ${why}`); process.exit(1); };
const typed = ' Then ask the class to write three rules for sharing photos safely online, ' +
  'and read them aloud together.\nFinish with a thumbs-up vote.';
const notes = read(after, 'y3-smart-explorers.json');
if (notes !== read(before, 'y3-smart-explorers.json') + typed) {
  fail(`the saved notes are not the notes plus what was typed:\n${JSON.stringify(notes)}`);
}
// What was copied from the wrapped box and pasted (then cut and pasted back) at
// the end of another lesson's notes: the end of the first notes, as typed, so its
// only line break is the one typed with Return.
const other = read(after, 'y3-kind-online.json');
const otherBefore = read(before, 'y3-kind-online.json');
if (!other.startsWith(otherBefore)) fail('the other notes lost their start');
const pasted = other.slice(otherBefore.length);
const lines = pasted.split('\n').length - 1;
if (pasted.length < 60 || !notes.endsWith(pasted) || lines !== 1) {
  fail(`the pasted text is not the end of the first notes with its one typed line break ` +
       `(${lines} line breaks):\n${JSON.stringify(pasted)}`);
}
console.log(`lesson_text_wrap: saved exactly as typed; ${pasted.length} characters copied ` +
            'across the box\'s line breaks pasted back with none added');
JS
test -s "$work/shots/wrap-typed.png"
test -s "$work/shots/wrap-pasted.png"
