#!/usr/bin/env bash
# The Firefox test drives Debian's Firefox ESR (stock Firefox speaks WebDriver BiDi; a test tool's
# own browser download cannot be fetched here). Install it when it is missing and we are allowed to.
set -euo pipefail
bin=/usr/lib/firefox-esr/firefox-esr
[ -x "$bin" ] && exit 0
echo "Firefox ESR is missing at $bin; installing Debian's package…"
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "Install it yourself: apt-get install -y firefox-esr" >&2; exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq firefox-esr >/dev/null
[ -x "$bin" ] || { echo "firefox-esr did not install" >&2; exit 1; }
