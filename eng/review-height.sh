#!/usr/bin/env bash
# Measures the review page's height for seven waiting items (issue 13), with the pages of a git revision or of this
# tree: runs ManagerReviewPageTests, which writes "review-height items=7 tablet768=N desktop1280=N" (page heights in
# CSS px at 768 and 1280 px wide) to artifacts/review-height.txt. Build tests/MediaGate.Browser.Tests first.
#   eng/review-height.sh            # this tree's pages
#   eng/review-height.sh 3433ac9    # the pages as they were at 3433ac9 (exported to a temporary folder)
# The test's assertions may fail on an older page; the height is printed before them.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [[ $# -gt 0 ]]; then
  pages=$(mktemp -d)
  trap 'rm -rf "$pages"' EXIT
  git archive "$1" src/MediaGate.Api/wwwroot | tar -x -C "$pages"
  export MEDIAGATE_REVIEW_PAGES_ROOT="$pages/src/MediaGate.Api/wwwroot"
fi
rm -f artifacts/review-height.txt
dotnet test --project tests/MediaGate.Browser.Tests -c Release --no-build --filter "FullyQualifiedName~ManagerReviewPageTests" > /dev/null 2>&1
cat artifacts/review-height.txt
