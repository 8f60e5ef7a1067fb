# 2026-11-30 10:15:42 by RouterOS 7.16.1
# software id = AB12-CD34
#
# model = RB5009UG+S+
/interface bridge
add name=bridge-lan
/ip ipsec profile
set [ find default=yes ] dh-group=modp2048 enc-algorithm=aes-256,aes-128
add dh-group=ecp256,modp2048 enc-algorithm=aes-256-gcm,aes-256 hash-algorithm=sha256 \
    lifetime=8h name=prof-site-b nat-traversal=no prf-algorithm=sha384 \
    proposal-check=strict
/ip ipsec peer
add address=198.51.100.20/32 exchange-mode=ike2 local-address=203.0.113.10 \
    name=site-b profile=prof-site-b
add address=192.0.2.77/32 exchange-mode=aggressive name=legacy passive=yes \
    send-initial-contact=no
add address=0.0.0.0/0 name=roadwarrior disabled=yes
/ip ipsec proposal
set [ find default=yes ] lifetime=45m
add auth-algorithms=sha256,sha512 enc-algorithms=aes-256-cbc,aes-256-gcm \
    lifetime=1h name=prop-site-b pfs-group=ecp256
add auth-algorithms=null enc-algorithms=aes-128-gcm name=prop-nopfs \
    pfs-group=none
/ip ipsec identity
add my-id=fqdn:site-a.example.net peer=site-b remote-id=fqdn:site-b.example.net \
    secret="s3cr3t \"quoted\" k\65y"
add auth-method=digital-signature certificate=site-a peer=legacy
/ip ipsec policy
set 0 dst-address=0.0.0.0/0 src-address=0.0.0.0/0
add comment=lan-to-lan dst-address=10.2.0.0/16 peer=site-b proposal=prop-site-b \
    src-address=10.1.0.0/24 tunnel=yes
add dst-address=10.2.0.53/32 dst-port=53 level=unique peer=site-b proposal=\
    prop-nopfs protocol=udp src-address=10.1.0.0/24 src-port=1024-65535 tunnel=yes
add dst-address=172.16.5.0/24 peer=legacy src-address=10.1.0.0/24 tunnel=yes
add action=none dst-address=10.1.0.0/24 peer=site-b src-address=10.1.0.0/24
add dst-address=10.99.0.0/24 src-address=10.1.0.0/24 template=yes
/ip ipsec mode-config
set [ find default=yes ] name=request-only
/ip firewall nat
add action=accept chain=srcnat dst-address=10.2.0.0/16 src-address=10.1.0.0/24
