#!/usr/bin/env python3
"""One IKEv2 IKE_SA_INIT request per proposal, and what the responder answered: the probe lab's independent
check of its IKEv2 truth files (ike-scan sends only its default IKEv2 proposal). Run it in the prober's namespace:

  lab/probe.sh exec python3 lab/ikev2-init.py ADDRESS ENC PRF INTEG GROUP      one proposal, the answer decoded
  lab/probe.sh exec python3 lab/ikev2-init.py ADDRESS --expected FILE          every accepted combination of an
                                                                               expected.json and its neighbours
Names as the probe writes them (AES-CBC-256, AES-GCM-256-16, PRF-HMAC-SHA2-256, HMAC-SHA2-256-128 or "-" for
none, group number). The numbers are RFC 7296's and the IANA IKEv2 registry's. The KE payload is a real public
value of the proposal's group (python3-cryptography), so a refusal is about the proposal, never the KE.
Each request waits at most --wait seconds (default 1) for its answer and is sent once.
"""
import argparse
import json
import os
import select
import socket
import struct
import sys

from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives import serialization

# IANA "Transform Type 1 - Encryption Algorithm Transform IDs" and key lengths, as the probe names them.
ENCR = {"3DES": (3, None), "AES-CBC-128": (12, 128), "AES-CBC-192": (12, 192), "AES-CBC-256": (12, 256),
        "AES-GCM-128-16": (20, 128), "AES-GCM-256-16": (20, 256)}
PRF = {"PRF-HMAC-MD5": 1, "PRF-HMAC-SHA1": 2, "PRF-HMAC-SHA2-256": 5, "PRF-HMAC-SHA2-384": 6, "PRF-HMAC-SHA2-512": 7}
INTEG = {"HMAC-MD5-96": 1, "HMAC-SHA1-96": 2, "HMAC-SHA2-256-128": 12, "HMAC-SHA2-384-192": 13,
         "HMAC-SHA2-512-256": 14}
# MODP groups (generator 2) by RFC 2409/3526's formula p = 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) pi) + k):
# group -> (n, k). The formula reproduces the RFCs' hex primes (checked for 2, 5 and 14).
MODP = {2: (1024, 129093), 5: (1536, 741804), 14: (2048, 124476), 15: (3072, 1690314)}
ECP = {19: ec.SECP256R1(), 20: ec.SECP384R1(), 21: ec.SECP521R1()}
NOTIFY_NAMES = {14: "NO_PROPOSAL_CHOSEN", 17: "INVALID_KE_PAYLOAD", 16390: "COOKIE",
                16388: "NAT_DETECTION_SOURCE_IP", 16389: "NAT_DETECTION_DESTINATION_IP",
                16404: "MULTIPLE_AUTH_SUPPORTED", 16406: "REDIRECT_SUPPORTED", 16418: "CHILDLESS_IKEV2_SUPPORTED",
                16430: "IKEV2_FRAGMENTATION_SUPPORTED", 16431: "SIGNATURE_HASH_ALGORITHMS", 16435: "USE_PPK",
                16441: "INTERMEDIATE_EXCHANGE_SUPPORTED"}
# With --notifies the request carries what a real initiator's does (as strongSwan's IKE_SA_INIT): NAT-D source and
# destination (random hashes: the responder then sees a NAT), IKEV2_FRAGMENTATION_SUPPORTED,
# SIGNATURE_HASH_ALGORITHMS (SHA2-256/384/512) and REDIRECT_SUPPORTED, so the answer shows the notifies it echoes.
REQUEST_NOTIFIES = [(16388, os.urandom(20)), (16389, os.urandom(20)), (16430, b""),
                    (16431, struct.pack("!HHH", 2, 3, 4)), (16406, b"")]
PAYLOAD_NAMES = {33: "SA", 34: "KE", 38: "CERTREQ", 40: "Nr", 41: "N", 43: "V"}


