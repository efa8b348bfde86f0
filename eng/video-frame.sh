#!/usr/bin/env bash
# The README's video picture (issue 14): a clip made from samples/photos/astronaut.png (a public-domain photo, never
# one of ../shared/eval: those are real people), run through `mediagate anonymise-video`, and one frame of the input
# beside the same frame of the output, written to docs/video-frame.png. Runs the published `./mediagate` (built on first use).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -z "${MEDIAGATE_CLI:-}" ]; then "$root/mediagate" --help >/dev/null; fi
cli=${MEDIAGATE_CLI:-$root/.deps/app/mediagate.dll}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 3 s at 30 fps: the photo at 1280x1280, a 1280x720 window moving down over it (the face moves up through the frame).
ffmpeg -nostdin -v error -y -loop 1 -framerate 30 -i "$root/samples/photos/astronaut.png" -t 3 \
  -vf "scale=1280:1280,crop=1280:720:0:'560*t/3'" -c:v libx264 -preset veryfast -pix_fmt yuv420p "$work/clip.mp4"
dotnet "$cli" anonymise-video "$work/clip.mp4" --out "$work/out" ${MEDIAGATE_MODELS_DIR:+--models "$MEDIAGATE_MODELS_DIR"}
# Frame 40 (1.33 s, between two detector samples) of both, side by side at half size.
ffmpeg -nostdin -v error -y -i "$work/clip.mp4" -i "$work/out/clip.mp4" \
  -filter_complex "[0:v]select=eq(n\,40),scale=640:360[a];[1:v]select=eq(n\,40),scale=640:360[b];[a][b]hstack" \
  -frames:v 1 "$root/docs/video-frame.png"
echo "docs/video-frame.png: frame 40 of the input (left) and of the masked output (right)"
