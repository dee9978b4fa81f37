#!/usr/bin/env bash
# cg.sh REV|TREE MODE: instructions (callgrind, millions) of cgwork.py MODE at a git
# revision (extracted with git archive under /tmp/cg) or in a tree. PYTHON may name the
# interpreter (default: python3). See README.md beside this file.
set -euo pipefail
rev=$1
mode=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
python=${PYTHON:-python3}
if [ -d "$rev" ]; then
  tree=$rev
else
  tree=/tmp/cg/$rev
  if [ ! -d "$tree" ]; then
    mkdir -p "$tree"
    git -C "$repo" archive "$rev" | tar -x -C "$tree"
  fi
fi
out=$(mktemp /tmp/cg.out.XXXXXX)
PYTHONPATH=$tree PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$python" "$here/cgwork.py" "$mode" >/dev/null 2>&1
ir=$(grep -m1 '^summary:\|^totals:' "$out" | awk '{print $2}')
rm -f "$out"
awk -v r="$rev" -v m="$mode" -v ir="$ir" 'BEGIN {printf "%s %s %.1f M\n", r, m, ir / 1e6}'
