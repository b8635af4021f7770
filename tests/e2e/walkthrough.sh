#!/usr/bin/env bash
# Presenter mode in a real terminal (tmux), as an instructor uses it: the slide with its notes,
# Enter types and runs the solution and shows the check, n/p move, q quits; in Japanese too.
# Then unattended (--auto), piped keys, a failing step's exit status, and --record + replay.
# Usage: tests/e2e/walkthrough.sh [BINARY]   (default: $ECS_TUTOR_BIN, else .build/debug)
# Prints ok/FAIL per case and ends with `walkthrough: N passed, M failed`; exits 1 on any failure.
set -uo pipefail

NAME=walkthrough
source "$(dirname "$0")/harness.sh" "$@"
LESSONS=$(pwd)/lessons
TIMEOUT=${E2E_TIMEOUT:-20}
WIDTH=90
# The slide as drawn (no joining of wrapped lines: `fits` measures them).
screen() { "${T[@]}" capture-pane -p -S -200 -t "$S" 2>/dev/null; }
fail() {
  echo "FAIL $1"
  failed=$((failed + 1))
  screen | grep -v '^$' | tail -20 | sed 's/^/| /'
}
# start ARGS...: the walkthrough in a fresh tmux session, its exit status shown at the end.
start() {
  [[ -n $S ]] && "${T[@]}" kill-session -t "$S" 2>/dev/null
  runs=$((runs + 1))
  S=walk-$runs
  "${T[@]}" new-session -d -s "$S" -x $WIDTH -y 45 -e LANG=C.UTF-8 -e HOME="$WORK/home" \
    -e XDG_STATE_HOME="$WORK/state" -e ECS_TUTOR_LESSONS="$LESSONS" -e TERM=tmux-256color \
    -e SWIFT_BACKTRACE=interactive=no -c "$WORK" \
    sh -c 'trap : INT; "$0" "$@"; echo "[exit=$?]"' "$BIN" "$@"
}
# expect_gone NAME PATTERN: the screen no longer holds PATTERN (it was cleared).
expect_gone() {
  local deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    screen | grep -qF -- "$2" || { ok "$1"; return 0; }
    sleep 0.1
  done
  fail "$1 (still '$2')"
}
# raw: waits until the walkthrough reads single keys (no canonical mode), so no key is lost.
raw() {
  local tty deadline=$((SECONDS + TIMEOUT))
  tty=$("${T[@]}" display -p -t "$S" '#{pane_tty}')
  while ((SECONDS < deadline)); do
    stty -F "$tty" 2>/dev/null | grep -q -- '-icanon' && return 0
    sleep 0.05
  done
  fail "raw mode never came"
}
key() { raw; "${T[@]}" send-keys -t "$S" "$@"; }
# fits NAME: no line on the screen is wider than the pane (the slide wraps itself).
fits() {
  local widest
  widest=$(screen | while IFS= read -r line; do printf '%s\n' "${#line}"; done | sort -n | tail -1)
  if ((widest <= WIDTH)); then ok "$1"; else fail "$1 (a line of $widest characters)"; fi
}

# English, by hand: slide, Enter, n, p, q, recorded.
start walkthrough first-cluster --record "$WORK/class.jsonl"
expect "slide: where we are" 'Step 1 of 5 · Your first cluster and task definition'
expect "slide: the step's title" 'Create a cluster'
expect "slide: instructor notes" '│ Instructor notes'
expect "slide: the keys" 'Enter: type and run the solution · n: next step · p: previous · q: quit'
fits "slide fits the width"
key Enter
expect "Enter types the solution" '$ aws ecs create-cluster --cluster-name demo'
expect "and shows its output" '"clusterName": "demo"'
expect "and the check" '✓ Step complete.'
expect "keys after the check" 'Enter or n: next step · p: previous · q: quit'
key n
expect "n: the next step" 'Step 2 of 5'
expect_gone "on a cleared screen" 'Step 1 of 5'
key p
expect "p: the previous step" 'Step 1 of 5'
key Right
expect "Right arrow: next" 'Step 2 of 5'
key Enter
expect "a long command is typed in continuation lines" '>   name=web,image=nginx,memory=256,portMappings=[{containerPort=80}]'
expect "step 2 passes" '✓ Step complete.'
key q
expect "q quits with a summary" 'Walkthrough: 2 of 5 steps passed.'
expect "exit status 0 at a terminal" '[exit=0]'

# Japanese.
start walkthrough network-modes --lang ja
expect "ja: where we are" 'ステップ 1/9 · ネットワークモード'
expect "ja: notes" '│ 講師用メモ'
expect "ja: keys" 'Enter: 解答例を入力して実行 · n: 次のステップ · p: 前へ · q: 終了'
fits "ja: wide characters wrapped by columns"
key Enter
expect "ja: the check" '✓ ステップを完了しました。'
key n
expect "ja: next" 'ステップ 2/9'
key p
expect "ja: previous" 'ステップ 1/9'
key q
expect "ja: summary" 'ウォークスルー: 9 ステップ中 1 ステップを完了しました。'

# Unattended from step 3.
start walkthrough first-cluster --auto --delay 0 --from-step 3
expect "--auto reaches the end" 'Walkthrough: 3 of 5 steps passed.'
expect "--auto: exit 0" '[exit=0]'

# Replaying the recorded class ends with the same output.
out=$(cd "$WORK" && "$BIN" replay class.jsonl --speed 0 2>&1 >/dev/null)
rc=$?
if ((rc == 0)) && grep -qF 'Replayed 2 lines: the same output as recorded.' <<<"$out"; then
  ok "replay of the recorded walkthrough"
else
  fail "replay of the recorded walkthrough: rc=$rc $out"
fi

# Piped keys: Enter runs, n moves on, the end of input quits.
out=$(printf '\n\n\n' | ECS_TUTOR_LESSONS="$LESSONS" "$BIN" walkthrough first-cluster 2>&1)
rc=$?
if ((rc == 0)) && grep -qF 'Walkthrough: 2 of 5 steps passed.' <<<"$out"; then
  ok "piped keys"
else
  fail "piped keys: rc=$rc"
fi

# A step that does not pass with its solution: exit status 1, piped and --auto.
cp -R lessons "$WORK/broken"
sed -i '0,/- aws ecs create-cluster --cluster-name demo/s//- aws ecs create-cluster --cluster-name wrong/' \
  "$WORK/broken/first-cluster.yaml"
out=$(ECS_TUTOR_LESSONS="$WORK/broken" "$BIN" walkthrough first-cluster --auto --delay 0 </dev/null 2>&1)
rc=$?
if ((rc == 1)) && grep -qF 'failed: step 1' <<<"$out"; then
  ok "--auto: a failing step exits 1"
else
  fail "--auto with a failing step: rc=$rc"
fi
out=$(printf '\n' | ECS_TUTOR_LESSONS="$WORK/broken" "$BIN" walkthrough first-cluster 2>&1)
rc=$?
if ((rc == 1)); then ok "piped: a failing step exits 1"; else fail "piped failing step: rc=$rc"; fi

echo "walkthrough: $passed passed, $failed failed"
((failed == 0))
