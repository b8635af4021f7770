# The common ground of the tmux end-to-end tests (lesson-loop.sh, quiz.sh, walkthrough.sh).
# Source it with NAME set to the runner's name and the script's arguments:
#   NAME=quiz; source "$(dirname "$0")/harness.sh" "$@"
# It goes to the repository root, finds the binary (BIN: the first argument, else $ECS_TUTOR_BIN,
# else .build/debug/ecs-tutor; absolute), makes WORK (a temporary folder with home/ and state/,
# removed at exit) and T (tmux on its own socket and config, killed at exit), and defines:
#   screen              the pane's text (S is the current session)
#   ok NAME, fail NAME  count a case (fail also shows the end of the screen)
#   type_line LINE      type a line and press Enter
#   expect NAME TEXT    wait (TIMEOUT seconds) until the screen holds TEXT
# A script may redefine any of them after sourcing.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BIN=${1:-${ECS_TUTOR_BIN:-.build/debug/ecs-tutor}}
if [[ ! -x $BIN ]]; then
  echo "$NAME: no ecs-tutor binary at $BIN" >&2
  echo "$NAME: 0 passed, 1 failed"
  exit 1
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
command -v tmux >/dev/null || { echo "$NAME: tmux is not installed" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ecs-tutor-$NAME.XXXXXX")
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
type_line() { "${T[@]}" send-keys -t "$S" -l -- "$1"; "${T[@]}" send-keys -t "$S" Enter; }
expect() {
  local deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    screen | grep -qF -- "$2" && { ok "$1"; return 0; }
    sleep 0.1
  done
  fail "$1 (no '$2')"
}
