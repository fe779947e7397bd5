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

# Names every skipped NUnit test of the TRX files in RESULTS, with the reason it gave.
list_skipped() {
  local results=$1
  [ "$skipped" -gt 0 ] || return 0
  echo "skipped:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    local project; project=$(basename "$trx" .trx)
    skipped_results "$trx" | sed -E "s/.*testName=\"([^\"]*)\".*<Message>([^<]*)<\/Message>.*/  $project: \1: \2/; t; s/.*testName=\"([^\"]*)\".*/  $project: \1/"
  done
}

# Writes RESULTS/summary.txt and prints the closing line; succeeds when nothing failed and something passed.
finish() {
  local results=$1 line="$passed passed, $failed failed, $skipped skipped"
  list_skipped "$results"
  echo "$line" | tee "$results/summary.txt"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
