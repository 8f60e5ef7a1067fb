#!/bin/bash
# The IKE lab as a matrix: every failure scenario (and a success per IKE version) crossed with the
# initiating and the responding implementation (strongSwan charon, libreswan pluto), no NAT or a NAT in
# front of the initiator, and forced UDP encapsulation on or off. Every combination runs on the routed
# topology and is captured at three points at once: the initiator's veth, the middle box's
# responder-facing veth and the responder's veth.
#
#   lab/matrix.sh --list                 every combination ID that runs, one a line
#   lab/matrix.sh --list-excluded        the combinations left out, each with the reason
#   lab/matrix.sh --all                  every combination
#   lab/matrix.sh --seed N --count K     a seeded random sample of K combinations (reproducible)
#   lab/matrix.sh ID [ID...]             the named combinations
#   lab/matrix.sh --recheck              check the logs of every PASS in lab/out/matrix against the current rules
#
# ID: SCENARIO.i-IMPL.r-IMPL.NET.ENCAP, e.g. v1-main-psk-mismatch.i-libreswan.r-strongswan.nat.encap
# (IMPL strongswan|libreswan, r-none where no responder daemon runs; NET routed|nat; ENCAP encap|noencap).
# Output per combination in lab/out/matrix/ID/: capture-initiator.pcap, capture-router.pcap,
# capture-responder.pcap, initiator.log, responder.log, truth, status (PASS/FAIL), config/ (the generated
# configuration). The truth comes only from the daemons' logs: each outcome has, per implementation and
# role, the log lines that prove it; a combination whose logs prove no outcome, or another one, FAILs.
# Must run as root (namespaces, mounts). Reuses lab/run.sh's functions (sourced).
set -euo pipefail

MATRIX_SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
# shellcheck source=run.sh
source "$(dirname "$MATRIX_SELF")/run.sh"
MATRIX_OUT=$OUT_DIR/matrix
MATRIX_GEN=$STATE_DIR/matrix-scenarios   # generated scenario folders (copied into each ID/config)

mlog() { printf '%s\n' "$*" >&2; }
mdie() { mlog "matrix.sh: $*"; exit 2; }

# --- the failure scenarios, abstractly -----------------------------------------------------------------
#
# scenario_def NAME sets: V (1|2), MODE (main|aggressive|ikev2), I_IKE/R_IKE (IKE proposal, enc-integ-group
# in strongSwan's words: aes256-sha256-modp2048), I_ESP/R_ESP (enc-integ), I_PFS/R_PFS (PFS group or
# empty), I_PSK/R_PSK, I_TS_L/I_TS_R and R_TS_L/R_TS_R (local and remote traffic selector of each side),
# FILTER (none|drop4500|noresponder), SUCCESS (yes|no), OUTCOME (the outcome whose log lines must hold),
# CODE, PHASE, ROOT (the configured cause where the capture cannot show it), DESC.

SCENARIOS=(v1-main-ok v2-ok
           v1-main-psk-mismatch v1-aggr-psk-mismatch v2-psk-mismatch
           v1-main-enc-mismatch v2-enc-mismatch v1-main-dh-mismatch v2-dh-mismatch
           v1-quick-ts-mismatch v2-ts-mismatch v2-child-proposal-mismatch v1-quick-pfs-one-side
           v1-no-response v2-no-response v1-natt-blocked v2-natt-blocked)

PSK_OK="correct horse battery staple"
PSK_OTHER="a different secret"

