#!/usr/bin/env bash
# Runs inside: dbus-run-session -- xvfb-run -a ... build-aux/in-session.sh BUILD [meson test args]
# Gives the tests private XDG dirs, an unlocked Secret Service on this private bus, and no proxy.
set -euo pipefail
build=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_RUNTIME_DIR=$tmp/run XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf '%s' augur-ci-keyring | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null || true)"
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 LC_ALL=C.UTF-8 NO_AT_BRIDGE=1 GSK_RENDERER=cairo
export http_proxy= https_proxy= HTTP_PROXY= HTTPS_PROXY= no_proxy='*'
unset CLARIFAI_PAT CLARIFAI_API_BASE CLARIFAI_ROOT_CERTIFICATES_PATH
meson test -C "$build" --print-errorlogs "$@"
