#!/usr/bin/env bash
# Runs every Fuzz* target of the module for the given time each (default 5m) and prints
# executions per second. Not part of `make test`; run with `make fuzz FUZZTIME=5m`.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-5m}
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "== $pkg $f ($t)"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" "$pkg" 2>&1 | tail -4
  done
done
