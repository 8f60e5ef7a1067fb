#!/bin/bash
# Installs what the IKE lab needs (Debian 12). Idempotent: does nothing when every package is present.
#   lab/install-deps.sh              strongSwan, capture tools, namespaces tooling
#   lab/install-deps.sh --libreswan  also libreswan for the optional libreswan-responder scenarios:
#                                    Debian's libreswan conflicts with strongswan-charon, so the package is
#                                    downloaded and extracted into lab/.cache/libreswan, not installed
#                                    (its libraries and certutil are installed normally).
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
with_libreswan=no
[ "${1:-}" = --libreswan ] && with_libreswan=yes

packages=(
  strongswan-charon strongswan-swanctl strongswan-pki
  libstrongswan-standard-plugins libstrongswan-extra-plugins
  libcharon-extra-plugins libcharon-extauth-plugins
  tcpdump tshark iproute2 nftables iputils-ping util-linux procps jq
  chromium chromium-driver              # serve's browser tests (Selenium drives them; nothing downloaded at run time)
  ike-scan python3 python3-cryptography   # the probe lab: the reference prober, lab/ikev2-init.py
)
if [ "$with_libreswan" = yes ]; then
  # What the extracted pluto links against, and certutil for its NSS database.
  packages+=(libnss3-tools libldns3 libevent-pthreads-2.1-7 libunbound8 libcurl3-nss libevent-core-2.1-7
             libcap-ng0 libaudit1 libldap-2.5-0)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

libreswan_dir=$LAB_DIR/.cache/libreswan
need_libreswan=no
if [ "$with_libreswan" = yes ] && [ ! -x "$libreswan_dir/usr/libexec/ipsec/pluto" ]; then need_libreswan=yes; fi

if [ ${#missing[@]} -eq 0 ] && [ "$need_libreswan" = no ]; then
  note=""
  [ "$with_libreswan" = yes ] && note=", libreswan extracted"
  echo "install-deps: all ${#packages[@]} packages present$note"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]:-} (libreswan needed: $need_libreswan); run as root to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  # tshark asks whether non-root users may capture; answer it so the install never stops at a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ "$need_libreswan" = yes ]; then
  echo "install-deps: extracting libreswan into $libreswan_dir"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  if id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi   # apt downloads as the _apt user
  (cd "$tmp" && apt-get download -q libreswan)
  rm -rf "$libreswan_dir"
  mkdir -p "$libreswan_dir"
  dpkg -x "$tmp"/libreswan_*.deb "$libreswan_dir"
  "$libreswan_dir/usr/libexec/ipsec/pluto" --version
fi
