#!/usr/bin/env bash
# Provision the services Lantern needs, idempotently, and write their URLs to
# .lantern/env (sourced by scripts/run.sh). Order (ARCHITECTURE.md):
#   1. DATABASE_URL / REDIS_URL given and reachable -> use them;
#   2. else project-local PostgreSQL + Redis under .lantern/ on their own ports
#      (Debian packages installed with apt when missing), plus Debian chromium;
#   3. else, where a Docker engine answers, `docker compose up -d postgres redis`;
#   4. else stop with a message saying exactly what to provide.
# A second run finds everything up and returns in well under a second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.lantern"
PG_PORT="${LANTERN_PG_PORT:-54329}"
REDIS_PORT="${LANTERN_REDIS_PORT:-63790}"
mkdir -p "$STATE"

log() { echo "[provision] $*" >&2; }
die() { echo "[provision] ERROR: $*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

APT_UPDATED=0
apt_install() {
  # apt_install pkg... : installs the packages that are not installed yet.
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || return 1
  is_root || return 1
  log "installing Debian packages: ${missing[*]} (about 40 s on a bare machine)"
  if [ $APT_UPDATED = 0 ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE/apt.log" 2>&1 \
    || { tail -20 "$STATE/apt.log" >&2; return 1; }
}

reachable() {
  # reachable DATABASE_URL REDIS_URL : both answer a real query.
  node "$ROOT/scripts/check-services.mjs" "$1" "$2" >/dev/null 2>&1
}

write_env() {
  umask 077
  cat >"$STATE/env" <<ENV
export DATABASE_URL='$1'
export TEST_DATABASE_URL='$2'
export REDIS_URL='$3'
export CHROMIUM_PATH='${CHROMIUM_PATH:-/usr/bin/chromium}'
export LANTERN_SECRET_KEY='${LANTERN_SECRET_KEY:-$(cat "$STATE/secret")}'
ENV
}

ensure_secret() {
  # A per-checkout development secret (pseudonym HMAC + testimony encryption).
  [ -s "$STATE/secret" ] || (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$STATE/secret")
}

ensure_os_packages() {
  # Redis, Chromium (reports), fonts covering Latin/Cyrillic/Arabic/Devanagari/CJK, poppler (PDF text in tests).
  local pkgs=(redis-server fonts-noto-core fonts-noto-cjk poppler-utils)
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] || pkgs+=(chromium)
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || pkgs+=(postgresql)
  apt_install "${pkgs[@]}"
}

# Run a command as the postgres user from / (the project folder may not be readable by it).
as_pg() { (cd / && runuser -u postgres -- "$@"); }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start_local_postgres() {
  local bin; bin="$(pg_bin)"; [ -n "$bin" ] || return 1
  id postgres >/dev/null 2>&1 || return 1
  # The server runs as the postgres user: its folder (data, socket, log) must be
  # reachable by it; a checkout under a private folder gets one in /var/tmp.
  local base="$STATE/postgres"
  if ! as_pg test -x "$STATE" 2>/dev/null; then
    base="/var/tmp/lantern-$(echo -n "$ROOT" | sha1sum | cut -c1-12)"
  fi
  local data="$base/data" sock="$base/sock" logf="$base/server.log"
  mkdir -p "$base"; chown postgres "$base"; chmod 700 "$base"
  as_pg mkdir -p "$sock"
  if ! as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
    if [ ! -s "$data/PG_VERSION" ]; then
      log "initialising PostgreSQL cluster in $data"
      as_pg "$bin/initdb" -D "$data" -U lantern -A trust -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 \
        || { cat "$STATE/initdb.log" >&2; return 1; }
    fi
    as_pg "$bin/pg_ctl" -D "$data" -l "$logf" -w -t 60 start -o \
      "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=${LANTERN_PG_FSYNC:-on}" >/dev/null \
      || { as_pg tail -20 "$logf" >&2; return 1; }
    log "PostgreSQL listening on 127.0.0.1:$PG_PORT"
  fi
  for db in lantern lantern_test; do
    as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U lantern -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
      || as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U lantern "$db"
  done
}

start_local_redis() {
  command -v redis-server >/dev/null || return 1
  if ! redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    mkdir -p "$STATE/redis"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STATE/redis" --daemonize yes \
      --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/redis.log" \
      --appendonly yes --maxmemory-policy noeviction --save "" >/dev/null
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || return 1
    log "Redis listening on 127.0.0.1:$REDIS_PORT"
  fi
}

main() {
  ensure_secret
  # 1. Given URLs.
  if [ -n "${DATABASE_URL:-}" ] && [ -n "${REDIS_URL:-}" ]; then
    if reachable "$DATABASE_URL" "$REDIS_URL"; then
      log "using the given DATABASE_URL and REDIS_URL"
      write_env "$DATABASE_URL" "${TEST_DATABASE_URL:-$DATABASE_URL}" "$REDIS_URL"
      return 0
    fi
    log "DATABASE_URL/REDIS_URL given but not reachable; falling back to local services"
  fi
  # 2. Project-local services.
  local local_ok=1
  ensure_os_packages || local_ok=0
  if [ $local_ok = 1 ] && start_local_postgres && start_local_redis; then
    write_env "postgres://lantern@127.0.0.1:$PG_PORT/lantern" "postgres://lantern@127.0.0.1:$PG_PORT/lantern_test" \
      "redis://127.0.0.1:$REDIS_PORT"
    return 0
  fi
  # 3. Docker.
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    log "starting postgres and redis with docker compose"
    (cd "$ROOT" && docker compose up -d --wait postgres redis)
    write_env "postgres://lantern:lantern@127.0.0.1:5432/lantern" "postgres://lantern:lantern@127.0.0.1:5432/lantern_test" \
      "redis://127.0.0.1:6379"
    return 0
  fi
  # 4. Nothing worked.
  die "could not provision PostgreSQL and Redis.
  Provide running services:   export DATABASE_URL=postgres://user:pass@host:5432/db REDIS_URL=redis://host:6379
  or run as root on Debian/Ubuntu (apt installs postgresql, redis-server, chromium),
  or start a Docker engine (docker compose up -d postgres redis)."
}

main "$@"
