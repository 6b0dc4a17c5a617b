#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/pg-ui-run.sh PG-CLUSTER TEST [GTEST-ARGS…]: a UI test binary on a throwaway PostgreSQL
# cluster (build-aux/pg-cluster run), its databases the cluster's (QUORUM_TEST_PG:
# tests/test-ui-common.h). The GTest arguments are the cases it runs by default (-p PATH …); with
# QUORUM_PG_UI=all it runs all of them. A first argument `only-with-all` runs the test only with
# QUORUM_PG_UI=all and skips it otherwise (exit 77), before any cluster is started.
set -euo pipefail
cluster=$1
test=$2
shift 2
if [ "${QUORUM_PG_UI:-}" = all ]; then
  set --
elif [ "${1:-}" = only-with-all ]; then
  echo "Runs with QUORUM_PG_UI=all only (the suite's time: docs/notes/pgui.md)"
  exit 77
fi
exec "$cluster" run bash -c 'QUORUM_TEST_PG="$QUORUM_PG" exec "$0" "$@"' "$test" "$@"
