#!/bin/bash
# Rebuilds the capture fixtures in this folder from real traffic and real tools (see README.md).
# Needs root (network namespaces), tcpdump, tshark, editcap, mergecap, gzip, python3, and the shared corpus.
# Usage: make-fixtures.sh CORPUS_DIR   (e.g. /work/shared/corpus/public)
set -euo pipefail
CORPUS=${1:?corpus directory}
OUT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
A=ikscap-a B=ikscap-b
cleanup() {
    [ -n "${TCPDUMP_PID:-}" ] && kill "$TCPDUMP_PID" 2>/dev/null || true
    ip netns del $A 2>/dev/null || true
    ip netns del $B 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- real IKE payloads taken from the corpus ------------------------------------------------------------
# IKEv2 IKE_SA_INIT/IKE_AUTH request+response (scapy, UDP 4500 with the non-ESP marker) and one ESP-in-UDP packet.
tshark -r "$CORPUS/scapy/ikev2_nat_t.pcapng" -Y 'frame.number<=4' -T fields -e udp.payload 2>/dev/null \
    | cut -c9- > "$WORK/ikev2.hex"            # drop the 4-byte marker (8 hex digits)
tshark -r "$CORPUS/scapy/ikev2_nat_t.pcapng" -Y esp -T fields -e udp.payload 2>/dev/null | head -1 > "$WORK/esp.hex"
# IKEv1 Main Mode messages 5 and 6 (1764 and 1932 bytes: certificates) for IP fragmentation.
tshark -r "$CORPUS/wireshark/ikev1-certs.pcap" -Y 'frame.number==5 || frame.number==6' -T fields -e udp.payload \
    2>/dev/null > "$WORK/big.hex"
# IKEv1 Main Mode first message (small).
tshark -r "$CORPUS/suricata-verify/ikev1-isakmp-main-mode.pcap" -Y 'frame.number==1' -T fields -e udp.payload \
    2>/dev/null > "$WORK/mm1.hex"

# --- two namespaces joined by a veth pair ----------------------------------------------------------------
ip netns add $A
ip netns add $B
ip link add iksa0 netns $A type veth peer name iksb0 netns $B
for ns in $A $B; do ip -n $ns link set lo up; done
ip -n $A addr add 198.51.100.1/24 dev iksa0
ip -n $B addr add 198.51.100.2/24 dev iksb0
ip -n $A addr add 2001:db8::1/64 dev iksa0 nodad
ip -n $B addr add 2001:db8::2/64 dev iksb0 nodad
ip -n $A link set iksa0 up
ip -n $B link set iksb0 up
capture() { # capture NS IFACE FILE [tcpdump options...]: starts tcpdump in the background
    local ns=$1 dev=$2 file=$3; shift 3
    ip netns exec "$ns" tcpdump -q -n -U -i "$dev" -w "$file" "$@" 2>/dev/null &
    TCPDUMP_PID=$!
    sleep 1.5
}
stop_capture() { sleep 1; kill "$TCPDUMP_PID"; wait "$TCPDUMP_PID" 2>/dev/null || true; TCPDUMP_PID=; }

# A UDP peer: NS BIND_ADDR PORT -> echoes nothing, only keeps the port open (no ICMP unreachable).
udp_sink() {
    ip netns exec "$1" python3 -c "
import socket,sys,time
fam=socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET
s=socket.socket(fam,socket.SOCK_DGRAM); s.bind((sys.argv[1],int(sys.argv[2]))); time.sleep(8)" "$2" "$3" &
}
# udp_send NS SRC DST HEXFILE [count]: sends each hex line of HEXFILE as one datagram from SRC:500 to DST:500
udp_send() {
    ip netns exec "$1" python3 -c "
import socket,sys,time
fam=socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET
s=socket.socket(fam,socket.SOCK_DGRAM); s.bind((sys.argv[1],500))
for line in open(sys.argv[3]):
    s.sendto(bytes.fromhex(line.strip()),(sys.argv[2],500)); time.sleep(0.05)" "$2" "$3" "$4"
}

# --- Linux cooked captures (tcpdump -i any): SLL2 is tcpdump 4.99's default, -y LINUX_SLL gives SLL -----
udp_sink $A 127.0.0.1 500; sleep 0.5
capture $A any "$WORK/sll2.pcap" udp port 500
ip netns exec $A python3 -c "
import socket
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('127.0.0.2',500))
s.sendto(bytes.fromhex(open('$WORK/mm1.hex').read().strip()),('127.0.0.1',500))"
stop_capture
capture $A any "$WORK/sll.pcap" -y LINUX_SLL udp port 500
ip netns exec $A python3 -c "
import socket
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('127.0.0.2',500))
s.sendto(bytes.fromhex(open('$WORK/mm1.hex').read().strip()),('127.0.0.1',500))"
stop_capture
wait
cp "$WORK/sll2.pcap" "$OUT/linux-sll2.pcap"
cp "$WORK/sll.pcap" "$OUT/linux-sll.pcap"

