#!/usr/bin/env bash
# Peak memory (max RSS, KB) and wall time of `./mediagate strip` on each hostile file, one process per file.
# Usage: bash bench/hostile/measure.sh [folder]   (run from the repository root)
set -euo pipefail
dir=${1:-/tmp/mediagate-hostile}
python3 "$(dirname "$0")/make-hostile-files.py" "$dir" >/dev/null
./mediagate --help >/dev/null 2>&1 || true   # build first, so the build is not measured
for f in "$dir"/*; do
  rm -rf "$dir.out"
  line=$( { /usr/bin/time -f '%M KB %e s' timeout 300 ./mediagate strip "$f" --out "$dir.out" 2>&1 >/dev/null; } | tail -1 || true )
  kind=$( { timeout 300 ./mediagate strip "$f" --out "$dir.out" 2>/dev/null || true; } | grep -o '"kind":"[A-Za-z]*"' || echo '"written"' )
  printf '%-24s %-18s %s\n' "$(basename "$f")" "$line" "$kind"
done
