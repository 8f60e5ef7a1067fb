#!/usr/bin/env bash
# Benchmarks the capture reader on a large capture of mostly non-IKE traffic, read from the page cache.
# Usage: bench/reader-bench.sh [SIZE_MB]   (default 1000). Prints the JMH table and GB/s per benchmark.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size="${1:-1000}"
mkdir -p bench/out
mvn -q -B -ntp -DskipTests -pl bench -am package
capture="bench/out/reader-${size}MB.pcap"
if [ ! -f "$capture" ]; then
  ike_sources="$(ls samples/*.pcap | grep -v -e nat -e frag | head -n 8 | paste -sd, -)"
  java -cp bench/target/benchmarks.jar io.ikescope.bench.SyntheticCapture "$capture" "$size" "$ike_sources" 1
fi
cat "$capture" > /dev/null   # into the page cache
bytes=$(stat -c %s "$capture")
java -jar bench/target/benchmarks.jar ReaderBenchmark -p capture="$capture" -rf json -rff bench/out/reader.json
python3 - "$bytes" <<'PY'
import json, sys
size = int(sys.argv[1])
for r in json.load(open("bench/out/reader.json")):
    ms = r["primaryMetric"]["score"]; err = r["primaryMetric"]["scoreError"]
    print(f'{r["benchmark"].split(".")[-1]}: {size/ms/1e6:.2f} GB/s ({ms:.0f} ms ± {err:.0f} per {size/1e9:.2f} GB)')
PY
