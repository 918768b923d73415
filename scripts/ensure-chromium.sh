#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (a test tool's own browser download cannot be fetched
# here). Install it when it is missing and we are allowed to.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "Chromium is missing at /usr/bin/chromium; installing Debian's package…"
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "Install it yourself: apt-get install -y chromium" >&2; exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "chromium did not install" >&2; exit 1; }