scenario_def() {
  V=2; MODE=ikev2
  I_IKE=aes256-sha256-modp2048; R_IKE=$I_IKE
  I_ESP=aes128-sha256; R_ESP=$I_ESP
  I_PFS=modp2048; R_PFS=modp2048
  I_PSK=$PSK_OK; R_PSK=$PSK_OK
  I_TS_L=203.0.113.0/28; I_TS_R=203.0.113.16/28
  R_TS_L=203.0.113.16/28; R_TS_R=203.0.113.0/28
  FILTER=none; SUCCESS=no; ROOT=
  case "$1" in
    v1-*) V=1; MODE=main ;;
  esac
  case "$1" in
    v1-aggr-*) MODE=aggressive ;;
  esac
  case "$1" in
    v1-main-ok|v2-ok)
      SUCCESS=yes; OUTCOME=established; CODE=ESTABLISHED; PHASE=null
      DESC="the configurations agree: IKE SA and CHILD_SA established, pings through the tunnel, then a delete" ;;
    *-psk-mismatch)
      R_PSK=$PSK_OTHER; OUTCOME=auth-failed; CODE=AUTH_FAILED; PHASE=1
      DESC="the pre-shared keys differ" ;;
    *-enc-mismatch)
      R_IKE=aes128-sha256-modp2048; OUTCOME=proposal-mismatch; CODE=PROPOSAL_MISMATCH; PHASE=1
      DESC="the IKE proposals differ in the encryption algorithm (initiator AES-CBC-256, responder AES-CBC-128)" ;;
    *-dh-mismatch)
      R_IKE=aes256-sha256-ecp256; OUTCOME=proposal-mismatch; CODE=PROPOSAL_MISMATCH; PHASE=1; ROOT=DH_GROUP_MISMATCH
      DESC="only the Diffie-Hellman group differs (initiator MODP-2048, responder ECP-256); refused with NO_PROPOSAL_CHOSEN, which the capture cannot tell from any other proposal mismatch" ;;
    *-ts-mismatch)
      R_TS_L=203.0.113.32/28; OUTCOME=ts-mismatch; CODE=TS_MISMATCH; PHASE=2
      DESC="the initiator proposes 203.0.113.0/28 === 203.0.113.16/28, the responder protects 203.0.113.32/28" ;;
    v2-child-proposal-mismatch)
      R_ESP=aes256-sha256; OUTCOME=child-proposal-mismatch; CODE=PROPOSAL_MISMATCH; PHASE=2
      DESC="the IKE SA is established, the CHILD_SA proposals differ (initiator ESP AES-CBC-128, responder AES-CBC-256)" ;;
    v1-quick-pfs-one-side)
      R_PFS=; OUTCOME=pfs-mismatch; CODE=PROPOSAL_MISMATCH; PHASE=2; ROOT=PFS_MISMATCH
      DESC="Main Mode succeeds; the initiator's Quick Mode asks for PFS (MODP-2048), the responder is configured without PFS" ;;
    *-no-response)
      FILTER=noresponder; OUTCOME=no-response; CODE=NO_RESPONSE; PHASE=1
      DESC="no IKE daemon runs on the responder: the requests are answered only by ICMP port unreachables" ;;
    *-natt-blocked)
      FILTER=drop4500; OUTCOME=natt-blocked; CODE=NAT_T_BLOCKED; PHASE=1
      DESC="the middle box forwards UDP 500 but drops UDP 4500 in both directions: the exchange stalls after moving to UDP 4500" ;;
    *) return 1 ;;
  esac
  [ -n "$ROOT" ] || ROOT=$CODE
}

# --- the matrix and its exclusions -------------------------------------------------------------------

# Every combination ID, excluded ones included.
all_ids() {
  local s i r net encap responders
  for s in "${SCENARIOS[@]}"; do
    scenario_def "$s"
    responders="strongswan libreswan"
    [ "$FILTER" = noresponder ] && responders=none
    for i in strongswan libreswan; do
      for r in $responders; do
        for net in routed nat; do
          for encap in encap noencap; do
            echo "$s.i-$i.r-$r.$net.$encap"
          done
        done
      done
    done
  done
}

