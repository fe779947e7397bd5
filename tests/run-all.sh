#!/usr/bin/env bash
# The one test command (`make test`): every NUnit project, then the Node wire-compatibility suite.
# Ends by writing and printing "N passed, M failed, K skipped" summed over all runs, after the skipped tests' names.
# The tests of release archives (category ReleaseArchives) need `make dist` and run in `make dist-test` instead.
set -uo pipefail
cd "$(dirname "$0")/.."
source tests/counts.sh
results="$PWD/TestResults"
rm -rf "$results"; mkdir -p "$results"

for proj in tests/*/*.Tests.csproj; do
  run_nunit "$results" "$proj" --filter "TestCategory!=ReleaseArchives"
done

if [ -f tests/wire/package.json ]; then
  echo "=== wire (Node, @pulumi/pulumi's own stubs)"
  if (cd tests/wire && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    node --test --test-reporter=tap tests/wire/ 2>&1 | tee "$results/wire.tap" | grep -E '^(not ok|# (pass|fail|skipped))' || true
    count_tap "$results/wire.tap"
  else
    echo "npm ci failed"; failed=$((failed + 1))
  fi
fi

finish "$results"
