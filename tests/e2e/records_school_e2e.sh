#!/usr/bin/env bash
# End-to-end: what the School and Classes tabs of the teachers' app set reaches a
# classroom PC through the school folder.
#   records_school_e2e.sh GAME EDITOR CLI SCRIPTS_DIR CONTENT_DIR WORK_DIR
# The teacher's PC and a classroom PC, each with its own data folder, share one
# school folder (the machine configuration of both names it).
# 1. a teacher PIN and the class list (4C: Lowri, Dewi) with safequest-cli;
# 2. records_school_app.script: the School tab saves the safeguarding lead and two
#    incident steps; Sharing publishes them with the class list, signed;
# 3. records_school_pc.script on the classroom PC: a picture password set for 4C
#    in the game's teacher settings is asked of Lowri; the butterfly button, "For
#    my teacher" and the PIN show the lead and steps the school set;
# 4. records_classes_picture.script: the Classes tab's import preview warns that a
#    second Lowri P would look like the first (cancelled); 4C's picture password is
#    removed on every PC (publishing the class list again);
# 5. records_school_pc_after.script: the classroom PC signs Lowri in with no pictures.
# Screenshots (1280x720) stay in WORK_DIR/shots; the game's log in WORK_DIR/*.log.
set -euo pipefail
game=$1 editor=$2 cli=$3 scripts=$4 content=$5 work=$6
rm -rf "$work"
mkdir -p "$work"
cd "$work" # anything written to the working folder stays in the work folder
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export HOME="$work/home"
mkdir -p "$HOME/Documents"
shots="$work/shots"
teacher="$work/teacher-pc" classroom="$work/classroom-pc" school="$work/school"
mkdir -p "$shots" "$teacher" "$classroom"
printf '{"formatVersion": 1, "schoolFolder": "%s"}\n' "$school" >"$work/machine-config.json"
export SAFEQUEST_CONFIG="$work/machine-config.json" # never this machine's real one

step() { echo "== $* (${SECONDS}s)"; }
fail() { echo "records school e2e: $*" >&2; exit 1; }

step "a teacher PIN and the class list"
"$cli" pin set --pin 4705 --data "$teacher" >/dev/null
printf 'Forename,Surname,Reg Group,Year,Adno\nLowri,Price,4C,Year 3,2001\nDewi,Rees,4C,Year 3,2002\n' \
  >"$work/4c.csv"
"$cli" roster import "$work/4c.csv" --data "$teacher" >/dev/null
lowri=$("$cli" roster list --data "$teacher" | awk -F'\t' '$4 == "Lowri" { print $1 }')
[[ -n $lowri ]] || fail "the class list was not imported"
# A second Lowri P joining 4C: the import preview warns before anything changes.
printf 'Forename,Surname,Reg Group,Year,Adno\nLowri,Price,4C,Year 3,2001\nDewi,Rees,4C,Year 3,2002\nLowri,Powell,4C,Year 3,2003\n' \
  >"$work/4c-more.csv"
for s in records_school_pc records_school_pc_after records_classes_picture; do
  sed -e "s|@LOWRI@|$lowri|g" -e "s|@CSV@|$work/4c-more.csv|g" "$scripts/$s.script" >"$work/$s.script"
done
app() { # app SCRIPT: the teachers' app on the teacher's PC
  "$editor" --content "$content" --data "$teacher" --records --size 1280x720 \
    --screenshot-dir "$shots" --script "$1"
}
pc() { # pc SCRIPT LOG: the game on the classroom PC
  "$game" --data "$classroom" --content "$content" --size 1280x720 --screenshot-dir "$shots" \
    --script "$1" 2>"$2" || { cat "$2" >&2; fail "$1 failed"; }
}

step "the teachers' app: the safeguarding lead and steps saved and published"
app "$scripts/records_school_app.script"
test -s "$school/classlist.json" || fail "no class list was published"
grep -q 'Mrs Jones' "$school/classlist.json" || fail "the published list has no lead"

step "the classroom PC: a picture password asked, the lead and steps on the butterfly screen"
pc "$work/records_school_pc.script" "$work/pc.log"
grep -q 'refused' "$work/pc.log" && fail "the classroom PC refused something: $(cat "$work/pc.log")"
test -s "$shots/school-butterfly-teacher.png" || fail "no screenshot of the butterfly screen"
grep -q '"setAt"' "$classroom/picture-passwords.json" || fail "the password was not kept with its time"

step "a changed class list is refused, with its reason logged, and the PC keeps the lead"
cp "$school/classlist.json" "$work/classlist.good"
sed -i 's/Mrs Jones/Mr Hacker/' "$school/classlist.json"
cat >"$work/pc_hostile.script" <<SCRIPT
wait-screen sign-in
click class:4C
click pupil:$lowri
expect-text Tap your 3 pictures
click picture:1
click picture:3
click picture:5
wait-screen home 60
click butterfly
wait-screen butterfly
click teacher
wait-screen teacher-pin
text 4705
key Return
wait-screen butterfly-teacher 60
expect-text Designated safeguarding lead: Mrs Jones
SCRIPT
pc "$work/pc_hostile.script" "$work/pc-hostile.log"
grep -q "class list was refused: the class list's signature does not match" "$work/pc-hostile.log" ||
  fail "the refusal was not logged: $(cat "$work/pc-hostile.log")"
cp "$work/classlist.good" "$school/classlist.json"

step "the teachers' app: 4C's picture password removed on every PC"
app "$work/records_classes_picture.script"
grep -q 'picturePasswordRemoved' "$school/classlist.json" ||
  fail "the removal was not published"

step "the classroom PC: Lowri signs in with no pictures"
pc "$work/records_school_pc_after.script" "$work/pc-after.log"
for s in records-school-tab records-school-saved records-classes-name-clash \
  records-classes-picture-removed \
  school-signed-in-without-pictures; do
  test -s "$shots/$s.png" || fail "no screenshot $s"
done
echo "records school e2e: all steps passed in ${SECONDS}s"
