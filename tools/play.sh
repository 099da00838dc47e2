#!/usr/bin/env bash
# Installs what is missing, builds the Release game and opens it on the bundled content.
# Extra arguments go to the game, e.g. tools/play.sh --size 1920x1080
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target safequest
exec build/release/safequest --content content "$@"
