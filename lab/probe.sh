#!/bin/bash
# The probe lab: one IKE responder (strongSwan charon or libreswan pluto) with a known configuration in a
# network namespace, and an empty prober namespace beside it, for `ikescope probe` and ike-scan.
#
#   lab/probe.sh list              the responder sets, one a line: NAME IMPLEMENTATION DESCRIPTION
#   lab/probe.sh up SET            namespaces, the set's responder, lab/out/probe/SET/{expected.json,config/};
#                                  prints the target address once the responder listens on UDP 500 and 4500
#   lab/probe.sh down              stops the responder, removes the namespaces
#   lab/probe.sh exec CMD...       runs CMD in the prober's namespace (the same as `ip netns exec ikp-i CMD...`)
#   lab/probe.sh expected SET      writes only lab/out/probe/SET/expected.json (no root needed)
#
# Namespaces ikp-i (prober, 198.51.100.201, 2001:db8:0:201::1 in the IPv6 set) and ikp-r (responder,
# 198.51.100.202, 2001:db8:0:201::2), veth ikp-i0 -- ikp-r0: names and addresses of their own, so that
# they do not clash with lab/run.sh and lab/matrix.sh. One set is up at a time (`up` takes the previous one
# down). The responder's log is lab/out/probe/SET/responder.log. Must run as root (namespaces, mounts).
# Reuses lab/run.sh's functions (sourced): stop_pid, wait_for, start_charon, start_pluto.
set -euo pipefail

PROBE_SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
# shellcheck source=run.sh
source "$(dirname "$PROBE_SELF")/run.sh"

PROBE_OUT=$OUT_DIR/probe
# Runtime state: short path (unix socket names are limited); the pids of the running set are in $RUN/pids.
PROBE_STATE=/tmp/ikescope-probe-lab
RUN=$PROBE_STATE/run

NS_P=ikp-i        # prober
NS_T=ikp-r        # target (responder)
VETH_P=ikp-i0
VETH_T=ikp-r0
ADDR_P=198.51.100.201
ADDR_T=198.51.100.202
ADDR6_P=2001:db8:0:201::1
ADDR6_T=2001:db8:0:201::2
# The prober's default gateway that does not exist (see setup_probe_topology); a locally administered MAC.
NOWHERE_GW=198.51.100.193
NOWHERE_GW6=2001:db8:0:201::ff
NOWHERE_MAC=02:00:00:00:00:c1
LISTEN_TIMEOUT=5  # seconds for the responder to listen on UDP 500 and 4500

plog() { printf '%s\n' "$*" >&2; }
pdie() { plog "probe.sh: $*"; exit 2; }

# --- the sets ------------------------------------------------------------------------------------------
#
# set_def NAME sets IMPL (strongswan|libreswan), VERSION (1, 2, or 0 for both), PROPOSALS (comma-separated
# proposals in strongSwan's words: each proposal accepts every combination of its algorithms; a libreswan
# proposal is written the same way and translated to its ike= syntax), AGGRESSIVE (yes: IKEv1 Aggressive Mode
# answered), COOKIES (yes: strongSwan demands a COOKIE once one IKE SA is half open), BLOCK (raised|default:
# strongSwan's per-peer-IP limit of half-open IKE SAs), FAMILY (4|6), DESC.

SETS=(strongswan-v2-a strongswan-v2-b strongswan-v2-cookie strongswan-v1-a strongswan-v1-b strongswan-v1-limit
      strongswan-v6 libreswan-v2-a libreswan-v1-a libreswan-v1-b)

