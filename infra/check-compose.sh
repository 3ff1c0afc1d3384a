#!/usr/bin/env bash
# `docker compose up --build`, checked: builds the image and starts docker-compose.yml as it is
# (PostgreSQL, Redis, the migration, three app nodes, nginx on :3000), then runs
# test/compose/check-compose.ts against it (stickiness and spread, the development sign-in in
# Chromium, live offers heard on every node, a node killed, PostgreSQL restarted, a node stopped
# and drained, no acknowledged offer lost), and takes it all down again, volumes included.
#
#   bash infra/check-compose.sh                     (Docker Hub reachable)
#   bash infra/check-compose.sh --offline-images    (our machines: infra/offline-images/build.sh)
#
# Needs Docker with compose (v2 `docker compose`, or v1 `docker-compose`), Chromium, port 3000
# free, and `npm ci` done here. Where the Docker engine is installed but not running (our machines:
# `apt-get install docker.io docker-compose debootstrap`), it starts one. As root; about 8 minutes
# with the offline images on 2 cores. Not part of CI: it builds the whole image.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null || { echo "no Docker engine: apt-get install docker.io docker-compose"; exit 1; }
  echo "== starting dockerd (log in /tmp/px-dockerd.log)"
  # vfs: works on any filesystem, overlay or not, at the cost of disk and speed.
  nohup dockerd --storage-driver=vfs >/tmp/px-dockerd.log 2>&1 &
  for _ in $(seq 1 30); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -n 20 /tmp/px-dockerd.log; exit 1; }
fi
compose() { if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi; }

if [ "${1:-}" = "--offline-images" ]; then
  echo "== stand-ins for Docker Hub's images"
  bash infra/offline-images/build.sh
  export NODE_IMAGE=px-offline/node:22 POSTGRES_IMAGE=px-offline/postgres:15 REDIS_IMAGE=px-offline/redis:7 NGINX_IMAGE=px-offline/nginx:1.22
fi

export COMPOSE_PROJECT_NAME=pxcompose
trap 'echo "== down"; compose down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
echo "== up --build"
start=$(date +%s)
compose up --build -d 2>&1 | grep -v -e "legacy builder" -e "buildx" -e "docs.docker.com" | tail -n 15
echo "   up in $(($(date +%s) - start)) s"
echo "== checks"
COMPOSE_PROJECT="$COMPOSE_PROJECT_NAME" npx tsx test/compose/check-compose.ts
