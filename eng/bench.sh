#!/usr/bin/env bash
# MediaGate's benchmark: one run, the same files for every contender, on this machine. Prints markdown
# (also saved to artifacts/bench/results.md). Measured, never asserted.
#   1. strip vs `exiftool -all=` on every JPEG of the real camera corpus (exif-samples/jpg)
#   2. anonymise of 12 MP JPEGs, full size and --max-side 2048, vs the libjpeg-turbo floor (`djpeg | cjpeg -quality 90` of the same files)
#   3. face detection on eval/faces-dev, per detector with the RetinaFace verifier and alone: masked recall by face
#      size, certain false detections, single-face photos with one certain face, CPU per photo; where detection's CPU
#      goes (detect-profile) and the detection CPU of the small-photo day's 20 photos (eng/detect-small-day.sh)
#   4. peak memory (max RSS) of anonymise on 12 MP and on 48 MP input
#   5. the consent decision
#   6. peak memory and outcome of strip on each hostile file of issue 6 (bench/hostile)
# Usage: eng/bench.sh [--shared DIR] [--models DIR] [--runs N] [--skip-recall]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared="$root/../shared"; models=""; runs=5; skip_recall=""
while [ $# -gt 0 ]; do
  case "$1" in
    --shared) shared=$2; shift 2 ;;
    --models) models=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --skip-recall) skip_recall=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 1 ;;
  esac
done
shared=$(cd "$shared" && pwd)
models=${models:-$shared/models}
out="$root/artifacts/bench"; work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
exec > >(tee "$out/results.md")

"$root/mediagate" --help >/dev/null            # set-up and build (Release) before anything is timed
mg=(dotnet "$root/.deps/app/mediagate.dll")
bench_dll="$out/bin/MediaGate.Benchmarks.dll"
dotnet build "$root/bench/MediaGate.Benchmarks/MediaGate.Benchmarks.csproj" -c Release -o "$out/bin" -nologo -v quiet -clp:ErrorsOnly >&2

# measure LABEL CMD...: runs CMD $runs times; records the median of wall s, CPU s (user+sys) and the max RSS MB.
declare -A wall cpu rss
measure() {
  local label=$1; shift
  local samples=()
  "$@" >/dev/null 2>&1 || true                  # warm-up run (file cache, first start), not counted
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
    samples+=("$(tail -n 1 "$work/time")")
  done
  read -r w c m < <(printf '%s\n' "${samples[@]}" | awk '{print $1, $2+$3, $4}' | sort -n -k2 | awk -v n="${#samples[@]}" 'NR==int((n+1)/2){print}')
  wall[$label]=$w; cpu[$label]=$c; rss[$label]=$(awk -v k="$m" 'BEGIN{printf "%.0f", k/1024}')
}

echo "# MediaGate benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, median of $runs runs)"
echo

