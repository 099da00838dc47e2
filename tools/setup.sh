#!/usr/bin/env bash
# Installs every Debian package that SafeQuest's builds and tests need (the native
# build, and the WebAssembly build with its headless browser test), and the pinned
# npm test tools. It asks dpkg first, so when everything is already there it
# finishes in about a second and never touches the network. (--web, which older
# scripts pass, changes nothing: the web packages are always installed.)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config git ccache
  # libraries
  libsdl2-dev libimgui-dev libstb-dev nlohmann-json3-dev libsimdjson-dev doctest-dev libsqlite3-dev
  libsodium-dev libutf8proc-dev
  # the command line's xAPI sender (safequest-cli xapi send)
  libcurl4-openssl-dev
  # fonts the game renders with (copied into the build at build time)
  fonts-sil-andika fonts-opendyslexic fonts-dejavu-core
  # sanitizer and fuzzer build, formatting
  clang-14 libclang-rt-14-dev clang-format
  # real-window checks
  xvfb xauth
  # narration made from text (the editor's "Make with the computer voice", tools/narrate.sh)
  espeak-ng
  # the web build (web/build-deps.sh builds its libraries from Debian source
  # packages) and its headless browser test (web/test.sh)
  emscripten dpkg-dev tcl autoconf automake libtool chromium
)

missing=()
installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${PACKAGES[@]}" 2>/dev/null || true)
for p in "${PACKAGES[@]}"; do
  grep -q "^$p ii" <<<"$installed" || missing+=("$p")
done
# The schema and browser tests run on Node.js; machines that already have
# node and npm keep theirs, since Debian's npm package conflicts with them.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm test tools, pinned by tests/package-lock.json; reinstalled only when the lock changes.
if [ -f tests/package-lock.json ]; then
  stamp=tests/node_modules/.lock-stamp
  want=$(sha256sum tests/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: npm ci in tests/"
    npm ci --prefix tests --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
fi
echo "setup: all packages present"
