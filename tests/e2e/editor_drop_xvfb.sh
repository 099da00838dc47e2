#!/usr/bin/env bash
# A picture dropped on the editor's real X11 window (under Xvfb, not SDL's dummy
# driver) lands in the field the teacher chose: the drop is an SDL_DROPFILE event
# put in the real window's queue (the script's `drop`), taken by the same frame
# loop as a desktop's drop; the picture is added to the pack, saved and referenced.
#   editor_drop_xvfb.sh EDITOR CONTENT_DIR WORK_DIR
set -euo pipefail
editor=$1 content=$2 work=$3
rm -rf "$work"
mkdir -p "$work/packs" "$work/shots"
cd "$work"
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "editor_drop_xvfb: xvfb-run is not installed (tools/setup.sh installs it)" >&2
  exit 1
fi
export SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json"
cp -r "$content/core" "$work/packs/our-copy"
sed -i '0,/"id": "core"/s//"id": "our-copy"/' "$work/packs/our-copy/pack.json"
cp "$content/core/assets/pictures/park.png" "$work/our-photo.png"
cat >"$work/drop.script" <<SCRIPT
# The first slide's picture chosen with a click, then a file dropped on the window.
wait-for picture:/steps/0/slides/0/picture
click picture:/steps/0/slides/0/picture
expect-text Selected: a picture file dropped on the window comes here.
drop $work/our-photo.png
# The import panel opens under the field, with the dropped file: scrolled to.
wheel 6
wait-for picture-alt
click picture-alt
text A park on a sunny day
click picture-add
expect-text The picture assets/pictures/our-photo.png is in the pack folder
expect-text Unsaved changes
screenshot drop-added
key Ctrl+S
expect-text All changes saved
SCRIPT
xvfb-run -a -s "-screen 0 1600x900x24" \
  "$editor" --content "$work/packs" --data "$work/data" --size 1280x720 \
  --open "$work/packs/our-copy" --file 'lessons/y3-smart-explorers.json#/steps/0/slides/0/text' \
  --screenshot-dir "$work/shots" --script "$work/drop.script"
node - "$work/packs/our-copy" "$work/our-photo.png" <<'JS'
const fs = require('fs');
const [pack, dropped] = process.argv.slice(2);
const lesson = JSON.parse(fs.readFileSync(`${pack}/lessons/y3-smart-explorers.json`, 'utf8'));
const pic = lesson.steps[0].slides[0].picture;
const fail = (why) => { console.error(`editor_drop_xvfb: ${why}`); process.exit(1); };
if (!pic || pic.src === 'assets/pictures/shield.png') fail(`the slide's picture is ${JSON.stringify(pic)}`);
if (pic.alt !== 'A park on a sunny day') fail(`the description is ${JSON.stringify(pic.alt)}`);
if (!fs.readFileSync(`${pack}/${pic.src}`).equals(fs.readFileSync(dropped)))
  fail(`${pic.src} is not the dropped file`);
console.log(`editor_drop_xvfb: the dropped picture is ${pic.src}, described and saved`);
JS
test -s "$work/shots/drop-added.png"
