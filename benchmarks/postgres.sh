#!/usr/bin/env bash
# The benchmarks on PostgreSQL (PERFORMANCE.md): a throwaway PostgreSQL cluster as the tests use
# (tests/postgres-cluster.sh), but durable (fsync and synchronous commit on, as a production server
# runs), then the harness with BILLING_BENCH_POSTGRES naming it. Arguments go to the harness:
#   benchmarks/postgres.sh              P1-P4 and M1
#   benchmarks/postgres.sh --invoicing  P5 and P6
#   benchmarks/postgres.sh --smoke      a small run proving the harness works
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/postgres-cluster.sh
export POSTGRES_DURABLE=1
trap postgres_stop EXIT
postgres_start
BILLING_BENCH_POSTGRES="$BILLING_TEST_POSTGRES" dotnet run -c Release --project benchmarks/Billing.Benchmarks -- "$@"