# --- 1. strip vs exiftool ----------------------------------------------------------------------------
jpegs="$work/jpegs"; mkdir -p "$jpegs"
(cd "$shared/samples/exif-samples/jpg" && find . -type f -iname '*.jp*g' -print0 | tar --null -T - -cf - | tar -xf - -C "$jpegs")
n_jpegs=$(find "$jpegs" -type f | wc -l)
measure strip bash -c "rm -rf '$work/mg-strip'; ${mg[*]} strip '$jpegs' --out '$work/mg-strip'"
measure exiftool bash -c "rm -rf '$work/et'; mkdir -p '$work/et'; cd '$jpegs' && exiftool -q -q -r -all= -o '$work/et/%d%f.%e' . ; true"
# The libjpeg work strip's lossless path cannot avoid (issue 6: re-written through the transcoder, then decoded
# at 1/8 to prove the output complete), with libjpeg-turbo's own tools, one process per file (about 2 ms each).
measure libjpeg bash -c "rm -rf '$work/jt'; mkdir -p '$work/jt'; cd '$jpegs'; i=0; find . -type f -print0 | while IFS= read -r -d '' f; do i=\$((i+1)); jpegtran -copy none \"\$f\" > '$work/jt/'\$i.jpg 2>/dev/null && djpeg -scale 1/8 '$work/jt/'\$i.jpg > /dev/null 2>&1; done; true"
ok_mg=$(find "$work/mg-strip" -type f | wc -l); ok_et=$(find "$work/et" -type f | wc -l)
lossless=$( ("${mg[@]}" strip "$jpegs" --out "$work/mg-strip2" 2>/dev/null || true) | grep -c '"lossless"' || true)
echo "## strip vs exiftool -all= ($n_jpegs real camera JPEGs from exif-samples/jpg)"
echo
echo "| tool | wall s | CPU s | peak RSS MB | files written |"
echo "|---|---|---|---|---|"
echo "| mediagate strip | ${wall[strip]} | ${cpu[strip]} | ${rss[strip]} | $ok_mg ($lossless lossless) |"
echo "| exiftool -all= | ${wall[exiftool]} | ${cpu[exiftool]} | ${rss[exiftool]} | $ok_et |"
echo "| floor: jpegtran -copy none + djpeg -scale 1/8 per file | ${wall[libjpeg]} | ${cpu[libjpeg]} | ${rss[libjpeg]} | |"
echo

# --- 1b. nothing left: every exif-samples file stripped, then read by exiftool (an independent reader) ----
all_out="$work/all-strip"
"${mg[@]}" strip "$shared/samples/exif-samples" --out "$all_out" >"$work/all.jsonl" 2>/dev/null || true
n_in=$(wc -l < "$work/all.jsonl"); n_ok=$(grep -vc '"error"' "$work/all.jsonl" || true)
identifying='$EXIF:all or $XMP:all or $IPTC:all or $GPS:all or $MakerNotes:all or $Photoshop:all or $Comment or $ThumbnailImage or $PreviewImage or $MPF:all or $Trailer:all'
# exiftool exits non-zero when no file matches -if, which is the outcome hoped for.
leftover=$( (exiftool -r -q -q -if "$identifying" -p '$Directory/$FileName' "$all_out" 2>/dev/null || true) | wc -l)
before=$( (exiftool -r -q -q -if "$identifying" -p '$Directory/$FileName' "$shared/samples/exif-samples" 2>/dev/null || true) | wc -l)
echo "## metadata left after strip (all of exif-samples, read back by exiftool)"
echo
echo "| files in | of them with EXIF/XMP/IPTC/GPS/maker notes/comment/thumbnail/MPF/trailer | written | refused (typed error) | written files with any of those left |"
echo "|---|---|---|---|---|"
echo "| $n_in | $before | $n_ok | $((n_in - n_ok)) | $leftover |"
echo

