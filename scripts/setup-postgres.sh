#!/usr/bin/env bash
# PostgreSQL server binaries for the PostgresStore tests (test/store-contract.test.ts), which start a
# throwaway cluster of their own (test/helpers/pg-cluster.ts) and need only initdb and pg_ctl, from
# PATH or /usr/lib/postgresql/<version>/bin. Without them those tests skip with a visible message;
# this script never fails the build.
set -uo pipefail

find_initdb() {
  command -v initdb 2>/dev/null && return 0
  ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 | grep . && return 0
  return 1
}

if initdb_path=$(find_initdb); then
  echo "postgres: $("$initdb_path" --version 2>/dev/null || echo "$initdb_path")"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "postgres: initdb absent and not installable here (needs root and apt-get); PostgresStore tests will skip"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# The package's post-install may try to start a system cluster (no init system in a container):
# that is harmless, the tests start their own.
if apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/tmp/parallax-postgres-install.log 2>&1 \
  && initdb_path=$(find_initdb); then
  echo "postgres: installed $("$initdb_path" --version 2>/dev/null)"
else
  echo "postgres: install failed (see /tmp/parallax-postgres-install.log); PostgresStore tests will skip"
fi
exit 0
