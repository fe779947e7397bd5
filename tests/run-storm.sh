#!/usr/bin/env bash
# `make storm`: the fault storms alone (the seeded storm and the dead-backend twist) at CHAOS_SCALE (default 10), as CI
# runs them after `make test`. Prints the storms' table, then writes and prints "N passed, M failed" (", K skipped" when
# any were) to TestResults/storm/summary.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$PWD/TestResults/storm"
rm -rf "$results"; mkdir -p "$results"

CHAOS_SCALE=${CHAOS_SCALE:-10} dotnet test tests/Robustness.Tests/ConfluentFlink.Robustness.Tests.csproj -c Release -nologo \
  --filter "FullyQualifiedName~ConfluentFlink.Robustness.Tests.Storm." --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | tee "$results/storm.log" | grep -vE '^\s+(Passed|Skipped) ' || true

# The console logger ends with "Total tests: N", then "Passed: N", "Failed: N", "Skipped: N" lines (only those that are
# not zero); no such block means the run broke before it could count.
totals=$(sed -n '/^Total tests:/,/Total time:/p' "$results/storm.log")
count() { grep -oE "^ *$1: [0-9]+" <<<"$totals" | grep -oE '[0-9]+'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
[ -z "$totals" ] && failed=1
line="${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line" | tee "$results/summary.txt"
[ "${failed:-0}" -eq 0 ] && [ "${passed:-0}" -gt 0 ]