# --- 802.1Q, 802.1ad QinQ and the old 0x9100 QinQ tag -------------------------------------------------------
# This kernel has no VLAN support (CONFIG_VLAN_8021Q and act_vlan not set), so the tagged frames are built here
# around a real IKE payload, sent through an AF_PACKET socket on the veth, and captured by tcpdump on the peer.
cat > "$WORK/vlan.py" <<'PY'
import socket, struct, sys
ike = bytes.fromhex(open(sys.argv[1]).read().strip())
def checksum(h):
    s = sum(struct.unpack('!%dH' % (len(h) // 2), h))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff
def ipv4_udp(src, dst, payload):
    udp = struct.pack('!HHHH', 500, 500, 8 + len(payload), 0) + payload
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0x1234, 0x4000, 64, 17, 0,
                    socket.inet_aton(src), socket.inet_aton(dst))
    return h[:10] + struct.pack('!H', checksum(h)) + h[12:] + udp
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(('iksa0', 0))
mac_a = open('/sys/class/net/iksa0/address').read().strip()
src_mac = bytes.fromhex(mac_a.replace(':', ''))
dst_mac = bytes.fromhex('02' + '00' * 4 + '02')
tags = [
    [(0x8100, 100)],                      # 802.1Q
    [(0x88a8, 200), (0x8100, 300)],       # 802.1ad QinQ
    [(0x9100, 400), (0x8100, 500)],       # pre-standard QinQ
]
for i, stack in enumerate(tags):
    frame = dst_mac + src_mac
    for tpid, vid in stack:
        frame += struct.pack('!HH', tpid, vid)
    frame += struct.pack('!H', 0x0800) + ipv4_udp('198.51.10%d.1' % i, '198.51.10%d.2' % i, ike)
    s.send(frame)
PY
capture $B iksb0 "$WORK/vlan.pcap" -y EN10MB
ip netns exec $A python3 "$WORK/vlan.py" "$WORK/mm1.hex"
stop_capture
cp "$WORK/vlan.pcap" "$OUT/vlan-qinq.pcap"

# --- IP fragmentation: IPv4 and IPv6 over a 1280-byte MTU ---------------------------------------------------
ip -n $A link set iksa0 mtu 1280
ip -n $B link set iksb0 mtu 1280
udp_sink $B 198.51.100.2 500; udp_sink $B 2001:db8::2 500; sleep 0.5
capture $A iksa0 "$WORK/frag.pcap" 'ip6 or (ip and not icmp)' and not icmp6
udp_send $A 198.51.100.1 198.51.100.2 "$WORK/big.hex"
udp_send $A 2001:db8::1 2001:db8::2 "$WORK/big.hex"
stop_capture
wait
cp "$WORK/frag.pcap" "$OUT/ip-fragments.pcap"
# The same fragments delivered badly: each datagram's second fragment first, and the first IPv4 fragment twice.
for i in 1 2 3 4 5 6 7 8; do editcap -F pcap -r "$OUT/ip-fragments.pcap" "$WORK/f$i.pcap" $i; done
mergecap -F pcap -a -w "$OUT/ip-fragments-reordered.pcap" "$WORK/f2.pcap" "$WORK/f1.pcap" "$WORK/f1.pcap" \
    "$WORK/f4.pcap" "$WORK/f3.pcap" "$WORK/f6.pcap" "$WORK/f5.pcap" "$WORK/f8.pcap" "$WORK/f7.pcap"
ip -n $A link set iksa0 mtu 1500
ip -n $B link set iksb0 mtu 1500

# --- RFC 8229 IKE over TCP 4500 -------------------------------------------------------------------------
cat > "$WORK/tcp.py" <<'PY'
import socket, struct, sys, time
role, work = sys.argv[1], sys.argv[2]
ike = [bytes.fromhex(l.strip()) for l in open(work + '/ikev2.hex') if l.strip()]
esp = bytes.fromhex(open(work + '/esp.hex').read().strip())
def frame_ike(m): return struct.pack('!H', 2 + 4 + len(m)) + b'\0\0\0\0' + m
def frame_esp(m): return struct.pack('!H', 2 + len(m)) + m
def send_in_pieces(s, data, cuts):
    last = 0
    for c in cuts + [len(data)]:
        s.send(data[last:c]); last = c; time.sleep(0.05)
if role == 'server':
    l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind(('198.51.100.2', 4500)); l.listen(1)
    c, _ = l.accept(); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    need = 6 + len(frame_ike(ike[0]))
    got = b''
    while len(got) < need: got += c.recv(65536)
    send_in_pieces(c, frame_ike(ike[1]), [1, 40])          # response split inside the length field and the header
    need = len(frame_ike(ike[2])) + len(frame_esp(esp))
    got = b''
    while len(got) < need: got += c.recv(65536)
    send_in_pieces(c, frame_ike(ike[3]), [700])
    time.sleep(0.3); c.close()
else:
    s = socket.create_connection(('198.51.100.2', 4500), source_address=('198.51.100.1', 0))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    send_in_pieces(s, b'IKETCP' + frame_ike(ike[0]), [3, 6, 30])  # prefix split, then header split
    time.sleep(0.3)
    # IKE_AUTH request in three pieces, then an ESP packet sharing a segment with its tail
    data = frame_ike(ike[2]) + frame_esp(esp)
    send_in_pieces(s, data, [500, 1000])
    s.recv(65536); time.sleep(0.5); s.close()
PY
capture $A iksa0 "$WORK/tcp.pcap" tcp port 4500
ip netns exec $B python3 "$WORK/tcp.py" server "$WORK" & SERVER=$!
sleep 0.5
ip netns exec $A python3 "$WORK/tcp.py" client "$WORK"
wait $SERVER
stop_capture
cp "$WORK/tcp.pcap" "$OUT/rfc8229-tcp.pcap"
# The same stream with the client's 282-byte segment (frame 10) before its 24-byte predecessor (frame 8), which
# also arrives twice: out-of-order and duplicate delivery. Frame numbers are the capture's at that point.
n=$(capinfos -c -M "$OUT/rfc8229-tcp.pcap" | awk '/Number of packets/{print $NF}')
editcap -F pcap -r "$OUT/rfc8229-tcp.pcap" "$WORK/p1.pcap" 1-7
editcap -F pcap -r "$OUT/rfc8229-tcp.pcap" "$WORK/p2.pcap" 8
editcap -F pcap -r "$OUT/rfc8229-tcp.pcap" "$WORK/p3.pcap" 9
editcap -F pcap -r "$OUT/rfc8229-tcp.pcap" "$WORK/p4.pcap" 10
editcap -F pcap -r "$OUT/rfc8229-tcp.pcap" "$WORK/p5.pcap" 11-$n
mergecap -F pcap -a -w "$OUT/rfc8229-tcp-reordered.pcap" "$WORK/p1.pcap" "$WORK/p4.pcap" "$WORK/p3.pcap" \
    "$WORK/p2.pcap" "$WORK/p2.pcap" "$WORK/p5.pcap"

# --- ICMP port unreachable quoting an IKE datagram (nobody listens on 500) ----------------------------------
capture $A iksa0 "$WORK/icmp.pcap" 'udp port 500 or icmp'
udp_send $A 198.51.100.1 198.51.100.2 "$WORK/mm1.hex"
stop_capture
cp "$WORK/icmp.pcap" "$OUT/icmp-unreachable.pcap"

# --- IKE on non-standard ports (5000 -> 5001), for --port; captured by dumpcap, which writes pcapng with
# interface options (if_tsresol, if_name, if_filter, if_os) and an Interface Statistics Block at the end.
udp_sink $B 198.51.100.2 5001; sleep 0.5
ip netns exec $A dumpcap -q -i iksa0 -f 'udp port 5001' -w "$WORK/port.pcapng" 2>/dev/null & TCPDUMP_PID=$!
sleep 2
ip netns exec $A python3 -c "
import socket
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('198.51.100.1',5000))
for line in open('$WORK/ikev2.hex'):
    s.sendto(bytes.fromhex(line.strip()),('198.51.100.2',5001))"
stop_capture
wait
cp "$WORK/port.pcapng" "$OUT/custom-port-dumpcap.pcapng"

# --- format variants of a corpus capture, written by editcap and gzip --------------------------------------
MM="$CORPUS/suricata-verify/ikev1-isakmp-main-mode.pcap"
editcap -F pcapng "$MM" "$OUT/main-mode.pcapng"
editcap -F nsecpcap "$MM" "$OUT/main-mode-nsec.pcap"
gzip -9 -n -c "$MM" > "$OUT/main-mode.pcap.gz"
gzip -9 -n -c "$OUT/main-mode.pcapng" > "$OUT/main-mode.pcapng.gz"
# Two gzip members that together hold one pcap (as "cat a.gz b.gz" makes).
head -c 1000 "$MM" | gzip -9 -n > "$WORK/m1.gz"
tail -c +1001 "$MM" | gzip -9 -n > "$WORK/m2.gz"
cat "$WORK/m1.gz" "$WORK/m2.gz" > "$OUT/main-mode-two-members.pcap.gz"
# Raw IP: editcap removes the 14-byte Ethernet header (-C 14) and relabels the link type.
editcap -F pcap -C 14 -T rawip "$MM" "$OUT/main-mode-rawip.pcap"
editcap -F pcap -C 14 -T rawip4 "$MM" "$OUT/main-mode-rawip4.pcap"
editcap -F pcap -r "$CORPUS/arkime/IKEv2.pcap" "$WORK/v6.pcap" 1-12
editcap -F pcap -C 14 -T rawip6 "$WORK/v6.pcap" "$OUT/ikev2-ipv6-rawip6.pcap"
chmod 644 "$OUT"/*.pcap "$OUT"/*.pcapng "$OUT"/*.gz
ls -l "$OUT"
