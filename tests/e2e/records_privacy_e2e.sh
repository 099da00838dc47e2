#!/usr/bin/env bash
# End-to-end for the school records' Privacy and School tabs in safequest-editor.
#   records_privacy_e2e.sh EDITOR CLI SCRIPTS_DIR WORK_DIR
# 1. a teacher PIN, a class list (3B: Amy Z, Ben Y; 4A: Cat X) and recorded lessons,
#    two of them from 2020, all through safequest-cli;
# 2. records_privacy.script: the PIN typed; Amy erased after the question naming her
#    and counting her records; Ben's data saved to a file; retention changed to 3
#    years, its count seen, then applied; the PIN changed; then records_school.script:
#    a term overlap refused in words, then the school's name, safeguarding lead,
#    an incident step, two staff and this year's term dates saved;
# 3. safequest-cli then finds Amy gone (export-pupil refuses), Ben's file holds his
#    records, the 2020 records gone, the new PIN accepted and opening the teacher's
#    key (an erase with it), and the governors' report shows the school and the terms.
# Screenshots of both tabs at 1280x720 and 1920x1080 go to WORK_DIR/shots.
set -euo pipefail
editor=$1 cli=$2 scripts=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
cd "$work" # anything written to the working folder stays in the work folder
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json" # never this machine's real one
export HOME="$work/home"
mkdir -p "$HOME/Documents"
shots="$work/shots"
exports="$work/exports"
mkdir -p "$shots" "$exports"
data="$work/teacher-data"
packs="$work/packs"
mkdir -p "$data" "$packs"

step() { echo "== $*"; }
fail() { echo "records privacy e2e: $*" >&2; exit 1; }

step "a teacher PIN, a class list and recorded lessons"
"$cli" pin set --pin 4705 --data "$data" >/dev/null
printf 'Forename,Surname,Reg Group,Year,Adno\nAmy,Zed,3B,Year 3,1001\nBen,Young,3B,Year 3,1002\nCat,Xu,4A,Year 4,1003\n' \
  >"$work/classes.csv"
"$cli" roster import "$work/classes.csv" --data "$data" >/dev/null
id_of() { "$cli" roster list --data "$data" | awk -F'\t' -v n="$1" '$4 == n { print $1 }'; }
amy=$(id_of Amy) ben=$(id_of Ben) cat=$(id_of Cat)
[ -n "$amy" ] && [ -n "$ben" ] && [ -n "$cat" ] || fail "the class list was not imported"
rec() { "$cli" record --data "$data" --pack core --activity y3-smart-explorers "$@" >/dev/null; }
rec --kind lesson.completed --pupil "$amy"
rec --kind activity.completed --pupil "$amy" --step intro
rec --kind lesson.completed --pupil "$ben"
rec --kind lesson.completed --pupil "$ben" --time 2020-05-01T10:00:00Z
rec --kind lesson.completed --pupil "$cat" --time 2020-06-01T10:00:00Z

# This academic year (1 September to 31 August), for the term dates typed.
month=$(date -u +%-m) year=$(date -u +%Y)
[ "$month" -ge 9 ] || year=$((year - 1))
next=$((year + 1))
for s in records_privacy records_school; do
  sed -e "s|@EXPORTS@|$exports|g" -e "s|@YEAR@|$year|g" -e "s|@NEXT@|$next|g" \
    "$scripts/$s.script" >"$work/$s.script"
done

step "the editor: erase a pupil, export another's data, retention, the PIN"
"$editor" --content "$packs" --data "$data" --records --size 1280x720 \
  --screenshot-dir "$shots" --script "$work/records_privacy.script"

step "safequest-cli: Amy is gone, Ben's file holds his records, the old records are gone"
if "$cli" export-pupil --pupil "$amy" --data "$data" >"$work/amy.json" 2>"$work/amy.err"; then
  fail "export-pupil still finds the erased pupil"
fi
grep -q "no pupil $amy" "$work/amy.err" || fail "export-pupil: $(cat "$work/amy.err")"
saved=$(ls "$exports"/*.json)
case "$saved" in *"SafeQuest data, Ben Y, "*) ;; *) fail "unexpected export file: $saved" ;; esac
grep -q "$ben" "$saved" || fail "the saved file is not Ben's"
grep -q '"Ben"' "$saved" || fail "the saved file has no class-list entry"
grep -q 'y3-smart-explorers' "$saved" || fail "the saved file has no records"
grep -q "$amy" "$saved" && fail "the saved file holds another pupil"
"$cli" export-pupil --pupil "$ben" --data "$data" >"$work/ben-after.json"
grep -q '2020-05-01' "$work/ben-after.json" && fail "retention left Ben's 2020 record"
grep -q 'y3-smart-explorers' "$work/ben-after.json" || fail "retention took this year's record"
"$cli" export-pupil --pupil "$cat" --data "$data" >"$work/cat-after.json"
grep -q '2020-06-01' "$work/cat-after.json" && fail "retention left Cat's 2020 record"

step "safequest-cli: the new PIN is the PIN, and opens the teacher's key"
"$cli" pin check --pin 8316 --data "$data" >/dev/null || fail "the new PIN is not accepted"
"$cli" erase --pupil "$cat" --pin 8316 --data "$data" >/dev/null ||
  fail "the teacher's key does not open with the new PIN"

step "the editor: the School tab"
"$editor" --content "$packs" --data "$data" --records --size 1920x1080 \
  --screenshot-dir "$shots" --script "$work/records_school.script"
"$cli" report --format html --data "$data" --academic-year "$year" \
  --content "$scripts/../../content" >"$work/report.html"
grep -q 'Llanfair Primary' "$work/report.html" || fail "the report does not name the school"
grep -q "3 September $year to 18 December $year" "$work/report.html" ||
  fail "the report does not show the autumn term's dates"
grep -q "12 April $next to 21 July $next" "$work/report.html" ||
  fail "the report does not show the summer term's dates"

for shot in privacy-pupil-720 privacy-retention-720 privacy-pin-720 school-school-720 \
  privacy-pupil-1080 privacy-retention-1080 school-school-1080 school-staff-1080 \
  school-terms-1080 school-problems-1080; do
  test -s "$shots/$shot.png" || fail "no screenshot $shot"
done
echo "records privacy e2e: all steps passed"
