#!/usr/bin/env bash
# The one test command (`make test`): every NUnit project, then every Node suite (tests/*/package.json).
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

# Node suites: every folder under tests/ with a package.json (tests/wire, tests/sdk-nodejs), installed from its lockfile.
for dir in tests/*/; do
  dir=${dir%/}; name=$(basename "$dir")
  [ -f "$dir/package.json" ] || continue
  echo "=== $name (Node)"
  if (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    node --test --test-reporter=tap "$dir/" 2>&1 | tee "$results/$name.tap" | grep -E '^(not ok|# (pass|fail|skipped))' || true
    count_tap "$results/$name.tap"
  else
    echo "npm ci failed in $dir"; failed=$((failed + 1))
  fi
done

finish "$results"
