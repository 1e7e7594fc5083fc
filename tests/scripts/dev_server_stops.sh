#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/dev-server started in the background (as `scripts/dev-server &` does) stops cleanly
# on SIGNAL: no waypoint-server or PostgreSQL of it keeps running and its temp folders are gone.
# It also says which waypoint-server it uses before anything else.
#   dev_server_stops.sh REPO BUILD_DIR TERM|INT
set -euo pipefail
repo=$1
build=$2
signal=${3:-TERM}

fail() { echo "FAIL: $*" >&2; [ ! -f "${out:-}" ] || sed 's/^/  | /' "$out" >&2; exit 1; }

# Two loopback ports nothing listens on (the dev server refuses busy ones).
read -r port pg_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))')

out=$(mktemp)
pid=""
dir=""
pgdir=""
server_pids=""
# Whatever happens, nothing of the test is left behind.
leftovers() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    sleep 2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  for p in $server_pids; do kill -TERM "$p" 2>/dev/null || true; done
  [ -z "$pgdir" ] || [ ! -d "$pgdir" ] || "$repo/scripts/pg" stop "$pgdir"
  [ -z "$dir" ] || rm -rf "$dir"
  rm -f "$out"
}
trap leftovers EXIT

"$repo/scripts/dev-server" --port "$port" --pg-port "$pg_port" --build-dir "$build" >"$out" 2>&1 &
pid=$!

for _ in $(seq 900); do
  grep -q '^Database files: ' "$out" && break
  kill -0 "$pid" 2>/dev/null || fail "dev-server exited before its banner"
  sleep 0.2
done
grep -q '^Waypoint dev server: http://127.0.0.1:'"$port" "$out" || fail "no banner within 180 s"
head -n 1 "$out" | grep -q "^dev-server: using $build/app/server/waypoint-server" ||
  fail "the first line does not say which waypoint-server it uses"

dir=$(sed -n 's|^Request log: \(.*\)/requests\.log$|\1|p' "$out")
pgdir=$(sed -n 's|^Database files: ||p' "$out")
[ -d "$dir" ] || fail "no temp folder $dir"
[ -d "$pgdir" ] || fail "no database folder $pgdir"
server_pids=$(pgrep -f "waypoint-server serve --listen 127.0.0.1:$port\$" || true)
pg_pids=$(pgrep -f "postgres -D $pgdir/data" || true)
[ -n "$server_pids" ] || fail "no waypoint-server running on port $port"
[ -n "$pg_pids" ] || fail "no PostgreSQL running in $pgdir"

kill "-$signal" "$pid"
for _ in $(seq 300); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "dev-server still runs 30 s after SIG$signal"
status=0
wait "$pid" || status=$?
pid=""

for p in $server_pids; do
  kill -0 "$p" 2>/dev/null && fail "waypoint-server $p still runs after SIG$signal"
done
# PostgreSQL's own processes go with its postmaster; give them a moment.
for _ in $(seq 50); do
  pgrep -f "postgres -D $pgdir/data" >/dev/null || break
  sleep 0.1
done
pgrep -f "postgres -D $pgdir/data" >/dev/null && fail "PostgreSQL still runs in $pgdir after SIG$signal"
[ -e "$dir" ] && fail "$dir was not deleted"
[ -e "$pgdir" ] && fail "$pgdir was not deleted"
grep -q '^dev server stopped' "$out" || fail "it did not say it stopped"
case "$signal:$status" in
  TERM:143|INT:130) ;;
  *) fail "exit status $status after SIG$signal" ;;
esac
echo "ok: dev-server stopped cleanly on SIG$signal (exit $status)"
