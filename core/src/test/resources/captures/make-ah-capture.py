#!/usr/bin/env python3
"""Builds ikev2-psk-ok-ah.pcap: the lab sample samples/ikev2-psk-ok.pcap with each ESP-in-UDP packet replaced by
an AH packet (IP protocol 51, RFC 4302, tunnel mode) on the same SPI and sequence number.

This kernel has XFRM but neither ESP nor AH (CONFIG_INET_AH unset: `ip xfrm state add ... proto ah` answers
"Requested type not found"), so no AH can be captured here. The IKE frames stay as captured; each AH packet keeps
the outer Ethernet/IPv4 header and time of the ESP packet it replaces (protocol, length and checksum updated) and
protects a real ping packet captured between two namespaces (ping-192.0.2.pcap: requests towards the responder,
replies towards the initiator). The ICV is HMAC-SHA256-128 (RFC 4868) with the key 0x11 * 32 over the packet with
the mutable IPv4 fields zeroed, as RFC 4302 section 3.3.3 says.

Usage: make-ah-capture.py SAMPLE.pcap PING.pcap OUT.pcap
"""
import hashlib
import hmac
import struct
import sys

KEY = bytes([0x11]) * 32
AH_LENGTH = 28  # 12 fixed bytes + 16-byte ICV


def records(path):
    data = open(path, 'rb').read()
    assert data[:4] == b'\xd4\xc3\xb2\xa1', 'little-endian microsecond pcap expected'
    header, at = data[:24], 24
    out = []
    while at < len(data):
        sec, usec, incl, orig = struct.unpack('<IIII', data[at:at + 16])
        out.append((sec, usec, data[at + 16:at + 16 + incl]))
        at += 16 + incl
    return header, out


def checksum(header):
    total = sum(struct.unpack('!%dH' % (len(header) // 2), header))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ah_frame(frame, inner):
    ethernet, ip = frame[:14], frame[14:]
    ihl = (ip[0] & 0x0F) * 4
    udp = ip[ihl:ihl + 8]
    assert struct.unpack('!H', udp[2:4])[0] == 4500
    esp = ip[ihl + 8:]
    spi, seq = struct.unpack('!II', esp[:8])
    outer = bytearray(ip[:ihl])
    outer[9] = 51
    struct.pack_into('!H', outer, 2, ihl + AH_LENGTH + len(inner))
    ah = bytearray(struct.pack('!BBHII', 4, AH_LENGTH // 4 - 2, 0, spi, seq) + bytes(16))
    mutable_zeroed = bytearray(outer)
    mutable_zeroed[1] = 0                        # TOS
    struct.pack_into('!H', mutable_zeroed, 6, 0)  # flags, fragment offset
    mutable_zeroed[8] = 0                        # TTL
    struct.pack_into('!H', mutable_zeroed, 10, 0)  # checksum
    ah[12:] = hmac.new(KEY, bytes(mutable_zeroed) + bytes(ah) + inner, hashlib.sha256).digest()[:16]
    struct.pack_into('!H', outer, 10, 0)
    struct.pack_into('!H', outer, 10, checksum(bytes(outer)))
    return ethernet + bytes(outer) + bytes(ah) + inner


def main(sample, ping, out):
    header, frames = records(sample)
    _, pings = records(ping)
    requests = [p[2][14:] for p in pings if p[2][14 + 20] == 8]
    replies = [p[2][14:] for p in pings if p[2][14 + 20] == 0]
    initiator = None
    written = bytearray(header)
    for sec, usec, frame in frames:
        ip = frame[14:]
        is_esp = (frame[12:14] == b'\x08\x00' and ip[9] == 17 and len(ip) > 32
                  and struct.unpack('!H', ip[22:24])[0] == 4500 and ip[28:32] != b'\x00\x00\x00\x00')
        if is_esp:
            source = ip[12:16]
            initiator = initiator or source  # the sample's first ESP packet goes initiator -> responder
            pool = requests if source == initiator else replies
            frame = ah_frame(frame, pool.pop(0) if len(pool) > 1 else pool[0])
        written += struct.pack('<IIII', sec, usec, len(frame), len(frame)) + frame
    open(out, 'wb').write(written)


if __name__ == '__main__':
    main(*sys.argv[1:4])
