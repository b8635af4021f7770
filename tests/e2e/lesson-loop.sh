#!/usr/bin/env bash
# The lesson loop in a real terminal (tmux), as learners met it (issue 11): a step that holds
# after `wait` passes; quitting and starting again keeps the world and the shell variables.
# Usage: tests/e2e/lesson-loop.sh [BINARY]   (default: $ECS_TUTOR_BIN, else .build/debug)
# Prints ok/FAIL per case and ends with `lesson-loop: N passed, M failed`; exits 1 on any failure.
set -uo pipefail

cd "$(dirname "$0")/../.."
BIN=${1:-${ECS_TUTOR_BIN:-.build/debug/ecs-tutor}}
if [[ ! -x $BIN ]]; then
  echo "lesson-loop: no ecs-tutor binary at $BIN" >&2
  echo "lesson-loop: 0 passed, 1 failed"
  exit 1
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
command -v tmux >/dev/null || { echo "lesson-loop: tmux is not installed" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ecs-tutor-loop.XXXXXX")
mkdir -p "$WORK/home" "$WORK/state"
printf 'set -s exit-empty off\nset -g remain-on-exit on\n' >"$WORK/tmux.conf"
T=(tmux -S "$WORK/tmux.sock" -f "$WORK/tmux.conf")
cleanup() { "${T[@]}" kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

S=
runs=0
passed=0
failed=0
TIMEOUT=${E2E_TIMEOUT:-15}
screen() { "${T[@]}" capture-pane -p -J -S -200 -t "$S" 2>/dev/null; }
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL $1"
  failed=$((failed + 1))
  screen | tail -25 | sed 's/^/| /'
}
start() {
  [[ -n $S ]] && "${T[@]}" kill-session -t "$S" 2>/dev/null
  runs=$((runs + 1))
  S=loop-$runs
  "${T[@]}" new-session -d -s "$S" -x 120 -y 40 -e LANG=C.UTF-8 -e HOME="$WORK/home" \
    -e XDG_STATE_HOME="$WORK/state" -e EDITRC=/dev/null -e ECS_TUTOR_LESSONS= \
    -e TERM=tmux-256color sh -c '"$0"; echo "[exit=$?]"' "$BIN"
}
# type LINE: types a line and presses Enter.
type_line() { "${T[@]}" send-keys -t "$S" -l -- "$1"; "${T[@]}" send-keys -t "$S" Enter; }
# expect NAME PATTERN: waits until the screen holds PATTERN (a fixed string).
expect() {
  local deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    screen | grep -qF -- "$2" && { ok "$1"; return 0; }
    sleep 0.1
  done
  fail "$1 (no '$2')"
}

start
expect "prompt" '[sandbox] $'
type_line 'lesson tasks-and-services'
expect "lesson starts" '[tasks-and-services 1/6] $'
type_line 'time manual'
type_line 'aws ecs run-task --cluster demo --task-definition web --query "tasks[0].lastStatus"'
expect "task pending in manual time" '"PENDING"'
type_line 'wait'
expect "step 1 passes after wait" '[tasks-and-services 2/6] $'
type_line "TASK=\$(aws ecs list-tasks --cluster demo --family web --query 'taskArns[0]' --output text)"
type_line 'aws ecs stop-task --cluster demo --task $TASK --query task.desiredStatus'
expect "stop asked" '"STOPPED"'
type_line 'exit'
expect "left" '[exit=0]'

start
expect "resumed with the learner's world" 'Your world and variables are as you left them at step 2/6.'
type_line 'echo $TASK'
expect "variable kept" 'arn:aws:ecs:us-east-1:123456789012:task/demo/'
type_line 'wait'
expect "step 2 passes after wait" '[tasks-and-services 3/6] $'
type_line 'lesson tasks-and-services'
expect "asks before starting over" 'You are already in this lesson, at step 3/6.'
type_line 'exit'

echo "lesson-loop: $passed passed, $failed failed"
((failed == 0))
