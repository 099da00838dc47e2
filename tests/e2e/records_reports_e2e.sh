#!/usr/bin/env bash
# End-to-end for the school records' Reports and Sharing tabs in the teachers' app:
# two PCs' records folders share one school folder.
#   records_reports_e2e.sh EDITOR CLI HELPER CONTENT_DIR WORK_DIR
# 1. PC A and PC B hold the same class list (sq_e2e_helper seed) and each a teacher
#    PIN; safequest-cli records three completed lessons on PC A and publishes them;
# 2. the editor on PC B (--data B --records, its machine configuration naming the
#    school folder, at 1280x720): Sharing, merge (the result line: 3 events from
#    1 PC), PC A listed with when it published; Reports: the governors' report
#    saved under its default name in Documents without names, then with "With
#    names" ticked to a typed path, then to a folder that does not exist (refused,
#    in words); the files are checked: no pupil's name without the tick;
# 3. a corrupt snapshot is put in the school folder and PC A publishes two more
#    events; the editor at 1920x1080 merges again: the line names the corrupt file,
#    B then holds all five events and the corrupt file is still there;
# 4. a school folder of 30 PCs' snapshots (25,000 events, sq_e2e_helper
#    school-share) merged on PC C: the progress bar while the worker merges, then
#    the line (30 PCs; the rows about pupils not on C's class list held);
# 5. with no school folder configured, the Sharing tab says how to set one;
# 6. "Open it in the web browser": a fake opener first on PATH (a script recording
#    its arguments) is asked to open exactly the saved report's file:// address
#    (its space and '#' percent-encoded, as records_admin/file_url does); with no
#    opener on PATH the app says so in words.
# Screenshots of both tabs at both sizes are left in WORK_DIR/shots.
set -euo pipefail
editor=$1 cli=$2 helper=$3 content=$4 work=$5
rm -rf "$work"
mkdir -p "$work"
cd "$work" # anything written to the working folder stays in the work folder
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export HOME="$work/home" # the default report folder is this home's Documents
mkdir -p "$HOME/Documents"
shots="$work/shots"
mkdir -p "$shots"
lowri=e2e00000-0000-4000-8000-000000000001
dewi=e2e00000-0000-4000-8000-000000000002

step() { echo "== $*"; }
fail() { echo "records reports e2e: $*" >&2; exit 1; }

step "two PCs with the same class list; PC A records three lessons and publishes"
a="$work/pc-a" b="$work/pc-b" school="$work/school"
packs="$work/packs"
mkdir -p "$packs"
cp -r "$content/core" "$packs/core"
for pc in "$a" "$b"; do
  "$helper" seed "$pc"
  "$cli" pin set --pin 4705 --data "$pc" >/dev/null
done
export SAFEQUEST_CONFIG="$work/no-machine-config.json" # for the CLI: never this machine's
for lesson in y3-smart-explorers y3-meet-and-tell; do
  "$cli" record --kind lesson.completed --pupil "$lowri" --pack core --activity "$lesson" \
    --data "$a" >/dev/null
done
"$cli" record --kind lesson.completed --pupil "$dewi" --pack core --activity y4-is-it-true \
  --data "$a" >/dev/null
