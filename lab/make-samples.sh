#!/bin/bash
# Turns the lab's output (lab/out/NAME/, made by lab/run.sh) into the committed samples:
#   samples/NAME.pcap       the capture: every IKE packet, ICMP and IP fragment, at most MAX_ESP ESP packets
#   samples/NAME.at-POINT.pcap  the same run captured at another point (a scenario with several capture
#                           points, e.g. "capture: responder initiator"), indexed as its own sample
#                           NAME.at-POINT with the same key log
#   samples/NAME.keys.log   the charon log lines needed to decrypt it, from both peers
#   samples/index.json      one entry per sample: expected verdict, phase, description, daemon evidence
#
#   lab/make-samples.sh            every scenario whose last run passed
#   lab/make-samples.sh NAME...    only these (the index is still rebuilt from every sample present)
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$LAB_DIR")
OUT_DIR=$LAB_DIR/out
SCENARIO_DIR=$LAB_DIR/scenarios
SAMPLES=$ROOT/samples
MAX_ESP=10

die() { echo "make-samples.sh: $*" >&2; exit 2; }
for tool in tshark editcap jq awk; do
  command -v "$tool" >/dev/null || die "$tool is required (lab/install-deps.sh installs it)"
done

field() {   # field FILE KEY: value of "KEY: value"
  local line
  line=$(grep -m1 -E "^$2:" "$1" || true)
  line=${line#"$2:"}
  printf '%s' "${line#"${line%%[![:space:]]*}"}"
}

# The capture without the ESP packets after the first MAX_ESP (pings make the tail of a success
# capture; a handful shows the tunnel works).
cut_capture() {
  local in=$1 out=$2 frames
  frames=$(tshark -r "$in" -Y esp -T fields -e frame.number 2>/dev/null | tail -n +$((MAX_ESP + 1)) | tr '\n' ' ')
  if [ -n "$frames" ]; then
    # shellcheck disable=SC2086
    editcap -F pcap "$in" "$out" $frames
  else
    editcap -F pcap "$in" "$out"
  fi
}

# The lines of one charon log needed to decrypt the capture, as written:
# - the IKE SA manager lines naming the SPIs ("checkout/checkin IKEv2 SA ... with SPIs X_i Y_r"):
#   each distinct one once, and always those next to a key dump in the same charon thread: the
#   "checkin" a thread logs after it dumped keys names the IKE SA the keys belong to (for a rekey,
#   the new SA's); the "checkout ... by message" it logged before does too, and is the only one
#   when the SA is destroyed right away (then the thread's "checkin and destroy IKE_SA" line, which
#   names no SPIs, is kept to close the key set);
# - "initiating ... IKE_SA", "IKE_SA name[n] established/rekeyed between" lines;
# - the key dumps (IKEv2 Sk_d/ai/ar/ei/er/pi/pr, IKEv1 SKEYID, SKEYID_d/a/e, "encryption key Ka",
#   and the "shared Diffie Hellman secret" psk-check needs to test candidates in Main Mode)
#   with their hex continuation lines.
key_lines() {
  awk '
    function thread(line) { return (match(line, /[0-9]+\[[A-Z]+\]/) ? substr(line, RSTART, RLENGTH - 5) : "") }
    function body(line) { sub(/^[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]+ [0-9]+\[[A-Z]+\] /, "", line); return line }
    /\] (<[^>]*> )? *[0-9]+: [0-9A-F][0-9A-F] / { if (dump) print; next }
    { dump = 0 }
    / (Sk_(d|ai|ar|ei|er|pi|pr) secret|SKEYID|SKEYID_[dae]|encryption key Ka|shared Diffie Hellman secret) => [0-9]+ bytes/ {
      t = thread($0)
      if (!after_keys[t] && last[t] != "" && !last_printed[t]) { print last[t]; last_printed[t] = 1 }
      dump = 1; after_keys[t] = 1; print; next }
    /\[MGR\] .*with SPIs [0-9a-f]+_i [0-9a-f]+_r/ {
      t = thread($0); b = body($0); last[t] = $0; last_printed[t] = 0
      if (after_keys[t] || !seen[b]) { print; last_printed[t] = 1 }
      seen[b] = 1; after_keys[t] = 0; next }
    /\[MGR\] .*checkin and destroy IKE_SA / {
      t = thread($0); if (after_keys[t]) print
      after_keys[t] = 0; next }
    /\[IKE\] .*(initiating .*IKE_SA|IKE_SA [^ ]+\[[0-9]+\] (established|rekeyed) between)/ { print; next }
  ' "$1"
}

