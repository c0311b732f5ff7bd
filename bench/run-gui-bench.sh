#!/usr/bin/env bash
# bench/run-gui-bench.sh: the real window (augur-gui-bench) on big folders against the bench
# server: throughput versus the ideal, peak RSS, and the longest main-loop stall.
#
# Makes the same folders as run-bench.sh (bench/out/N, reused when complete), starts
#   augur-bench-server --lean --delay-ms DELAY_MS
# and for each N runs augur-gui-bench under xvfb-run and a private D-Bus session, with
# in-memory GSettings, the bench server's token and fresh XDG_DATA_HOME / XDG_CACHE_HOME
# (so the result cache and the run journal start empty).
#
# Settings (environment): BUILD (default _build), DELAY_MS (2000), SIZES ("1000 5000"),
# OUT (bench/out), KEEP_IMAGES (1 keeps bench/out for the next run), GSK_RENDERER (cairo).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${BUILD:-_build}
delay_ms=${DELAY_MS:-2000}
sizes=${SIZES:-"1000 5000"}
out=${OUT:-$here/out}
keep_images=${KEEP_IMAGES:-1}
token=test-pat-0123456789abcdef   # the bench server's fixed test token, not a secret

cd "$root"
build=$(cd "$build" && pwd)
meson compile -C "$build" augur-gui-bench augur-bench-server >/dev/null
server=$build/bench/augur-bench-server
bench=$build/bench/augur-gui-bench
[ -f "$build/data/gschemas.compiled" ] || meson compile -C "$build" >/dev/null

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  if [ "$keep_images" != 1 ]; then rm -rf "$out"; fi
}
trap cleanup EXIT

# Images: the same as run-bench.sh (random-noise seeds, each copy with a unique trailer). -----

make_seeds() {
  for s in 0 1 2 3; do
    convert -size 335x335 xc: +noise Random -quality 92 "$work/seed-$s.jpg"
  done
}

make_images() {
  local n=$1 dir=$out/$1
  if [ -f "$dir/.complete" ]; then return; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  [ -f "$work/seed-0.jpg" ] || make_seeds
  for ((i = 0; i < n; i++)); do
    { cat "$work/seed-$((i % 4)).jpg"; printf 'augur-bench-%06d' "$i"; } \
      > "$dir/$(printf 'img-%06d.jpg' "$i")"
  done
  touch "$dir/.complete"
}

# Server -------------------------------------------------------------------------------------

start_server() {
  "$server" --lean --delay-ms "$delay_ms" > "$work/server.url" &
  server_pid=$!
  for _ in $(seq 100); do
    if [ -s "$work/server.url" ]; then break; fi
    sleep 0.05
  done
  base_url=$(head -n 1 "$work/server.url")
  [ -n "$base_url" ] || { echo "run-gui-bench.sh: the bench server did not start" >&2; exit 1; }
}

# Main ---------------------------------------------------------------------------------------

for n in $sizes; do make_images "$n"; done
start_server

echo "augur-gui-bench, lean server, delay $delay_ms ms, $(nproc) CPUs, GSK_RENDERER=${GSK_RENDERER:-cairo}"
for n in $sizes; do
  rm -rf "$work/data" "$work/cache"
  mkdir -p "$work/data" "$work/cache"
  env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
      CLARIFAI_PAT=$token CLARIFAI_API_BASE="$base_url" \
      XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
      GSK_RENDERER="${GSK_RENDERER:-cairo}" \
      xvfb-run -a -s "-screen 0 1280x1024x24" \
      dbus-run-session -- "$bench" --images "$out/$n" --delay-ms "$delay_ms"
done
