#!/usr/bin/env bash
# Runs every tests/scripts/*.txt with `ecs-tutor run FILE` (must exit 0), twice, and requires
# byte-identical stdout both times (the simulation is deterministic).
# Usage: tests/scripts/run.sh PATH/TO/ecs-tutor
set -uo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 PATH/TO/ecs-tutor" >&2
  exit 2
fi
bin=$1
if [[ $bin != /* ]]; then bin="$PWD/$bin"; fi
if [[ ! -x $bin ]]; then
  echo "scripts: $bin is not an executable" >&2
  exit 2
fi

# The scripts name their JSON and user-data files relative to this folder, as a learner's
# file:// paths are relative to the shell's working directory.
cd "$(dirname "$0")" || exit 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

passed=0
failed=0
for script in *.txt; do
  name=${script%.txt}
  "$bin" run --no-color "$script" >"$out/$name.1" 2>"$out/$name.err"
  status=$?
  if [[ $status -ne 0 ]]; then
    echo "FAIL $script: exit status $status; last lines of stderr:"
    tail -n 5 "$out/$name.err" | sed 's/^/  /'
    failed=$((failed + 1))
    continue
  fi
  if ! "$bin" run --no-color "$script" >"$out/$name.2" 2>/dev/null; then
    echo "FAIL $script: the second run failed"
    failed=$((failed + 1))
    continue
  fi
  if ! cmp -s "$out/$name.1" "$out/$name.2"; then
    echo "FAIL $script: stdout differs between two runs"
    diff "$out/$name.1" "$out/$name.2" | head -n 10 | sed 's/^/  /'
    failed=$((failed + 1))
    continue
  fi
  echo "ok   $script ($(wc -l <"$out/$name.1") lines)"
  passed=$((passed + 1))
done

echo "scripts: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
