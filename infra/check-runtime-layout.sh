#!/usr/bin/env bash
# The app image's runtime stage without Docker (we have no Docker engine): builds a clean clone
# of HEAD as infra/Dockerfile's build stage does (npm ci, the build, npm prune --omit=dev), copies
# only what the runtime stage's COPY --from=build lines name into an empty folder, and runs it
# there as an unprivileged user who cannot write those files (as the image's `node` user on a
# read-only root filesystem in Kubernetes): migrate and seed with the CLI, then the server,
# against a throwaway database on the PostgreSQL server and Redis. It fails if a file the
# server reads at run time, or a package it needs, is left out of the image.
#
#   bash infra/check-runtime-layout.sh      (as root: it switches to `nobody`; about 2 minutes)
#
# DATABASE_URL (a server to make the throwaway database on) and REDIS_URL default to this
# machine's. Not part of CI: it installs and builds the whole tree a second time.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
REDIS="${REDIS_URL:-redis://127.0.0.1:6379}"
PORT=3999
work=$(mktemp -d /tmp/px-layout-XXXXXX)
db="px_layout_$$"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  psql "$SERVER_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== the build stage, on a clean clone of HEAD"
git clone -q . "$work/src"
if ! (cd "$work/src" && npm ci --no-audit --no-fund && node scripts/build.mjs --force && npm prune --omit=dev) >"$work/build.log" 2>&1; then
  tail -n 30 "$work/build.log"; exit 1
fi

echo "== the runtime stage: only what infra/Dockerfile copies"
mkdir -p "$work/app/data"
grep -E '^COPY --from=build' infra/Dockerfile | while read -r _ _ _ from to; do
  src="$work/src/${from#/app/}"
  dst="$work/app/${to#./}"
  mkdir -p "$(dirname "$dst")"
  cp -r "$src" "$dst"
  echo "   ${from#/app/} -> ${to}"
done
chmod -R a+rX,go-w "$work"
chmod 777 "$work/app/data"

psql "$SERVER_URL" -qc "CREATE DATABASE $db" >/dev/null
run_env=(env -i PATH=/usr/bin:/bin HOME=/tmp NODE_ENV=development PORT=$PORT PUBLIC_URL=http://localhost:$PORT
  DATABASE_URL="${SERVER_URL%/*}/$db" REDIS_URL="$REDIS" SESSION_SECRET=layout-check-session-secret-0123456789abcdef
  SEED_DEMO=false DATA_DIR="$work/app/data")
as_nobody() { (cd "$work/app" && runuser -u nobody -- "${run_env[@]}" "$@"); }

echo "== migrate and seed, as the image's migrate service does"
for step in migrate seed; do
  if ! as_nobody node dist/server/cli.js "$step" >"$work/$step.log" 2>&1; then
    echo "   FAIL $step:"; tail -n 10 "$work/$step.log"; exit 1
  fi
done

echo "== the server"
as_nobody node --enable-source-maps dist/server/main.js >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://localhost:$PORT/api/v1/health/ready" && break; sleep 0.5; done

fail=0
check() { # name, expected status, path
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT$3")
  if [ "$got" = "$2" ]; then echo "   ok   $1 ($3: $got)"; else echo "   FAIL $1 ($3: $got, expected $2)"; fail=1; fi
}
check "ready" 200 /api/v1/health/ready
health=$(curl -s "http://localhost:$PORT/api/v1/health")
case "$health" in *'"db":"ok"'*'"redis":"ok"'*) echo "   ok   health $health" ;; *) echo "   FAIL health $health"; fail=1 ;; esac
check "home page" 200 /
script=$(curl -s "http://localhost:$PORT/" | grep -o 'src="/assets/[^"]*\.js"' | head -n 1 | cut -d'"' -f2)
check "its script" 200 "${script:-/assets/missing.js}"
check "OpenAPI document" 200 /api/v1/openapi.json
check "development sign-in" 302 /auth/login
if grep -q '"level":[56]0' "$work/server.log"; then
  echo "   FAIL the server logged errors:"; grep '"level":[56]0' "$work/server.log" | head -n 5; fail=1
fi
[ "$fail" = 0 ] && echo "The runtime stage's files start and serve." || { echo "The runtime stage is missing something (above)."; exit 1; }