"$cli" publish --data "$a" --school-folder "$school" --pin 4705 >/dev/null
ls "$school"/results/*.sqlite >/dev/null
printf '{"formatVersion": 1, "schoolFolder": "%s"}\n' "$school" >"$work/machine-config.json"

step "the editor on PC B: merge, the PCs listed, reports without and with names"
named="$work/out/named report #1.html"
# The fake opener: its arguments, one a line after their count, in opened.txt.
mkdir -p "$work/fake-bin" "$work/no-opener"
cat >"$work/fake-bin/xdg-open" <<OPENER
#!/bin/sh
{ echo "\$#"; for a in "\$@"; do echo "\$a"; done; } >"$work/opened.tmp"
mv "$work/opened.tmp" "$work/opened.txt"
OPENER
chmod +x "$work/fake-bin/xdg-open"
mkdir -p "$work/out"
cat >"$work/merge_and_report.script" <<SCRIPT
expect-text Type the teacher PIN
text 4705
key Return
wait-for tab:sharing
click tab:sharing
wait-for sharing:merge
screenshot sharing-1280-before
click sharing:merge
expect-text Merged 3 events from 1 PC.
expect-no-text could not be read
expect-text When each PC last published
expect-text today at
screenshot sharing-1280
click tab:reports
wait-for report:save
expect-text Governors' report (web page)
screenshot reports-1280
click report:save
expect-text Saved the report for the whole school
expect-text no names
click report:names
expect-text keep this file private
click report:path
key Ctrl+A
text $named
click report:save
expect-text with names) to
click report:open
expect-text in the web browser.
screenshot reports-1280-saved
click report:path
key Ctrl+A
text $work/no-such-folder/r.html
click report:save
expect-text there is no folder
SCRIPT
PATH="$work/fake-bin:$PATH" SAFEQUEST_CONFIG="$work/machine-config.json" "$editor" \
  --content "$packs" --data "$b" --records --size 1280x720 --screenshot-dir "$shots" \
  --script "$work/merge_and_report.script"
for _ in $(seq 100); do [[ -e $work/opened.txt ]] && break; sleep 0.1; done
url="${named// /%20}"
url="file://${url//[#]/%23}"
[[ $(cat "$work/opened.txt") == "1"$'\n'"$url" ]] ||
  fail "the opener was not asked for exactly $url: $(cat "$work/opened.txt" 2>&1)"
"$helper" count-events "$b" 3
plain=$(ls "$HOME"/Documents/safequest-governors-school-*.html)
test "$(echo "$plain" | wc -l)" = 1 || fail "expected one report without names: $plain"
case "$plain" in *with-names*) fail "the report without names is named with names" ;; esac
grep -q '<html' "$plain" || fail "$plain is not a web page"
for name in Lowri Dewi; do
  if grep -q "$name" "$plain"; then fail "$name's name is in the report without names"; fi
  grep -q "$name" "$named" || fail "$name's name is not in the report with names"
done
test -s "$named" || fail "no report with names at $named"
test ! -e "$work/no-such-folder" || fail "a folder was made for a refused report"
for s in sharing-1280 reports-1280 reports-1280-saved; do test -s "$shots/$s.png"; done

step "a corrupt snapshot in the school folder: the line names it, nothing is lost"
printf 'SQLite format 3\0but the rest of this file is not a database at all' \
  >"$school/results/e2e00000-0000-4000-8000-00000000dead.sqlite"
for lesson in y3-passwords-and-promises y3-kind-online; do
  "$cli" record --kind lesson.completed --pupil "$lowri" --pack core --activity "$lesson" \
    --data "$a" >/dev/null
done
"$cli" publish --data "$a" --school-folder "$school" --pin 4705 >/dev/null
cat >"$work/corrupt.script" <<SCRIPT
expect-text Type the teacher PIN
text 4705
key Return
wait-for tab:sharing
click tab:sharing
click sharing:merge
expect-text Merged 2 events from 1 PC; 1 snapshot could not be read
expect-text e2e00000-0000-4000-8000-00000000dead.sqlite.
expect-text At the last merge
expect-text could not be read: not a SafeQuest snapshot
click sharing:publish
expect-text Published this PC's records to the school folder, with the class list
expect-text This PC
screenshot sharing-1920
click tab:reports
wait-for report:save
screenshot reports-1920
click report:choose-folder
wait-for report:use-folder
screenshot reports-1920-folders
SCRIPT
SAFEQUEST_CONFIG="$work/machine-config.json" "$editor" --content "$packs" --data "$b" \
  --records --size 1920x1080 --screenshot-dir "$shots" --script "$work/corrupt.script"
"$helper" count-events "$b" 5
test -s "$school/results/e2e00000-0000-4000-8000-00000000dead.sqlite" ||
  fail "the corrupt snapshot was removed"
for s in sharing-1920 reports-1920; do test -s "$shots/$s.png"; done

step "a school of 30 PCs (25,000 events): the bar while the worker merges, then the line"
big="$work/big-school"
"$helper" school-share "$big" "$work/big-school-pcs"
c="$work/pc-c"
"$helper" seed "$c"
"$cli" pin set --pin 4705 --data "$c" >/dev/null
printf '{"formatVersion": 1, "schoolFolder": "%s"}\n' "$big" >"$work/big-config.json"
cat >"$work/big.script" <<SCRIPT
expect-text Type the teacher PIN
text 4705
key Return
wait-for tab:sharing
click tab:sharing
click sharing:merge
wait-for sharing:progress
screenshot sharing-1280-merging
wait-for sharing:merge 120
expect-text from 30 PCs.
expect-text records are about pupils not on this PC's class list
screenshot sharing-1280-big
SCRIPT
SAFEQUEST_CONFIG="$work/big-config.json" "$editor" --content "$packs" --data "$c" --records \
  --size 1280x720 --screenshot-dir "$shots" --script "$work/big.script"
"$helper" count-events "$c" 1

step "no school folder: the Sharing tab says how to set one"
cat >"$work/no-folder.script" <<SCRIPT
expect-text Type the teacher PIN
text 4705
key Return
wait-for tab:sharing
click tab:sharing
wait-for sharing:no-folder
expect-text No school folder is set on this PC
expect-text Teacher settings
screenshot sharing-no-folder-1280
click tab:reports
click report:save
expect-text Saved the report for the whole school
click report:open
expect-text has no program to open the web browser with
SCRIPT
PATH="$work/no-opener" "$editor" --content "$packs" --data "$b" --records --size 1280x720 --screenshot-dir "$shots" \
  --script "$work/no-folder.script"

echo "records reports e2e: all steps passed"
