#!/usr/bin/env bash
# Video CPU benchmark (issue 14): CPU seconds (user + system, mediagate and every ffmpeg it starts) per second
# of clip, for a pan over a labelled group photo at 1080p30 and 720p30 (made here with ffmpeg, never committed).
# Usage: bash eng/video-bench.sh [SECONDS]   (default 20). Needs a Release build of src/MediaGate.Cli.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${MEDIAGATE_SHARED_DIR:-$root/../shared}
seconds=${1:-20}
cli=${MEDIAGATE_CLI:-$root/src/MediaGate.Cli/bin/Release/net10.0/linux-x64/mediagate.dll}
photo="$shared/eval/faces-dev/images/0--Parade/0_Parade_Parade_0_960.jpg"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 1920x1080 1280x720; do
  w=${size%x*}; h=${size#*x}
  clip="$work/pan-$h.mp4"
  # Scaled to 1.25x the frame, then a window panning diagonally across it: every face moves in every frame.
  ffmpeg -nostdin -v error -y -loop 1 -framerate 30 -i "$photo" -f lavfi -i "sine=d=$seconds" -t "$seconds" \
    -vf "scale=$((w * 5 / 4)):$((h * 5 / 4)),crop=$w:$h:x='(iw-ow)*t/$seconds':y='(ih-oh)*t/$seconds'" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$clip"
  /usr/bin/time -f "%U %S %e" -o "$work/time" dotnet "$cli" anonymise-video "$clip" --out "$work/out-$h" --models "$shared/models" --keep-sound > "$work/line" 2>/dev/null
  read -r user sys wall < "$work/time"
  tracks=$(grep -o '"id":' "$work/line" | wc -l)
  awk -v u="$user" -v s="$sys" -v e="$wall" -v d="$seconds" -v h="$h" -v t="$tracks" \
    'BEGIN { printf "%sp30 %ss clip: %.1f CPU s (%.2f CPU s per clip second), %.1f s wall, %d tracks\n", h, d, u + s, (u + s) / d, e, t }'
done
