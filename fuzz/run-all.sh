#!/usr/bin/env bash
# Bounded fuzzing: fuzzes every Jazzer @FuzzTest of core for DURATION (default 45s) each, one target per Maven
# run (Jazzer fuzzes one target per JVM), with the 256 MiB heap the limits are meant for. Fails when a target
# finds a crash, naming the target and the crash file (written into the target's saved-corpus directory, so
# that `mvn test` replays it from then on: fix the bug, commit the file). See FUZZING.md.
#
#   fuzz/run-all.sh [DURATION]           e.g. 45s, 2m (Jazzer's max_duration syntax)
#   FUZZ_MVN_ARGS="-o" fuzz/run-all.sh   extra Maven arguments (e.g. offline)
#   FUZZ_TARGETS="DecryptionFuzzTest#decryptChosenPlaintext" fuzz/run-all.sh   only these targets
#
# Run it in a tree nothing else builds in meanwhile: a class recompiled under a running fuzzer is a bogus finding.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
duration="${1:-45s}"
fuzz_src=core/src/test/java/io/ikescope/fuzz
inputs=core/src/test/resources/io/ikescope/fuzz
logs="$(mktemp -d "${TMPDIR:-/tmp}/ikescope-fuzz.XXXXXX")"

# Class#method of every @FuzzTest: the method declared on the lines after the annotation.
discover() {
  for f in "$fuzz_src"/*.java; do
    awk -v cls="$(basename "$f" .java)" '
      /@FuzzTest/ { pending = 1; next }
      pending && match($0, /void [A-Za-z0-9_]+\(/) {
        print cls "#" substr($0, RSTART + 5, RLENGTH - 6); pending = 0 }' "$f"
  done
}

if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<< "$FUZZ_TARGETS"
else
  mapfile -t targets < <(discover)
fi
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz/run-all.sh: no @FuzzTest found in $fuzz_src" >&2
  exit 2
fi

# Findings: Jazzer names them crash-*, timeout-*, oom-*, slow-unit-* (leak-* for native code).
findings() {
  find "$inputs" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \
    -o -name 'leak-*' \) 2>/dev/null | sort
}

echo "fuzz/run-all.sh: ${#targets[@]} targets, $duration each, -Xmx256m; logs in $logs"
# Build once, so that each fuzzing run below only runs its target.
if ! mvn -B -ntp ${FUZZ_MVN_ARGS:-} -pl core test-compile -q > "$logs/build.log" 2>&1; then
  echo "fuzz/run-all.sh: the build failed:" >&2
  tail -40 "$logs/build.log" >&2
  exit 2
fi

failed=()
for target in "${targets[@]}"; do
  log="$logs/${target//#/.}.log"
  before="$(findings)"
  start=$SECONDS
  JAZZER_FUZZ=1 mvn -B -ntp ${FUZZ_MVN_ARGS:-} -pl core surefire:test -Dtest="$target" \
      -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m -Djazzer.max_duration="$duration" > "$log" 2>&1
  status=$?
  new="$(comm -13 <(echo "$before") <(findings) | sed '/^$/d')"
  runs="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
  if [ -n "$new" ]; then
    echo "FAIL $target: found a crash ($((SECONDS - start)) s); crash file(s):"
    echo "$new" | sed 's/^/    /'
    grep -m3 -E '== Java Exception|Exception in|AssertionError|FuzzerSecurityIssue' "$log" | sed 's/^/    /'
    echo "    log: $log"
    failed+=("$target")
  elif [ "$status" -ne 0 ]; then
    echo "FAIL $target: Maven failed (status $status) without a crash file; log: $log"
    grep -E '^\[ERROR\]' "$log" | head -15 | sed 's/^/    /'
    failed+=("$target")
  else
    echo "ok   $target: ${runs:-no run count in the log} ($((SECONDS - start)) s with Maven)"
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz/run-all.sh: ${#failed[@]} of ${#targets[@]} targets failed: ${failed[*]}"
  exit 1
fi
echo "fuzz/run-all.sh: all ${#targets[@]} targets ran $duration without a finding"
