# jan/02/2026 08:00:00 by RouterOS 7.12
/ip/ipsec/peer
add address=192.0.2.1/32 name=plain
/ip/ipsec/identity
add peer=plain
/ip/ipsec/policy
add dst-address=10.20.0.0/24 peer=plain src-address=10.10.0.0/24
