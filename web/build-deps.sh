#!/usr/bin/env bash
# Builds the native libraries the game links (SDL2, SQLite, libsodium, utf8proc,
# simdjson, stb) for WebAssembly with Debian's emscripten, from Debian's own source
# packages (with Debian's patches applied), and installs them into one prefix.
#
# The prefix is cached outside the build tree, keyed by the source package versions,
# the emscripten version and RECIPE (raise it whenever a library's build below
# changes), so a second run takes a second or two:
#   ${SAFEQUEST_WASM_CACHE:-~/.cache/safequest}/wasm-<key>/
# An interrupted first run resumes: each library finished is stamped in
# wasm-<key>.partial/ and not built again.
# The last line printed is the prefix (web/build.sh reads it).
#
# Network: only apt (a deb-src entry for bookworm main is added when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
RECIPE=1
CACHE_ROOT=${SAFEQUEST_WASM_CACHE:-$HOME/.cache/safequest}
export NODE_PATH=/usr/share/nodejs # emscripten's JS optimiser needs acorn from here
# Configure scripts run their test programs under node; its fetch would make
# emscripten's loader take the browser's path and fail.
export NODE_OPTIONS=--no-experimental-fetch

# Debian source packages, in the order they are built.
SOURCES=(libsdl2 sqlite3 libsodium utf8proc simdjson libstb)

log() { echo "build-deps: $*" >&2; }
t0=$(date +%s)

command -v emcc >/dev/null || {
  log "emcc is missing: run tools/setup.sh (it installs Debian's emscripten)"
  exit 2
}

# ---- a deb-src entry, so apt-get source works -------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! apt-cache showsrc libsdl2 2>/dev/null | grep -q '^Version:'; then
  log "adding a deb-src entry for bookworm main"
  $SUDO tee /etc/apt/sources.list.d/debian-src.sources >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  $SUDO apt-get update -qq
fi

srcVersion() {
  apt-cache showsrc --only-source "$1" | sed -n 's/^Version: //p' | sort -V | tail -1
}

# ---- the cache key: every version that changes what is built ----------------------
declare -A VERSION
keyText="emcc=$(emcc -dumpversion) recipe=$RECIPE"
for p in "${SOURCES[@]}"; do
  VERSION[$p]=$(srcVersion "$p")
  [ -n "${VERSION[$p]}" ] || {
    log "apt knows no source package $p"
    exit 2
  }
  keyText+=" $p=${VERSION[$p]}"
done
KEY=$(printf '%s' "$keyText" | sha256sum | cut -c1-16)
PREFIX=$CACHE_ROOT/wasm-$KEY
if [ -f "$PREFIX/.complete" ]; then
  log "cached: $PREFIX ($(cat "$PREFIX/.complete"))"
  echo "$PREFIX"
  exit 0
fi

stage() { log "$1 ($(($(date +%s) - t0)) s)"; }
log "building into $PREFIX ($keyText)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/safequest-wasm-deps.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
P=$PREFIX.partial
mkdir -p "$P"/{include,lib}
# Each library is built once: a stamp in the partial prefix says it is installed.
needs() {
  if [ -f "$P/.done-$1" ]; then
    log "$1: already built"
    return 1
  fi
  stage "$1"
}
built() { touch "$P/.done-$1"; }

# ---- fetch and unpack the sources (Debian's patches applied) ---------------------
cd "$WORK"
# apt drops privileges to _apt for downloads; the work folder must let it write.
chmod 755 "$WORK"
apt-get source --download-only "${SOURCES[@]}" >/dev/null 2>&1 || {
  log "apt-get source failed"
  exit 1
}
for dsc in *.dsc; do
  dpkg-source -x --no-check "$dsc" >/dev/null
done
srcDir() { ls -d "$WORK/$1"-*/ | head -1; }
CFLAGS_WASM="-O2"

