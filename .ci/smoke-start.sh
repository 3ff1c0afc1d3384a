#!/usr/bin/env bash
# The README's first command on a throwaway data folder: `npm start` serves the home page and a
# healthy /api/v1/health with no DATABASE_URL, and a restart keeps the data.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="$(mktemp -d)"
port="${SMOKE_PORT:-3917}"
log="$(mktemp)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$data_dir" "$log"; }
trap cleanup EXIT

start() {
  env -u DATABASE_URL PORT="$port" DATA_DIR="$data_dir" npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$log"; echo "npm start did not become healthy within 30 s"; exit 1
}
stop() {
  kill -TERM "$pid"
  wait "$pid" || { echo "npm start did not exit cleanly on SIGTERM"; cat "$log"; exit 1; }
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
