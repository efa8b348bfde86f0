#!/usr/bin/env bash
# The load run of issue 7: 20 tablets upload 12 MP photos at once to one `mediagate serve` node (SQLite + folder
# stores, YuNet from ../shared/models) and the child's parent watches the journal. Prints a Markdown table:
# uploads acknowledged, errors, upload-to-parent-visible p50/p95, the server's peak RSS (VmHWM), decided without
# the manager, the server's CPU during the run and per poll. A measurement, never a pass/fail test. Options: see bench/MediaGate.Load/LoadOptions.cs
#   eng/load.sh                       # 20 tablets x 3 uploads of 12 MP
#   eng/load.sh --tablets 5 --uploads 1 --megapixels 4
#   eng/load.sh --photos small        # issue 12's small-photo day: 20 tablets each upload one faces-dev photo of
#                                     # about 1 MP (one or two faces) at once; prints upload-to-decision p50/p95 too
# The 12 MP photos are five faces-dev portraits of adults (one clear face each) enlarged with a little grain, not photos
# of children in groups: "decided without the manager" here says little about a nursery day (see issue 12, section 4).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash eng/setup.sh
echo "load: building (Release)..." >&2
dotnet build bench/MediaGate.Load/MediaGate.Load.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
# The node under load is the one `./mediagate serve` runs (published, ReadyToRun, its runtimeconfig), not the plain build
# output the tests start: `./mediagate --help` brings that up to date.
./mediagate --help >/dev/null
export MEDIAGATE_SERVICE_DLL="$root/.deps/app/mediagate.dll"
exec dotnet bench/MediaGate.Load/bin/Release/net10.0/linux-x64/MediaGate.Load.dll "$@"
