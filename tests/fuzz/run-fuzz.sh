#!/bin/sh
# usage: run-fuzz.sh BINARY SEED_DIR [SECONDS]
# Fuzzes for SECONDS (default $AUGUR_FUZZ_SECONDS, else 60) from a copy of the seeds (SEED_DIR
# and tests/fuzz/seeds), so that the inputs libFuzzer adds do not land in the source tree.
# Exits non-zero on a crash, leak, timeout or sanitizer report; the input that caused it is
# kept in fuzz-artifacts/ next to BINARY.
set -eu

binary=$1
seed_dir=$2
seconds=${3:-${AUGUR_FUZZ_SECONDS:-60}}
artifacts="$(dirname "$binary")/fuzz-artifacts"

corpus=$(mktemp -d "${TMPDIR:-/tmp}/augur-fuzz-corpus.XXXXXX")
trap 'rm -rf "$corpus"' EXIT INT TERM
cp "$seed_dir"/*.json "$corpus"/
# replies that reach the parts of the parser no fixture does (specs, parts, images)
cp "$(dirname "$0")"/seeds/*.json "$corpus"/
mkdir -p "$artifacts"

# GLib's slice allocator would hide leaks and overflows from the sanitizers
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

dict="$(dirname "$0")/fuzz-response.dict"
# libFuzzer's own exit code for a crash is 77, which meson reads as "skipped"
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$artifacts/"
if [ -f "$dict" ]; then
  set -- "$@" -dict="$dict"
fi

status=0
"$binary" "$@" "$corpus" || status=$?
if [ "$status" -eq 77 ]; then
  status=1
fi
exit $status
