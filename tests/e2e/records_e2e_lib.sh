# Shell helpers shared by the school records' e2e scripts (sourced, never run).
# Each script sets its own step() and fail(), which name the script.

# csv_column FILE LEVEL WHO COLUMN: from a `safequest-cli report --format csv` file,
# the COLUMN of the first row whose first field is LEVEL (school, year_group, class,
# pupil) and that mentions WHO ("" for any).
csv_column() {
  awk -F, -v level="$2" -v who="$3" -v col="$4" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    $1 == level && index($0, who) { print $c; exit }' "$1"
}
