#!/usr/bin/env bash
# The system packages the test command needs beyond Python, installed from Debian's archive
# when missing (run as root, or with sudo): Chromium and its ChromeDriver for the browser tests,
# Java 17 for the Spark engine's tests, PostgreSQL for the store tests (they start their own
# throw-away server on 127.0.0.1). Node's npm installs the web UI's map shapes.
#
#   sudo scripts/system-packages.sh && python -m pytest -q
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
