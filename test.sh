#!/usr/bin/env bash
# The one command that runs every test (README): it installs what the tests need when it is missing,
# then runs `dotnet test` over the solution. Arguments go to `dotnet test` as they are, for example
# `./test.sh --filter InvoiceDocuments` or, as .ci/run does, `./test.sh -c Release --no-build`.
#
# What the tests need beyond the .NET SDK, from Debian's packages (apt-get, as root or through sudo):
#   chromium       the admin page's browser tests (API-3), driven by Playwright; BILLING_CHROMIUM
#                  may name another Chromium instead
#   poppler-utils  pdftoppm renders an invoice PDF to PNG (INV-14); the text is read back by PdfPig
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

exec dotnet test Billing.sln "$@"
