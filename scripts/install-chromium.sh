#!/usr/bin/env bash
# Install Debian's chromium for the headless report test (tests/test_report_browser.py).
# Idempotent: does nothing when /usr/bin/chromium exists. Needs root (the Makefile calls it
# only when running as root); elsewhere the browser test skips with a clear reason.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium: not root; skipping (the headless browser test will be skipped)" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: apt-get not found; skipping (the headless browser test will be skipped)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; }; then
    echo "install-chromium: apt-get could not install chromium; the headless browser test will be skipped" >&2
    exit 0
fi
