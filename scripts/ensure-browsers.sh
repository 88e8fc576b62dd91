#!/bin/sh
# Makes sure the e2e browsers exist: Debian's chromium and firefox-esr (xvfb + xauth for headed runs), via apt-get.
set -eu

# Same search order as scripts/find-browsers.ts (env var first, then the usual install paths).
first_executable() {
  for candidate in "$@"; do
    [ -n "$candidate" ] || continue
    case "$candidate" in
      /*) [ -x "$candidate" ] && { echo "$candidate"; return 0; } ;;
      *) found=$(command -v "$candidate" 2>/dev/null || true); [ -n "$found" ] && { echo "$found"; return 0; } ;;
    esac
  done
  return 1
}

find_chromium() {
  first_executable "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/lib/chromium/chromium chromium chromium-browser \
    google-chrome google-chrome-stable "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" \
    "/Applications/Chromium.app/Contents/MacOS/Chromium"
}

find_firefox() {
  first_executable "${FIREFOX_PATH:-}" /usr/bin/firefox-esr firefox-esr firefox \
    "/Applications/Firefox.app/Contents/MacOS/firefox"
}

missing=""
find_chromium >/dev/null || missing="$missing chromium"
find_firefox >/dev/null || missing="$missing firefox-esr"
if [ -n "${E2E_HEADED:-}" ] && ! command -v xvfb-run >/dev/null 2>&1 && [ -z "${DISPLAY:-}" ]; then
  missing="$missing xvfb xauth"
fi

if [ -z "$missing" ]; then
  echo "ensure-browsers: chromium at $(find_chromium), firefox at $(find_firefox)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
ensure-browsers: missing:$missing, and apt-get is not available to install it.
Install Chromium (or Chrome) and Firefox yourself, then point the tests at them if they are not on the usual paths:
  CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox npm run test:e2e
MSG
  exit 1
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd="sudo"
  else
    echo "ensure-browsers: missing:$missing; not root and no sudo. Install them, or set CHROMIUM_PATH / FIREFOX_PATH." >&2
    exit 1
  fi
fi

echo "ensure-browsers: installing$missing with apt-get (about 40 s, ~200 MB download)"
$sudo_cmd apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
$sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
echo "ensure-browsers: chromium at $(find_chromium), firefox at $(find_firefox)"