# The reason a combination cannot realise its scenario, or nothing.
exclusion() {
  local id=$1 s i r net encap
  IFS=. read -r s i r net encap <<<"$id"
  i=${i#i-}; r=${r#r-}
  scenario_def "$s"
  if [ "$SUCCESS" = yes ]; then
    if [ "$i" = libreswan ] || [ "$r" = libreswan ]; then
      echo "libreswan cannot install ESP SAs on this kernel (XFRM without ESP, no userspace ESP): no CHILD_SA, no ESTABLISHED"
      return
    fi
    if [ "$encap" = noencap ]; then
      echo "a strongSwan CHILD_SA installs only with kernel-libipsec, which always forces UDP encapsulation"
      return
    fi
  fi
  if [ "$r" = libreswan ] && [ "$s" = v1-quick-pfs-one-side ]; then
    echo "libreswan 4.10 as responder with pfs=no fails a Quick Mode that carries a KE payload with 'state transition function for STATE_QUICK_R0 had internal error' and sends nothing (the initiator retries): no PFS refusal on the wire"
    return
  fi
  if [ "$r" = libreswan ] && [ "$s" = v1-quick-ts-mismatch ] && { [ "$net" = nat ] || [ "$encap" = encap ]; }; then
    echo "libreswan 4.10 as IKEv1 responder with NAT-T in use (a NAT or forced encapsulation) fails the mismatched Quick Mode with 'state transition function for STATE_QUICK_R0 had internal error' and sends nothing, instead of INVALID_ID_INFORMATION (which it sends without NAT-T)"
    return
  fi
  if [ "$FILTER" = drop4500 ] && [ "$net" = routed ] && [ "$encap" = noencap ]; then
    if [ "$V" = 1 ]; then
      echo "no NAT and no forced encapsulation: IKEv1 never moves to UDP 4500, so dropping it blocks nothing"
      return
    fi
    if [ "$i" = libreswan ]; then
      echo "no NAT and no forced encapsulation: libreswan stays on UDP 500 (only strongSwan's MOBIKE moves to 4500 without a NAT)"
      return
    fi
  fi
}

included_ids() {
  local id
  while read -r id; do
    [ -z "$(exclusion "$id")" ] && echo "$id"
  done < <(all_ids)
}

# --- generated configurations --------------------------------------------------------------------------

# strongSwan proposal words -> libreswan's: sha256 -> sha2_256, ecp256 -> dh19.
ls_alg() { local a=$1; a=${a//sha256/sha2_256}; a=${a//ecp256/dh19}; printf '%s' "$a"; }

# write_swanctl FILE ROLE (initiator|responder)
write_swanctl() {
  local file=$1 role=$2 ike esp pfs psk tsl tsr me peer
  if [ "$role" = initiator ]; then
    ike=$I_IKE; esp=$I_ESP; pfs=$I_PFS; psk=$I_PSK; tsl=$I_TS_L; tsr=$I_TS_R; me=initiator; peer=responder
  else
    ike=$R_IKE; esp=$R_ESP; pfs=$R_PFS; psk=$R_PSK; tsl=$R_TS_L; tsr=$R_TS_R; me=responder; peer=initiator
  fi
  {
    echo "connections {"
    echo "  lab {"
    echo "    version = $V"
    [ "$role" = initiator ] && echo "    remote_addrs = $ROUTED_R"
    [ "$MODE" = aggressive ] && echo "    aggressive = yes"
    [ "$ENCAP" = yes ] && echo "    encap = yes"
    echo "    proposals = $ike"
    echo "    local {"
    echo "      auth = psk"
    echo "      id = $me.lab.example"
    echo "    }"
    echo "    remote {"
    echo "      auth = psk"
    echo "      id = $peer.lab.example"
    echo "    }"
    echo "    children {"
    echo "      net {"
    echo "        local_ts = $tsl"
    echo "        remote_ts = $tsr"
    echo "        esp_proposals = $esp${pfs:+-$pfs}"
    echo "      }"
    echo "    }"
    echo "  }"
    echo "}"
    echo "secrets {"
    echo "  ike-lab {"
    echo "    id-i = initiator.lab.example"
    echo "    id-r = responder.lab.example"
    echo "    secret = \"$psk\""
    echo "  }"
    echo "}"
  } > "$file"
}

# write_ipsec DIR ROLE: DIR/ROLE.ipsec.conf and DIR/ROLE.ipsec.secrets for pluto 4.10.
write_ipsec() {
  local dir=$1 role=$2 ike esp pfs psk tsl tsr me peer left right
  if [ "$role" = initiator ]; then
    ike=$I_IKE; esp=$I_ESP; pfs=$I_PFS; psk=$I_PSK; tsl=$I_TS_L; tsr=$I_TS_R; me=initiator; peer=responder
    left=$ROUTED_I; right=$ROUTED_R
  else
    ike=$R_IKE; esp=$R_ESP; pfs=$R_PFS; psk=$R_PSK; tsl=$R_TS_L; tsr=$R_TS_R; me=responder; peer=initiator
    left=$ROUTED_R; right=%any
  fi
  {
    printf '# libreswan (pluto 4.10) %s, generated by lab/matrix.sh.\n' "$role"
    printf 'config setup\n\tikev1-policy=accept\n\tlogtime=yes\n\tlogappend=no\n\tplutodebug=none\n\n'
    printf 'conn lab\n'
    printf '\tauthby=secret\n'
    printf '\tleft=%s\n\tleftid=@%s.lab.example\n\tleftsubnet=%s\n' "$left" "$me" "$tsl"
    printf '\tright=%s\n\trightid=@%s.lab.example\n\trightsubnet=%s\n' "$right" "$peer" "$tsr"
    printf '\tike=%s\n' "$(ls_alg "$ike")"
    if [ -n "$pfs" ]; then
      printf '\tesp=%s-%s\n\tpfs=yes\n' "$(ls_alg "$esp")" "$(ls_alg "$pfs")"
    else
      printf '\tesp=%s\n\tpfs=no\n' "$(ls_alg "$esp")"
    fi
    if [ "$V" = 2 ]; then printf '\tikev2=yes\n'; else printf '\tikev2=no\n'; fi
    [ "$MODE" = aggressive ] && printf '\taggressive=yes\n'
    [ "$ENCAP" = yes ] && printf '\tencapsulation=yes\n'
    # One short attempt: no new attempt after a failure, retransmissions given up after 5 s.
    printf '\tkeyingtries=1\n\trekey=no\n\tretransmit-interval=1000\n\tretransmit-timeout=5s\n'
    printf '\tauto=add\n'
  } > "$dir/$role.ipsec.conf"
  printf '@%s.lab.example @%s.lab.example : PSK "%s"\n' "$me" "$peer" "$psk" > "$dir/$role.ipsec.secrets"
}

# --- outcomes: the log lines that prove them -----------------------------------------------------------
#
# signature OUTCOME IMPL ROLE: the rules (run.sh's expect syntax without the side: a regex that must
# match a line of that daemon's log, "!REGEX" one that must not) that prove OUTCOME in the log of IMPL
# acting as ROLE, for the current scenario's IKE version and mode ($V, $MODE). Prints nothing when the
# log of that side says nothing specific; "?" when no rule is known (the outcome then cannot be proven).

OUTCOMES=(established auth-failed proposal-mismatch ts-mismatch child-proposal-mismatch pfs-mismatch
          no-response natt-blocked)

SS_IKE_UP='IKE_SA lab\[[0-9]+\] established between'
SS_CHILD_UP='CHILD_SA net\{[0-9]+\} established with SPIs'
LS_IKE_UP='(established IKE SA|IKE SA established|ISAKMP SA established)'
LS_CHILD_UP='(established Child SA|IPsec SA established)'

signature() {
  local outcome=$1 impl=$2 role=$3
  local key="$outcome.$impl.$role.$MODE"
  case "$key" in
    # ---- strongSwan 5.9.8 (charon filelog, default 1, ike 4, cfg 2)
    established.strongswan.*)
      echo "$SS_IKE_UP"; echo "$SS_CHILD_UP" ;;
    auth-failed.strongswan.initiator.ikev2)
      echo 'received AUTHENTICATION_FAILED notify error'; echo "!$SS_IKE_UP" ;;
    auth-failed.strongswan.responder.ikev2)
      echo "tried 1 shared key for .* but MAC mismatched"; echo 'generating IKE_AUTH response 1 \[ N\(AUTH_FAILED\) \]'
      echo "!$SS_IKE_UP" ;;
    auth-failed.strongswan.initiator.main)
      echo 'giving up after 2 retransmits'; echo "!$SS_IKE_UP" ;;
    auth-failed.strongswan.responder.main)
      echo 'decryption failed\?'; echo "!$SS_IKE_UP" ;;
    auth-failed.strongswan.initiator.aggressive)
      echo 'calculated HASH does not match HASH payload'; echo "!$SS_IKE_UP" ;;
    auth-failed.strongswan.responder.aggressive)
      echo 'generating AGGRESSIVE response 0'; echo "!$SS_IKE_UP" ;;
    proposal-mismatch.strongswan.initiator.ikev2)
      echo 'received NO_PROPOSAL_CHOSEN notify error'; echo "!$SS_IKE_UP" ;;
    proposal-mismatch.strongswan.initiator.*)
      echo 'received NO_PROPOSAL_CHOSEN error notify'; echo "!$SS_IKE_UP" ;;
    proposal-mismatch.strongswan.responder.ikev2)
      echo 'no acceptable (ENCRYPTION_ALGORITHM|KEY_EXCHANGE_METHOD) found'
      echo 'generating IKE_SA_INIT response 0 \[ N\(NO_PROP\) \]'; echo "!$SS_IKE_UP" ;;
    proposal-mismatch.strongswan.responder.*)
      echo 'no acceptable (ENCRYPTION_ALGORITHM|KEY_EXCHANGE_METHOD) found'
      echo 'generating INFORMATIONAL_V1 request [0-9]+ \[ N\(NO_PROP\) \]'; echo "!$SS_IKE_UP" ;;
    ts-mismatch.strongswan.initiator.ikev2)
      echo "$SS_IKE_UP"; echo 'received TS_UNACCEPTABLE notify, no CHILD_SA built'; echo "!$SS_CHILD_UP" ;;
    ts-mismatch.strongswan.initiator.main)
      echo "$SS_IKE_UP"; echo 'received INVALID_ID_INFORMATION error notify'; echo "!$SS_CHILD_UP" ;;
    ts-mismatch.strongswan.responder.ikev2)
      echo "$SS_IKE_UP"; echo 'traffic selectors .* unacceptable'; echo "!$SS_CHILD_UP" ;;
    ts-mismatch.strongswan.responder.main)
      echo "$SS_IKE_UP"; echo 'no matching CHILD_SA config found for'; echo "!$SS_CHILD_UP" ;;
    child-proposal-mismatch.strongswan.initiator.ikev2)
      echo "$SS_IKE_UP"; echo 'received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built'; echo "!$SS_CHILD_UP" ;;
    child-proposal-mismatch.strongswan.responder.ikev2)
      echo "$SS_IKE_UP"; echo 'no acceptable ENCRYPTION_ALGORITHM found'; echo "!$SS_CHILD_UP" ;;
    pfs-mismatch.strongswan.initiator.main)
      echo "$SS_IKE_UP"; echo 'received NO_PROPOSAL_CHOSEN error notify'; echo "!$SS_CHILD_UP" ;;
    pfs-mismatch.strongswan.responder.main)
      echo "$SS_IKE_UP"; echo 'no acceptable KEY_EXCHANGE_METHOD found'
      echo 'no matching proposal found, sending NO_PROPOSAL_CHOSEN'; echo "!$SS_CHILD_UP" ;;
    no-response.strongswan.initiator.*)
      echo 'giving up after 2 retransmits'; echo 'establishing IKE_SA failed, peer not responding'
      echo '!received packet: from' ;;
    natt-blocked.strongswan.initiator.*)
      echo 'sending packet: from [0-9.]+\[4500\] to [0-9.]+\[4500\]'; echo 'giving up after 2 retransmits'
      echo 'establishing IKE_SA failed, peer not responding'; echo '!received packet: from [0-9.]+\[4500\]'
      echo "!$SS_IKE_UP" ;;
    natt-blocked.strongswan.responder.*)
      # it answered on UDP 500, and nothing after that reached it (on 4500 or, undecryptable, on 500)
      echo 'sending packet: from [0-9.]+\[500\]'; echo '!received packet: from [0-9.]+\[[0-9]+\] to [0-9.]+\[4500\]'
      echo '!decryption failed\?'; echo '!parsed (ID_PROT|AGGRESSIVE) request 0 \[ (ID|HASH)'
      echo '!parsed IKE_AUTH request'; echo "!$SS_IKE_UP" ;;
    # ---- libreswan 4.10 (pluto, default logging; found by running it in the matrix)
    established.libreswan.*)
      echo "$LS_IKE_UP"; echo "$LS_CHILD_UP" ;;
    auth-failed.libreswan.initiator.main)
      echo 'Possible authentication failure: no acceptable response to our first encrypted message'
      echo "!$LS_IKE_UP" ;;
    auth-failed.libreswan.responder.main)
      echo 'probable authentication failure \(mismatch of preshared secrets\?\)'; echo "!$LS_IKE_UP" ;;
    auth-failed.libreswan.initiator.aggressive)
      echo 'sending notification INVALID_HASH_INFORMATION to'; echo "!$LS_IKE_UP" ;;
    auth-failed.libreswan.responder.aggressive)
      echo 'sent Aggressive Mode response, expecting confirmation'; echo "!$LS_IKE_UP" ;;
    auth-failed.libreswan.initiator.ikev2)
      echo 'IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED'; echo "!$LS_IKE_UP" ;;
    auth-failed.libreswan.responder.ikev2)
      echo 'authentication failed: computed hash does not match hash received from peer'
      echo 'with encrypted notification AUTHENTICATION_FAILED'; echo "!$LS_IKE_UP" ;;
    proposal-mismatch.libreswan.initiator.ikev2)
      # libreswan ignores the unauthenticated refusal and retransmits until its timeout
      echo 'dropping unexpected IKE_SA_INIT message containing NO_PROPOSAL_CHOSEN notification'
      echo 'timeout exceeded after [0-9]+ retransmits'; echo "!$LS_IKE_UP" ;;
    proposal-mismatch.libreswan.initiator.*)
      echo 'received and ignored notification payload: NO_PROPOSAL_CHOSEN'
      echo 'timeout exceeded after [0-9]+ retransmits'; echo "!$LS_IKE_UP" ;;
    proposal-mismatch.libreswan.responder.ikev2)
      echo 'with unencrypted notification NO_PROPOSAL_CHOSEN'; echo "!$LS_IKE_UP" ;;
    proposal-mismatch.libreswan.responder.*)
      echo 'no acceptable Oakley Transform'; echo 'sending notification NO_PROPOSAL_CHOSEN'; echo "!$LS_IKE_UP" ;;
    ts-mismatch.libreswan.initiator.ikev2)
      echo 'initiator established IKE SA'; echo 'IKE_AUTH response rejected Child SA with TS_UNACCEPTABLE'
      echo "!$LS_CHILD_UP" ;;
    ts-mismatch.libreswan.responder.ikev2)
      # libreswan logs no line for the refused selectors at its default level; the initiator does
      echo 'responder established IKE SA'; echo '!matching remote ESP/AH proposals failed'; echo "!$LS_CHILD_UP" ;;
    ts-mismatch.libreswan.initiator.main)
      echo "$LS_IKE_UP"; echo 'received and ignored notification payload: INVALID_ID_INFORMATION'
      echo 'No acceptable response to our first Quick Mode message'; echo "!$LS_CHILD_UP" ;;
    ts-mismatch.libreswan.responder.main)
      echo "$LS_IKE_UP"; echo 'cannot respond to IPsec SA request because no connection is known'
      echo 'sending encrypted notification INVALID_ID_INFORMATION'; echo "!$LS_CHILD_UP" ;;
    child-proposal-mismatch.libreswan.initiator.ikev2)
      echo 'initiator established IKE SA'; echo 'IKE_AUTH response rejected Child SA with NO_PROPOSAL_CHOSEN'
      echo "!$LS_CHILD_UP" ;;
    child-proposal-mismatch.libreswan.responder.ikev2)
      echo 'responder established IKE SA'
      echo 'matching remote ESP/AH proposals failed, responder SA processing returned NO_PROPOSAL_CHOSEN'
      echo "!$LS_CHILD_UP" ;;
    pfs-mismatch.libreswan.initiator.main)
      echo "$LS_IKE_UP"; echo 'received and ignored notification payload: NO_PROPOSAL_CHOSEN'
      echo 'No acceptable response to our first Quick Mode message'; echo "!$LS_CHILD_UP" ;;
    no-response.libreswan.initiator.*)
      echo 'timeout exceeded after [0-9]+ retransmits.  No response \(or no acceptable response\) to our first IKEv[12] message'
      echo '!received and ignored notification payload'; echo '!dropping unexpected IKE_SA_INIT message' ;;
    natt-blocked.libreswan.initiator.ikev2)
      # libreswan does not log the port at its default level: the responder's log shows what never arrived
      echo 'sent IKE_AUTH request'; echo 'timeout exceeded after [0-9]+ retransmits'; echo '!malformed payload in packet'
      echo '!rejected by peer'; echo "!$LS_IKE_UP" ;;
    natt-blocked.libreswan.initiator.*)
      echo 'sent Main Mode I3'; echo 'timeout exceeded after [0-9]+ retransmits'; echo '!malformed payload in packet'
      echo "!$LS_IKE_UP" ;;
    natt-blocked.libreswan.responder.ikev2)
      echo 'sent IKE_SA_INIT reply'; echo '!processing decrypted IKE_AUTH request'; echo "!$LS_IKE_UP" ;;
    natt-blocked.libreswan.responder.*)
      echo 'sent Main Mode R2'; echo 'STATE_MAIN_R2: [0-9]+ second timeout exceeded'
      echo '!probable authentication failure'; echo "!$LS_IKE_UP" ;;
    *.none.responder.*)
      [ "$outcome" = no-response ] || echo '?' ;;
    *) echo '?' ;;
  esac
}

