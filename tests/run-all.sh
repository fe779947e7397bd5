#!/usr/bin/env bash
# The one test command (`make test`): every NUnit project, then every Node suite (tests/*/package.json).
# Ends by writing and printing "N passed, M failed" summed over all runs.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$PWD/TestResults"
rm -rf "$results"; mkdir -p "$results"
passed=0; failed=0

count_trx() { # counters of one TRX file; a missing file means the run never got to execute tests
  local trx=$1
  if [ ! -f "$trx" ]; then failed=$((failed + 1)); return; fi
  local p f
  p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(grep -o '<Counters [^>]*' "$trx" | grep -oE ' (failed|error|timeout|aborted)="[0-9]*"' | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
}

for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "=== $name"
  dotnet test "$proj" -c Release --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" -nologo 2>&1 | tee "$results/$name.log" | grep -vE '^\s+(Passed|Skipped) ' || true
  count_trx "$results/$name.trx"
done

# Node suites: every folder under tests/ with a package.json (tests/wire, tests/sdk-nodejs), installed from its lockfile.
for dir in tests/*/; do
  dir=${dir%/}; name=$(basename "$dir")
  [ -f "$dir/package.json" ] || continue
  echo "=== $name (Node)"
  if (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    node --test --test-reporter=tap "$dir/" 2>&1 | tee "$results/$name.tap" | grep -E '^(not ok|# (pass|fail))' || true
    p=$(grep -E '^# pass ' "$results/$name.tap" | grep -o '[0-9]*' | tail -1)
    f=$(grep -E '^# fail ' "$results/$name.tap" | grep -o '[0-9]*' | tail -1)
    [ -z "$p$f" ] && f=1
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  else
    echo "npm ci failed in $dir"; failed=$((failed + 1))
  fi
done

line="$passed passed, $failed failed"
echo "$line" | tee "$results/summary.txt"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
