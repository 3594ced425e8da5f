#!/usr/bin/env bash
# Chromium for the browser tests (test/ui-browser.test.ts), from Debian: `npx playwright install`
# cannot download browsers here. Without it those tests skip with a visible message; nothing fails.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "chromium: absent and not installable here (needs root and apt-get); browser tests will skip"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq chromium >/tmp/parallax-chromium-install.log 2>&1; then
  echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null)"
else
  echo "chromium: install failed (see /tmp/parallax-chromium-install.log); browser tests will skip"
fi
exit 0
