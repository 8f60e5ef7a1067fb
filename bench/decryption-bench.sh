#!/usr/bin/env bash
# Benchmarks decoding + decryption of real lab samples with their charon key logs (JMH, one core).
# Usage: bench/decryption-bench.sh. Prints the JMH table, then messages/s and MB/s of encrypted IKE per sample.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench/out
mvn -q -B -ntp -DskipTests -pl bench -am package
java -Dikescope.samples=samples -jar bench/target/benchmarks.jar DecryptionBenchmark -rf json -rff bench/out/decryption.json
for s in $(python3 -c 'import json;print(" ".join(sorted({r["params"]["sample"] for r in json.load(open("bench/out/decryption.json"))})))'); do
  # encrypted messages and their bytes, as tshark counts them
  tshark -r "samples/$s.pcap" -Y 'isakmp.flag_e == 1 or isakmp.nextpayload == 46 or isakmp.nextpayload == 53' \
    -T fields -e isakmp.length 2>/dev/null | awk -v s="$s" '{n++; b+=$1} END {print s, n, b}'
done > bench/out/decryption-sizes.txt
python3 - <<'PY'
import json
sizes = {l.split()[0]: (int(l.split()[1]), int(l.split()[2])) for l in open("bench/out/decryption-sizes.txt")}
for r in json.load(open("bench/out/decryption.json")):
    s = r["params"]["sample"]; us = r["primaryMetric"]["score"]; err = r["primaryMetric"]["scoreError"]
    n, b = sizes[s]
    print(f"{s}: {us:.0f} µs ± {err:.0f} per pass of {n} encrypted messages ({b} bytes): "
          f"{n / us * 1e6:,.0f} messages/s, {b / us:.1f} MB/s")
PY