# Prints the rules of OUTCOME for the combination's two sides as run.sh expect lines, or fails when a side
# has no known rule. The first positive rule of the responder (else the initiator) is the evidence.
expect_lines() {
  local outcome=$1 side impl rule lines=() evidence=
  for side in responder initiator; do
    if [ "$side" = initiator ]; then impl=$IMPL_I; else impl=$IMPL_R; fi
    while read -r rule; do
      [ -n "$rule" ] || continue
      [ "$rule" = '?' ] && return 1
      if [ "${rule:0:1}" = '!' ]; then
        lines+=("!$side: ${rule:1}")
      else
        lines+=("$side: $rule")
        [ -n "$evidence" ] || evidence="evidence: $side: $rule"
      fi
    done < <(signature "$outcome" "$impl" "$side")
  done
  [ -n "$evidence" ] || return 1
  printf '%s\n' "$evidence" "${lines[@]}"
}

# --- one combination -----------------------------------------------------------------------------------

parse_id() {
  local id=$1 s i r
  IFS=. read -r s i r NET ENCAP_WORD <<<"$id"
  scenario_def "$s" 2>/dev/null || mdie "unknown scenario in '$id'"
  SCEN_NAME=$s
  IMPL_I=${i#i-}; IMPL_R=${r#r-}
  case "$IMPL_I" in strongswan|libreswan) ;; *) mdie "bad initiator in '$id'" ;; esac
  case "$IMPL_R" in strongswan|libreswan|none) ;; *) mdie "bad responder in '$id'" ;; esac
  case "$NET" in routed|nat) ;; *) mdie "bad network in '$id' (routed|nat)" ;; esac
  case "$ENCAP_WORD" in encap) ENCAP=yes ;; noencap) ENCAP=no ;; *) mdie "bad encapsulation in '$id'" ;; esac
  all_ids | grep -xF "$id" >/dev/null || mdie "no such combination '$id' (lab/matrix.sh --list)"
}

