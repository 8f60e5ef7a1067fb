#!/bin/bash
# IKE lab: runs real IKE peers (strongSwan charon, optionally a libreswan responder) in network
# namespaces, captures their negotiation and checks the outcome against what the daemons logged.
#
#   lab/run.sh --all              every scenario under lab/scenarios/, in name order
#   lab/run.sh NAME [NAME...]     the named scenarios
#   lab/run.sh --list             scenario names with their expected verdict
#   lab/run.sh --clean            remove what an interrupted run left behind
#
# Output per scenario in lab/out/NAME/ ($LAB_OUT_DIR/NAME/ when set): capture.pcap, initiator.log,
# responder.log (charon filelogs with ike = 4, so the derived keys are in them), swanctl.txt (what
# swanctl printed), sas.txt (SPIs from --list-sas), result.txt. One PASS/FAIL line per scenario; exit
# status 1 when any scenario failed.
# Must run as root (namespaces, mounts). Each scenario runs in its own bash process (`--one NAME`) so
# that its EXIT trap cleans up even when a step fails under set -e.
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCENARIO_DIR="$LAB_DIR/scenarios"
# LAB_OUT_DIR: another output directory (a test's own, leaving lab/out to the full run's captures).
OUT_DIR="${LAB_OUT_DIR:-$LAB_DIR/out}"
# Runtime state (VICI sockets, generated configs, certificates). Short path: unix socket names are limited.
STATE_DIR=/tmp/ikescope-lab
PKI_DIR="$STATE_DIR/pki"

NS_I=ikl-i        # initiator
NS_R=ikl-r        # responder
NS_M=ikl-m        # middle box (router or NAT), only in the routed topologies
NS_ALL=("$NS_I" "$NS_R" "$NS_M")

# Addresses (documentation ranges only).
PEER_I=198.51.100.1       # initiator, direct topology and inside address behind the middle box
PEER_R=198.51.100.2       # responder
PEER_I6=2001:db8::1       # the same peers over IPv6 (topology direct6)
PEER_R6=2001:db8::2
PROT_I=203.0.113.1        # protected host behind the initiator (203.0.113.0/28)
PROT_R=203.0.113.17       # protected host behind the responder (203.0.113.16/28)
# Routed topologies: initiator 198.51.100.33/28 -- .34 middle .65/28 -- responder .66/28.
ROUTED_I=198.51.100.33
ROUTED_M_IN=198.51.100.34
ROUTED_M_OUT=198.51.100.65
ROUTED_R=198.51.100.66

# Bounds for every wait (seconds).
START_TIMEOUT=5           # charon up and its VICI socket present, tcpdump listening
STOP_TIMEOUT=5            # a process to exit after SIGTERM/SIGINT before SIGKILL
SWANCTL_TIMEOUT=15        # any swanctl command

CHARON=/usr/lib/ipsec/charon
# libreswan responders (optional): Debian's libreswan conflicts with strongswan-charon, so
# lab/install-deps.sh --libreswan extracts the package here instead of installing it.
LIBRESWAN_DIR=${LIBRESWAN_DIR:-$LAB_DIR/.cache/libreswan}
PLUTO_LIBEXEC=$LIBRESWAN_DIR/usr/libexec/ipsec
PLUGINS_COMMON="random nonce x509 revocation constraints pubkey pkcs1 pkcs7 pkcs8 pkcs12 pem openssl aes sha1 sha2 md5 hmac gmp curve25519 chapoly ctr ccm gcm cmac xcbc kdf drbg attr"

log() { printf '%s\n' "$*" >&2; }
die() { log "run.sh: $*"; exit 2; }

# --- cleanup ------------------------------------------------------------------------------------------

# Kills one process we started: SIGTERM (or the given signal), then SIGKILL after STOP_TIMEOUT.
stop_pid() {
  local pid=$1 sig=${2:-TERM} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -s "$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -s KILL "$pid" 2>/dev/null || true
}

# Removes the lab's namespaces; processes still inside them (a daemon left by an interrupted run)
# are ended by their pid first, since a stale daemon would answer in place of the new one.
remove_namespaces() {
  local ns pid
  for ns in "${NS_ALL[@]}"; do
    ip netns list | awk '{print $1}' | grep -qx "$ns" || continue
    for pid in $(ip netns pids "$ns" 2>/dev/null); do stop_pid "$pid"; done
    ip netns delete "$ns" 2>/dev/null || true
  done
}

