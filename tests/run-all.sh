#!/usr/bin/env bash
# The one test command (`make test`): every NUnit project, then every Node suite (tests/*/package.json), then the
# Python suite (tests/python).
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

# The Python suite: pytest on the first interpreter that has what tests/python/prerequisites.py lists; conftest.py
# finds Pulumi's Python runtime (or skips its tests, saying why).
echo "=== python"
python= reasons=()
for candidate in python3 /usr/bin/python3; do
  if ! command -v "$candidate" >/dev/null; then reasons+=("no $candidate"); continue; fi
  if report=$("$candidate" tests/python/prerequisites.py); then python=$candidate; break; fi
  reasons+=("$report")
done
if [ -n "$python" ]; then
  PYTHONDONTWRITEBYTECODE=1 "$python" -m pytest tests/python -q -rfEs --junitxml="$results/python.xml" 2>&1 |
    tee "$results/python.log" | grep -E '^(FAILED|ERROR|SKIPPED) |^[0-9]+ (passed|failed|skipped|error)|^no tests ran' || true
  count_junit "$results/python.xml"
else
  skip_suite python "$(printf '%s; ' "${reasons[@]}" | sed 's/; $//')"
fi

finish "$results"
