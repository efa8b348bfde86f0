#!/usr/bin/env bash
# Detection CPU of the small-photo day's 20 photos (eng/load.sh --photos small picks them: the first faces-dev photos in
# path order with one or two labelled faces, all of 20 px and more). Each photo at its own size through
# `MediaGate.Benchmarks.dll detect-cost` (yunet-n with the verifier, as the service runs it; median of 3 in-process runs
# after warm-up); prints the sum. Measured, never asserted.
# Usage: eng/detect-small-day.sh [--shared DIR] [--models DIR] [--bench DLL]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared="$root/../shared"; models=""; bench_dll="$root/artifacts/bench/bin/MediaGate.Benchmarks.dll"
while [ $# -gt 0 ]; do
  case "$1" in
    --shared) shared=$2; shift 2 ;;
    --models) models=$2; shift 2 ;;
    --bench) bench_dll=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 1 ;;
  esac
done
models=${models:-$shared/models}
faces="$shared/eval/faces-dev"
[ -f "$bench_dll" ] || dotnet build "$root/bench/MediaGate.Benchmarks/MediaGate.Benchmarks.csproj" -c Release -o "$(dirname "$bench_dll")" -nologo -v quiet -clp:ErrorsOnly >&2
# Photos with one or two labelled faces, every one at least 20 px on its shorter side (gt.tsv: path x y w h).
photos=$(awk -F'\t' '{ n[$1]++; if ($4 == "" || ($4 < 20 || $5 < 20)) bad[$1] = 1 } END { for (p in n) if ((n[p] == 1 || n[p] == 2) && !(p in bad)) print p }' "$faces/gt.tsv" | LC_ALL=C sort | head -n 20)
total=0
echo "| photo | size | detection CPU ms |"
echo "|---|---|---|"
for p in $photos; do
  read -r w h < <(file -b "$faces/$p" | grep -oE ', [0-9]+x[0-9]+,' | tail -n 1 | tr -d ', ' | tr 'x' ' ')
  ms=$(dotnet "$bench_dll" detect-cost --photo "$faces/$p" --width "$w" --height "$h" --models "$models" --detector yunet-n --runs 3 | sed -E 's/.* ([0-9]+) ms CPU.*/\1/')
  echo "| $(basename "$p") | ${w}x$h | $ms |"
  total=$((total + ms))
done
echo "| **20 photos** | | **$total** |"
