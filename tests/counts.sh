# Sourced by the test scripts: runs NUnit projects and the like, and sums what they report into the one closing
# line "N passed, M failed, K skipped". A run that leaves no result file counts as one failed test.
passed=0; failed=0; skipped=0

# Adds the counters of one TRX file. A test NUnit ignored (Assert.Ignore) is a result with outcome "NotExecuted",
# which the TRX counters leave out.
count_trx() {
  local trx=$1 counters
  if [ ! -f "$trx" ]; then failed=$((failed + 1)); return; fi
  counters=$(grep -o '<Counters [^>]*' "$trx")
  passed=$((passed + $(sum_of "$counters" passed)))
  failed=$((failed + $(sum_of "$counters" failed error timeout aborted)))
  skipped=$((skipped + $(skipped_results "$trx" | wc -l)))
}

skipped_results() { # TRX: each skipped test's result element, on a line of its own
  tr -d '\n' <"$1" | sed 's/<UnitTestResult /\n&/g' | grep -E '^<UnitTestResult [^>]*outcome="NotExecuted"'
}

sum_of() { # TEXT NAME... : the sum of the NAME="n" attributes in TEXT
  local text=$1; shift
  local names; names=$(IFS='|'; echo "$*")
  grep -oE " ($names)=\"[0-9]+\"" <<<"$text" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'
}

# run_nunit RESULTS PROJECT [dotnet test options...]: one project, its passed/skipped lines kept out of the console.
run_nunit() {
  local results=$1 proj=$2; shift 2
  local name; name=$(basename "$proj" .csproj)
  echo "=== $name"
  dotnet test "$proj" -c Release --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" -nologo "$@" 2>&1 | tee "$results/$name.log" | grep -vE '^\s+(Passed|Skipped) ' || true
  count_trx "$results/$name.trx"
}

# Adds the counters of a TAP stream written by `node --test --test-reporter=tap`.
count_tap() {
  local tap=$1 p f s
  p=$(grep -E '^# pass ' "$tap" | grep -oE '[0-9]+' | tail -1)
  f=$(grep -E '^# fail ' "$tap" | grep -oE '[0-9]+' | tail -1)
  s=$(grep -E '^# (skipped|todo) ' "$tap" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  [ -z "$p$f" ] && f=1
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + s))
}

# Adds the counters of a JUnit XML file, as `pytest --junitxml` writes it. A run that leaves no file counts as one
# failed test.
count_junit() {
  local xml=$1 counters total failures skips
  if [ ! -f "$xml" ]; then failed=$((failed + 1)); return; fi
  counters=$(grep -o '<testsuite [^>]*' "$xml")
  total=$(sum_of "$counters" tests) failures=$(sum_of "$counters" failures errors) skips=$(sum_of "$counters" skipped)
  passed=$((passed + total - failures - skips)); failed=$((failed + failures)); skipped=$((skipped + skips))
}

junit_skipped_results() { # JUnit XML: each skipped test case, with its skipped element, on a line of its own
  tr -d '\n' <"$1" | sed 's/<testcase /\n&/g' | grep -E '^<testcase [^>]*>[[:space:]]*<skipped'
}

# A whole suite that could not run: counted as one skipped test, named with REASON in the closing list.
skipped_suites=()
skip_suite() {
  local name=$1 reason=$2
  skipped=$((skipped + 1)); skipped_suites+=("  $name: $reason")
  echo "$name: skipped: $reason"
}

# Names every skipped test of the TRX and JUnit files in RESULTS and every skipped suite, with the reason given.
list_skipped() {
  local results=$1
  [ "$skipped" -gt 0 ] || return 0
  echo "skipped:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    local project; project=$(basename "$trx" .trx)
    skipped_results "$trx" | sed -E "s/.*testName=\"([^\"]*)\".*<Message>([^<]*)<\/Message>.*/  $project: \1: \2/; t; s/.*testName=\"([^\"]*)\".*/  $project: \1/"
  done
  for xml in "$results"/*.xml; do
    [ -f "$xml" ] || continue
    local suite; suite=$(basename "$xml" .xml)
    junit_skipped_results "$xml" |
      sed -E "s/^<testcase [^>]*classname=\"([^\"]*)\" [^>]*name=\"([^\"]*)\"[^>]*>[[:space:]]*<skipped [^>]*message=\"([^\"]*)\".*/  $suite: \1.\2: \3/" |
      sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
  done
  if [ ${#skipped_suites[@]} -gt 0 ]; then printf '%s\n' "${skipped_suites[@]}"; fi
}

# Writes RESULTS/summary.txt and prints the closing line; succeeds when nothing failed and something passed.
finish() {
  local results=$1 line="$passed passed, $failed failed, $skipped skipped"
  list_skipped "$results"
  echo "$line" | tee "$results/summary.txt"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
