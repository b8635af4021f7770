#!/usr/bin/env bash
# `lessons verify` must fail on a copy of the lessons whose solution is broken, naming the step.
# Usage: tests/verify-broken.sh BIN
set -u
bin=${1:?usage: verify-broken.sh BIN}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R lessons "$work/lessons"
# Break the first lesson's first solution: the cluster gets the wrong name.
sed -i '0,/- aws ecs create-cluster --cluster-name demo/s//- aws ecs create-cluster --cluster-name wrong/' \
  "$work/lessons/first-cluster.yaml"
out=$("$bin" lessons verify "$work/lessons" 2>&1)
rc=$?
passed=0
failed=0
if [[ $rc -ne 0 ]] && grep -q '^FAIL first-cluster/create-cluster' <<<"$out" \
  && grep -q '^lessons: [0-9]* passed, [1-9][0-9]* failed$' <<<"$out"; then
  echo "ok   lessons verify fails on a broken solution and names the step"
  passed=$((passed + 1))
else
  echo "FAIL lessons verify on a broken solution: rc=$rc"
  echo "$out" | tail -5
  failed=$((failed + 1))
fi
# A lesson file that is not valid YAML is reported as file:line.
printf 'id: first-cluster\ntitle: [unclosed\n' > "$work/lessons/first-cluster.yaml"
out=$("$bin" lessons verify "$work/lessons" 2>&1)
rc=$?
if [[ $rc -ne 0 ]] && grep -q 'first-cluster.yaml:[0-9]*: ' <<<"$out"; then
  echo "ok   an invalid lesson file is reported as file:line"
  passed=$((passed + 1))
else
  echo "FAIL invalid lesson file: rc=$rc"
  echo "$out" | tail -5
  failed=$((failed + 1))
fi
echo "verify-broken: $passed passed, $failed failed"
((failed == 0))
