#!/usr/bin/env bash
# The whole test command: install what is missing, check formatting, build and run
# every test in the gcc Release build, run the logic tests and the fuzz targets in
# the clang ASan+UBSan build, then build the WebAssembly game and run its headless
# browser test (web/test.sh). Prints how long each stage took.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
stage() {
  local name=$1
  shift
  local t0
  t0=$(date +%s)
  echo "=== $name"
  "$@"
  echo "=== $name: $(($(date +%s) - t0)) s"
}

stage "setup" tools/setup.sh
stage "format check" tools/check-format.sh
stage "release: configure" cmake --preset release
stage "release: build" cmake --build --preset release
stage "release: tests" ctest --test-dir build/release --output-on-failure --timeout 300 -j2
stage "asan: configure" cmake --preset asan
stage "asan: build" cmake --build --preset asan
stage "asan: logic tests and fuzzers" ctest --test-dir build/asan --output-on-failure --timeout 300 -j2
stage "web: build and browser test" web/test.sh

echo "all stages passed in $(($(date +%s) - start)) s"
