#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/screenshots/*.png): runs the browser tests, which capture every page
# state they visit at 768x1024 and 390x844, with MEDIAGATE_SCREENSHOTS_DIR pointing at docs/screenshots.
# (A plain ./test.sh writes them to artifacts/screenshots instead, so a test run changes no tracked file.)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash eng/setup.sh
export MEDIAGATE_SCREENSHOTS_DIR="$root/docs/screenshots"
dotnet test --project tests/MediaGate.Browser.Tests/MediaGate.Browser.Tests.csproj -c Release
