#!/usr/bin/env bash
# Builds the web game into build/web/ (index.html, shell.js, shell.css,
# safequest.js, .wasm, .data): the libraries first (web/build-deps.sh, cached),
# then web/CMakeLists.txt with Debian's emscripten, and prints the gzipped size.
# Usage: web/build.sh [BUILD_DIR]   (default build/web)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/web}
export NODE_PATH=/usr/share/nodejs # emscripten's JS optimiser needs acorn from here
PREFIX=$(web/build-deps.sh | tail -1)
TOOLCHAIN=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
if [ ! -f "$BUILD/CMakeCache.txt" ] || ! grep -q "SQ_WASM_PREFIX:PATH=$PREFIX\$" "$BUILD/CMakeCache.txt"; then
  cmake -S web -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DSQ_WASM_PREFIX="$PREFIX" >/dev/null
fi
nice -n 15 cmake --build "$BUILD" -j2 --target safequest_web
