#!/usr/bin/env bash
# End-to-end for the Classes tab of the school records in safequest-editor:
#   records_classes_e2e.sh EDITOR CLI SCRIPTS_DIR WORK_DIR
# 1. records_classes.script, in a fresh records folder: a class list with a refused
#    line is previewed and cancelled; a Windows-1252 SIMS export is previewed
#    (6 new) and imported; Amy renamed Amelia, Ben moved from 3B to 4A, Eve marked
#    as left, then everyone moved up a year after the preview;
# 2. safequest-cli roster list must then show exactly the class list the app said;
# 3. the tab is drawn at 1280x720 and 1920x1080 (screenshots in WORK_DIR/shots).
set -euo pipefail
editor=$1 cli=$2 scripts=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAFEQUEST_CONFIG="$work/no-machine-config.json" # never this machine's real one
shots="$work/shots"
data="$work/records"
mkdir -p "$shots" "$data"

step() { echo "== $*"; }

step "two class lists: one with a bad line, one a Windows-1252 SIMS export"
printf 'Forename,Surname,Reg Group,Year,Adno\nAmy,Zed,3B,Year 3,1001\nBen,Young,3B,Year 9,1002\n' \
  >"$work/bad.csv"
# "Si\xE2n": a SIMS export writes a-circumflex as the one byte 0xE2.
printf 'Forename,Surname,Reg Group,Year,Adno\r\nAmy,Zed,3B,Year 3,1001\r\nBen,Young,3B,Year 3,1002\r\nSi\xe2n,Kerr,3B,Year 3,1003\r\nCat,Xu,4A,Year 4,1004\r\nEve,Vale,4A,Year 4,1005\r\nDan,Wu,6C,Year 6,1006\r\n' \
  >"$work/sims.csv"
sed -e "s|@BAD@|$work/bad.csv|" -e "s|@CSV@|$work/sims.csv|" \
  "$scripts/records_classes.script" >"$work/records_classes.script"

step "the editor: preview and refuse, import, rename, move, leaver, move up"
"$editor" --data "$data" --records --size 1280x720 --screenshot-dir "$shots" \
  --script "$work/records_classes.script"
for shot in records-classes-import-preview records-classes-promote-preview records-classes-done; do
  test -s "$shots/$shot.png"
done

step "safequest-cli roster list shows what the app said"
"$cli" roster list --data "$data" | cut -f2- >"$work/roster.txt"
printf '3B\ty4\tAmelia\tZ\n3B\ty4\tSi\xc3\xa2n\tK\n4A\ty4\tBen\tY\n4A\ty5\tCat\tX\n' >"$work/expected.txt"
diff -u "$work/expected.txt" "$work/roster.txt" ||
  { echo "records_classes_e2e: the saved class list is not what the app showed" >&2; exit 1; }

step "the tab at 1280x720 and 1920x1080"
cat >"$work/shots.script" <<'SCRIPT'
wait-for tab:classes
click tab:classes
click class:3B
click pupil:Amelia_Z
wait-for pupil:first-name
screenshot records-classes
SCRIPT
for size in 1280x720 1920x1080; do
  mkdir -p "$shots/$size"
  "$editor" --data "$data" --records --size "$size" --screenshot-dir "$shots/$size" \
    --script "$work/shots.script"
  test -s "$shots/$size/records-classes.png"
done
echo "records_classes_e2e: ok"
