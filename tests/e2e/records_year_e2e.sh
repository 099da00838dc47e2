#!/usr/bin/env bash
# End-to-end for a school year of records, as a class teacher does it:
#   records_year_e2e.sh GAME EDITOR CLI HELPER CONTENT_DIR SCRIPTS_DIR WORK_DIR
# The teacher's PC and a classroom PC share one school folder.
# 1. the teacher's app (a PIN set first with safequest-cli): the class list (4C:
#    Lowri, Dewi and Cai, Year 3) imported in the Classes tab after its preview,
#    then published from the Sharing tab (records_year_teacher.script);
# 2. the game on the classroom PC, with its own empty records, finds the class list
#    in the school folder: Lowri, then Dewi, plays "SMART explorers" whole
#    (lesson_part1.script, the helper's order-clicks, lesson_part2.script to the
#    badge and home), which publishes the PC's records there;
# 3. the teacher's app (records_year_teacher_after.script): Sharing merges the
#    classroom PC's work; the register shows Lowri and Dewi's lesson done, not
#    Cai's; the class AUP confirmed; the governors' report saved; Dewi erased
#    from the Privacy tab;
# 4. safequest-cli then finds Lowri's lesson (Cai none) and 4C's confirmation, Dewi
#    is in no report, the governors' report has no pupil's name, and export-pupil
#    finds nothing for Dewi.
# Screenshots stay in WORK_DIR/shots.
set -euo pipefail
game=$1 editor=$2 cli=$3 helper=$4 content=$5 scripts=$6 work=$7
rm -rf "$work"
mkdir -p "$work"
cd "$work" # anything written to the working folder stays in the work folder
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export HOME="$work/home" # the report's default folder is this home's Documents
mkdir -p "$HOME/Documents"
shots="$work/shots"
teacher="$work/teacher-pc" classroom="$work/classroom-pc" school="$work/school"
mkdir -p "$shots" "$teacher" "$classroom"
# Both PCs' machine configuration names the school folder (never this machine's own).
printf '{"formatVersion": 1, "schoolFolder": "%s"}\n' "$school" >"$work/machine-config.json"
export SAFEQUEST_CONFIG="$work/machine-config.json"

step() { echo "== $* (${SECONDS}s)"; }
fail() { echo "records year e2e: $*" >&2; exit 1; }
source "$scripts/records_e2e_lib.sh"

step "the teacher's app: a PIN, the class list imported and published"
"$cli" pin set --pin 4705 --data "$teacher" >/dev/null
printf 'Forename,Surname,Reg Group,Year,Adno\nLowri,Price,4C,Year 3,2001\nDewi,Rees,4C,Year 3,2002\nCai,Morgan,4C,Year 3,2003\n' \
  >"$work/4c.csv"
sed -e "s|@CSV@|$work/4c.csv|" "$scripts/records_year_teacher.script" >"$work/teacher.script"
"$editor" --content "$content" --data "$teacher" --records --size 1280x720 \
  --screenshot-dir "$shots" --script "$work/teacher.script"
ls "$school"/results/*.sqlite >/dev/null || fail "nothing was published to the school folder"
"$cli" roster list --data "$teacher" >"$work/pupils.tsv"
id_of() { awk -F'\t' -v n="$1" '$4 == n { print $1 }' "$work/pupils.tsv"; }
lowri=$(id_of Lowri) dewi=$(id_of Dewi) cai=$(id_of Cai)
[[ -n $lowri && -n $dewi && -n $cai ]] || fail "the class list did not import: $(cat "$work/pupils.tsv")"

step "the classroom PC: Lowri, then Dewi, plays SMART explorers whole"
for pupil in "$lowri" "$dewi"; do
  # The lesson scripts sign in the helper's seeded Lowri: here the imported pupil.
  {
    cat "$scripts/lesson_part1.script"
    "$helper" order-clicks "$content/core" "$pupil" y3-smart-explorers smart-quiz smart-order
    sed '/^wait-screen home$/q' "$scripts/lesson_part2.script"
  } | sed "s|e2e00000-0000-4000-8000-000000000001|$pupil|g" >"$work/lesson-$pupil.script"
  mkdir -p "$shots/$pupil"
  "$game" --data "$classroom" --content "$content" --screenshot-dir "$shots/$pupil" \
    --script "$work/lesson-$pupil.script"
  test -s "$shots/$pupil/lesson-badge.png" || fail "no badge for $pupil"
done

step "the teacher's app: merge, register, class AUP, governors' report, Dewi erased"
"$editor" --content "$content" --data "$teacher" --records --size 1280x720 \
  --screenshot-dir "$shots" --script "$scripts/records_year_teacher_after.script"
for s in year-import-preview year-published year-merged year-register year-report year-erased; do
  test -s "$shots/$s.png" || fail "no screenshot $s"
done

step "safequest-cli reads back the year"
"$cli" export-pupil --pupil "$lowri" --data "$teacher" >"$work/lowri.json"
grep -q 'y3-smart-explorers' "$work/lowri.json" || fail "Lowri's lesson did not reach the teacher's PC"
"$cli" report --format csv --names --content "$content" --data "$teacher" >"$work/report.csv"
[[ -n $(csv_column "$work/report.csv" class 4C class_confirmed_on) ]] ||
  fail "4C should be confirmed: $(cat "$work/report.csv")"
[[ $(csv_column "$work/report.csv" pupil "Lowri P" lessons_done) == 1 ]] ||
  fail "Lowri's lesson is not counted: $(cat "$work/report.csv")"
[[ $(csv_column "$work/report.csv" pupil "Cai M" lessons_done) == 0 ]] ||
  fail "Cai has a lesson he never played: $(cat "$work/report.csv")"
if grep -q 'Dewi' "$work/report.csv"; then fail "Dewi is still in the report after the erasure"; fi
report=$(ls "$HOME"/Documents/safequest-governors-school-*.html)
test "$(echo "$report" | wc -l)" = 1 || fail "expected one governors' report: $report"
grep -q '<html' "$report" || fail "$report is not a web page"
for name in Lowri Price Dewi Rees Cai Morgan; do
  if grep -q "$name" "$report"; then fail "$name is in the governors' report"; fi
done
if "$cli" export-pupil --pupil "$dewi" --data "$teacher" >"$work/dewi.json" 2>"$work/dewi.err"; then
  fail "export-pupil still finds Dewi after the erasure: $(cat "$work/dewi.json")"
fi
grep -q "no pupil $dewi" "$work/dewi.err" || fail "export-pupil: $(cat "$work/dewi.err")"

echo "records year e2e: all steps passed in ${SECONDS}s"
