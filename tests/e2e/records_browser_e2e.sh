#!/usr/bin/env bash
# End-to-end for the files between the teachers' app and the browser game:
#   records_browser_e2e.sh GAME EDITOR CLI HELPER CONTENT_DIR SCRIPTS_DIR WORK_DIR
# 1. the teachers' app (a PIN set first with safequest-cli), with no school folder:
#    the class list (5C: Lowri, Dewi, Cai) imported, then "Save the class list for
#    browsers..." in the Sharing tab (records_browser_teacher.script);
# 2. the "browser": the desktop game in a temporary folder whose school folder holds
#    only that file as classlist.json, as the web game keeps a class list loaded
#    from a file; Lowri signs in from it and plays SMART explorers whole; the
#    device snapshot the game writes is the results file the browser downloads;
# 3. the teachers' app adds that file ("Add results from a browser file..."), again
#    (nothing new), and a file that is not a results file (refused in words)
#    (records_browser_results.script);
# 4. safequest-cli finds Lowri's lesson in the teacher's records, once.
# Screenshots stay in WORK_DIR/shots.
set -euo pipefail
game=$1 editor=$2 cli=$3 helper=$4 content=$5 scripts=$6 work=$7
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export HOME="$work/home"
mkdir -p "$HOME/Documents"
shots="$work/shots"
teacher="$work/teacher-pc" browser="$work/browser" files="$work/files"
mkdir -p "$shots" "$teacher" "$browser" "$files"

step() { echo "== $* (${SECONDS}s)"; }
fail() { echo "records browser e2e: $*" >&2; exit 1; }

step "the teachers' app: a PIN, the class list, saved for browsers"
export SAFEQUEST_CONFIG="$work/no-machine-config.json" # no school folder for the teacher
"$cli" pin set --pin 4705 --data "$teacher" >/dev/null
printf 'Forename,Surname,Reg Group,Year,Adno\nLowri,Price,5C,Year 3,2001\nDewi,Rees,5C,Year 3,2002\nCai,Morgan,5C,Year 3,2003\n' \
  >"$work/5c.csv"
list="$files/safequest-class-list-for-browsers.json"
sed -e "s|@CSV@|$work/5c.csv|" -e "s|@LIST@|$list|" "$scripts/records_browser_teacher.script" \
  >"$work/teacher.script"
"$editor" --content "$content" --data "$teacher" --records --size 1280x720 \
  --screenshot-dir "$shots" --script "$work/teacher.script"
test -s "$list" || fail "no class list for browsers at $list"
grep -q 'safequest-signed-classlist/1' "$list" || fail "$list is not the signed class list"
"$cli" roster list --data "$teacher" >"$work/pupils.tsv"
lowri=$(awk -F'\t' '$4 == "Lowri" { print $1 }' "$work/pupils.tsv")
[[ -n $lowri ]] || fail "the class list did not import: $(cat "$work/pupils.tsv")"

step "the browser: the class list from the file, Lowri plays SMART explorers"
mkdir -p "$browser/school"
cp "$list" "$browser/school/classlist.json"
printf '{"formatVersion": 1, "schoolFolder": "%s"}\n' "$browser/school" >"$work/browser-config.json"
{
  sed 's/class:4C/class:5C/' "$scripts/lesson_part1.script"
  "$helper" order-clicks "$content/core" "$lowri" y3-smart-explorers smart-quiz smart-order
  sed '/^wait-screen home$/q' "$scripts/lesson_part2.script"
} | sed "s|e2e00000-0000-4000-8000-000000000001|$lowri|g" >"$work/lesson.script"
SAFEQUEST_CONFIG="$work/browser-config.json" "$game" --data "$browser/data" --content "$content" \
  --screenshot-dir "$shots" --script "$work/lesson.script"
test -s "$shots/lesson-badge.png" || fail "no badge for Lowri"
snapshot=$(ls "$browser"/school/results/*.sqlite)
[[ $(echo "$snapshot" | wc -l) == 1 ]] || fail "expected one device snapshot: $snapshot"
results="$files/safequest-results-from-the-browser.sqlite"
cp "$snapshot" "$results"
printf 'these are not results\n' >"$files/not-results.sqlite"

step "the teachers' app: the results file added, again, and a bad file refused"
sed -e "s|@RESULTS@|$results|" -e "s|@BAD@|$files/not-results.sqlite|" \
  "$scripts/records_browser_results.script" >"$work/results.script"
"$editor" --content "$content" --data "$teacher" --records --size 1280x720 \
  --screenshot-dir "$shots" --script "$work/results.script"
for s in browser-list-saved browser-results-added browser-results-refused; do
  test -s "$shots/$s.png" || fail "no screenshot $s"
done

step "safequest-cli finds Lowri's lesson in the teacher's records, once"
"$cli" export-pupil --pupil "$lowri" --data "$teacher" >"$work/lowri.json"
grep -q 'y3-smart-explorers' "$work/lowri.json" || fail "Lowri's lesson did not reach the teacher's PC"
"$cli" report --format csv --names --content "$content" --data "$teacher" >"$work/report.csv"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "lessons_done") c = i; next }
         $1 == "pupil" && index($0, "Lowri P") { print $c; exit }' "$work/report.csv" >"$work/done.txt"
[[ $(cat "$work/done.txt") == 1 ]] || fail "Lowri's lesson is not counted once: $(cat "$work/report.csv")"

echo "records browser e2e: all steps passed in ${SECONDS}s"
