#!/usr/bin/env bash
# The one command that runs every test (README): it installs what the tests need when it is missing,
# then runs `dotnet test` over the solution. Arguments go to `dotnet test` as they are, for example
# `./test.sh --filter InvoiceDocuments` or, as .ci/run does, `./test.sh -c Release --no-build`.
#
# What the tests need beyond the .NET SDK, from Debian's packages (apt-get, as root or through sudo):
#   chromium       the admin page's browser tests (API-3), driven by Playwright; BILLING_CHROMIUM
#                  may name another Chromium instead
#   poppler-utils  pdftoppm renders an invoice PDF to PNG (INV-14); the text is read back by PdfPig
#   postgresql     the PostgreSQL pass (issue 17): a throwaway cluster, see tests/postgres-cluster.sh
#
# The suite runs once per database provider: on the embedded SQLite file, then on a PostgreSQL 15
# cluster started for the run in a temporary directory on a free port and stopped after it.
# BILLING_TEST_PROVIDERS chooses the passes: `BILLING_TEST_PROVIDERS=postgres ./test.sh` runs the
# PostgreSQL pass alone, `BILLING_TEST_PROVIDERS=sqlite ./test.sh` the SQLite pass alone.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ -z "${BILLING_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
  missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing what the tests need: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "No apt-get here: install ${missing[*]} yourself (or set BILLING_CHROMIUM); the tests that need them will fail." >&2
  elif ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "Could not install ${missing[*]}; the tests that need them will fail." >&2
  fi
fi

source tests/postgres-cluster.sh
trap postgres_stop EXIT

status=0
for provider in ${BILLING_TEST_PROVIDERS:-sqlite postgres}; do
  echo "== The suite on $provider"
  case "$provider" in
    sqlite)
      BILLING_TEST_PROVIDER=sqlite dotnet test Billing.sln "$@" || status=1
      ;;
    postgres)
      if postgres_start; then
        BILLING_TEST_PROVIDER=postgres dotnet test Billing.sln "$@" || status=1
        postgres_stop
      else
        echo "PostgreSQL could not be started; the PostgreSQL pass did not run." >&2
        status=1
      fi
      ;;
    *)
      echo "Unknown provider '$provider' in BILLING_TEST_PROVIDERS (sqlite, postgres)." >&2
      status=1
      ;;
  esac
done
exit "$status"