# The scenario folder run.sh's run_one reads, generated from the abstract description.
generate() {
  local id=$1 dir=$MATRIX_GEN/$1 kernel=netlink impl_word
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$SUCCESS" = yes ] && kernel=libipsec
  for role in initiator responder; do
    if [ "$role" = initiator ]; then impl_word=$IMPL_I; else impl_word=$IMPL_R; fi
    case "$impl_word" in
      strongswan) write_swanctl "$dir/$role.swanctl.conf" "$role" ;;
      libreswan) write_ipsec "$dir" "$role" ;;
    esac
  done
  local topo=router rimpl=charon iimpl=charon
  [ "$NET" = nat ] && topo=nat
  [ "$IMPL_I" = libreswan ] && iimpl=libreswan
  case "$IMPL_R" in libreswan) rimpl=libreswan ;; none) rimpl=none ;; esac
  {
    echo "# generated by lab/matrix.sh for $id"
    echo "topology: $topo"
    echo "kernel: $kernel"
    echo "initiator: $iimpl"
    echo "responder: $rimpl"
    echo "capture: initiator router responder"
    echo "settle: 10"
  } > "$dir/setup"
  if [ "$SUCCESS" = yes ]; then
    printf 'initiate net 10\nping 3\nlist-sas\nterminate-ike lab\n' > "$dir/steps"
  else
    printf 'initiate net 10\n' > "$dir/steps"
  fi
  if [ "$FILTER" = drop4500 ]; then
    cat > "$dir/middle.nft" <<'EOF'