# Stops what the current scenario started (pids recorded in $RUN/pids), then its namespaces.
cleanup_scenario() {
  local pid
  if [ -n "${RUN:-}" ] && [ -f "$RUN/pids" ]; then
    while read -r pid; do stop_pid "$pid"; done < "$RUN/pids"
    rm -f "$RUN/pids"
  fi
  remove_namespaces
}

# A run refuses to start on top of an earlier run's leftovers it cannot remove.
check_leftovers() {
  local ns found=()
  for ns in "${NS_ALL[@]}"; do
    if ip netns list | awk '{print $1}' | grep -qx "$ns"; then found+=("$ns"); fi
  done
  if [ ${#found[@]} -gt 0 ]; then
    log "run.sh: leftovers of an earlier run: namespaces ${found[*]}; removing them"
    remove_namespaces
    for ns in "${found[@]}"; do
      if ip netns list | awk '{print $1}' | grep -qx "$ns"; then die "cannot remove namespace $ns"; fi
    done
  fi
  if ip link show ikl-i0 >/dev/null 2>&1 || ip link show ikl-r0 >/dev/null 2>&1; then
    die "leftover veth interface ikl-*0 in the root namespace"
  fi
}

# --- scenario files -------------------------------------------------------------------------------------

# Value of "key: value" in a scenario file (first match), or the default.
field() {
  local file=$1 key=$2 default=${3-}
  local line
  line=$(grep -m1 -E "^${key}:" "$file" 2>/dev/null || true)
  if [ -n "$line" ]; then
    line=${line#"${key}:"}
    line=${line#"${line%%[![:space:]]*}"}
    printf '%s' "$line"
  else
    printf '%s' "$default"
  fi
}

# --- topology -------------------------------------------------------------------------------------------

add_ns() {
  ip netns add "$1"
  ip -n "$1" link set lo up
  # IPv4 only: an IPv6 link-local address finishing DAD makes charon roam and send a MOBIKE update
  # in the middle of a scenario.
  ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}

# direct: initiator ikl-i0 198.51.100.1/28 <-> ikl-r0 198.51.100.2/28 responder.
# direct6: the same over IPv6, 2001:db8::1/64 <-> 2001:db8::2/64 (IPv4 addresses only on lo).
# router / nat: initiator ikl-i0 .33/28 <-> ikl-m0 .34 [middle] .65 ikl-m1 <-> ikl-r0 .66/28 responder;
# "nat" masquerades the initiator behind .65, "router" forwards unchanged.
setup_topology() {
  local topo=$1
  add_ns "$NS_I"
  add_ns "$NS_R"
  case "$topo" in
    direct)
      ip link add ikl-i0 netns "$NS_I" type veth peer name ikl-r0 netns "$NS_R"
      ip -n "$NS_I" addr add "$PEER_I/28" dev ikl-i0
      ip -n "$NS_R" addr add "$PEER_R/28" dev ikl-r0
      ip -n "$NS_I" link set ikl-i0 up
      ip -n "$NS_R" link set ikl-r0 up
      LOCAL_I=$PEER_I; LOCAL_R=$PEER_R
      ;;
    direct6)
      # IPv6 on the veth pair only, with duplicate address detection off and the addresses in place before
      # the daemons start: no address appears later to make charon roam (see add_ns).
      ip link add ikl-i0 netns "$NS_I" type veth peer name ikl-r0 netns "$NS_R"
      local side
      for side in "$NS_I ikl-i0 $PEER_I6" "$NS_R ikl-r0 $PEER_R6"; do
        set -- $side
        ip netns exec "$1" sysctl -qw "net.ipv6.conf.$2.disable_ipv6=0" "net.ipv6.conf.$2.accept_dad=0"
        ip -n "$1" addr add "$3/64" dev "$2" nodad
        ip -n "$1" link set "$2" up
      done
      # Static neighbours: otherwise the first request waits in the neighbour queue for a solicitation's
      # retry (about 1 s) and leaves together with the first retransmission.
      ip -n "$NS_I" neigh replace "$PEER_R6" dev ikl-i0 nud permanent \
        lladdr "$(ip netns exec "$NS_R" cat /sys/class/net/ikl-r0/address)"
      ip -n "$NS_R" neigh replace "$PEER_I6" dev ikl-r0 nud permanent \
        lladdr "$(ip netns exec "$NS_I" cat /sys/class/net/ikl-i0/address)"
      LOCAL_I=$PEER_I6; LOCAL_R=$PEER_R6
      ;;
    router|nat)
      add_ns "$NS_M"
      ip link add ikl-i0 netns "$NS_I" type veth peer name ikl-m0 netns "$NS_M"
      ip link add ikl-m1 netns "$NS_M" type veth peer name ikl-r0 netns "$NS_R"
      ip -n "$NS_I" addr add "$ROUTED_I/28" dev ikl-i0
      ip -n "$NS_M" addr add "$ROUTED_M_IN/28" dev ikl-m0
      ip -n "$NS_M" addr add "$ROUTED_M_OUT/28" dev ikl-m1
      ip -n "$NS_R" addr add "$ROUTED_R/28" dev ikl-r0
      local l
      for l in "$NS_I ikl-i0" "$NS_M ikl-m0" "$NS_M ikl-m1" "$NS_R ikl-r0"; do
        set -- $l
        ip -n "$1" link set "$2" up
      done
      ip -n "$NS_I" route add default via "$ROUTED_M_IN"
      ip netns exec "$NS_M" sysctl -qw net.ipv4.ip_forward=1
      if [ "$topo" = nat ]; then
        # The responder has no route back to the inside network: only the masquerade makes it work.
        ip netns exec "$NS_M" nft -f - <<EOF
table ip ikl_nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "ikl-m1" masquerade
  }
}
EOF
      else
        ip -n "$NS_R" route add "$ROUTED_I/32" via "$ROUTED_M_OUT"
      fi
      LOCAL_I=$ROUTED_I; LOCAL_R=$ROUTED_R
      ;;
    *) die "unknown topology '$topo'" ;;
  esac
  # The protected hosts: kernel-libipsec installs its routes only when a local traffic selector address exists.
  ip -n "$NS_I" addr add "$PROT_I/32" dev lo
  ip -n "$NS_R" addr add "$PROT_R/32" dev lo
}

