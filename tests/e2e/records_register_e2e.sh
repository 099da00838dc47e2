#!/usr/bin/env bash
# End-to-end for the register tab of the school records in safequest-editor:
#   records_register_e2e.sh EDITOR CLI CONTENT_DIR SCRIPTS_DIR WORK_DIR
# 1. safequest-cli imports a class list (3B: Amy, Ben and Cat, Year 3) and records
#    "SMART explorers" completed by Amy (4 of 5 first time) and Ben, and Cat's AUP;
# 2. the editor, driven by records_register.script at 1600x900 (--records): the two
#    pupils show done, the lesson's and Amy's histories, the filters, the class AUP
#    confirmed, Amy's parent agreement recorded then withdrawn, Ben's recorded, and
#    the printable KS2 AUP saved;
# 3. the CLI reads it all back: the events exist, the report counts Ben's parent
#    agreement only (the withdrawal is newer than Amy's) and 3B as confirmed, and the
#    saved AUP is the KS2 one;
# 4. records_register_shot.script takes the tab, Amy chosen, at 1280x720 and 1920x1080;
# 5. records_register_year.script at both sizes: "All of Year 3" lists 3B's and 3C's
#    Year 3 pupils with their class, the same cells, filters and histories, and each
#    class's AUP confirmation; Year 4 and one class again.
set -euo pipefail
editor=$1 cli=$2 content=$3 scripts=$4 work=$5
rm -rf "$work"
mkdir -p "$work"
cd "$work" # anything written to the working folder stays in the work folder
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json" # never this machine's real one
shots="$work/shots"
mkdir -p "$shots"
data="$work/data"
packs="$work/packs"
mkdir -p "$packs"
cp -r "$content/core" "$packs/core"

step() { echo "== $*"; }
fail() {
  echo "records register e2e: $*" >&2
  exit 1
}

step "a class list and some lessons, with safequest-cli"
printf 'Forename,Surname,Reg Group,Year,Adno\nAmy,Zed,3B,Year 3,1001\nBen,Young,3B,Year 3,1002\nCat,Xu,3B,Year 3,1003\nDan,Wu,3C,Year 3,1004\nEve,Vo,4A,Year 4,1005\n' \
  >"$work/3b.csv"
"$cli" roster import "$work/3b.csv" --data "$data"
"$cli" roster list --data "$data" >"$work/pupils.tsv"
id_of() { awk -F'\t' -v n="$1" '$4 == n { print $1 }' "$work/pupils.tsv"; }
amy=$(id_of Amy) ben=$(id_of Ben) cat=$(id_of Cat) dan=$(id_of Dan)
[[ -n $amy && -n $ben && -n $cat && -n $dan ]] || fail "the class list did not import: $(cat "$work/pupils.tsv")"
"$cli" record --data "$data" --kind lesson.completed --pupil "$amy" --pack core \
  --activity y3-smart-explorers --score 4 --max 5 >/dev/null
"$cli" record --data "$data" --kind lesson.completed --pupil "$ben" --pack core \
  --activity y3-smart-explorers >/dev/null
"$cli" record --data "$data" --kind lesson.completed --pupil "$dan" --pack core \
  --activity y3-smart-explorers --score 3 --max 5 >/dev/null
"$cli" record --data "$data" --kind aup.signed --pupil "$cat" --pack core --activity ks2-aup \
  --aup-version 2026.2 --phase ks2 --signed-by pupil >/dev/null

step "the editor's register: done, histories, filters, the class AUP, parent agreements"
"$editor" --content "$packs" --data "$data" --records --size 1600x900 \
  --screenshot-dir "$shots" --script "$scripts/records_register.script"
test -s "$shots/register-1600x900.png"

step "safequest-cli reads back what the editor recorded"
"$cli" export-pupil --pupil "$amy" --data "$data" >"$work/amy.json"
grep -q 'aup.parent_agreed' "$work/amy.json" || fail "no agreement for Amy: $(cat "$work/amy.json")"
grep -q 'aup.parent_withdrawn' "$work/amy.json" || fail "no withdrawal for Amy"
"$cli" report --format csv --names --content "$packs" --data "$data" >"$work/report.csv"
# A column of the report's row whose first field is LEVEL and that mentions WHO.
source "$scripts/records_e2e_lib.sh"
column_of() { csv_column "$work/report.csv" "$@"; }
[[ $(column_of school "" parent_agreed) == 1 ]] ||
  fail "the school should count one parent agreement (Ben's): $(cat "$work/report.csv")"
[[ -n $(column_of class 3B class_confirmed_on) ]] ||
  fail "3B should be confirmed: $(cat "$work/report.csv")"
[[ $(column_of pupil "Amy Z" parent_agreed) == 0 ]] || fail "Amy's agreement was withdrawn"
[[ $(column_of pupil "Ben Y" parent_agreed) == 1 ]] || fail "Ben's agreement is missing"
grep -q '<html' "$work/register-aup-ks2.html" || fail "the printable AUP was not saved"
"$cli" aup-print --phase ks2 --content "$packs" >"$work/cli-aup.html"
cmp -s "$work/cli-aup.html" "$work/register-aup-ks2.html" ||
  fail "the saved AUP is not the CLI's KS2 AUP"

step "the register at 1280x720 and 1920x1080"
for size in 1280x720 1920x1080; do
  "$editor" --content "$packs" --data "$data" --records --size "$size" \
    --screenshot-dir "$shots" --script "$scripts/records_register_shot.script"
  mv "$shots/register-shot.png" "$shots/register-$size.png"
done

step "the register by year across classes, at 1280x720 and 1920x1080"
for size in 1280x720 1920x1080; do
  "$editor" --content "$packs" --data "$data" --records --size "$size" \
    --screenshot-dir "$shots" --script "$scripts/records_register_year.script"
  mv "$shots/register-year.png" "$shots/register-year-$size.png"
done

echo "records register e2e: all steps passed"
