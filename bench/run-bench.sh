#!/usr/bin/env bash
# bench/run-bench.sh: how fast, and how lean, is `augur-cli predict` on a big folder?
#
# Builds augur-cli and the bench server, makes folders of N distinct ~200 KB JPEGs, starts the
# bench server with a fixed answer delay, runs
#   augur-cli predict --format json --concurrency C MODEL bench/out/N/
# for each N and prints: inputs per second, the ideal rate for that delay and concurrency
# (C × 128 inputs per request / delay: the rate if the server's delay were the only cost),
# the ratio of the two, bytes sent per input, and peak RSS; then the ratio of the peaks.
#
# Settings (environment): BUILD (default _build), DELAY_MS (100), CONCURRENCY (4),
# SIZES ("1000 5000"), OUT (bench/out), KEEP_IMAGES (1 keeps bench/out for the next run),
# SERVER (lean, the default: augur-bench-server --lean answers without parsing the request,
# so that the client is what is measured; full: the test server's built-in model, which
# parses every request and is itself the bottleneck).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${BUILD:-_build}
delay_ms=${DELAY_MS:-100}
concurrency=${CONCURRENCY:-4}
sizes=${SIZES:-"1000 5000"}
out=${OUT:-$here/out}
keep_images=${KEEP_IMAGES:-1}
server_kind=${SERVER:-lean}
model=clarifai/main/general-image-recognition
token=test-pat-0123456789abcdef   # the bench server's fixed test token, not a secret

cd "$root"
meson compile -C "$build" augur-cli augur-bench-server >/dev/null
cli=$build/src/cli/augur-cli
server=$build/bench/augur-bench-server

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  if [ "$keep_images" != 1 ]; then rm -rf "$out"; fi
}
trap cleanup EXIT

# Images ----------------------------------------------------------------------------------

# A few random-noise JPEGs of about 200 KB; copies get a unique trailer after the EOI marker,
# so every file is distinct and still a valid JPEG.
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

# Server ----------------------------------------------------------------------------------

start_server() {
  if [ "$server_kind" = lean ]; then
    "$server" --lean --delay-ms "$delay_ms" > "$work/server.url" &
  else
    "$server" --delay-ms "$delay_ms" > "$work/server.url" &
  fi
  server_pid=$!
  for _ in $(seq 100); do
    if [ -s "$work/server.url" ]; then break; fi
    sleep 0.05
  done
  base_url=$(head -n 1 "$work/server.url")
  [ -n "$base_url" ] || { echo "run-bench.sh: the bench server did not start" >&2; exit 1; }
}

# Measuring -------------------------------------------------------------------------------

now() { date +%s.%N; }

# Runs the CLI on folder $1, leaving stdout, stderr and the peak RSS (kB) in $work.
run_cli() {
  local n=$1
  local -a cmd=("$cli" predict --format json --concurrency "$concurrency" "$model" "$out/$n/")
  export CLARIFAI_PAT=$token CLARIFAI_API_BASE=$base_url AUGUR_CLI_STATS=1
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time.$n" "${cmd[@]}" > "$work/out.$n.json" 2> "$work/err.$n"
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.$n" > "$work/rss.$n"
    awk -F': ' '/(User|System) time/ { t += $2 } END { print t }' "$work/time.$n" > "$work/cpu.$n"
  else
    # No GNU time: poll the high-water mark of the process while it runs.
    "${cmd[@]}" > "$work/out.$n.json" 2> "$work/err.$n" &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      if [ -n "$v" ] && [ "$v" -gt "$hwm" ]; then hwm=$v; fi
      sleep 0.02
    done
    wait "$pid"
    echo "$hwm" > "$work/rss.$n"
    echo nan > "$work/cpu.$n"
  fi
}

measure() {
  local n=$1 start end status=0
  start=$(now)
  run_cli "$n" || status=$?
  end=$(now)
  if [ "$status" != 0 ]; then
    echo "run-bench.sh: augur-cli exited with $status for N=$n:" >&2
    cat "$work/err.$n" >&2
    exit 1
  fi
  local results bytes requests rss cpu
  results=$(grep -c '"input":' "$work/out.$n.json" || true)
  [ "$results" = "$n" ] || { echo "run-bench.sh: $results results for $n inputs" >&2; exit 1; }
  bytes=$(sed -n 's/.*bytes_sent=\([0-9]*\).*/\1/p' "$work/err.$n")
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$work/err.$n")
  rss=$(cat "$work/rss.$n")
  cpu=$(cat "$work/cpu.$n")
  awk -v n="$n" -v s="$start" -v e="$end" -v c="$concurrency" -v d="$delay_ms" \
      -v b="$bytes" -v r="$requests" -v rss="$rss" -v cpu="$cpu" 'BEGIN {
    secs = e - s; rate = n / secs; ideal = c * 128 / (d / 1000.0)
    printf "%6d  %7.2f s  %8.1f/s  %8.1f/s  %6.3f  %5d  %10.0f  %8.1f  %7.2f s\n",
           n, secs, rate, ideal, rate / ideal, r, b / n, rss / 1024.0, cpu
  }'
  echo "$rss" >> "$work/peaks"
}

# Main ------------------------------------------------------------------------------------

for n in $sizes; do make_images "$n"; done
start_server

echo "augur-cli predict, concurrency $concurrency, $server_kind server, delay $delay_ms ms, $(nproc) CPUs"
echo "     N     wall      inputs/s     ideal/s   ratio  reqs  bytes/input  peak MB  CLI CPU"
for n in $sizes; do measure "$n"; done

if [ "$(wc -l < "$work/peaks")" -ge 2 ]; then
  awk 'NR == 1 { first = $1 } { last = $1 }
       END { printf "peak RSS ratio (last/first N): %.2f\n", last / first }' "$work/peaks"
fi
