#!/bin/bash
# Independent check of the committed samples with tshark: turns each samples/NAME.keys.log into
# Wireshark's ikev1/ikev2_decryption_table and counts how many encrypted IKE messages of
# samples/NAME.pcap tshark then decrypts (IKEv2: with a correct integrity checksum; IKEv1: into a
# payload chain that parses). It checks that the key logs hold what decryption needs; it is not
# part of ikescope.
#
#   lab/verify-samples.sh [NAME...]     default: every sample in samples/index.json
#
# Limits (of tshark 4.0's IKE decryption): IKEv2 only with AES-CBC and HMAC-SHA1/SHA2 (no AEAD
# such as ChaCha20-Poly1305); one key per IKEv1 initiator cookie, so where the two peers derived
# different keys (PSK mismatch) only the messages encrypted with the first peer's keys decrypt;
# tshark chains the IKEv1 CBC IV through every message with the same message ID, so a
# retransmitted copy of an IKEv1 message does not decrypt.
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SAMPLES=$(dirname "$LAB_DIR")/samples
command -v tshark >/dev/null || { echo "verify-samples.sh: tshark is required" >&2; exit 2; }

# One table line per key set: a key dump belongs to the IKE SA named by the next
# "... with SPIs I_i R_r" line (R not zero) of the same charon thread, or, when the SA is destroyed
# before such a line, by the last one that thread logged before the dump.
tables() {
  awk -v v1="$2" -v v2="$3" '
    function thread(line) { return (match(line, /[0-9]+\[[A-Z]+\]/) ? substr(line, RSTART, RLENGTH - 5) : "") }
    function hex(line) { sub(/.*\] <[^>]*> +[0-9]+: /, "", line); line = substr(line, 1, 47); gsub(/ /, "", line); return tolower(line) }
    function encr(n) { return n == 16 ? "AES-CBC-128 [RFC3602]" : n == 24 ? "AES-CBC-192 [RFC3602]" : n == 32 ? "AES-CBC-256 [RFC3602]" : "" }
    function integ(n) { return n == 20 ? "HMAC_SHA1_96 [RFC2404]" : n == 32 ? "HMAC_SHA2_256_128 [RFC4868]" : n == 48 ? "HMAC_SHA2_384_192 [RFC4868]" : n == 64 ? "HMAC_SHA2_512_256 [RFC4868]" : "" }
    # Writes the key set a thread collected for the IKE SA with SPIs "I R".
    function flush(t, spis,    s, e, i) {
      pending[t] = 0
      if (split(spis, s, " ") != 2) return
      if (key[t, "Ka"] != "" && !(s[1] in v1seen)) { print s[1] "," key[t, "Ka"] > v1; v1seen[s[1]] = 1 }
      if (key[t, "Sk_ei"] != "" && !((s[1], s[2]) in v2seen)) {
        e = encr(length(key[t, "Sk_ei"]) / 2); i = integ(length(key[t, "Sk_ai"]) / 2)
        if (e != "" && i != "")
          print s[1] "," s[2] "," key[t, "Sk_ei"] "," key[t, "Sk_er"] ",\"" e "\"," key[t, "Sk_ai"] "," key[t, "Sk_ar"] ",\"" i "\"" > v2
        else
          print "unsupported" > (v2 ".unsupported")
        v2seen[s[1], s[2]] = 1
      }
      key[t, "Ka"] = ""; key[t, "Sk_ei"] = ""; key[t, "Sk_er"] = ""; key[t, "Sk_ai"] = ""; key[t, "Sk_ar"] = ""
    }
    /\] <[^>]*> +[0-9]+: [0-9A-F][0-9A-F] / { if (cur != "") key[t, cur] = key[t, cur] hex($0); next }
    { cur = "" }
    match($0, / (Sk_(ei|er|ai|ar) secret|encryption key Ka) => /) {
      cur = substr($0, RSTART + 1, 5); t = thread($0); if (cur == "encry") cur = "Ka"
      if (pending[t] && key[t, cur] != "") flush(t, before[t])   # a second key set before any SPI line
      if (!pending[t]) { pending[t] = 1; before[t] = last[t] }
      key[t, cur] = ""; next }
    match($0, /with SPIs [0-9a-f]+_i [0-9a-f]+_r/) {
      spis = substr($0, RSTART + 10, RLENGTH - 10); t = thread($0)
      gsub(/_i |_r/, " ", spis); sub(/ $/, "", spis)
      if (spis ~ / 0+$/) next
      if (pending[t]) flush(t, spis)   # the checkin after the dump: the SA the keys belong to
      last[t] = spis; next }
    /checkin and destroy/ { t = thread($0); if (pending[t]) flush(t, before[t]); next }
    END { for (t in pending) if (pending[t]) flush(t, before[t]) }
  ' "$1"
}

verify() {
  local name=$1 pcap=$SAMPLES/$1.pcap keys=$SAMPLES/$1.keys.log ver profile total ok
  ver=$(jq -r --arg n "$name" '.[] | select(.name == $n) | .ikeVersion' "$SAMPLES/index.json")
  if [ ! -f "$keys" ]; then printf '%-34s no keys (refused before any key was derived)\n' "$name"; return 0; fi
  profile=$(mktemp -d)
  mkdir -p "$profile/wireshark"
  : > "$profile/wireshark/ikev1_decryption_table"
  : > "$profile/wireshark/ikev2_decryption_table"
  tables "$keys" "$profile/wireshark/ikev1_decryption_table" "$profile/wireshark/ikev2_decryption_table"
  if [ "$ver" = 2 ]; then
    if [ -f "$profile/wireshark/ikev2_decryption_table.unsupported" ]; then
      printf '%-34s skipped: algorithm tshark 4.0 cannot decrypt (AEAD)\n' "$name"; rm -rf "$profile"; return 0
    fi
    # an ICMP error quotes the IKE message it refuses, and tshark dissects (and decrypts) the quote too:
    # only the messages themselves count
    total=$(tshark -r "$pcap" -Y '(isakmp.nextpayload == 46 or isakmp.nextpayload == 53) and not icmp and not icmpv6' 2>/dev/null | wc -l)
    ok=$(XDG_CONFIG_HOME=$profile tshark -r "$pcap" -Y 'not icmp and not icmpv6' -V 2>/dev/null | grep -cE 'Integrity Checksum Data: .*\[correct\]' || true)
  else
    total=$(tshark -r "$pcap" -Y 'isakmp.flag_e == 1 and not icmp and not icmpv6' 2>/dev/null | wc -l)
    ok=$(XDG_CONFIG_HOME=$profile tshark -r "$pcap" -Y 'isakmp.flag_e == 1 and isakmp.typepayload and not _ws.malformed and not icmp and not icmpv6' 2>/dev/null | wc -l)
  fi
  rm -rf "$profile"
  local verdict=ok
  [ "$ok" -eq "$total" ] || verdict=partial
  [ "$ok" -gt 0 ] || [ "$total" -eq 0 ] || verdict=FAILED
  printf '%-34s IKEv%s %2d of %2d encrypted messages decrypted: %s\n' "$name" "$ver" "$ok" "$total" "$verdict"
  [ "$verdict" != FAILED ]
}

names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(jq -r '.[].name' "$SAMPLES/index.json")
failed=0
for n in "${names[@]}"; do verify "$n" || failed=$((failed + 1)); done
[ "$failed" -eq 0 ]
