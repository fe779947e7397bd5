#!/usr/bin/env bash
# `make test-fresh-clone`: the project as a new user gets it. Clones the committed HEAD (uncommitted changes are not
# in the clone) into an empty temporary folder, with nothing beside it (no ../shared) and without the reference
# document variables, then runs `make demo` and `make test` there. Each counts as one test: the demo must exit 0, and
# the tests must end with 0 failed (the tests that need a missing reference document are skipped, and named). A check
# also fails if anything started in the clone is still running afterwards. The folder is always removed.
# Ends with "N passed, M failed, K skipped" over those two checks.
set -uo pipefail
cd "$(dirname "$0")/.."
source tests/counts.sh
results="$PWD/TestResults/fresh-clone"
rm -rf "$results"; mkdir -p "$results"
root=$(mktemp -d -t confluentflink-fresh-clone-XXXXXX)
clone=$root/repo

# Processes whose executable, working folder or command line is inside the clone.
started_in_clone() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = "$$" ] && continue
    if [[ $(readlink "$dir/exe" 2>/dev/null) == "$root"/* || $(readlink "$dir/cwd" 2>/dev/null) == "$root"* ]] ||
       tr '\0' ' ' <"$dir/cmdline" 2>/dev/null | grep -qF "$root/"; then
      echo "$pid"
    fi
  done
}

stop_leftovers() {
  local pids; pids=$(started_in_clone)
  [ -z "$pids" ] && return 0
  echo "still running after the check:"
  for pid in $pids; do echo "  $pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"; done
  kill $pids 2>/dev/null; sleep 2; kill -9 $pids 2>/dev/null
  return 1
}

trap 'stop_leftovers >/dev/null; rm -rf "$root"' EXIT

# check NAME COMMAND...: one test, passed when COMMAND succeeds and leaves nothing running.
check() {
  local name=$1; shift
  echo "=== fresh clone: $name"
  if "$@" && stop_leftovers; then
    passed=$((passed + 1)); echo "=== fresh clone: $name passed"
  else
    failed=$((failed + 1)); echo "=== fresh clone: $name FAILED"
  fi
}

# The clone's own builds must not leave build servers behind (they would outlive the folder), and it must not find
# the reference documents through the variables CI sets.
in_clone() {
  env -u PULUMI_PACKAGE_METASCHEMA -u FLINK_OPENAPI -u FLINK_CONNECTION_TYPES MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
    UseSharedCompilation=false make -C "$clone" "$@"
}

make_test_has_no_failure() {
  in_clone test 2>&1 | tee "$results/make-test.log"
  local line; line=$(tail -n 1 "$clone/TestResults/summary.txt" 2>/dev/null)
  cp -r "$clone/TestResults" "$results/make-test" 2>/dev/null
  [[ $line =~ ^[0-9]+\ passed,\ 0\ failed ]] || { echo "make test in the fresh clone: ${line:-no summary line}"; return 1; }
}

make_demo_passes() {
  in_clone demo 2>&1 | tee "$results/make-demo.log"
  return "${PIPESTATUS[0]}"
}

no_build_warning() {
  local found; found=$(grep -hoE '[^ ]*: warning (CS|IL|NU|MSB|NETSDK|CA)[0-9]+[^[]*' "$results/make-demo.log" "$results/make-test.log" | sort -u)
  [ -z "$found" ] || { echo "build warnings:"; echo "$found"; return 1; }
}

head=$(git rev-parse HEAD)
echo "cloning $head into $clone (nothing beside it)"
if git clone --quiet --no-hardlinks "$PWD" "$clone" && git -C "$clone" checkout --quiet --detach "$head"; then
  check "make demo" make_demo_passes
  check "make test" make_test_has_no_failure
  check "no build warning" no_build_warning
else
  failed=$((failed + 1))
fi

finish "$results"
