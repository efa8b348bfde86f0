#!/usr/bin/env bash
# The nursery day of issue 12 (section 4): every photo of ../shared/eval/faces-dev with exactly one or two labelled
# faces, uploaded from tablets through the HTTP API of one `mediagate serve` node (SQLite + folder stores), tagged
# with one child per face, every child with journal consent and the group option, staff tagging only, nobody naming
# a face. Prints Markdown: released untouched with the tagged faces shown (checked on the pixels against the
# master), waiting for staff, held for the manager, blocked, failed, the reasons, and upload-to-released times.
# A measurement, never a pass/fail test. Options: bench/MediaGate.NurseryDay/DayOptions.cs
#   bash eng/day.sh --models ../shared/models
#   bash eng/day.sh --models ../shared/models --single 20 --two 10 --interval-seconds 2
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash eng/setup.sh
echo "day: building (Release)..." >&2
dotnet build bench/MediaGate.NurseryDay/MediaGate.NurseryDay.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet bench/MediaGate.NurseryDay/bin/Release/net10.0/linux-x64/MediaGate.NurseryDay.dll "$@"
