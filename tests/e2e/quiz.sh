#!/usr/bin/env bash
# A quiz in a real terminal (tmux), in English and Japanese, and piped: options answered by number,
# a configure question answered with a command, a short answer, the review at the end, the JUnit
# report read back by an XML parser.
# Usage: tests/e2e/quiz.sh [BINARY]   (default: $ECS_TUTOR_BIN, else .build/debug)
# Prints ok/FAIL per case and ends with `quiz: N passed, M failed`; exits 1 on any failure.
set -uo pipefail

NAME=quiz
source "$(dirname "$0")/harness.sh" "$@"

# start ARGS...: the binary with ARGS in a new tmux session.
start() {
  [[ -n $S ]] && "${T[@]}" kill-session -t "$S" 2>/dev/null
  runs=$((runs + 1))
  S=quiz-$runs
  "${T[@]}" new-session -d -s "$S" -x 120 -y 50 -e LANG=C.UTF-8 -e HOME="$WORK/home" \
    -e XDG_STATE_HOME="$WORK/state" -e EDITRC=/dev/null -e ECS_TUTOR_LESSONS= \
    -e TERM=tmux-256color sh -c '"$0" "$@"; echo "[exit=$?]"' "$BIN" "$@"
}

# Seed 11 asks, in this order: a configure question (register `docs` with a dynamic host port on
# container port 3000), a short answer (32768), a single choice (the target type, option 3).
start quiz ports --count 3 --seed 11 --lang en --report "$WORK/en.xml" --format junit
expect "en: configure question" '[quiz 1/3] $'
type_line 'hint'
expect "en: hint" 'Hint 1/1:'
type_line 'aws ecs register-task-definition --family docs --network-mode bridge --container-definitions "name=docs,image=nginx,memory=128,portMappings=[{containerPort=3000,hostPort=0}]" --query taskDefinition.revision'
expect "en: goal met" 'Score: 1/1'
type_line '49153'
expect "en: wrong short answer" 'Incorrect. The answer: 32768'
type_line '9'
expect "en: a bad choice asks again" 'Answer with one option number from 1 to 4.'
type_line '3'
expect "en: score" 'Quiz complete: 2/3 (66%)'
expect "en: review names the step" 'taught in lesson network-modes, step 2'
expect "en: exit status" '[exit=0]'
if python3 -c 'import sys, xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); sys.exit(0 if len(list(r.iter("testcase")))==3 and len(list(r.iter("failure")))==1 else 1)' "$WORK/en.xml"; then
  ok "en: JUnit report parses, 3 testcases, 1 failure"
else
  fail "en: JUnit report"
fi

start quiz roles --count 2 --seed 37 --lang ja
expect "ja: predict question" '問題 1/2 (予測)'
type_line '1'
expect "ja: the simulator answers" 'シミュレーターの結果: RUNNING'
expect "ja: correct" '正解です。'
type_line '4'
expect "ja: review" '間違えた問題を復習しましょう'
expect "ja: score" 'クイズ完了: 1/2 (50%)'

out=$(printf '1\n1 2 3\n' | env HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" ECS_TUTOR_LESSONS= \
  "$BIN" quiz ports --count 2 --seed 3 --lang en --report "$WORK/p.json" 2>&1)
rc=$?
if [[ $rc -eq 0 ]] && grep -q '^Quiz complete: ' <<<"$out" \
  && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if len(d["answers"])==2 else 1)' "$WORK/p.json"; then
  ok "piped: answers from stdin, JSON report with every answer"
else
  echo "FAIL piped quiz: rc=$rc"; echo "$out" | tail -5; failed=$((failed + 1))
fi
if grep -q '"quizAttempts"' "$WORK/state/ecs-tutor/progress.json" 2>/dev/null; then
  ok "attempts kept in progress.json"
else
  fail "attempts kept in progress.json"
fi

echo "quiz: $passed passed, $failed failed"
((failed == 0))
