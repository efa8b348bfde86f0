#!/usr/bin/env bash
# Where the service's memory goes during a load run: runs eng/load.sh with the given arguments and samples the node
# under load (/proc/PID/status and smaps_rollup every 200 ms, the whole smaps every 2 s). Prints, after the load
# tool's own report: the peak (VmHWM), anonymous and file-backed resident memory at the highest sample, and the
# resident memory by mapping (libonnxruntime, the runtime, JIT/R2R code, heaps) in the whole smaps sample with the
# most anonymous memory and in the first one (at rest). A measurement, never a pass/fail test.
#   bash eng/load-mem.sh                     # the 12 MP run
#   bash eng/load-mem.sh --photos small
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d /tmp/load-mem.XXXXXX)
bash "$root/eng/load.sh" "$@" >"$out/report.md" 2> >(tee "$out/stderr.txt" >&2) &
load=$!
server=""
while kill -0 "$load" 2>/dev/null && [ -z "$server" ]; do
  sleep 0.5
  for child in $(pgrep -P "$load" 2>/dev/null || true); do
    if tr '\0' ' ' <"/proc/$child/cmdline" 2>/dev/null | grep -q 'mediagate.dll serve'; then server=$child; fi
  done
done
echo "load-mem: server pid ${server:-none}, samples in $out" >&2
address=""
tick=0
while [ -n "$server" ] && [ -r "/proc/$server/status" ]; do
  t=$(date +%s.%N)
  awk -v t="$t" '/^(VmRSS|VmHWM|RssAnon|RssFile):/ {v[$1]=$2} END {printf "%s %s %s %s %s", t, v["VmRSS:"], v["VmHWM:"], v["RssAnon:"], v["RssFile:"]}' "/proc/$server/status" >>"$out/status.txt" 2>/dev/null || break
  echo >>"$out/status.txt"
  if [ $((tick % 10)) -eq 0 ]; then
    cp "/proc/$server/smaps" "$out/smaps.$tick" 2>/dev/null || break
    [ -n "$address" ] || address=$(grep -o 'ready at http://[^ ,]*' "$out/stderr.txt" 2>/dev/null | head -1 | cut -c10- || true)
    # The GC's own view (heap size, committed) beside the process's.
    if [ -n "$address" ]; then
      curl -s --max-time 1 "${address%/}/metrics" 2>/dev/null | grep -E "^dotnet_gc_last_collection_(heap_size_bytes|memory_committed_size_bytes)" \
        | awk -v t="$t" '{printf "%s %s %s\n", t, $1, $2}' >>"$out/gc.txt" || true
    fi
  fi
  tick=$((tick + 1))
  sleep 0.2
done
wait "$load" || true
cat "$out/report.md"
echo
echo "memory of the node (KiB): highest sample of VmRSS, with VmHWM, RssAnon, RssFile at that moment:"
sort -k2 -n "$out/status.txt" | tail -1 | awk '{printf "  VmRSS %s, VmHWM %s, RssAnon %s, RssFile %s\n", $2, $3, $4, $5}'
by_mapping() {
  # Resident KiB by mapping name (anonymous mappings by size class), largest first.
  awk '/^[0-9a-f]+-[0-9a-f]+ / {split($1, r, "-"); name = ($6 == "" ? "[anon]" : $6); if (name ~ /\.(dll|so)/) sub(/.*\//, "", name)}
       /^Rss:/ {rss[name] += $2} END {for (n in rss) if (rss[n] >= 1024) printf "    %8d %s\n", rss[n], n}' "$1" | sort -rn | head -15
}
if [ -s "$out/gc.txt" ]; then
  echo "  GC metrics, highest value of each (MiB):"
  awk '{n=$2; sub(/\{.*/, "", n); k=$2; if ($3 > max[k]) max[k] = $3} END {for (k in max) printf "    %8.0f %s\n", max[k] / 1048576, k}' "$out/gc.txt" | sort -k2
fi
first=$(ls "$out"/smaps.* 2>/dev/null | sort -t. -k3 -n | head -1)
largest=""; best=0
for f in "$out"/smaps.*; do
  a=$(awk '/^Anonymous:/ {s += $2} END {print s + 0}' "$f")
  if [ "$a" -gt "$best" ]; then best=$a; largest=$f; fi
done
if [ -n "$first" ]; then echo "  by mapping at rest ($(basename "$first")):"; by_mapping "$first"; fi
if [ -n "$largest" ]; then echo "  by mapping at the most anonymous memory ($(basename "$largest"), Anonymous $best KiB):"; by_mapping "$largest"; fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
