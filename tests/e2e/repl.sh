#!/usr/bin/env bash
# Drives the real ecs-tutor binary in a real terminal (tmux) the way a person types.
# Usage: tests/e2e/repl.sh [BINARY]   (default: $ECS_TUTOR_BIN, else .build/debug or .build/release)
# E2E_COMPLETION=1 also checks Tab completion against the session's candidates.
# Prints ok/FAIL per case and ends with `e2e: N passed, M failed`; exits 1 on any failure.
set -uo pipefail

cd "$(dirname "$0")/../.."
BIN=${1:-${ECS_TUTOR_BIN:-}}
if [[ -z $BIN ]]; then
  for candidate in .build/debug/ecs-tutor .build/release/ecs-tutor; do
    [[ -x $candidate ]] && BIN=$candidate && break
  done
fi
if [[ -z $BIN || ! -x $BIN ]]; then
  echo "e2e: no ecs-tutor binary (build first or pass its path)" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; echo "e2e: 0 passed, 1 failed"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ecs-tutor-e2e.XXXXXX")
mkdir -p "$WORK/home" "$WORK/state"
# exit-empty off: killing the last session must not stop the server while the next one starts.
printf 'set -s exit-empty off\nset -g remain-on-exit on\nset -g history-limit 2000\n' >"$WORK/tmux.conf"
# A private server whose socket lives (and is removed) with the work folder.
T=(tmux -S "$WORK/tmux.sock" -f "$WORK/tmux.conf")
cleanup() { "${T[@]}" kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

S=    # the current tmux session
runs=0
PROMPT='[sandbox] $'
PROMPT_WIDTH=12 # "[sandbox] $ "
TIMEOUT=${E2E_TIMEOUT:-10}
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL $1${2:+: $2}"
  failed=$((failed + 1))
  echo "---- screen ----"
  screen | sed 's/^/| /'
  echo "---- cursor $(cursor) ----"
}

