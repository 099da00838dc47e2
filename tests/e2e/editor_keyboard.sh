#!/usr/bin/env bash
# The editor by keyboard alone (editor_keyboard.script: arrows, Space, Return, Tab,
# Escape, End, Ctrl+S, Ctrl+Z, Ctrl+Y, F5; no click): in a copy of the core pack a
# story step with a new scene and a quiz step with a new question are made and
# saved, then the lesson plays in the preview. `node` checks the saved lesson.
#   editor_keyboard.sh EDITOR CONTENT_DIR SCRIPTS_DIR WORK_DIR
set -euo pipefail
editor=$1 content=$2 scripts=$3 work=$4
rm -rf "$work"
mkdir -p "$work/packs" "$work/shots"
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json"
cp -r "$content/core" "$work/packs/our-copy"
sed -i '0,/"id": "core"/s//"id": "our-copy"/' "$work/packs/our-copy/pack.json"
"$editor" --content "$work/packs" --data "$work/data" --size 1280x720 \
  --screenshot-dir "$work/shots" --script "$scripts/editor_keyboard.script"
node - "$content/core/lessons" "$work/packs/our-copy/lessons" <<'JS'
const fs = require('fs');
const [before, after] = process.argv.slice(2);
const file = 'reception-ask-a-grown-up.json';
const read = (dir) => JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'));
const fail = (why) => { console.error(`editor_keyboard: ${why}`); process.exit(1); };
const was = read(before), now = read(after);
const kinds = now.steps.map((s) => s.kind);
const expected = was.steps.map((s) => s.kind).concat(['scenario', 'quiz']);
if (kinds.join() !== expected.join()) fail(`the steps are ${kinds}`);
const story = now.steps[now.steps.length - 2];
const start = story.nodes.find((n) => n.id === story.start);
if (!start || start.text !== "Sam's tablet shows a game he does not know. What should Sam do?")
  fail(`the start scene says ${JSON.stringify(start && start.text)}`);
if (start.choices[0].text !== 'Ask a grown-up first') fail('the first choice was not typed');
if (story.nodes.length !== 3 ||
    story.nodes[2].text !== 'Sam asks his dad, who helps him choose a game for his age.')
  fail(`the new scene is ${JSON.stringify(story.nodes[2])}`);
const quiz = now.steps[now.steps.length - 1];
const q = quiz.items[quiz.items.length - 1];
if (quiz.items.length !== 2 || q.prompt !== 'Who do you tell if something online worries you?' ||
    q.options.map((o) => o.text).join('|') !== 'A grown-up you trust|Nobody')
  fail(`the new question is ${JSON.stringify(q)}`);
console.log('editor_keyboard: a scene and a question made and saved by keyboard alone');
JS
test -s "$work/shots/keyboard-preview.png"