# --- 2. anonymise 12 MP vs libjpeg-turbo floor ---------------------------------------------------------
big="$work/12mp"; dotnet "$bench_dll" make-photos --faces "$shared/eval/faces-dev" --out "$big" --count 6 --width 4000 --height 3000 >&2
floor_cmd="for f in '$big'/*.jpg; do djpeg \"\$f\" | cjpeg -quality 90 > '$work/floor.jpg'; done"
measure floor bash -c "$floor_cmd"
measure anonymise bash -c "rm -rf '$work/anon'; ${mg[*]} anonymise '$big' --out '$work/anon' --models '$models'"
measure anonymise_blaze bash -c "rm -rf '$work/anonb'; ${mg[*]} anonymise '$big' --out '$work/anonb' --detector blazeface-back"
# issue 12: detection at the rendition size, output written at that size (masks applied at full size first).
measure anonymise_2048 bash -c "rm -rf '$work/anon2048'; ${mg[*]} anonymise '$big' --out '$work/anon2048' --models '$models' --max-side 2048"
echo "## anonymise of 12 MP JPEGs (6 photos, 4000x3000) vs djpeg | cjpeg -quality 90"
echo
echo "| run | wall s | CPU s | CPU / floor | peak RSS MB |"
echo "|---|---|---|---|---|"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "| djpeg \\| cjpeg -quality 90 (floor) | ${wall[floor]} | ${cpu[floor]} | 1.00 | ${rss[floor]} |"
echo "| mediagate anonymise (default detector with --models) | ${wall[anonymise]} | ${cpu[anonymise]} | $(ratio "${cpu[anonymise]}" "${cpu[floor]}") | ${rss[anonymise]} |"
echo "| mediagate anonymise --detector blazeface-back | ${wall[anonymise_blaze]} | ${cpu[anonymise_blaze]} | $(ratio "${cpu[anonymise_blaze]}" "${cpu[floor]}") | ${rss[anonymise_blaze]} |"
echo "| mediagate anonymise --max-side 2048 (default detector with --models) | ${wall[anonymise_2048]} | ${cpu[anonymise_2048]} | $(ratio "${cpu[anonymise_2048]}" "${cpu[floor]}") | ${rss[anonymise_2048]} |"
echo
echo "In-process CPU per photo, after warm-up (no process start or JIT):"
echo
dotnet "$bench_dll" pipeline-cpu --photos "$big" --models "$models"
echo
dotnet "$bench_dll" pipeline-cpu --photos "$big" --models "$models" --max-side 2048
echo

# --- 4. peak memory on the largest photos -------------------------------------------------------------
huge="$work/48mp"; dotnet "$bench_dll" make-photos --faces "$shared/eval/faces-dev" --out "$huge" --count 1 --width 8000 --height 6000 >&2
runs_saved=$runs; runs=1
measure huge bash -c "rm -rf '$work/anonh'; ${mg[*]} anonymise '$huge' --out '$work/anonh' --models '$models'"
runs=$runs_saved
echo "## peak memory"
echo
echo "| input | peak RSS MB |"
echo "|---|---|"
echo "| 6 x 12 MP anonymise | ${rss[anonymise]} |"
echo "| 48 MP (8000x6000) anonymise | ${rss[huge]} |"
echo

# --- 3. detection recall --------------------------------------------------------------------------------
if [ -z "$skip_recall" ]; then
  dotnet "$bench_dll" recall --faces "$shared/eval/faces-dev" --models "$models"
  echo
  echo "Detection of one 12 MP photo (a faces-dev group photo resized to 4000x3000, median of $runs), with the verifier and without:"
  echo
  group="$shared/eval/faces-dev/images/0--Parade/0_Parade_Parade_0_887.jpg"
  dotnet "$bench_dll" detect-cost --photo "$group" --models "$models" --detector yunet-n --runs "$runs"
  dotnet "$bench_dll" detect-cost --photo "$group" --models "$models" --detector yunet-n --runs "$runs" --verifier 0
  echo
  echo "Where detection's CPU goes (yunet-n, each part timed on its own): a 1 MP faces-dev photo, then a 12 MP photo at the rendition size:"
  echo
  dotnet "$bench_dll" detect-profile --photo "$group" --models "$models" --runs "$runs"
  echo
  dotnet "$bench_dll" detect-profile --photo "$(find "$big" -name '*.jpg' | sort | head -n 1)" --width 2048 --height 1536 --models "$models" --runs "$runs"
  echo
  echo "Detection CPU of the small-photo day's 20 photos (eng/load.sh --photos small):"
  echo
  bash "$root/eng/detect-small-day.sh" --shared "$shared" --models "$models" --bench "$bench_dll"
fi

# --- 5. the consent decision --------------------------------------------------------------------------
echo
echo "## consent decision (30-face group photo, 200-child matrix)"
echo
"${mg[@]}" consent bench --iterations 100000

# --- 6. hostile files: peak memory and outcome, one process per file ----------------------------------
echo
echo "## hostile files (bench/hostile/measure.sh): peak RSS and wall time of strip, and the outcome"
echo
echo '```'
(cd "$root" && bash bench/hostile/measure.sh "$work/hostile")
echo '```'