# start [VAR=VALUE...] -- [ARGS...]: a fresh pane running the binary (LANG=C.UTF-8 unless given).
start() {
  local env=(-e LANG=C.UTF-8)
  while (($#)) && [[ $1 != -- ]]; do env+=(-e "$1"); shift; done
  (($#)) && shift
  [[ -n $S ]] && "${T[@]}" kill-session -t "$S" 2>/dev/null
  runs=$((runs + 1))
  S=e2e-$runs
  "${T[@]}" new-session -d -s "$S" -x 100 -y 30 "${env[@]}" \
    -e HOME="$WORK/home" -e XDG_STATE_HOME="$WORK/state" -e EDITRC=/dev/null \
    -e SWIFT_BACKTRACE=interactive=no -e ECS_TUTOR_LESSONS= -e TERM=tmux-256color \
    sh -c 'trap : INT; "$0" "$@"; echo "[exit=$?]"' "$BIN" "$@" ||
    echo "e2e: tmux could not start a session" >&2
}
screen() { "${T[@]}" capture-pane -p -t "$S" 2>/dev/null; }
cursor() { "${T[@]}" display-message -p -t "$S" '#{cursor_x},#{cursor_y}' 2>/dev/null; }
# The text of the row the cursor is on (trailing spaces trimmed by tmux).
cursor_row() {
  local y=${1:-$(cursor | cut -d, -f2)}
  screen | sed -n "$((y + 1))p"
}
keys() { "${T[@]}" send-keys -t "$S" "$@"; }
text() { "${T[@]}" send-keys -t "$S" -l -- "$1"; }

# Polls `condition` (a shell command) until it succeeds or TIMEOUT seconds pass.
wait_until() {
  local deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    eval "$1" && return 0
    sleep 0.05
  done
  return 1
}
raw_mode() {
  local tty
  tty=$("${T[@]}" display-message -p -t "$S" '#{pane_tty}' 2>/dev/null) || return 1
  stty -F "$tty" 2>/dev/null | grep -q -- '-icanon'
}
# The cursor sits after `expected` on its row, and libedit has switched the terminal to raw mode.
line_is() {
  local expected=$1 pos row
  pos=$(cursor) || return 1
  row=$(cursor_row "${pos#*,}")
  [[ $row == "$expected" ]] && raw_mode
}
wait_line() { wait_until "line_is $(printf '%q' "$1")"; }
wait_prompt() { wait_line "$PROMPT"; }
wait_text() { wait_until "screen | grep -qF -- $(printf '%q' "$1")"; }
count_lines() { screen | grep -cxF -- "$1"; }
cursor_x() { cursor | cut -d, -f1; }
# Waits for the wrapper's `[exit=N]` line and checks N.
wait_exit() { wait_text "[exit=$1]"; }

# --- cases ---------------------------------------------------------------------------------

case_prompt() {
  start
  if wait_prompt && [[ $(cursor_x) == "$PROMPT_WIDTH" ]]; then ok "prompt appears"; else fail "prompt appears"; fi
}

case_history_up() {
  text 'echo history-one'
  keys Enter
  if ! wait_until '[[ $(count_lines "history-one") -ge 1 ]]' || ! wait_prompt; then
    fail "history: command runs"
    return
  fi
  keys Up
  if wait_line "$PROMPT echo history-one"; then ok "Up recalls the last command"; else fail "Up recalls the last command"; fi
  # Clear the recalled line with Ctrl-C (a key while editing) for the next case.
  keys C-c
  wait_prompt
}

case_search() {
  keys C-r
  text 'story-o'
  keys Enter
  if wait_until '[[ $(count_lines "history-one") -ge 2 ]]' && wait_prompt; then
    ok "Ctrl-R finds and runs an earlier command"
  else
    fail "Ctrl-R finds and runs an earlier command"
  fi
}

case_keys() {
  text 'bcd'
  wait_line "$PROMPT bcd"
  keys Home
  text 'a'
  keys End
  text 'e'
  if wait_line "$PROMPT abcde" && [[ $(cursor_x) == $((PROMPT_WIDTH + 5)) ]]; then
    ok "Home and End move to the ends of the line"
  else
    fail "Home and End move to the ends of the line"
  fi
  keys Home DC
  if wait_line "$PROMPT bcde" && [[ $(cursor_x) == "$PROMPT_WIDTH" ]]; then
    ok "Delete removes the character under the cursor"
  else
    fail "Delete removes the character under the cursor"
  fi
  keys C-c
  wait_prompt
}

case_interrupt() {
  text 'discard-me'
  wait_line "$PROMPT discard-me"
  keys C-c
  if ! wait_prompt; then
    fail "Ctrl-C clears the line"
    return
  fi
  text 'echo after-interrupt'
  keys Enter
  if wait_until '[[ $(count_lines "after-interrupt") -ge 1 ]]' && wait_prompt \
    && ! screen | grep -qx 'discard-me'; then
    ok "Ctrl-C clears the line and the session goes on"
  else
    fail "Ctrl-C clears the line and the session goes on"
  fi
}

case_japanese() {
  text 'echo 日本語'
  if ! wait_line "$PROMPT echo 日本語" || [[ $(cursor_x) != $((PROMPT_WIDTH + 11)) ]]; then
    fail "Japanese input is shown with wide cursor steps"
    return
  fi
  keys BSpace
  if wait_line "$PROMPT echo 日本" && [[ $(cursor_x) == $((PROMPT_WIDTH + 9)) ]]; then
    ok "BSpace deletes one Japanese character"
  else
    fail "BSpace deletes one Japanese character"
  fi
  keys Enter
  if wait_until '[[ $(count_lines "日本") -ge 1 ]]' && wait_prompt; then
    ok "a Japanese line reaches the session"
  else
    fail "a Japanese line reaches the session"
  fi
}

# A Backspace on the second row of a wrapped Japanese line (seen: the cursor was drawn one column
# right of its place: libedit's delete-characters update counts a wide character as one column).
case_wrapped_japanese_backspace() {
  # 41 wide characters fill the first row (12 + 5 + 82 = 99 columns; the 100th is too narrow for
  # a wide one), so `あいうえ b` starts the second row.
  local first
  first=$(printf '日%.0s' {1..41})
  text "echo ${first}あいうえ b"
  if ! wait_line 'あいうえ b'; then
    fail "Backspace on the second row of a wrapped Japanese line" "no wrapped line"
    return
  fi
  keys Left Left Left Left
  wait_until '[[ $(cursor_x) == 4 ]]'
  keys BSpace
  if wait_until '[[ $(cursor_row) == "あうえ b" && $(cursor_x) == 2 ]]'; then
    ok "Backspace on the second row of a wrapped Japanese line"
  else
    fail "Backspace on the second row of a wrapped Japanese line"
  fi
  keys C-c
  wait_prompt
}

case_completion() {
  if [[ ${E2E_COMPLETION:-1} != 1 ]]; then
    echo "skip Tab completion (E2E_COMPLETION=1 turns it on once the session completes)"
    return
  fi
  text 'aws ecs reg'
  wait_line "$PROMPT aws ecs reg"
  keys Tab
  if wait_until '[[ $(cursor_row) == "$PROMPT aws ecs register-task-definition" ]] && [[ $(cursor_x) == $((PROMPT_WIDTH + 33)) ]]'; then
    ok "Tab completes an operation"
  else
    fail "Tab completes an operation"
  fi
  text '--fam'
  keys Tab
  if wait_until '[[ $(cursor_row) == "$PROMPT aws ecs register-task-definition --family" ]] && [[ $(cursor_x) == $((PROMPT_WIDTH + 42)) ]]'; then
    ok "Tab completes an option"
  else
    fail "Tab completes an option"
  fi
  keys C-c
  wait_prompt
  text 'aws ecs list-'
  keys Tab
  sleep 0.2
  keys Tab
  if wait_text 'list-clusters' && wait_line "$PROMPT aws ecs list-"; then
    ok "a second Tab lists the candidates"
  else
    fail "a second Tab lists the candidates"
  fi
  keys C-c
  wait_prompt
}

# Ctrl-D at a continuation prompt cancels the command, as bash does (seen: it left the tutor).
case_ctrl_d_continuation() {
  local name=$1 typed=$2 message=$3
  text "$typed"
  keys Enter
  if ! wait_line '>'; then
    fail "Ctrl-D at a continuation prompt ($name) cancels the command" "no continuation prompt"
    return
  fi
  keys C-d
  if ! wait_prompt || { [[ -n $message ]] && ! screen | grep -qxF -- "$message"; }; then
    fail "Ctrl-D at a continuation prompt ($name) cancels the command"
    return
  fi
  text "echo still-here-$name"
  keys Enter
  if wait_text "still-here-$name" && wait_until '[[ $(count_lines "still-here-$name") -ge 1 ]]' \
    && wait_prompt && ! screen | grep -q -- '^\[exit='; then
    ok "Ctrl-D at a continuation prompt ($name) cancels the command"
  else
    fail "Ctrl-D at a continuation prompt ($name) cancels the command"
  fi
}

case_ctrl_d() {
  keys C-d
  if wait_exit 0; then ok "Ctrl-D leaves with status 0"; else fail "Ctrl-D leaves with status 0"; fi
}

case_history_restart() {
  start
  if ! wait_prompt; then
    fail "history survives a restart" "no prompt after restart"
    return
  fi
  keys Up
  # The last command of the first run was the Japanese line.
  if wait_line "$PROMPT echo 日本"; then
    keys Up
    if wait_line "$PROMPT echo still-here-backslash"; then
      ok "history survives a restart"
    else
      fail "history survives a restart" "second Up"
    fi
  else
    fail "history survives a restart"
  fi
  local mode
  mode=$(stat -c %a "$WORK/state/ecs-tutor/history" 2>/dev/null)
  if [[ $mode == 600 ]] && head -1 "$WORK/state/ecs-tutor/history" | grep -qx '_HiStOrY_V2_'; then
    ok "history file is libedit's format with mode 0600"
  else
    fail "history file is libedit's format with mode 0600" "mode=$mode"
  fi
  keys C-c
  wait_prompt
  text 'exit'
  keys Enter
  if wait_exit 0; then ok "exit leaves with status 0"; else fail "exit leaves with status 0"; fi
}

case_c_locale() {
  start LANG=C LC_ALL= LC_CTYPE= --
  if ! wait_prompt; then
    fail "LANG=C still edits Japanese" "no prompt"
    return
  fi
  text 'かな'
  if wait_line "$PROMPT かな" && [[ $(cursor_x) == $((PROMPT_WIDTH + 4)) ]]; then
    keys BSpace
    if wait_line "$PROMPT か" && [[ $(cursor_x) == $((PROMPT_WIDTH + 2)) ]]; then
      ok "LANG=C still edits Japanese"
    else
      fail "LANG=C still edits Japanese" "BSpace"
    fi
  else
    fail "LANG=C still edits Japanese"
  fi
  keys C-c
  wait_prompt
  keys C-d
  wait_exit 0 || fail "LANG=C run leaves with status 0"
}

case_pipe() {
  local out rc
  out=$(printf 'echo piped-one\necho 日本語\nexit\nnot-reached\n' |
    HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" ECS_TUTOR_LESSONS= timeout "$TIMEOUT" "$BIN" 2>/dev/null)
  rc=$?
  if [[ $rc == 0 && $out == $'piped-one\n日本語' ]]; then
    ok "piped stdin without a terminal"
  else
    fail "piped stdin without a terminal" "rc=$rc out=$(printf %q "$out")"
  fi
}

# In a pipe stdout carries only command output; the tutor's own errors go to stderr, as bash's do,
# and a very long name is cut in the message (seen: "command not found" on stdout).
case_pipe_errors() {
  local out err rc long
  long=$(printf 'x%.0s' {1..300})
  out=$(printf 'echo out-one\nnot-a-command\n%s\necho "unclosed\n' "$long" |
    HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" ECS_TUTOR_LESSONS= timeout "$TIMEOUT" "$BIN" \
      --lang en 2>"$WORK/stderr")
  rc=$?
  err=$(cat "$WORK/stderr")
  if [[ $rc == 0 && $out == 'out-one' ]] \
    && grep -qxF 'ecs-tutor: command not found: not-a-command. Type `help` for the commands you can use.' <<<"$err" \
    && grep -qF "ecs-tutor: command not found: $(printf 'x%.0s' {1..200})…. Type" <<<"$err" \
    && ! grep -qF "$(printf 'x%.0s' {1..201})" <<<"$err" \
    && grep -qxF "ecs-tutor: unexpected EOF while looking for matching \`\"'" <<<"$err"; then
    ok "errors go to stderr in a pipe, long names cut"
  else
    fail "errors go to stderr in a pipe, long names cut" "rc=$rc out=$(printf %q "$out") err=$(printf %q "${err:0:300}")"
  fi
  printf 'echo out-one\nnot-a-command\n%s\n' "$long" >"$WORK/script.txt"
  out=$(HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" ECS_TUTOR_LESSONS= timeout "$TIMEOUT" "$BIN" \
    run --keep-going --lang en "$WORK/script.txt" 2>"$WORK/stderr")
  rc=$?
  err=$(cat "$WORK/stderr")
  if [[ $rc == 1 && $out == 'out-one' ]] \
    && grep -qxF 'ecs-tutor: command not found: not-a-command. Type `help` for the commands you can use.' <<<"$err" \
    && ! grep -qF "$(printf 'x%.0s' {1..201})" <<<"$err"; then
    ok "errors go to stderr in ecs-tutor run, long names cut"
  else
    fail "errors go to stderr in ecs-tutor run, long names cut" "rc=$rc out=$(printf %q "$out") err=$(printf %q "${err:0:300}")"
  fi
}

case_prompt
case_history_up
case_search
case_keys
case_interrupt
case_ctrl_d_continuation quote 'echo "open' "ecs-tutor: unexpected EOF while looking for matching \`\"'"
case_ctrl_d_continuation backslash 'echo cancelled \' ''
case_japanese
case_wrapped_japanese_backspace
case_completion
case_ctrl_d
case_history_restart
case_c_locale
case_pipe
case_pipe_errors

echo "e2e: $passed passed, $failed failed"
((failed == 0))