# The first log line matching the scenario's evidence rule, as "SIDE: line".
evidence_line() {
  local scen=$1 out=$2 rule side regex
  rule=$(field "$scen/expect" evidence)
  [ -n "$rule" ] || return 0
  side=${rule%%:*}
  regex=${rule#*:}
  regex=${regex#"${regex%%[![:space:]]*}"}
  printf '%s: %s' "$side" "$(grep -m1 -E -- "$regex" "$out/$side.log" || true)"
}

make_sample() {
  local name=$1 scen=$SCENARIO_DIR/$1 out=$OUT_DIR/$1
  [ -f "$scen/expect" ] || die "no scenario $name"
  [ -f "$out/capture.pcap" ] || die "no capture for $name: run lab/run.sh $name first"
  if [ "$(cat "$out/status" 2>/dev/null)" != PASS ]; then
    echo "make-samples.sh: skipping $name: its last lab run did not pass" >&2
    return 1
  fi
  cut_capture "$out/capture.pcap" "$SAMPLES/$name.pcap"
  {
    key_lines "$out/initiator.log"
    key_lines "$out/responder.log"
  } > "$SAMPLES/$name.keys.log"
  local phase
  phase=$(field "$scen/expect" phase)
  jq -n \
    --arg name "$name" \
    --arg capture "$name.pcap" \
    --arg keys "$name.keys.log" \
    --argjson ikeVersion "$(field "$scen/expect" ike-version)" \
    --arg exchangeMode "$(field "$scen/expect" exchange-mode)" \
    --arg expected "$(field "$scen/expect" expected)" \
    --argjson phase "${phase:-null}" \
    --arg rootCause "$(field "$scen/expect" root-cause)" \
    --arg description "$(field "$scen/expect" description)" \
    --arg daemonEvidence "$(evidence_line "$scen" "$out")" \
    '{name: $name, capture: $capture,
      keys: (if ($keys | length) > 0 then $keys else null end),
      ikeVersion: $ikeVersion, exchangeMode: $exchangeMode, expected: $expected, phase: $phase,
      rootCause: (if $rootCause == "" then $expected else $rootCause end),
      description: $description, daemonEvidence: $daemonEvidence}' \
    > "$ENTRIES/$name.json"
  # A sample whose peers derived no keys (refused in the first exchange) gets no key file.
  if ! grep -qE '=> [0-9]+ bytes' "$SAMPLES/$name.keys.log"; then
    rm -f "$SAMPLES/$name.keys.log"
    jq '.keys = null' "$ENTRIES/$name.json" > "$ENTRIES/$name.tmp" && mv "$ENTRIES/$name.tmp" "$ENTRIES/$name.json"
  fi
  printf '%-34s %6d bytes pcap, %6d bytes keys\n' "$name" "$(stat -c %s "$SAMPLES/$name.pcap")" \
    "$(stat -c %s "$SAMPLES/$name.keys.log" 2>/dev/null || echo 0)"
  # The other capture points of the same run (lab/out/NAME/capture-POINT.pcap): each its own sample,
  # NAME.at-POINT, sharing the key log and the verdict, its description naming where it was taken.
  local extra point
  for extra in "$out"/capture-*.pcap; do
    [ -f "$extra" ] || continue
    point=${extra##*/capture-}
    point=${point%.pcap}
    cut_capture "$extra" "$SAMPLES/$name.at-$point.pcap"
    jq --arg name "$name.at-$point" --arg capture "$name.at-$point.pcap" --arg point "$point" \
      '.name = $name | .capture = $capture
       | .description = (.description + " This sample: the same run captured at the " + $point + ".")' \
      "$ENTRIES/$name.json" > "$ENTRIES/$name.at-$point.json"
    printf '%-34s %6d bytes pcap\n' "$name.at-$point" "$(stat -c %s "$SAMPLES/$name.at-$point.pcap")"
  done
}

mkdir -p "$SAMPLES"
names=()
if [ $# -gt 0 ]; then
  names=("$@")
else
  for d in "$OUT_DIR"/*/; do
    [ -f "$d/status" ] && names+=("$(basename "$d")")
  done
fi
[ ${#names[@]} -gt 0 ] || die "nothing in $OUT_DIR: run lab/run.sh --all first"

ENTRIES=$(mktemp -d)
trap 'rm -rf "$ENTRIES"' EXIT
skipped=0
for n in "${names[@]}"; do
  make_sample "$n" || skipped=$((skipped + 1))
done

# The index: the entries made now replace those of the same name; entries of other samples stay.
[ -f "$SAMPLES/index.json" ] || echo '[]' > "$SAMPLES/index.json"
if compgen -G "$ENTRIES/*.json" >/dev/null; then
  jq -s '.[0] as $old | .[1:] as $new | ($new | map(.name)) as $names
         | ($old | map(select(.name as $n | $names | index($n) | not))) + $new | sort_by(.name)' \
    "$SAMPLES/index.json" "$ENTRIES"/*.json > "$ENTRIES/index.json"
  mv "$ENTRIES/index.json" "$SAMPLES/index.json"
fi
echo "samples/index.json: $(jq length "$SAMPLES/index.json") samples"
[ "$skipped" -eq 0 ]
