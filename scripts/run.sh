#!/usr/bin/env bash
# Entry point behind the npm scripts: provisions services, then runs one job.
#   scripts/run.sh demo [--serve]   build, migrate, run the end-to-end demo
#   scripts/run.sh test [jest args] run unit + e2e tests against real PostgreSQL/Redis
#   scripts/run.sh bench            build, run the benchmarks
#   scripts/run.sh migrate          build, apply migrations
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
cmd="${1:-}"; shift || true

bash scripts/provision.sh
# shellcheck disable=SC1091
source .lantern/env

build() {
  echo "[lantern] building (tsc, incremental)" >&2
  npm run --silent build
}

case "$cmd" in
  demo)
    build
    node dist/apps/cli/src/main.js migrate
    exec node dist/apps/cli/src/main.js demo "$@"
    ;;
  test)
    # A fresh database per run (dropped afterwards): concurrent runs never collide.
    db="lantern_test_$(date +%s)_$$"
    DATABASE_URL="$(node scripts/test-db.mjs create "$TEST_DATABASE_URL" "$db")"
    export DATABASE_URL NODE_ENV=test LANTERN_QUEUE_PREFIX="$db"
    trap 'node scripts/test-db.mjs drop "$TEST_DATABASE_URL" "$db" || true' EXIT
    # --forceExit: a stray handle (e.g. an ioredis reconnect timer) must not hang CI after the results are in.
    node --experimental-vm-modules --no-warnings node_modules/jest/bin/jest.js --forceExit "$@"
    ;;
  bench)
    build
    node dist/apps/cli/src/main.js migrate
    exec node --expose-gc dist/bench/run.js "$@"
    ;;
  migrate)
    build
    exec node dist/apps/cli/src/main.js migrate
    ;;
  *)
    echo "usage: scripts/run.sh demo|test|bench|migrate" >&2; exit 2 ;;
esac