# --- processes ------------------------------------------------------------------------------------------

record_pid() { echo "$1" >> "$RUN/pids"; }

wait_for() {   # wait_for SECONDS DESCRIPTION COMMAND...
  local secs=$1 what=$2 i
  shift 2
  for ((i = 0; i < secs * 20; i++)); do
    if "$@"; then return 0; fi
    sleep 0.05
  done
  log "timeout after ${secs}s waiting for $what"
  return 1
}

start_capture() {   # start_capture NAMESPACE INTERFACE FILE [POINT]
  local ns=$1 ifname=$2 file=$3 point=${4:-capture}
  ip netns exec "$ns" tcpdump -i "$ifname" --immediate-mode -U -n -Z root -w "$file" 'udp or esp or icmp or (icmp6 and ip6[40] < 128)' \
    > "$RUN/tcpdump-$point.out" 2> "$RUN/tcpdump-$point.err" &
  CAPTURE_PIDS+=("$!")
  record_pid "$!"
  wait_for "$START_TIMEOUT" "tcpdump ($point) to listen" grep -qs 'listening on' "$RUN/tcpdump-$point.err"
}

stop_capture() {
  # --immediate-mode hands each packet to tcpdump at once (otherwise the kernel holds them up to a
  # second, and SIGINT discards them); the short pause lets the last ones reach the file. SIGINT
  # then lets tcpdump close the file properly.
  sleep 0.3
  local pid
  for pid in "${CAPTURE_PIDS[@]}"; do stop_pid "$pid" INT; done
}

