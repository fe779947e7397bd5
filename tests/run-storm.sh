#!/usr/bin/env bash
# `make storm`: the fault storms alone (the seeded storm and the one whose backend is killed) at CHAOS_SCALE (default
# 10), as CI runs them after `make test`. Prints the storms' table, then "N passed, M failed, K skipped", also written to
# TestResults/storm/summary.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
source tests/counts.sh
results="$PWD/TestResults/storm"
rm -rf "$results"; mkdir -p "$results"
export CHAOS_SCALE=${CHAOS_SCALE:-10}

run_nunit "$results" tests/Plugin.Tests/ConfluentFlink.Plugin.Tests.csproj --filter "TestCategory=Storm"
finish "$results"
