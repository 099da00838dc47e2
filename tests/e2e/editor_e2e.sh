#!/usr/bin/env bash
# End-to-end for the teachers' editor: a pack made, edited and mended in
# safequest-editor (driven by its --script), accepted by safequest-cli validate,
# then played in the game, with the result in the records store.
#   editor_e2e.sh EDITOR GAME CLI HELPER CONTENT_DIR SCRIPTS_DIR WORK_DIR
# 1. a teacher PIN is set in the teacher's data folder; the editor asks for it;
# 2. editor_new_pack.script: New pack (the starter template), the title changed, a
#    scene of the Reception story removed while a choice still leads to it (a broken
#    reference), the problem chosen in the list and the choice's "Goes to" mended
#    there; the Year 5 lesson's steps after its slides replaced, through the forms,
#    by a story of five scenes with a branch (scenes added, renamed, written, their
#    choices led on) and a quiz of four kinds of question; Ctrl+S; the saved lesson
#    is checked, and the story map and quiz form shot at 1280x720 and 1920x1080;
# 3. safequest-cli validate accepts the saved pack (exit 0);
# 4. the game, with only that pack and the Reception band unlocked, plays its
#    lesson's slides and its story as edited (editor_new_pack_game.script); export-pupil then
#    holds the lesson's progress under the new pack;
# 5. with upper KS2 unlocked, two pupils play the Year 5 lesson whole, one down each
#    branch of the new story (editor_new_lesson_ask/oops.script), and the records
#    hold the lesson completed for each.
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
# The Year 5 lesson as the forms left it: its slides, then a story of five scenes
# whose first scene branches to two scenes that each reach an ending of their own,
# then a quiz of four questions of four kinds.
node -e '
  const l = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const fail = (why) => { console.error("e2e: the new lesson: " + why); process.exit(1); };
  const kinds = l.steps.map((s) => s.kind).join(",");
  if (kinds !== "slides,scenario,quiz") fail("steps are " + kinds);
  const story = l.steps[1], byId = {};
  story.nodes.forEach((n) => { byId[n.id] = n; });
  if (story.nodes.length !== 5) fail(story.nodes.length + " scenes");
  const first = byId[story.start];
  const nexts = first.choices.map((c) => c.next).filter(Boolean);
  if (new Set(nexts).size !== 2) fail("the first scene does not branch: " + nexts);
  const endingOf = (id, seen = new Set()) => {
    const n = byId[id];
    if (!n || seen.has(id)) return null;
    if (n.ending) return id;
    seen.add(id);
    const safe = n.choices.find((c) => c.safe && c.next);
    return safe ? endingOf(safe.next, seen) : null;
  };
  const ends = nexts.map((id) => endingOf(id));
  if (ends.includes(null) || ends[0] === ends[1]) fail("the branches end at " + ends);
  const types = l.steps[2].items.map((i) => i.type).join(",");
  if (types !== "single,multiple,truefalse,sort") fail("questions are " + types);
  if (l.steps[2].items[2].prompt !== "It is fine to share your password with your best friend.")
    fail("the question made true or false lost its words");
' "$pack/lessons/y5-think-before-you-share.json"

step "the story map and the quiz form at 1280x720 and 1920x1080"
y5='lessons/y5-think-before-you-share.json'
shotdata="$work/screenshot-data" # no PIN set, so the pack opens at once
for size in 1280x720 1920x1080; do
  "$editor" --content "$packs" --data "$shotdata" --size "$size" --open "$pack" \
    --file "$y5#/steps/1/nodes/0/text" --screenshot "$shots/editor-story-map-$size.png" \
    >/dev/null
  "$editor" --content "$packs" --data "$shotdata" --size "$size" --open "$pack" \
    --file "$y5#/steps/2/items/3/prompt" --screenshot "$shots/editor-quiz-$size.png" \
    >/dev/null
  test -s "$shots/editor-story-map-$size.png" && test -s "$shots/editor-quiz-$size.png"
done

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

step "two pupils play the new Year 5 lesson, one down each branch, and it is recorded"
printf '{"formatVersion": 1, "unlockedBands": ["uks2"]}\n' >"$work/machine-config-uks2.json"
y5data="$work/pupil-data-y5"
"$helper" seed "$y5data"
dewi=e2e00000-0000-4000-8000-000000000002
for branch in ask oops; do
  SAFEQUEST_CONFIG="$work/machine-config-uks2.json" "$game" --data "$y5data" \
    --content "$played" --screenshot-dir "$shots" --script "$scripts/editor_new_lesson_$branch.script"
done
for pupil in "$lowri" "$dewi"; do
  "$cli" export-pupil --pupil "$pupil" --data "$y5data" >"$work/y5-$pupil.json"
  node -e '
    const x = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const done = x.events.filter((e) => e.kind === "lesson.completed" &&
      e.pack === "our-e2e-lessons" && e.activity === "y5-think-before-you-share");
    if (done.length !== 1) {
      console.error("e2e: the new lesson is not recorded complete for " + x.pupil.firstName);
      process.exit(1);
    }
  ' "$work/y5-$pupil.json"
done

echo "editor e2e: all steps passed"
