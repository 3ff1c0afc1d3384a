#!/usr/bin/env bash
# The README's first command on a throwaway data folder: `npm start` serves the home page and a
# healthy /api/v1/health with no DATABASE_URL, and a restart keeps the data.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="$(mktemp -d)"
port="${SMOKE_PORT:-3917}"
log="$(mktemp)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -TERM $(server_pid "$pid") "$pid" 2>/dev/null || true; fi
  rm -rf "$data_dir" "$log"
}
trap cleanup EXIT

start() {
  if curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; then echo "something is already serving on port $port"; exit 1; fi
  env -u DATABASE_URL PORT="$port" DATA_DIR="$data_dir" npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$log"; echo "npm start did not become healthy within 30 s"; exit 1
}
# The server process under npm (npm -> sh -> node): SIGTERM goes to it, as an orchestrator's would.
server_pid() {
  local p="$1" child
  for child in $(pgrep -P "$p"); do
    if grep -q "scripts/start.mjs" "/proc/$child/cmdline" 2>/dev/null && [ "$(basename "$(readlink "/proc/$child/exe")")" = node ]; then echo "$child"; return; fi
    server_pid "$child"
  done
}
stop() {
  local node_pid
  node_pid="$(server_pid "$pid")"
  [ -n "$node_pid" ] || { echo "could not find the server process under npm"; exit 1; }
  kill -TERM "$node_pid"
  wait "$pid" || { echo "npm start did not exit cleanly on SIGTERM"; cat "$log"; exit 1; }
  grep -q '"msg":"stopped"' "$log" || { echo "the server did not log its graceful stop"; cat "$log"; exit 1; }
  pid=""
}

start
curl -fsS "http://127.0.0.1:$port/api/v1/health" | grep -q '"db":"ok"'
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">'
region_before="$(curl -fsS "http://127.0.0.1:$port/api/v1/regions" | grep -o '"id":"[0-9a-f-]*"' | head -n 1)"
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"rating":"satisfied","comments":"smoke test"}' \
  "http://127.0.0.1:$port/api/v1/service-feedback" | grep -q '"receivedAt"'
stop

start
region_after="$(curl -fsS "http://127.0.0.1:$port/api/v1/regions" | grep -o '"id":"[0-9a-f-]*"' | head -n 1)"
stop
[ -n "$region_before" ] && [ "$region_before" = "$region_after" ] || { echo "the region changed across a restart: $region_before vs $region_after"; exit 1; }
echo "npm start smoke test passed (served, restarted, kept its data in $data_dir)"
