#!/bin/bash
# Installs what the IKE lab needs (Debian 12). Idempotent: does nothing when every package is present.
set -euo pipefail

packages=(
  strongswan-charon strongswan-swanctl strongswan-pki
  libstrongswan-standard-plugins libstrongswan-extra-plugins
  libcharon-extra-plugins libcharon-extauth-plugins
  tcpdump tshark iproute2 nftables iputils-ping util-linux procps jq
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root to install them" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# tshark asks whether non-root users may capture; answer it so the install never stops at a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
apt-get install -y -q --no-install-recommends "${missing[@]}"
