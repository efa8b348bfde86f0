#!/usr/bin/env bash
# Runs every test of MediaGate (after installing what is missing) and ends with one line:
#   tests: N passed, N failed
# Exit code 0 only when every test ran and passed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! bash eng/setup.sh; then
  echo "set-up failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

dotnet test --solution MediaGate.slnx -c Release --report-trx --results-directory "$results" "$@"
status=$?

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  total=$((total + $(get total)))
done
notrun=$((total - passed - failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any test could report: count that as a failure.
  failed=1
fi
[ "$notrun" -gt 0 ] && echo "$notrun tests were not executed (counted as failed)" && failed=$((failed + notrun))
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