# ---- SDL2: its own Emscripten configuration (include/SDL_config_emscripten.h) -----
# The files emscripten's SDL2 port compiles, by folder: the generic core and the
# Emscripten, software-renderer, GLES2 and dummy back ends. Each file is guarded by
# the configuration's macros, so a file the configuration does not use compiles to
# nothing. (SDL's CMake configure gets the same result from ~300 try-compiles, which
# take many minutes on a loaded machine.)
if needs SDL2; then
  D=$(srcDir libsdl2)
  (
    cd "$D/src"
    ls *.c atomic/*.c audio/*.c cpuinfo/*.c dynapi/*.c events/*.c file/*.c haptic/*.c \
      joystick/*.c locale/*.c misc/*.c power/*.c render/*.c sensor/*.c stdlib/*.c \
      thread/*.c timer/*.c video/*.c \
      render/software/*.c render/opengles2/*.c video/emscripten/*.c video/dummy/*.c \
      video/yuv2rgb/*.c audio/emscripten/*.c audio/disk/*.c audio/dummy/*.c \
      loadso/dlopen/*.c power/emscripten/*.c joystick/emscripten/*.c \
      filesystem/emscripten/*.c timer/unix/*.c haptic/dummy/*.c main/dummy/*.c \
      locale/emscripten/*.c misc/emscripten/*.c sensor/dummy/*.c thread/generic/*.c
  ) >"$WORK/sdl-files"
  mkdir -p "$WORK/sdl-obj"
  # Two at a time: the machine is shared.
  tr '\n' '\0' <"$WORK/sdl-files" | xargs -0 -P2 -I{} sh -c \
    'o="$0/sdl-obj/$(echo "{}" | tr / _).o"; emcc -O2 -w -I"$1/include" -c "$1/src/{}" -o "$o"' \
    "$WORK" "$D" || {
    log "compiling SDL2 failed"
    exit 1
  }
  emar rcs "$P/lib/libSDL2.a" "$WORK"/sdl-obj/*.o
  mkdir -p "$P/include/SDL2"
  cp "$D"/include/*.h "$P/include/SDL2/"
  built SDL2
fi

# ---- SQLite: the amalgamation made natively (needs tclsh), compiled for wasm -------
if needs SQLite; then
(
  cd "$(srcDir sqlite3)"
  ./configure --disable-tcl >/dev/null 2>&1
  make sqlite3.c >/dev/null 2>&1
) || {
  log "making the SQLite amalgamation failed (is tcl installed?)"
  exit 1
}
S=$(srcDir sqlite3)
# No threads in the web build; no extension loading (no dlopen).
emcc $CFLAGS_WASM -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DQS=0 \
  -c "$S/sqlite3.c" -o "$WORK/sqlite3.o"
emar rcs "$P/lib/libsqlite3.a" "$WORK/sqlite3.o"
cp "$S/sqlite3.h" "$S/sqlite3ext.h" "$P/include/"
built SQLite
fi

# ---- libsodium: autotools, no threads, no assembly ---------------------------------
# Debian's source has no configure script: autoreconf makes it (autoconf, automake, libtool).
if needs libsodium; then
(
  cd "$(srcDir libsodium)"
  autoreconf -fi >"$WORK/sodium.log" 2>&1
  emconfigure ./configure --prefix="$P" --disable-shared --enable-static --disable-ssp \
    --disable-asm --disable-pie --without-pthreads CFLAGS="$CFLAGS_WASM" >>"$WORK/sodium.log" 2>&1
  emmake make -j2 >>"$WORK/sodium.log" 2>&1
  emmake make install >>"$WORK/sodium.log" 2>&1
) || {
  tail -30 "$WORK/sodium.log"
  exit 1
}
built libsodium
fi

# ---- utf8proc: one C file ----------------------------------------------------------
if needs utf8proc; then
U=$(srcDir utf8proc)
emcc $CFLAGS_WASM -DUTF8PROC_STATIC -c "$U/utf8proc.c" -o "$WORK/utf8proc.o"
emar rcs "$P/lib/libutf8proc.a" "$WORK/utf8proc.o"
cp "$U/utf8proc.h" "$P/include/"
built utf8proc
fi

# ---- simdjson: the single-file library, portable kernel (content/README.md) -------
if needs simdjson; then
J=$(srcDir simdjson)
em++ $CFLAGS_WASM -std=c++17 -DSIMDJSON_EXCEPTIONS=0 -DSIMDJSON_NO_PORTABILITY_WARNING \
  -c "$J/singleheader/simdjson.cpp" -o "$WORK/simdjson.o"
emar rcs "$P/lib/libsimdjson.a" "$WORK/simdjson.o"
cp "$J/singleheader/simdjson.h" "$P/include/"
built simdjson
fi

# ---- stb: the parts the engine uses, as Debian's libstb builds them ---------------
if needs stb; then
B=$(srcDir libstb)
mkdir -p "$P/include/stb"
cp "$B"/*.h "$P/include/stb/"
cp "$B/stb_vorbis.c" "$P/include/stb/stb_vorbis.h" # as Debian installs it
for h in stb_image stb_image_write stb_image_resize; do
  upper=$(echo "$h" | tr a-z A-Z)
  emcc $CFLAGS_WASM -x c -D"${upper}_IMPLEMENTATION" -c "$B/$h.h" -o "$WORK/$h.o"
done
emcc $CFLAGS_WASM -I"$B" -c "$B/stb_rect_pack_truetype.c" -o "$WORK/stb_rect_pack_truetype.o"
emcc $CFLAGS_WASM -I"$B" -c "$B/stb_vorbis.c" -o "$WORK/stb_vorbis.o"
emar rcs "$P/lib/libstb.a" "$WORK"/stb_*.o
built stb
fi

# ---- header-only libraries, from the installed Debian packages --------------------
# Copied so the wasm include path never needs /usr/include itself.
cp -r /usr/include/nlohmann "$P/include/"

printf '%s\n' "$keyText" >"$P/.complete"
rm -rf "$PREFIX"
mv "$P" "$PREFIX"
stage "done: $PREFIX ($(du -sh "$PREFIX" | cut -f1))"
echo "$PREFIX"
