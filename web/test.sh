#!/usr/bin/env bash
# The web build's test: builds the libraries when their cached prefix is missing
# (web/build-deps.sh), builds the web game (web/build.sh), then runs the headless
# Chromium test (tests/web/browser_test.mjs) against it, served on 127.0.0.1.
# Screenshots go to build/web-test/. Prints how long each stage took.
# Usage: web/test.sh [BUILD_DIR]   (default build/web)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/web}
OUT=build/web-test
t0=$(date +%s)
stage() { echo "web test: $1 ($(($(date +%s) - t0)) s)"; }

tools/setup.sh
stage "setup done"
web/build.sh "$BUILD"
stage "build done"
# The browser test seeds a class list and takes the desktop's screenshot natively.
cmake --preset release >/dev/null
nice -n 15 cmake --build --preset release --target safequest sq_e2e_helper >/dev/null
stage "native safequest and sq_e2e_helper built"
rm -rf "$OUT"
node tests/web/browser_test.mjs "$BUILD" "$OUT" build/release
node tests/web/files_test.mjs "$BUILD" "$OUT/files"
stage "browser test done; screenshots in $OUT"