# strongswan.conf for one side: own VICI socket and filelog, short retransmissions, extra settings
# from the scenario (SIDE.strongswan.conf, lines for the charon section).
write_strongswan_conf() {
  local side=$1 kernel=$2
  local conf=$RUN/$side/strongswan.conf extra=$SCEN/$side.strongswan.conf
  local plugins="$PLUGINS_COMMON kernel-netlink socket-default vici"
  if [ "$kernel" = libipsec ]; then
    # Userspace ESP: this kernel has XFRM but no ESP, so kernel-netlink alone cannot install SAs.
    plugins="$PLUGINS_COMMON kernel-libipsec kernel-netlink socket-default vici"
  fi
  {
    cat <<EOF
charon {
  load = $plugins
  install_routes = yes
  retransmit_tries = 2
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  i_dont_care_about_security_and_use_aggressive_mode_psk = yes
  plugins {
    vici {
      socket = unix://$RUN/$side/charon.vici
    }
  }
  filelog {
    lab {
      path = $OUT/$side.log
      time_format = %b %e %T
      ike_name = yes
      append = no
      flush_line = yes
      default = 1
      ike = 4
      cfg = 2
      mgr = 2
      knl = 1
      net = 1
      enc = 1
    }
  }
EOF
    if [ -f "$extra" ]; then sed 's/^/  /' "$extra"; fi
    echo "}"
  } > "$conf"
}

# Each charon runs in its namespace and a private mount namespace whose /run is a fresh tmpfs
# (its pid file), with its own strongswan.conf and VICI socket.
start_charon() {
  local side=$1 ns=$2
  ip netns exec "$ns" unshare -m --propagation private \
    sh -c 'mount -t tmpfs lab-run /run && exec env STRONGSWAN_CONF="$1" "$2"' \
    sh "$RUN/$side/strongswan.conf" "$CHARON" \
    > "$RUN/$side/charon.stdout" 2>&1 &
  record_pid "$!"
  wait_for "$START_TIMEOUT" "charon ($side) VICI socket" test -S "$RUN/$side/charon.vici"
}

# A libreswan pluto on one side (SIDE NAMESPACE), from SCEN/SIDE.ipsec.conf and .secrets. Its helpers
# must be at /usr/libexec/ipsec: in its private mount namespace a tmpfs covers /usr/libexec and the
# extracted package is bind-mounted there. NSS database fresh per scenario. Its control socket is
# RUN/SIDE/pluto/pluto.ctl (whack drives an initiating pluto through it).
start_pluto() {
  local side=${1:-responder} ns=${2:-$NS_R}
  local dir=$RUN/$side
  [ -x "$PLUTO_LIBEXEC/pluto" ] || die "no libreswan in $LIBRESWAN_DIR: run lab/install-deps.sh --libreswan"
  mkdir -p "$dir/nss" "$dir/pluto"
  certutil -N -d "sql:$dir/nss" --empty-password
  cp "$SCEN/$side.ipsec.conf" "$dir/ipsec.conf"
  cp "$SCEN/$side.ipsec.secrets" "$dir/ipsec.secrets"
  chmod 600 "$dir/ipsec.secrets"
  ip netns exec "$ns" unshare -m --propagation private sh -c '
      mount -t tmpfs lab-run /run && mkdir -p /run/pluto &&
      mount -t tmpfs lab-libexec /usr/libexec && mkdir /usr/libexec/ipsec &&
      mount --bind "$1" /usr/libexec/ipsec &&
      exec "$1/pluto" --nofork --config "$2/ipsec.conf" --rundir "$2/pluto" --nssdir "$2/nss" \
        --secretsfile "$2/ipsec.secrets" --ipsecdir "$2" --logfile "$3"' \
    sh "$PLUTO_LIBEXEC" "$dir" "$OUT/$side.log" > "$dir/pluto.stdout" 2>&1 &
  record_pid "$!"
  wait_for "$START_TIMEOUT" "pluto ($side) to listen" grep -qs 'listening for IKE messages' "$OUT/$side.log"
  wait_for "$START_TIMEOUT" "pluto ($side) control socket" test -S "$dir/pluto/pluto.ctl"
  if ! grep -qE 'added IKEv[12] connection' "$OUT/$side.log"; then
    die "pluto ($side) did not add the connection: $(grep -m1 -E 'failed to add|ERROR' "$OUT/$side.log" "$dir/pluto.stdout")"
  fi
}

# whack against the initiating pluto, its output appended to swanctl.txt (bounded like swanctl).
whack_at() {
  local side=$1
  shift
  local rc=0
  echo "### $side: whack $*" >> "$OUT/swanctl.txt"
  timeout "$SWANCTL_TIMEOUT" "$PLUTO_LIBEXEC/whack" --ctlsocket "$RUN/$side/pluto/pluto.ctl" "$@" \
    >> "$OUT/swanctl.txt" 2>&1 &
  record_pid "$!"
  wait "$!" || rc=$?
  echo "### exit status $rc" >> "$OUT/swanctl.txt"
  return "$rc"
}

# swanctl against one side's daemon, its output appended to swanctl.txt. Returns swanctl's status.
swanctl_at() {
  local side=$1
  shift
  local rc=0
  echo "### $side: swanctl $*" >> "$OUT/swanctl.txt"
  # In the background and waited for, so that an interrupt runs the traps at once instead of
  # after the command (timeout puts swanctl in its own process group, away from the terminal's ^C).
  SWANCTL_DIR="$RUN/$side/swanctl" timeout "$SWANCTL_TIMEOUT" \
    swanctl "$@" --uri "unix://$RUN/$side/charon.vici" >> "$OUT/swanctl.txt" 2>&1 &
  record_pid "$!"
  wait "$!" || rc=$?
  echo "### exit status $rc" >> "$OUT/swanctl.txt"
  return "$rc"
}

# The swanctl directory of one side: its swanctl.conf, the lab CAs, and only the certificates the
# config names ("certs = NAME.crt.pem") with their keys (NAME.key.pem). One key per identity
# matters: IKEv1 picks its authentication method from the first private key found for the local
# identity, whatever "certs" says.
prepare_swanctl_dir() {
  local side=$1 cert
  local dir=$RUN/$side/swanctl
  mkdir -p "$dir"/{x509,x509ca,x509ocsp,x509aa,x509ac,x509crl,pubkey,private,rsa,ecdsa,bliss,pkcs8,pkcs12}
  cp "$SCEN/$side.swanctl.conf" "$dir/swanctl.conf"
  for cert in $(sed -nE 's/^[[:space:]]*certs[[:space:]]*=[[:space:]]*([^[:space:]]+).*/\1/p' "$SCEN/$side.swanctl.conf"); do
    ensure_pki
    [ -f "$PKI_DIR/$side/$cert" ] || die "$SCEN/$side.swanctl.conf: no lab certificate $cert for the $side"
    cp "$PKI_DIR"/ca/*.pem "$dir/x509ca/"
    cp "$PKI_DIR/$side/$cert" "$dir/x509/"
    cp "$PKI_DIR/$side/${cert%.crt.pem}.key.pem" "$dir/private/"
  done
}

# --- certificates ---------------------------------------------------------------------------------------

# Made once per run with strongSwan's pki: an RSA and an ECDSA CA, and for each side an RSA-2048, an
# ECDSA P-256 and an RSA-4096 end-entity certificate (the big one for fragmentation), plus an
# end-entity certificate from a CA the peer does not trust.
ensure_pki() {
  [ -f "$PKI_DIR/done" ] && return 0
  mkdir -p "$PKI_DIR"/{ca,initiator,responder,untrusted}
  (
    cd "$PKI_DIR"
    exec 2>> "$PKI_DIR/pki.log"   # pki's plugin loader complains about the absent TPM library
    local dn="C=XX, O=ikescope lab"
    pki --gen --type rsa --size 2048 --outform pem > ca/rsa-ca.key
    pki --self --ca --lifetime 3650 --in ca/rsa-ca.key --dn "$dn, CN=Lab RSA CA" --outform pem > ca/rsa-ca.pem
    pki --gen --type ecdsa --size 256 --outform pem > ca/ecdsa-ca.key
    pki --self --ca --lifetime 3650 --in ca/ecdsa-ca.key --type ecdsa --dn "$dn, CN=Lab ECDSA CA" \
      --outform pem > ca/ecdsa-ca.pem
    pki --gen --type rsa --size 2048 --outform pem > untrusted/ca.key
    pki --self --ca --lifetime 3650 --in untrusted/ca.key --dn "$dn, CN=Untrusted CA" --outform pem > untrusted/ca.pem
    local side name
    for side in initiator responder; do
      name=$side.lab.example
      pki --gen --type rsa --size 2048 --outform pem > "$side/rsa.key.pem"
      pki --issue --lifetime 365 --cacert ca/rsa-ca.pem --cakey ca/rsa-ca.key --in "$side/rsa.key.pem" \
        --type priv --dn "$dn, CN=$name" --san "$name" --outform pem > "$side/rsa.crt.pem"
      pki --gen --type rsa --size 4096 --outform pem > "$side/rsa4096.key.pem"
      pki --issue --lifetime 365 --cacert ca/rsa-ca.pem --cakey ca/rsa-ca.key --in "$side/rsa4096.key.pem" \
        --type priv --dn "$dn, OU=Lab peers with a long distinguished name to make a big certificate, CN=$name" \
        --san "$name" --san "big.$name" --san "www.$name" --outform pem > "$side/rsa4096.crt.pem"
      pki --gen --type ecdsa --size 256 --outform pem > "$side/ecdsa.key.pem"
      pki --issue --lifetime 365 --cacert ca/ecdsa-ca.pem --cakey ca/ecdsa-ca.key --in "$side/ecdsa.key.pem" \
        --type priv --dn "$dn, CN=$name" --san "$name" --outform pem > "$side/ecdsa.crt.pem"
    done
    # An initiator certificate the responder cannot verify (issued by a CA it does not trust).
    pki --gen --type rsa --size 2048 --outform pem > initiator/untrusted.key.pem
    pki --issue --lifetime 365 --cacert untrusted/ca.pem --cakey untrusted/ca.key \
      --in initiator/untrusted.key.pem --type priv --dn "$dn, CN=initiator.lab.example" \
      --san initiator.lab.example --outform pem > initiator/untrusted.crt.pem
  )
  touch "$PKI_DIR/done"
}

# --- steps ----------------------------------------------------------------------------------------------

# Runs the scenario's steps file. Steps that are part of the outcome (ping, rekey, terminate) must
# succeed; an initiate may fail (that is what failing scenarios do), the expect file decides.
run_steps() {
  local line cmd a b c
  [ -f "$SCEN/steps" ] || die "$SCEN/steps missing"
  while read -r line; do
    line=${line%%#*}
    [ -n "${line//[[:space:]]/}" ] || continue
    read -r cmd a b c <<<"$line"
    case "$cmd" in
      initiate)        # initiate CHILD [TIMEOUT]; a libreswan initiator starts its connection "lab"
        if [ "$INITIATOR_IMPL" = libreswan ]; then
          whack_at initiator --name lab --initiate --asynchronous || true
        else
          swanctl_at initiator --initiate --child "$a" --timeout "${b:-8}" || true
        fi ;;
      initiate-ike)    # initiate-ike IKE [TIMEOUT]
        swanctl_at initiator --initiate --ike "$a" --timeout "${b:-8}" || true ;;
      ping)            # ping COUNT: initiator's protected host to the responder's, through the tunnel
        if ! ip netns exec "$NS_I" ping -n -c "${a:-3}" -i 0.2 -W 1 -I "$PROT_I" "$PROT_R" >> "$OUT/ping.txt" 2>&1; then
          echo "ping $PROT_I -> $PROT_R failed" >> "$OUT/result.txt"
          return 1
        fi ;;
      rekey-child)     swanctl_at initiator --rekey --child "$a" || true ;;
      rekey-ike)       swanctl_at initiator --rekey --ike "$a" || true ;;
      rekey-child-at)  swanctl_at "$a" --rekey --child "$b" || true ;;
      terminate-ike)
        if [ "$INITIATOR_IMPL" = libreswan ]; then
          whack_at initiator --name lab --terminate
        else
          swanctl_at initiator --terminate --ike "$a" --timeout "${b:-5}"
        fi ;;
      list-sas)        list_sas ;;
      wait-log)        # wait-log SIDE SECONDS REGEX...
        local regex=${line#*"$b"}
        regex=${regex#"${regex%%[![:space:]]*}"}
        wait_for "$b" "$a log: $regex" grep -qE -- "$regex" "$OUT/$a.log" || true ;;
      sleep)           sleep "$a" ;;
      *) die "$SCEN/steps: unknown step '$cmd'" ;;
    esac
  done < "$SCEN/steps"
}

list_sas() {
  local side
  for side in initiator responder; do
    [ -S "$RUN/$side/charon.vici" ] || continue
    {
      echo "### $side"
      SWANCTL_DIR="$RUN/$side/swanctl" timeout "$SWANCTL_TIMEOUT" \
        swanctl --list-sas --uri "unix://$RUN/$side/charon.vici" 2>&1 || true
    } >> "$OUT/sas.txt"
  done
}

# --- checking the outcome -------------------------------------------------------------------------------

# expect lines: "initiator: REGEX" / "responder: REGEX" must appear in that daemon's log;
# "!initiator: REGEX" / "!responder: REGEX" must not; "evidence: SIDE: REGEX" must appear and is the
# proof copied to the samples index.
expect_rules() {
  grep -E '^(!?(initiator|responder)|evidence):' "$SCEN/expect" | sed -E 's/^evidence:[[:space:]]*//'
}

# Returns 0 when every positive rule matches (used to stop waiting early).
positives_met() {
  local rule side regex
  while read -r rule; do
    [ "${rule:0:1}" = "!" ] && continue
    side=${rule%%:*}
    regex=${rule#*:}
    regex=${regex#"${regex%%[![:space:]]*}"}
    grep -qE -- "$regex" "$OUT/$side.log" 2>/dev/null || return 1
  done < <(expect_rules)
  return 0
}

check_expectations() {
  local rule side regex neg failures=0
  while read -r rule; do
    neg=no
    if [ "${rule:0:1}" = "!" ]; then neg=yes; rule=${rule:1}; fi
    side=${rule%%:*}
    regex=${rule#*:}
    regex=${regex#"${regex%%[![:space:]]*}"}
    if grep -qE -- "$regex" "$OUT/$side.log" 2>/dev/null; then
      if [ $neg = yes ]; then echo "unexpected in $side.log: $regex" >> "$OUT/result.txt"; failures=$((failures + 1)); fi
    else
      if [ $neg = no ]; then echo "missing in $side.log: $regex" >> "$OUT/result.txt"; failures=$((failures + 1)); fi
    fi
  done < <(expect_rules)
  [ "$failures" -eq 0 ]
}

# --- one scenario ---------------------------------------------------------------------------------------

run_one() {
  local name=$1
  SCEN=$SCENARIO_DIR/$name
  [ -d "$SCEN" ] || die "no scenario '$name' in $SCENARIO_DIR"
  local setup=$SCEN/setup
  local topology kernel responder capture_at settle
  topology=$(field "$setup" topology direct)
  kernel=$(field "$setup" kernel libipsec)
  responder=$(field "$setup" responder charon)
  INITIATOR_IMPL=$(field "$setup" initiator charon)
  capture_at=$(field "$setup" capture responder)
  settle=$(field "$setup" settle 6)

  OUT=$OUT_DIR/$name
  RUN=$STATE_DIR/run
  rm -rf "$OUT" "$RUN"
  mkdir -p "$OUT" "$RUN/initiator" "$RUN/responder"
  : > "$OUT/result.txt"
  trap cleanup_scenario EXIT
  trap 'exit 130' INT TERM

  check_leftovers
  setup_topology "$topology"

  if [ "$INITIATOR_IMPL" = charon ]; then
    write_strongswan_conf initiator "$kernel"
    prepare_swanctl_dir initiator
  fi
  if [ "$responder" = charon ]; then
    write_strongswan_conf responder "$kernel"
    prepare_swanctl_dir responder
  fi

  # Filters that make the failure (dropped NAT-T port, dropped fragments) in the namespace that drops.
  if [ -f "$SCEN/responder.nft" ]; then ip netns exec "$NS_R" nft -f "$SCEN/responder.nft"; fi
  if [ -f "$SCEN/middle.nft" ]; then ip netns exec "$NS_M" nft -f "$SCEN/middle.nft"; fi

  # One tcpdump per capture point: the first writes capture.pcap, the others capture-POINT.pcap.
  local point file first=yes
  CAPTURE_PIDS=()
  for point in $capture_at; do
    if [ $first = yes ]; then file=$OUT/capture.pcap; else file=$OUT/capture-$point.pcap; fi
    first=no
    case "$point" in
      responder) start_capture "$NS_R" ikl-r0 "$file" "$point" ;;
      initiator) start_capture "$NS_I" ikl-i0 "$file" "$point" ;;
      router)
        case "$topology" in router|nat) ;; *) die "$setup: capture router needs topology router or nat" ;; esac
        start_capture "$NS_M" ikl-m1 "$file" "$point" ;;   # the middle box's responder-facing veth
      *) die "$setup: capture points are initiator, responder, router" ;;
    esac
  done

  case "$responder" in
    charon)
      start_charon responder "$NS_R"
      swanctl_at responder --load-all --noprompt ;;
    libreswan)
      start_pluto responder "$NS_R" ;;
    none)
      : > "$OUT/responder.log" ;;   # no daemon on the peer: an empty log, so that "!responder:" rules hold
    *) die "$setup: responder must be charon, libreswan or none" ;;
  esac
  case "$INITIATOR_IMPL" in
    charon)
      start_charon initiator "$NS_I"
      swanctl_at initiator --load-all --noprompt ;;
    libreswan)
      start_pluto initiator "$NS_I" ;;
    *) die "$setup: initiator must be charon or libreswan" ;;
  esac

  local rc=0
  run_steps || rc=1
  # Let the daemons finish logging the outcome (retransmissions, deletes), bounded by "settle".
  wait_for "$settle" "the expected log lines" positives_met || true
  list_sas
  stop_capture
  cleanup_scenario
  check_expectations || rc=1
  return "$rc"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01ds' $((ms / 1000)) $((ms % 1000 / 100)); }

