#!/usr/bin/env bash
# The lesson loop in a real terminal (tmux), as learners met it (issue 11): a step that holds
# after `wait` passes; quitting and starting again keeps the world and the shell variables.
# Usage: tests/e2e/lesson-loop.sh [BINARY]   (default: $ECS_TUTOR_BIN, else .build/debug)
# Prints ok/FAIL per case and ends with `lesson-loop: N passed, M failed`; exits 1 on any failure.
set -uo pipefail

NAME=lesson-loop
source "$(dirname "$0")/harness.sh" "$@"

start() {
  [[ -n $S ]] && "${T[@]}" kill-session -t "$S" 2>/dev/null
  runs=$((runs + 1))
  S=loop-$runs
  "${T[@]}" new-session -d -s "$S" -x 120 -y 40 -e LANG=C.UTF-8 -e HOME="$WORK/home" \
    -e XDG_STATE_HOME="$WORK/state" -e EDITRC=/dev/null -e ECS_TUTOR_LESSONS= \
    -e TERM=tmux-256color sh -c '"$0"; echo "[exit=$?]"' "$BIN"
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