def pi_times_power_of_two(bits):
    """floor(pi * 2^bits), by Machin's formula in integers (64 guard bits)."""
    one = 1 << (bits + 64)

    def arctan_inverse(x):
        total, term, n, sign = 0, one // x, 1, 1
        while term:
            total += sign * (term // n)
            term //= x * x
            n += 2
            sign = -sign
        return total
    return (4 * (4 * arctan_inverse(5) - arctan_inverse(239))) >> 64


def modp_prime(group):
    n, k = MODP[group]
    return 2 ** n - 2 ** (n - 64) - 1 + 2 ** 64 * (pi_times_power_of_two(n - 130) + k)


def ke_data(group):
    """A public value of the group: 2^x mod p for MODP, the uncompressed point without its 04 for ECP."""
    if group in MODP:
        p = modp_prime(group)
        x = int.from_bytes(os.urandom(64), "big")
        return pow(2, x, p).to_bytes((p.bit_length() + 7) // 8, "big")
    if group in ECP:
        pub = ec.generate_private_key(ECP[group]).public_key()
        return pub.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)[1:]
    if group == 31:
        return x25519.X25519PrivateKey.generate().public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    raise SystemExit(f"ikev2-init: no KE for group {group}")


def transform(last, ttype, tid, key_bits=None):
    attrs = struct.pack("!HH", 0x800E, key_bits) if key_bits else b""
    return struct.pack("!BBHBBH", 0 if last else 3, 0, 8 + len(attrs), ttype, 0, tid) + attrs


def request(enc, prf, integ, group, spi_i, notifies=False):
    eid, bits = ENCR[enc]
    parts = [(1, eid, bits), (2, PRF[prf], None)]
    if integ:
        parts.append((3, INTEG[integ], None))
    parts.append((4, group, None))
    ts = b"".join(transform(i == len(parts) - 1, t, v, k) for i, (t, v, k) in enumerate(parts))
    proposal = struct.pack("!BBHBBBB", 0, 0, 8 + len(ts), 1, 1, 0, len(parts)) + ts
    sa = struct.pack("!BBH", 34, 0, 4 + len(proposal)) + proposal
    kd = ke_data(group)
    ke = struct.pack("!BBHHH", 40, 0, 8 + len(kd), group, 0) + kd
    nonce = os.urandom(32)
    extra = REQUEST_NOTIFIES if notifies else []
    ni = struct.pack("!BBH", 41 if extra else 0, 0, 4 + len(nonce)) + nonce
    body = sa + ke + ni
    for i, (ntype, data) in enumerate(extra):
        body += struct.pack("!BBHBBH", 41 if i < len(extra) - 1 else 0, 0, 8 + len(data), 0, 0, ntype) + data
    return spi_i + bytes(8) + struct.pack("!BBBBII", 33, 0x20, 34, 0x08, 0, 28 + len(body)) + body


def decode(msg):
    """Payload list of an IKEv2 answer: [(name, detail)], detail the notify type, VID hex or chosen transforms."""
    out, np, off = [], msg[16], 28
    while np and off + 4 <= len(msg):
        nxt, _, plen = struct.unpack("!BBH", msg[off:off + 4])
        body = msg[off + 4:off + plen]
        name = PAYLOAD_NAMES.get(np, str(np))
        if np == 41:
            t = struct.unpack("!H", body[2:4])[0]
            spi = body[1]
            data = body[4 + spi:]
            detail = NOTIFY_NAMES.get(t, str(t))
            if t == 16390:
                detail += " " + data.hex()
            if t == 17:
                detail += f" (group {struct.unpack('!H', data[:2])[0]})"
            out.append(("N", detail))
        elif np == 43:
            out.append(("V", body.hex()))
        elif np == 33:
            chosen, toff = [], 8
            while toff + 8 <= len(body):
                _, _, tlen, ttype, _, tid = struct.unpack("!BBHBBH", body[toff:toff + 8])
                chosen.append(f"{ttype}:{tid}")
                toff += tlen
            out.append(("SA", " ".join(chosen)))
        elif np == 34:
            out.append(("KE", f"group {struct.unpack('!H', body[:2])[0]}, {len(body) - 4} bytes"))
        else:
            out.append((name, f"{len(body)} bytes"))
        np, off = nxt, off + plen
    return out


def ask(address, enc, prf, integ, group, wait, notifies=False):
    """The answer's payloads (None: no answer) and whether a COOKIE was demanded first (then the request is
    sent again with the cookie, as RFC 7296 2.6 says, and the second answer is returned)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        spi = os.urandom(8)
        message = request(enc, prf, integ, group, spi, notifies)
        cookie = None
        for _ in range(2):
            s.sendto(message if cookie is None else with_cookie(message, cookie), (address, 500))
            answer = receive(s, spi, wait)
            if answer is None:
                return None, cookie is not None
            found = next((data for name, data in answer if name == "N" and data.startswith("COOKIE")), None)
            if found is None or cookie is not None:
                return answer, cookie is not None
            cookie = found.split(" ", 1)[1]
        return answer, True


def receive(s, spi, wait):
    while True:
        r, _, _ = select.select([s], [], [], wait)
        if not r:
            return None
        msg = s.recv(65535)
        if msg[:8] == spi:
            return decode(msg)


def with_cookie(message, cookie_hex):
    """The request with N(COOKIE) as its first payload."""
    data = bytes.fromhex(cookie_hex)
    notify = struct.pack("!BBHBBH", message[16], 0, 8 + len(data), 0, 0, 16390) + data
    body = notify + message[28:]
    return message[:16] + bytes([41]) + message[17:24] + struct.pack("!I", 28 + len(body)) + body


def verdict(payloads):
    if payloads is None:
        return "none"
    names = [p[0] for p in payloads]
    if "SA" in names:
        return "accepted"
    details = [d for n, d in payloads if n == "N"]
    if any(d.startswith("INVALID_KE_PAYLOAD") for d in details):
        return "invalid-ke"
    if any(d.startswith("COOKIE") for d in details):
        return "cookie"
    return "refused:" + ",".join(details)


def neighbours(accepted):
    out = []
    for a in accepted:
        for e in ENCR:
            out.append(dict(a, encryption=e, integrity=None if "GCM" in e else (a["integrity"] or "HMAC-SHA2-256-128")))
        for p in PRF:
            out.append(dict(a, prf=p))
        for g in (2, 14, 19, 20, 31):
            out.append(dict(a, dhGroup=g))
    key = lambda p: (p["encryption"], p["prf"], p["integrity"], p["dhGroup"])
    seen = {key(a) for a in accepted}
    uniq = {}
    for n in out:
        if key(n) not in seen:
            uniq.setdefault(key(n), n)
    return list(uniq.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("address")
    ap.add_argument("proposal", nargs="*")
    ap.add_argument("--expected")
    ap.add_argument("--wait", type=float, default=1.0)
    ap.add_argument("--notifies", action="store_true")
    a = ap.parse_intermixed_args()
    if a.expected:
        accepted = json.load(open(a.expected))["ikev2"]["accepted"]
        bad = 0
        for p, want in [(p, True) for p in accepted] + [(n, False) for n in neighbours(accepted)]:
            answer, cookie = ask(a.address, p["encryption"], p["prf"], p["integrity"], p["dhGroup"], a.wait)
            got = verdict(answer) + (" (after a COOKIE)" if cookie else "")
            got_accepted = verdict(answer) == "accepted"
            ok = got_accepted == want
            bad += 0 if ok else 1
            print(f"{'ok ' if ok else 'BAD'} {'accepted' if want else 'refused '} -> {got:20} {p}")
        print(f"ikev2-init: {bad} disagreements")
        sys.exit(1 if bad else 0)
    enc, prf, integ, group = a.proposal
    answer, cookie = ask(a.address, enc, prf, None if integ == "-" else integ, int(group), a.wait, a.notifies)
    if cookie:
        print("cookie demanded, sent again with it")
    print(verdict(answer))
    for name, detail in answer or []:
        print(f"  {name:3} {detail}")


if __name__ == "__main__":
    main()