scenario_names() {
  local d
  for d in "$SCENARIO_DIR"/*/; do
    [ -f "$d/expect" ] && basename "$d"
  done
}

main() {
  [ $# -gt 0 ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
  case "$1" in
    --one)
      shift
      run_one "$1"
      return ;;
    --list)
      local n
      for n in $(scenario_names); do
        printf '%-34s %-18s phase %s\n' "$n" "$(field "$SCENARIO_DIR/$n/expect" expected)" \
          "$(field "$SCENARIO_DIR/$n/expect" phase)"
      done
      return ;;
    --clean)
      remove_namespaces
      rm -rf "$STATE_DIR"
      return ;;
  esac
  [ "$(id -u)" -eq 0 ] || die "must run as root (network namespaces, mounts)"
  local names=()
  if [ "$1" = --all ]; then
    mapfile -t names < <(scenario_names)
  else
    names=("$@")
  fi
  check_leftovers     # reported here once; each scenario checks again before it starts
  rm -rf "$PKI_DIR"   # certificates are made fresh for each run
  mkdir -p "$OUT_DIR" "$STATE_DIR"
  local n failed=0 passed=0 t0 start_all status rc
  trap ':' INT   # the scenario process handles ^C and cleans up; this one then stops the run
  start_all=$(now_ms)
  local skipped=0
  for n in "${names[@]}"; do
    if { [ "$(field "$SCENARIO_DIR/$n/setup" responder charon)" = libreswan ] ||
         [ "$(field "$SCENARIO_DIR/$n/setup" initiator charon)" = libreswan ]; } && [ ! -x "$PLUTO_LIBEXEC/pluto" ]; then
      printf 'SKIP %-34s libreswan not extracted (lab/install-deps.sh --libreswan)\n' "$n"
      skipped=$((skipped + 1))
      continue
    fi
    t0=$(now_ms)
    rc=0
    bash "$0" --one "$n" 2> "$OUT_DIR/.$n.stderr" || rc=$?
    if [ "$rc" -ge 128 ]; then
      # The scenario was interrupted (^C, kill) and has cleaned up after itself: stop the run.
      printf 'INTERRUPTED %s\n' "$n"
      exit "$rc"
    fi
    if [ "$rc" -eq 0 ]; then
      status=PASS
      printf 'PASS %-34s %6s\n' "$n" "$(seconds_since "$t0")"
      passed=$((passed + 1))
    else
      status=FAIL
      printf 'FAIL %-34s %6s  %s\n' "$n" "$(seconds_since "$t0")" \
        "$(head -c 300 "$OUT_DIR/$n/result.txt" 2>/dev/null | tr '\n' ';'; tail -n 2 "$OUT_DIR/.$n.stderr" | tr '\n' ' ')"
      failed=$((failed + 1))
    fi
    if [ -d "$OUT_DIR/$n" ]; then
      mv "$OUT_DIR/.$n.stderr" "$OUT_DIR/$n/run.stderr"
      echo "$status" > "$OUT_DIR/$n/status"
    fi
  done
  printf '%d passed, %d failed, %d skipped, %s in all\n' "$passed" "$failed" "$skipped" "$(seconds_since "$start_all")"
  [ "$failed" -eq 0 ]
}

# Sourced (lab/matrix.sh uses the functions above), the script only defines; run, it runs.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
