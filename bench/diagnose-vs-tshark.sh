#!/usr/bin/env bash
# Whole-process comparison, in one run: what no program can beat on this machine (the floor: `java -version` of
# the JVM the launcher picks, and `cat FILE > /dev/null`), `./ikescope diagnose` as users run it, and
# `tshark -r FILE -Y isakmp`, on a small sample, synthetic captures of 300 MB and 3 GB (ordinary TCP/UDP traffic,
# 0.1% real IKE frames from samples/ with SPIs rewritten per pass) and a directory of 100 rotated files of about
# 30 MB (the 3 GB capture cut by `tcpdump -C 30`, or `editcap` without tcpdump), all read from the page cache.
# Usage: bench/diagnose-vs-tshark.sh            Captures are made once and kept in bench/out/.
# Each command runs RUNS times (default 5); the median counts. TSHARK_RUNS (default 3) for tshark on the large
# captures; SKIP_TSHARK_ABOVE_MB=N leaves tshark out above N MB (on 3 GB it takes minutes). ikescope runs with
# JAVA_OPTS=-Xmx256m: a run that needed more heap would fail here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v tshark > /dev/null || { echo "tshark is not installed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
mkdir -p bench/out
mvn -q -B -ntp -Dstyle.color=never -DskipTests -pl cli,bench -am package
./ikescope --version > /dev/null   # the launcher makes its start-up cache once, outside the timings
java_used="$(IKESCOPE_WHICH_JAVA=1 ./ikescope)"
ike_sources="$(ls samples/*.pcap | paste -sd, -)"

synthetic() {  # synthetic SIZE_MB: the capture's path, made when missing
  local capture="bench/out/diagnose-${1}MB.pcap"
  if [ ! -f "$capture" ]; then
    java -cp bench/target/benchmarks.jar io.ikescope.bench.SyntheticCapture "$capture" "$1" "$ike_sources" 1 >&2
  fi
  echo "$capture"
}

rotated() {  # rotated FILE: a directory of ~30 MB rotated files cut from FILE, made when missing
  local dir="bench/out/rotated-30MB"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    if command -v tcpdump > /dev/null; then
      tcpdump -Z "$(id -un)" -q -r "$1" -w "$dir/cap.pcap" -C 30 2> /dev/null
    else
      local per_file=$(( $(java -cp bench/target/benchmarks.jar io.ikescope.bench.ScanOnly "$1" | cut -d' ' -f1) / 100 ))
      editcap -c "$per_file" "$1" "$dir/cap.pcap"
    fi
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# measure COMMAND...: "wall_seconds max_rss_kb", the command's output discarded. The wall time is bash's clock
# around /usr/bin/time (microseconds; time's own "Elapsed" has 10 ms steps, a tenth of the small sample's run),
# so it includes time's own start, about a millisecond.
measure() {
  local log; log="$(mktemp)"
  local start=$EPOCHREALTIME
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
  local end=$EPOCHREALTIME
  local wall rss
  wall=$(awk -v a="${start/,/.}" -v b="${end/,/.}" 'BEGIN {printf "%.6f", b - a}')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  if grep -q 'Exit status: [^01]' "$log"; then
    echo "command failed: $*" >&2; cat "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
  echo "$wall $rss"
}

# median N COMMAND...: the median wall time of N runs and the largest RSS, "wall_seconds max_rss_kb"
median() {
  local n="$1" i w r walls=() rss=0
  shift
  for ((i = 0; i < n; i++)); do
    read -r w r < <(measure "$@")
    walls+=("$w")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  printf '%s\n' "${walls[@]}" | sort -g | awk -v rss="$rss" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, rss}'
}

runs=${RUNS:-5}
read -r java_floor _ < <(median "$runs" "$java_used" -version)
big=$(synthetic 3000)
cases=("small:samples/ikev2-psk-ok.pcap" "300 MB:$(synthetic 300)" "3 GB:$big" "100 rotated files:$(rotated "$big")/")
rows=()
for c in "${cases[@]}"; do
  label="${c%%:*}"
  input="${c#*:}"
  if [ -d "$input" ]; then
    files=("$input"*)
    bytes=$(cat "${files[@]}" | wc -c)
    read -r cat_floor _ < <(median "$runs" sh -c 'cat "$@" > /dev/null' cat "${files[@]}")
  else
    bytes=$(stat -c %s "$input")
    cat "$input" > /dev/null   # into the page cache
    read -r cat_floor _ < <(median "$runs" sh -c 'cat "$1" > /dev/null' cat "$input")
  fi
  # exit status 1 means "a negotiation failed", which the samples include on purpose
  read -r ike_wall ike_rss < <(JAVA_OPTS=-Xmx256m median "$runs" ./ikescope diagnose -f json -o /dev/null "$input")
  ts_wall="-"
  ts_rss="-"
  if [ -f "$input" ] && { [ -z "${SKIP_TSHARK_ABOVE_MB:-}" ] || [ "$bytes" -le $(( SKIP_TSHARK_ABOVE_MB * 1000000 )) ]; }; then
    tshark_runs=$runs
    [ "$bytes" -gt 100000000 ] && tshark_runs=${TSHARK_RUNS:-3}
    read -r ts_wall ts_rss < <(median "$tshark_runs" tshark -r "$input" -Y isakmp)
  fi
  rows+=("$label|$bytes|$cat_floor|$ike_wall|$ike_rss|$ts_wall|$ts_rss")
done

sec() { [ "$1" = "-" ] && echo "-" || awk -v s="$1" 'BEGIN {printf "%.3f s", s}'; }
mb() { [ "$1" = "-" ] && echo "-" || awk -v k="$1" 'BEGIN {printf "%d MB", k / 1024}'; }
printf '\nJVM: %s (`java -version` %s); medians of %s runs\n\n' "$java_used" "$(sec "$java_floor")" "$runs"
printf '| capture | bytes | `cat` | floor (`java -version` + `cat`) | ikescope diagnose | / floor | ikescope max RSS | tshark -Y isakmp | tshark / ikescope | tshark max RSS |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for row in "${rows[@]}"; do
  IFS='|' read -r label bytes cat_floor ike_wall ike_rss ts_wall ts_rss <<< "$row"
  floor=$(awk -v a="$java_floor" -v b="$cat_floor" 'BEGIN {print a + b}')
  ratio=$(awk -v a="$ike_wall" -v b="$floor" 'BEGIN {printf "%.2fx", a / b}')
  speedup="-"
  [ "$ts_wall" != "-" ] && speedup=$(awk -v a="$ts_wall" -v b="$ike_wall" 'BEGIN {printf "%.1fx", a / b}')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$bytes" "$(sec "$cat_floor")" \
      "$(sec "$floor")" "$(sec "$ike_wall")" "$ratio" "$(mb "$ike_rss")" "$(sec "$ts_wall")" "$speedup" "$(mb "$ts_rss")"
done