set_def() {
  IMPL=strongswan; VERSION=2; PROPOSALS=; AGGRESSIVE=no; COOKIES=no; BLOCK=raised; FAMILY=4
  case "$1" in
    strongswan-v2-a)
      PROPOSALS=aes256gcm16-aes128gcm16-prfsha256-prfsha384-ecp256,aes256-sha256-modp3072
      DESC="IKEv2: AEAD (AES-GCM-16, two key lengths) with two PRFs on ECP-256, and AES-CBC-256/SHA2-256 on MODP-3072" ;;
    strongswan-v2-b)
      PROPOSALS=aes256-sha256-modp2048-ecp384-curve25519,aes128-sha1-ecp256
      DESC="IKEv2: several groups (MODP-2048, ECP-384, Curve25519) in one proposal, and a second proposal AES-CBC-128/SHA1/ECP-256" ;;
    strongswan-v2-cookie)
      # The second proposal is one of ike-scan's default IKEv2 ones: `up` makes the half-open IKE SA with it.
      PROPOSALS=aes256-sha256-modp2048-ecp256,aes256-sha1-modp2048; COOKIES=yes
      DESC="IKEv2: demands a COOKIE from the first request on (cookie_threshold = 1, one IKE SA left half open by up)" ;;
    strongswan-v1-a)
      VERSION=1; PROPOSALS=aes256-sha256-modp2048,aes128-aes256-sha1-modp1536-modp2048,3des-sha1-modp1024
      DESC="IKEv1 Main Mode, PSK: a single, a combined and a legacy (3DES, MODP-1024) proposal" ;;
    strongswan-v1-b)
      VERSION=1; AGGRESSIVE=yes; PROPOSALS=aes256-sha1-modp2048,3des-md5-modp1024-modp1536
      DESC="IKEv1 Main and Aggressive Mode (aggressive = yes), PSK" ;;
    strongswan-v1-limit)
      VERSION=1; BLOCK=default; PROPOSALS=aes128-aes256-sha1-sha256-modp2048
      DESC="IKEv1 with strongSwan's default block_threshold: from a 6th half-open IKE SA on, the peer's MM1s are dropped (30 s)" ;;
    strongswan-v6)
      VERSION=0; FAMILY=6; PROPOSALS=aes256-sha256-modp2048-ecp256
      DESC="IKEv1 and IKEv2 over IPv6 (2001:db8:0:201::2)" ;;
    libreswan-v2-a)
      IMPL=libreswan; PROPOSALS=aes256gcm16-prfsha256-ecp256,aes128-aes256-sha256-modp2048-modp3072
      DESC="libreswan IKEv2: AES-GCM-256-16 with PRF SHA2-256 on ECP-256, AES-CBC-128/256 with SHA2-256 on MODP-2048/3072" ;;
    libreswan-v1-a)
      IMPL=libreswan; VERSION=1; PROPOSALS=aes256-sha256-modp2048,aes128-sha1-modp1536,aes256-sha1
      DESC="libreswan IKEv1 Main Mode, PSK; the last proposal names no group: libreswan's default IKEv1 groups" ;;
    libreswan-v1-b)
      IMPL=libreswan; VERSION=1; AGGRESSIVE=yes; PROPOSALS=aes256-sha1-modp2048
      DESC="libreswan IKEv1 Main and Aggressive Mode (aggressive=yes; one group, as Aggressive Mode needs), PSK" ;;
    *) return 1 ;;
  esac
}

# libreswan 4.10's IKEv1 groups for a proposal that names none (ike=ENC-HASH): measured with ike-scan against
# this pluto (AES-CBC-256/SHA1 with each of the groups 1-32 alone: only 14 and 5 are answered), not taken from its documentation.
LS_V1_DEFAULT_GROUPS="modp2048 modp1536"

# --- algorithm words -------------------------------------------------------------------------------------
# strongSwan word -> kind, the probe's names (core's AlgorithmNames rules), libreswan's word.

declare -A KIND=(
  [3des]=enc [aes128]=enc [aes192]=enc [aes256]=enc [aes128gcm16]=aead [aes256gcm16]=aead
  [md5]=hash [sha1]=hash [sha256]=hash [sha384]=hash [sha512]=hash
  [prfsha1]=prf [prfsha256]=prf [prfsha384]=prf [prfsha512]=prf
  [modp1024]=group [modp1536]=group [modp2048]=group [modp3072]=group [modp4096]=group [modp8192]=group
  [ecp256]=group [ecp384]=group [ecp521]=group [curve25519]=group)
declare -A V1_ENC=([3des]=3DES-CBC [aes128]=AES-CBC-128 [aes192]=AES-CBC-192 [aes256]=AES-CBC-256)
declare -A V2_ENC=([3des]=3DES [aes128]=AES-CBC-128 [aes192]=AES-CBC-192 [aes256]=AES-CBC-256
                   [aes128gcm16]=AES-GCM-128-16 [aes256gcm16]=AES-GCM-256-16)