# The middle box forwards UDP 500 but drops UDP 4500 (NAT-T) in both directions.
table inet ikl_filter {
  chain forward {
    type filter hook forward priority 0; policy accept;
    udp dport 4500 counter drop
    udp sport 4500 counter drop
  }
}
EOF
  fi
  {
    echo "ike-version: $V"
    echo "exchange-mode: $MODE"
    echo "expected: $CODE"
    echo "phase: $PHASE"
    echo "root-cause: $ROOT"
    echo "description: $DESC"
    # No known rules for one side: the run still happens (its logs are the material to write the rules
    # from), but a rule that cannot hold makes it FAIL: never a truth without proof.
    expect_lines "$OUTCOME" || echo "initiator: ^no known log rule for outcome $OUTCOME with initiator $IMPL_I and responder $IMPL_R\$"
  } > "$dir/expect"
}

# Which outcomes the logs in $1 prove (each outcome's rules for both sides all hold).
proven_outcomes() {
  local out=$1 o rules rule side neg regex ok
  for o in "${OUTCOMES[@]}"; do
    rules=$(expect_lines "$o" 2>/dev/null) || continue
    ok=yes
    while read -r rule; do
      case "$rule" in evidence:*) continue ;; esac
      neg=no
      if [ "${rule:0:1}" = '!' ]; then neg=yes; rule=${rule:1}; fi
      side=${rule%%:*}; regex=${rule#*: }
      if grep -qE -- "$regex" "$out/$side.log" 2>/dev/null; then
        [ $neg = yes ] && { ok=no; break; }
      else
        [ $neg = no ] && { ok=no; break; }
      fi
    done <<<"$rules"
    if [ $ok = yes ]; then echo "$o"; fi
  done
  return 0
}

