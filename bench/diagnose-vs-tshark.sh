#!/usr/bin/env bash
# Whole-process comparison: `ikescope diagnose` against `tshark -r FILE -Y isakmp` on the same synthetic
# capture (ordinary TCP/UDP traffic, 0.1% real IKE frames from samples/ with SPIs rewritten per pass), in the
# same run, one after the other, both reading from the page cache.
# Usage: bench/diagnose-vs-tshark.sh [SIZE_MB...]   (default: 300 3000). Captures are kept in bench/out/.
# Each command runs RUNS times (default 3), the fastest counts. A "bare scan" column times the floor under
# diagnose: a JVM that only reads the capture and finds its IKE frames (bench ScanOnly), started as ./ikescope starts.
# Set SKIP_TSHARK_ABOVE_MB=N to skip tshark on captures larger than N MB (it can take many minutes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 3000)
command -v tshark > /dev/null || { echo "tshark is not installed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
mkdir -p bench/out
mvn -q -B -ntp -Dstyle.color=never -DskipTests -pl cli,bench -am package
./ikescope --version > /dev/null   # the launcher makes its class-data archive once, outside the timings
# The floor: a JVM that only reads the capture and finds its IKE frames (ScanOnly), run as the launcher runs
# diagnose (class-data archive, C1, serial GC): no command line, reconstruction, diagnosis or report.
rm -f bench/out/scan-only.jsa
java -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=bench/out/scan-only.jsa \
    -cp bench/target/benchmarks.jar io.ikescope.bench.ScanOnly samples/ikev2-ts-mismatch.pcap > /dev/null
scan_only=(java -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=bench/out/scan-only.jsa
           -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp bench/target/benchmarks.jar io.ikescope.bench.ScanOnly)
ike_sources="$(ls samples/*.pcap | paste -sd, -)"

# run LABEL FILE COMMAND...: prints "wall_seconds max_rss_kb", the command's output discarded
measure() {
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  if grep -q 'Exit status: [^01]' "$log"; then
    echo "command failed: $*" >&2; cat "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
  echo "$wall $rss"
}

# best RUNS: the fastest of $RUNS runs (default 3) of the same command, "wall_seconds max_rss_kb";
# both tools get the same number of runs
best() {
  local i w r bw="" br=""
  for ((i = 0; i < ${RUNS:-3}; i++)); do
    read -r w r < <(measure "$@")
    if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN {exit !(a < b)}'; then bw=$w; br=$r; fi
  done
  echo "$bw $br"
}

rows=()
for size in "${sizes[@]}"; do
  capture="bench/out/diagnose-${size}MB.pcap"
  if [ ! -f "$capture" ]; then
    java -cp bench/target/benchmarks.jar io.ikescope.bench.SyntheticCapture "$capture" "$size" "$ike_sources" 1
  fi
  cat "$capture" > /dev/null   # into the page cache
  # exit status 1 means "a negotiation failed", which the samples include on purpose
  # as users run it: the launcher (AppCDS archive, C1, serial GC), heap capped at 256 MB
  read -r ike_wall ike_rss < <(JAVA_OPTS=-Xmx256m best ./ikescope diagnose -f json -o /dev/null "$capture")
  # the bare jar with the JDK's default JIT and collector, for comparison
  read -r jar_wall jar_rss < <(best java -Xmx256m -jar cli/target/ikescope.jar diagnose -f json -o /dev/null "$capture")
  read -r floor_wall _ < <(best "${scan_only[@]}" "$capture")
  if [ -n "${SKIP_TSHARK_ABOVE_MB:-}" ] && [ "$size" -gt "$SKIP_TSHARK_ABOVE_MB" ]; then
    rows+=("$size $ike_wall $ike_rss $jar_wall $floor_wall - - -")
    continue
  fi
  read -r ts_wall ts_rss < <(best tshark -r "$capture" -Y isakmp)
  speedup=$(awk -v a="$ts_wall" -v b="$ike_wall" 'BEGIN {printf "%.1fx", a / b}')
  rows+=("$size $ike_wall $ike_rss $jar_wall $floor_wall $ts_wall $ts_rss $speedup")
done

printf '\n| capture | ikescope diagnose wall | ikescope max RSS | java -jar (JDK defaults) wall | bare scan (JVM + reader + decoder) wall | tshark -Y isakmp wall | tshark max RSS | speed-up |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- |\n'
for row in "${rows[@]}"; do
  read -r size iw ir jw fw tw tr sp <<< "$row"
  mb() { [ "$1" = "-" ] && echo "-" || awk -v k="$1" 'BEGIN {printf "%d MB", k / 1024}'; }
  sec() { [ "$1" = "-" ] && echo "-" || awk -v s="$1" 'BEGIN {printf "%.2f s", s}'; }
  printf '| %s MB | %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$(sec "$iw")" "$(mb "$ir")" "$(sec "$jw")" "$(sec "$fw")" "$(sec "$tw")" "$(mb "$tr")" "$sp"
done