declare -A V1_HASH=([md5]=MD5 [sha1]=SHA1 [sha256]=SHA2-256 [sha384]=SHA2-384 [sha512]=SHA2-512)
declare -A V2_INTEG=([md5]=HMAC-MD5-96 [sha1]=HMAC-SHA1-96 [sha256]=HMAC-SHA2-256-128 [sha384]=HMAC-SHA2-384-192
                     [sha512]=HMAC-SHA2-512-256)
declare -A V2_PRF=([md5]=PRF-HMAC-MD5 [sha1]=PRF-HMAC-SHA1 [sha256]=PRF-HMAC-SHA2-256 [sha384]=PRF-HMAC-SHA2-384
                   [sha512]=PRF-HMAC-SHA2-512)
declare -A GROUP=([modp1024]=2 [modp1536]=5 [modp2048]=14 [modp3072]=15 [modp4096]=16 [modp8192]=18
                  [ecp256]=19 [ecp384]=20 [ecp521]=21 [curve25519]=31)
declare -A LS_WORD=([3des]=3des [aes128]=aes128 [aes192]=aes192 [aes256]=aes256 [aes128gcm16]=aes_gcm128
                    [aes256gcm16]=aes_gcm256 [md5]=md5 [sha1]=sha1 [sha256]=sha2_256 [sha384]=sha2_384
                    [sha512]=sha2_512 [prfsha1]=sha1 [prfsha256]=sha2_256 [prfsha384]=sha2_384
                    [prfsha512]=sha2_512 [modp1536]=modp1536 [modp2048]=modp2048 [modp3072]=modp3072
                    [modp4096]=modp4096 [modp8192]=modp8192 [ecp256]=dh19 [ecp384]=dh20 [ecp521]=dh21
                    [curve25519]=dh31)

# split_proposal WORDS: sets arrays P_ENC P_AEAD P_HASH P_PRF P_GROUP from one proposal.
split_proposal() {
  local word
  P_ENC=(); P_AEAD=(); P_HASH=(); P_PRF=(); P_GROUP=()
  for word in ${1//-/ }; do
    case "${KIND[$word]:-}" in
      enc) P_ENC+=("$word") ;;
      aead) P_AEAD+=("$word") ;;
      hash) P_HASH+=("$word") ;;
      prf) P_PRF+=("${word#prf}") ;;
      group) P_GROUP+=("$word") ;;
      *) pdie "unknown algorithm word '$word'" ;;
    esac
  done
}