# The lines of a daemon log that tell what happened (for a FAIL's excerpt).
log_excerpt() {
  grep -E 'NO_PROP|AUTH|established|giving up|retransmi|notif|failed|mismatch|unacceptable|INVALID|no acceptable|decrypt|malformed|STATE_|sent |received .* (notify|error)|timeout|timed out|deleting' "$1" 2>/dev/null \
    | grep -vE 'vendor ID|^[A-Z][a-z]{2} +[0-9]+ [0-9:.]+: +[A-Z0-9_]+ +[\[{]' | tail -n 12 | sed 's/^/    /'
}

run_combination() {
  local id=$1
  parse_id "$id"
  local why
  why=$(exclusion "$id")
  [ -z "$why" ] || mdie "$id is excluded: $why"
  SCENARIO_DIR=$MATRIX_GEN
  OUT_DIR=$MATRIX_OUT
  mkdir -p "$MATRIX_GEN" "$MATRIX_OUT"
  generate "$id"
  local rc=0
  trap ':' INT TERM   # the subshell below handles ^C and cleans up; then this process reports 130
  set +e
  ( set -e; run_one "$id" )
  rc=$?
  set -e
  trap - INT TERM
  if [ "$rc" -ge 128 ]; then exit "$rc"; fi
  local out=$MATRIX_OUT/$id
  [ -d "$out" ] || mdie "$id: no output"
  mv -f "$out/capture.pcap" "$out/capture-initiator.pcap" 2>/dev/null || true
  cp -r "$MATRIX_GEN/$id" "$out/config"
  local proven
  proven=$(proven_outcomes "$out" | tr '\n' ' ')
  proven=${proven% }
  if [ "$rc" -eq 0 ] && [ "$proven" = "$OUTCOME" ]; then
    local ev_rule ev_side ev_regex ev_line
    ev_rule=$(field "$out/config/expect" evidence)
    ev_side=${ev_rule%%:*}; ev_regex=${ev_rule#*: }
    ev_line=$(grep -m1 -E -- "$ev_regex" "$out/$ev_side.log" || true)
    {
      echo "expected: $CODE"
      echo "phase: $PHASE"
      echo "root-cause: $ROOT"
      echo "outcome: $OUTCOME"
      echo "combination: scenario=$SCEN_NAME ike-version=$V exchange-mode=$MODE initiator=$IMPL_I responder=$IMPL_R network=$NET encapsulation=$ENCAP_WORD"
      echo "description: $DESC"
      echo "evidence: $ev_side: $ev_line"
    } > "$out/truth"
    echo PASS > "$out/status"
    return 0
  fi
  rm -f "$out/truth"
  echo FAIL > "$out/status"
  {
    if [ -z "$proven" ]; then
      echo "the logs prove no known outcome (expected: $OUTCOME)"
    elif [ "$proven" != "$OUTCOME" ]; then
      echo "the logs prove: $proven (expected: $OUTCOME)"
    fi
    echo "rules of $OUTCOME that failed:"; sed 's/^/  /' "$out/result.txt"
    echo "initiator.log ($IMPL_I):"; log_excerpt "$out/initiator.log"
    echo "responder.log ($IMPL_R):"; log_excerpt "$out/responder.log"
  } > "$out/fail.txt"
  return 1
}

# --- many combinations ---------------------------------------------------------------------------------

# A seeded sample of K of the given IDs, in a fixed order: a Fisher-Yates shuffle driven by a 31-bit LCG,
# so that the same seed gives the same sample on any machine.
sample_ids() {
  local seed=$1 count=$2 ids=() n i j tmp x
  mapfile -t ids < <(included_ids)
  n=${#ids[@]}
  x=$(( seed % 2147483648 ))
  for ((i = n - 1; i > 0; i--)); do
    x=$(( (x * 1103515245 + 12345) % 2147483648 ))
    j=$(( (x >> 8) % (i + 1) ))
    tmp=${ids[i]}; ids[i]=${ids[j]}; ids[j]=$tmp
  done
  [ "$count" -gt "$n" ] && count=$n
  printf '%s\n' "${ids[@]:0:count}"
}

run_many() {
  local ids=("$@") id rc t0 start_all passed=0 failed=0
  check_leftovers
  mkdir -p "$MATRIX_OUT" "$STATE_DIR"
  trap ':' INT
  start_all=$(now_ms)
  for id in "${ids[@]}"; do
    t0=$(now_ms)
    rc=0
    bash "$MATRIX_SELF" --one "$id" 2> "$MATRIX_OUT/.$id.stderr" || rc=$?
    if [ "$rc" -ge 128 ]; then
      printf 'INTERRUPTED %s\n' "$id"
      exit "$rc"
    fi
    if [ -d "$MATRIX_OUT/$id" ]; then mv "$MATRIX_OUT/.$id.stderr" "$MATRIX_OUT/$id/run.stderr"; fi
    if [ "$rc" -eq 0 ]; then
      printf 'PASS %-62s %6s\n' "$id" "$(seconds_since "$t0")"
      passed=$((passed + 1))
    else
      printf 'FAIL %-62s %6s\n' "$id" "$(seconds_since "$t0")"
      if [ -f "$MATRIX_OUT/$id/fail.txt" ]; then sed 's/^/  /' "$MATRIX_OUT/$id/fail.txt"; fi
      if [ -f "$MATRIX_OUT/$id/run.stderr" ]; then tail -n 3 "$MATRIX_OUT/$id/run.stderr" | sed 's/^/  stderr: /'; fi
      if [ -f "$MATRIX_OUT/.$id.stderr" ]; then tail -n 3 "$MATRIX_OUT/.$id.stderr" | sed 's/^/  stderr: /'; fi
      failed=$((failed + 1))
    fi
  done
  printf 'matrix: %d passed, %d failed, %s in all\n' "$passed" "$failed" "$(seconds_since "$start_all")"
  [ "$failed" -eq 0 ]
}

matrix_main() {
  [ $# -gt 0 ] || { sed -n '2,23p' "$MATRIX_SELF" | sed 's/^# \{0,1\}//'; exit 2; }
  case "$1" in
    --list) included_ids; return ;;
    --list-excluded)
      local id why
      while read -r id; do
        why=$(exclusion "$id")
        [ -n "$why" ] && printf '%s  %s\n' "$id" "$why"
      done < <(all_ids)
      return ;;
    --one) shift; run_combination "$1"; return ;;
    --recheck)
      # The logs of every PASS in lab/out/matrix checked again against the current rules (no run).
      local d id proven bad=0
      for d in "$MATRIX_OUT"/*/; do
        id=$(basename "$d")
        [ "$(cat "$d/status" 2>/dev/null)" = PASS ] || continue
        parse_id "$id"
        proven=$(proven_outcomes "$d" | tr '\n' ' ')
        proven=${proven% }
        if [ "$proven" != "$OUTCOME" ]; then
          printf 'RECHECK-FAIL %s: the logs prove "%s", expected %s\n' "$id" "$proven" "$OUTCOME"
          bad=$((bad + 1))
        fi
      done
      echo "recheck: $bad combinations whose logs no longer prove their outcome alone"
      [ "$bad" -eq 0 ]
      return ;;
  esac
  [ "$(id -u)" -eq 0 ] || mdie "must run as root (network namespaces, mounts)"
  [ -x "$PLUTO_LIBEXEC/pluto" ] || mdie "no libreswan in $LIBRESWAN_DIR: run lab/install-deps.sh --libreswan"
  local ids=()
  case "$1" in
    --all)
      mapfile -t ids < <(included_ids)
      echo "matrix: all $(printf '%s\n' "${ids[@]}" | wc -l) combinations; reproduce: lab/matrix.sh --all" ;;
    --seed)
      [ $# -ge 4 ] && [ "$3" = --count ] || mdie "usage: lab/matrix.sh --seed N --count K"
      local seed=$2 count=$4
      [[ "$seed" =~ ^[0-9]+$ ]] && [[ "$count" =~ ^[0-9]+$ ]] || mdie "seed and count are non-negative integers"
      mapfile -t ids < <(sample_ids "$seed" "$count")
      echo "matrix sample: seed $seed, ${#ids[@]} of $(included_ids | wc -l) combinations; reproduce: lab/matrix.sh --seed $seed --count $count" ;;
    -*) mdie "unknown option $1" ;;
    *) ids=("$@") ;;
  esac
  [ ${#ids[@]} -gt 0 ] || { echo "matrix: nothing to run"; return 0; }
  run_many "${ids[@]}"
}

matrix_main "$@"; exit $?   # on one line: an edit of this file during a run cannot make bash read on
