#!/bin/bash
# Records real non-IKE traffic between two network namespaces, the background that the merged-capture tests
# splice IKE negotiations into: ARP, ICMP echo, IPv6 neighbour discovery and ICMPv6 echo, a TCP transfer
# (an HTTP download of 64 KB), UDP request/response pairs on port 53, and UDP datagrams to other ports.
# Usage (root): lab/background/record.sh [OUT.pcap]   (default: samples/background/background-traffic.pcap)
# It uses its own namespaces (ikb-a, ikb-b) and removes them on exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/samples/background/background-traffic.pcap}"
[ "$(id -u)" = 0 ] || { echo "record.sh: needs root (network namespaces)" >&2; exit 2; }
for tool in tcpdump curl python3 ping; do
  command -v "$tool" >/dev/null || { echo "record.sh: $tool is not installed" >&2; exit 2; }
done

A=ikb-a B=ikb-b
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns delete "$A" 2>/dev/null || true
  ip netns delete "$B" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cleanup_leftovers() { ip netns delete "$A" 2>/dev/null || true; ip netns delete "$B" 2>/dev/null || true; }
cleanup_leftovers

ip netns add "$A"
ip netns add "$B"
ip link add ikb-a0 netns "$A" type veth peer name ikb-b0 netns "$B"
# documentation ranges, distinct from the IKE samples' 198.51.100.0/24 so the peers never collide
ip -n "$A" addr add 192.0.2.10/24 dev ikb-a0
ip -n "$B" addr add 192.0.2.20/24 dev ikb-b0
ip -n "$A" addr add 2001:db8:b::10/64 dev ikb-a0 nodad
ip -n "$B" addr add 2001:db8:b::20/64 dev ikb-b0 nodad
for ns in "$A" "$B"; do ip -n "$ns" link set lo up; done
ip -n "$A" link set ikb-a0 up
ip -n "$B" link set ikb-b0 up

ip netns exec "$B" tcpdump -i ikb-b0 --immediate-mode -U -w "$work/bg.pcap" 2>"$work/tcpdump.log" &
pids+=($!)
for _ in $(seq 50); do grep -q 'listening on' "$work/tcpdump.log" && break; sleep 0.1; done

# B serves HTTP (a 64 KB file) and answers UDP 53 with the datagram it got, like a resolver would
head -c 65536 /dev/urandom > "$work/file.bin"
(cd "$work" && exec ip netns exec "$B" python3 -m http.server 8080 --bind 192.0.2.20 >/dev/null 2>&1) &
pids+=($!)
ip netns exec "$B" python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.0.2.20", 53))
while True:
    data, peer = s.recvfrom(2048)
    s.sendto(data + b"\x00" * 16, peer)
' &
pids+=($!)
sleep 0.5

ip netns exec "$A" ping -c 3 -i 0.2 192.0.2.20 >/dev/null
ip netns exec "$A" ping -6 -c 3 -i 0.2 2001:db8:b::20 >/dev/null
ip netns exec "$A" curl -s -o /dev/null http://192.0.2.20:8080/file.bin
ip netns exec "$A" python3 -c '
import os, socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1)
for i in range(10):
    s.sendto(os.urandom(30 + i), ("192.0.2.20", 53))   # a query-sized datagram, answered
    s.recvfrom(2048)
    time.sleep(0.05)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for port in (123, 514, 1194, 5060):                     # NTP, syslog, OpenVPN, SIP ports: nobody listens
    u.sendto(os.urandom(48), ("192.0.2.20", port))
'
ip netns exec "$A" ping -c 2 -i 0.2 192.0.2.20 >/dev/null
sleep 0.3
kill -INT "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

mkdir -p "$(dirname "$out")"
cp "$work/bg.pcap" "$out"
echo "record.sh: wrote $out: $(tcpdump -r "$out" 2>/dev/null | wc -l) packets, $(stat -c %s "$out") bytes"