# The libreswan ike= value of the current set: "ENC+ENC-HASH+HASH;GROUP+GROUP" per proposal ("+" combines
# algorithms in IKEv2 only); for AEAD the hash is the PRF. A proposal without groups gets libreswan's defaults.
libreswan_ike() {
  local proposal out=() words w enc hash groups
  for proposal in ${PROPOSALS//,/ }; do
    split_proposal "$proposal"
    enc=(); hash=(); groups=()
    for w in "${P_ENC[@]}" "${P_AEAD[@]}"; do enc+=("${LS_WORD[$w]}"); done
    for w in "${P_HASH[@]}"; do hash+=("${LS_WORD[$w]}"); done
    for w in "${P_PRF[@]}"; do hash+=("${LS_WORD[prf$w]}"); done
    for w in "${P_GROUP[@]}"; do groups+=("${LS_WORD[$w]}"); done
    words=$(IFS=+; echo "${enc[*]}-${hash[*]}")
    [ ${#groups[@]} -gt 0 ] && words+=";$(IFS=+; echo "${groups[*]}")"
    out+=("$words")
  done
  (IFS=,; echo "${out[*]}")
}

# --- expected.json -------------------------------------------------------------------------------------

# The IKEv2 combinations one proposal accepts, one JSON object a line. strongSwan (and libreswan) accept any
# combination of a proposal's algorithms; without a PRF word the PRFs are those of the integrity algorithms.
ikev2_combinations() {
  local enc prf integ group prfs
  split_proposal "$1"
  prfs=("${P_PRF[@]}")
  [ ${#prfs[@]} -gt 0 ] || prfs=("${P_HASH[@]}")
  for group in "${P_GROUP[@]}"; do
    for prf in "${prfs[@]}"; do
      for enc in "${P_AEAD[@]}"; do
        printf '{"encryption": "%s", "prf": "%s", "integrity": null, "dhGroup": %d}\n' \
          "${V2_ENC[$enc]}" "${V2_PRF[$prf]}" "${GROUP[$group]}"
      done
      for enc in "${P_ENC[@]}"; do
        for integ in "${P_HASH[@]}"; do
          printf '{"encryption": "%s", "prf": "%s", "integrity": "%s", "dhGroup": %d}\n' \
            "${V2_ENC[$enc]}" "${V2_PRF[$prf]}" "${V2_INTEG[$integ]}" "${GROUP[$group]}"
        done
      done
    done
  done
}

# The IKEv1 combinations (PSK) one proposal accepts: strongSwan turns a combined proposal into every
# combination of its algorithms (checked with ike-scan); a libreswan proposal without groups takes its defaults.
# strongSwan 5.9.8 answers an MM1 whatever its authentication method (it checks the method from MM3 on: MM1s
# with PSK, DSS, RSA-SIG, RSA-ENC, ECDSA, HYBRID, XAUTH all got an MM2 from a psk-only connection), so its
# combinations are listed with the two methods the probe names, PSK and RSA-SIG; libreswan 4.10 does not answer
# an MM1 whose method no connection allows ("no connection has been authorized with authby=RSASIG").
ikev1_combinations() {
  local enc hash group groups auth auths=PSK
  split_proposal "$1"
  groups=("${P_GROUP[@]}")
  if [ ${#groups[@]} -eq 0 ] && [ "$IMPL" = libreswan ]; then read -ra groups <<<"$LS_V1_DEFAULT_GROUPS"; fi
  [ "$IMPL" = strongswan ] && auths="PSK RSA-SIG"
  for auth in $auths; do
    for group in "${groups[@]}"; do
      for enc in "${P_ENC[@]}"; do
        for hash in "${P_HASH[@]}"; do
          printf '{"encryption": "%s", "hash": "%s", "authMethod": "%s", "dhGroup": %d}\n' \
            "${V1_ENC[$enc]}" "${V1_HASH[$hash]}" "$auth" "${GROUP[$group]}"
        done
      done
    done
  done
}

# json_list GENERATOR: the generator's lines for every proposal, duplicates removed, as a JSON array body.
json_list() {
  local generator=$1 proposal
  for proposal in ${PROPOSALS//,/ }; do "$generator" "$proposal"; done | awk '!seen[$0]++' |
    sed 's/^/      /' | sed '$!s/$/,/'
}

write_expected() {
  local name=$1 file=$2 address=$3 v1=no v2=no
  case "$VERSION" in 1) v1=yes ;; 2) v2=yes ;; 0) v1=yes; v2=yes ;; esac
  {
    printf '{"set": "%s",\n "implementation": "%s",\n "address": "%s",\n' "$name" "$IMPL" "$address"
    printf ' "description": "%s",\n' "$DESC"
    printf ' "halfOpenLimitPerPeer": %s,\n' "$([ "$IMPL" = strongswan ] && [ "$BLOCK" = default ] && echo 5 || echo null)"
    printf ' "cookie": %s,\n' "$([ "$COOKIES" = yes ] && echo true || echo false)"
    if [ $v2 = yes ]; then
      printf ' "ikev2": {"accepted": [\n%s\n  ]},\n' "$(json_list ikev2_combinations)"
    else
      printf ' "ikev2": null,\n'
    fi
    if [ $v1 = yes ]; then
      # libreswan 4.10 with aggressive=yes answers no Main Mode at all ("initial Main Mode message received but
      # no connection has been authorized"): its Main Mode list is empty, the proposals hold for Aggressive Mode.
      local main=ikev1_combinations
      [ "$IMPL" = libreswan ] && [ "$AGGRESSIVE" = yes ] && main=true
      printf ' "ikev1": {"accepted": [\n%s\n  ],\n  "aggressive": %s,\n  "aggressiveAccepted": [\n%s\n  ],\n' \
        "$(json_list "$main")" "$([ "$AGGRESSIVE" = yes ] && echo true || echo false)" \
        "$([ "$AGGRESSIVE" = yes ] && json_list ikev1_combinations)"
      printf '  "aggressiveId": "%s",\n  "anyAuthMethod": %s}\n' "$AGGRESSIVE_ID" \
        "$([ "$IMPL" = strongswan ] && echo true || echo false)"
    else
      printf ' "ikev1": null\n'
    fi
    printf '}\n'
  } > "$file"
}

# --- the responder's configuration -----------------------------------------------------------------------

PSK="probe lab secret, never used past the first message"
# The prober's identity in Aggressive Mode (USER_FQDN): libreswan needs it as rightid to answer.
AGGRESSIVE_ID=prober@probe.example

# strongswan.conf: charon's defaults for retransmissions (the backoff fingerprint measures them), the set's
# half-open limits.
write_probe_strongswan_conf() {
  local conf=$1 log=$2 cookie=100000 limits
  [ "$COOKIES" = yes ] && cookie=1
  # COOKIE demanded once this many IKE SAs are half open, in all (default 10) or from one peer IP (default 3,
  # which a probe reaches after three accepted IKE_SA_INITs; cookie_threshold = 0 does not turn that one off).
  # block_threshold: half-open IKE SAs per peer IP before its requests are dropped (default 5); charon raises it
  # above cookie_threshold_ip by itself, so the set that keeps the default keeps the cookie defaults too.
  limits="cookie_threshold = $cookie
  cookie_threshold_ip = $cookie
  block_threshold = 100000"
  [ "$BLOCK" = default ] && limits="block_threshold = 5"
  # The cookie set's half-open IKE SA (made by up) must outlive a test run: 30 s by default.
  [ "$COOKIES" = yes ] && limits+="
  half_open_timeout = 3600"
  cat > "$conf" <<EOF
charon {
  load = $PLUGINS_COMMON kernel-netlink socket-default vici
  $limits
  i_dont_care_about_security_and_use_aggressive_mode_psk = yes
  plugins {
    vici {
      socket = unix://$RUN/responder/charon.vici
    }
  }
  filelog {
    lab {
      path = $log
      time_format = %b %e %T
      ike_name = yes
      append = no
      flush_line = yes
      default = 1
      cfg = 2
      ike = 2
      net = 2
    }
  }
}
EOF
}

write_probe_swanctl() {
  local file=$1 address=$2
  {
    echo "connections {"
    echo "  probe {"
    echo "    version = $VERSION"
    echo "    local_addrs = $address"
    [ "$AGGRESSIVE" = yes ] && echo "    aggressive = yes"
    echo "    proposals = $PROPOSALS"
    echo "    local {"
    echo "      auth = psk"
    echo "      id = responder.probe.example"
    echo "    }"
    echo "    remote {"
    echo "      auth = psk"
    echo "    }"
    echo "    children {"
    echo "      net {"
    echo "        local_ts = 203.0.113.16/28"
    echo "        esp_proposals = aes128-sha256"
    echo "      }"
    echo "    }"
    echo "  }"
    echo "}"
    echo "secrets {"
    echo "  ike-probe {"
    echo "    secret = \"$PSK\""
    echo "  }"
    echo "}"
  } > "$file"
}

write_probe_ipsec() {
  local dir=$1 address=$2
  {
    printf '# libreswan (pluto 4.10) responder of the probe lab, generated by lab/probe.sh.\n'
    printf 'config setup\n\tikev1-policy=accept\n\tlogtime=yes\n\tlogappend=no\n\tplutodebug=none\n\n'
    printf 'conn probe\n\tauthby=secret\n'
    printf '\tleft=%s\n\tleftid=@responder.probe.example\n\tleftsubnet=203.0.113.16/28\n' "$address"
    printf '\tright=%%any\n\trightsubnet=203.0.113.0/28\n'
    [ "$AGGRESSIVE" = yes ] && printf '\trightid=%s\n' "$AGGRESSIVE_ID"
    printf '\tike=%s\n\tesp=aes128-sha2_256\n' "$(libreswan_ike)"
    if [ "$VERSION" = 1 ]; then printf '\tikev2=no\n'; else printf '\tikev2=yes\n'; fi
    [ "$AGGRESSIVE" = yes ] && printf '\taggressive=yes\n'
    printf '\tauto=add\n'
  } > "$dir/responder.ipsec.conf"
  printf '@responder.probe.example %%any : PSK "%s"\n' "$PSK" > "$dir/responder.ipsec.secrets"
}

# --- namespaces ----------------------------------------------------------------------------------------

ns_exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }

probe_down() {
  local pid ns
  if [ -f "$RUN/pids" ]; then
    while read -r pid; do stop_pid "$pid"; done < "$RUN/pids"
    rm -f "$RUN/pids"
  fi
  for ns in "$NS_P" "$NS_T"; do
    ns_exists "$ns" || continue
    for pid in $(ip netns pids "$ns" 2>/dev/null); do stop_pid "$pid"; done
    ip netns delete "$ns" 2>/dev/null || true
    ! ns_exists "$ns" || pdie "cannot remove namespace $ns"
  done
  if ip link show "$VETH_P" >/dev/null 2>&1 || ip link show "$VETH_T" >/dev/null 2>&1; then
    pdie "leftover veth interface ikp-*0 in the root namespace"
  fi
}

# Point-to-point addresses (/32, /128) with a route to the peer only, and for the prober a default route via a
# gateway that does not exist (a permanent neighbour entry with a made-up MAC): a datagram the prober sends to any
# address but the target then leaves on the veth, where a capture sees it, and the responder's side drops it
# (not its MAC, no forwarding), instead of waiting unseen for an ARP answer or failing with "no route".
setup_probe_topology() {
  add_ns "$NS_P"
  add_ns "$NS_T"
  ip link add "$VETH_P" netns "$NS_P" type veth peer name "$VETH_T" netns "$NS_T"
  if [ "$FAMILY" = 6 ]; then
    # As run.sh's direct6: no DAD (no address appears late to make charon roam).
    local side
    for side in "$NS_P $VETH_P" "$NS_T $VETH_T"; do
      set -- $side
      ip netns exec "$1" sysctl -qw "net.ipv6.conf.$2.disable_ipv6=0" "net.ipv6.conf.$2.accept_dad=0"
    done
    ip -n "$NS_P" addr add "$ADDR6_P/128" dev "$VETH_P" nodad
    ip -n "$NS_T" addr add "$ADDR6_T/128" dev "$VETH_T" nodad
  fi
  ip -n "$NS_P" addr add "$ADDR_P/32" dev "$VETH_P"
  ip -n "$NS_T" addr add "$ADDR_T/32" dev "$VETH_T"
  ip -n "$NS_P" link set "$VETH_P" up
  ip -n "$NS_T" link set "$VETH_T" up
  local mac_p mac_t
  mac_p=$(ip netns exec "$NS_P" cat "/sys/class/net/$VETH_P/address")
  mac_t=$(ip netns exec "$NS_T" cat "/sys/class/net/$VETH_T/address")
  ip -n "$NS_P" route add "$ADDR_T/32" dev "$VETH_P"
  ip -n "$NS_T" route add "$ADDR_P/32" dev "$VETH_T"
  # Static neighbours: no first request waiting for an ARP or neighbour discovery answer.
  ip -n "$NS_P" neigh replace "$ADDR_T" dev "$VETH_P" nud permanent lladdr "$mac_t"
  ip -n "$NS_T" neigh replace "$ADDR_P" dev "$VETH_T" nud permanent lladdr "$mac_p"
  ip -n "$NS_P" neigh replace "$NOWHERE_GW" dev "$VETH_P" nud permanent lladdr "$NOWHERE_MAC"
  ip -n "$NS_P" route add default via "$NOWHERE_GW" dev "$VETH_P" onlink
  if [ "$FAMILY" = 6 ]; then
    ip -n "$NS_P" -6 route add "$ADDR6_T/128" dev "$VETH_P"
    ip -n "$NS_T" -6 route add "$ADDR6_P/128" dev "$VETH_T"
    ip -n "$NS_P" neigh replace "$ADDR6_T" dev "$VETH_P" nud permanent lladdr "$mac_t"
    ip -n "$NS_T" neigh replace "$ADDR6_P" dev "$VETH_T" nud permanent lladdr "$mac_p"
    ip -n "$NS_P" neigh replace "$NOWHERE_GW6" dev "$VETH_P" nud permanent lladdr "$NOWHERE_MAC"
    ip -n "$NS_P" -6 route add default via "$NOWHERE_GW6" dev "$VETH_P" onlink
  fi
}

listening() { # listening PORT: the responder has a UDP socket on PORT
  [ -n "$(ip netns exec "$NS_T" ss -Hunl "sport = :$1" 2>/dev/null)" ]
}

probe_up() {
  local name=$1 address
  set_def "$name" || pdie "no set '$name' (lab/probe.sh list)"
  [ "$(id -u)" -eq 0 ] || pdie "must run as root (network namespaces, mounts)"
  probe_down
  address=$ADDR_T
  [ "$FAMILY" = 6 ] && address=$ADDR6_T
  OUT=$PROBE_OUT/$name
  rm -rf "$OUT" "$RUN"
  mkdir -p "$OUT/config" "$RUN/responder"
  : > "$RUN/pids"
  # A failed start leaves nothing behind.
  trap 'rc=$?; [ $rc -eq 0 ] || probe_down; exit $rc' EXIT
  setup_probe_topology
  SCEN=$OUT/config
  case "$IMPL" in
    strongswan)
      command -v "$CHARON" >/dev/null || pdie "no strongSwan charon at $CHARON (lab/install-deps.sh)"
      write_probe_strongswan_conf "$RUN/responder/strongswan.conf" "$OUT/responder.log"
      mkdir -p "$RUN/responder/swanctl"
      write_probe_swanctl "$RUN/responder/swanctl/swanctl.conf" "$address"
      cp "$RUN/responder/strongswan.conf" "$RUN/responder/swanctl/swanctl.conf" "$OUT/config/"
      start_charon responder "$NS_T" < /dev/null
      SWANCTL_DIR="$RUN/responder/swanctl" timeout "$SWANCTL_TIMEOUT" swanctl --load-all --noprompt \
        --uri "unix://$RUN/responder/charon.vici" > "$OUT/swanctl.txt" 2>&1 ||
        pdie "swanctl --load-all failed: $(tail -n 3 "$OUT/swanctl.txt")" ;;
    libreswan)
      write_probe_ipsec "$OUT/config" "$address"
      start_pluto responder "$NS_T" < /dev/null ;;
  esac
  wait_for "$LISTEN_TIMEOUT" "the responder to listen on UDP 500" listening 500 || pdie "responder not listening on UDP 500"
  wait_for "$LISTEN_TIMEOUT" "the responder to listen on UDP 4500" listening 4500 || pdie "responder not listening on UDP 4500"
  [ "$COOKIES" = yes ] && leave_half_open_sa "$address"
  write_expected "$name" "$OUT/expected.json" "$address"
  trap - EXIT
  echo "$address"
}

# One IKE_SA_INIT from the responder's own namespace (ike-scan's default IKEv2 proposal, MODP-2048 KE), never
# completed: the IKE SA stays half open, so with cookie_threshold = 1 every later request needs a COOKIE, even a
# prober that avoids half-open SAs of its own (answering INVALID_KE_PAYLOAD makes none).
leave_half_open_sa() {
  local out
  out=$(ip netns exec "$NS_T" timeout 10 ike-scan --ikev2 --dhgroup=14 --sport=0 --retry=2 "$1" 2>&1 || true)
  grep -q 'IKEv2 SA_INIT Handshake returned' <<<"$out" ||
    pdie "could not leave a half-open IKE SA on the cookie set: $(sed -n 2p <<<"$out")"
}

probe_main() {
  [ $# -gt 0 ] || { sed -n '2,16p' "$PROBE_SELF" | sed 's/^# \{0,1\}//'; exit 2; }
  local cmd=$1
  shift
  case "$cmd" in
    list)
      local s
      for s in "${SETS[@]}"; do set_def "$s"; printf '%-22s %-10s %s\n' "$s" "$IMPL" "$DESC"; done ;;
    up) [ $# -eq 1 ] || pdie "usage: lab/probe.sh up SET"; probe_up "$1" ;;
    down) [ "$(id -u)" -eq 0 ] || pdie "must run as root"; probe_down ;;
    exec) [ $# -gt 0 ] || pdie "usage: lab/probe.sh exec CMD..."; exec ip netns exec "$NS_P" "$@" ;;
    expected)
      [ $# -eq 1 ] || pdie "usage: lab/probe.sh expected SET"
      set_def "$1" || pdie "no set '$1'"
      mkdir -p "$PROBE_OUT/$1"
      local a=$ADDR_T
      [ "$FAMILY" = 6 ] && a=$ADDR6_T
      write_expected "$1" "$PROBE_OUT/$1/expected.json" "$a"
      cat "$PROBE_OUT/$1/expected.json" ;;
    *) pdie "unknown command '$cmd' (list, up SET, down, exec CMD..., expected SET)" ;;
  esac
}

probe_main "$@"; exit $?   # on one line: an edit of this file during a run cannot make bash read on
