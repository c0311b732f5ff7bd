#!/bin/sh
# Fails when a source file with translatable strings is missing from po/POTFILES.in, or when
# POTFILES.in names a file that does not exist.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( { grep -rlE '(^|[^_[:alnum:]])N?_\("|ngettext \(' src --include='*.c';
           grep -rl 'translatable="yes"' src --include='*.ui';
           ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml; } | sort -u)
rc=0
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "missing from po/POTFILES.in: $f"; rc=1; }
done
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in names a missing file: $f"; rc=1; }
done
[ $rc -eq 0 ] && echo "po/POTFILES.in lists all $(echo "$found" | wc -l) files with translatable strings"
exit $rc
