#!/usr/bin/env bash
# `make dist-test`: the tests of the release files in dist/ (category ReleaseArchives of Release.Tests), after
# `make dist` wrote them. Ends with "N passed, M failed, K skipped", also written to TestResults/dist/summary.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
source tests/counts.sh
results="$PWD/TestResults/dist"
rm -rf "$results"; mkdir -p "$results"

run_nunit "$results" tests/Release.Tests/ConfluentFlink.Release.Tests.csproj --filter "TestCategory=ReleaseArchives"

finish "$results"
