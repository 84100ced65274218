#!/bin/sh
# Provisions one raftlab node: a headless JDK 17, iptables and libfaketime for the nemeses,
# no clock synchronisation (so a skew the clock nemesis sets stays), and the control key for root.
#   provision.sh '<public key>' '192.168.56.11=n1,192.168.56.12=n2,...'
# Safe to run again. Works offline when the box already has the packages (vagrant/build-box).
set -eu
key=${1:-}
hosts=${2:-}
packages="openjdk-17-jre-headless iptables faketime procps psmisc"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "raftlab: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Clock faults must stick: stop every time synchroniser a Debian box may carry.
for unit in systemd-timesyncd.service ntp.service ntpsec.service chrony.service openntpd.service; do
  if systemctl list-unit-files "$unit" >/dev/null 2>&1 && systemctl cat "$unit" >/dev/null 2>&1; then
    systemctl disable --now "$unit" >/dev/null 2>&1 || true
    systemctl mask "$unit" >/dev/null 2>&1 || true
  fi
done
timedatectl set-ntp false >/dev/null 2>&1 || true

if [ -n "$key" ]; then
  install -d -m 700 /root/.ssh
  touch /root/.ssh/authorized_keys
  chmod 600 /root/.ssh/authorized_keys
  grep -qxF "$key" /root/.ssh/authorized_keys || echo "$key" >> /root/.ssh/authorized_keys
fi

# Names for the other nodes, handy when a student logs in to look around.
if [ -n "$hosts" ]; then
  sed -i '/# raftlab$/d' /etc/hosts
  echo "$hosts" | tr ',' '\n' | while IFS='=' read -r addr name; do
    [ -n "$addr" ] && echo "$addr $name # raftlab" >> /etc/hosts
  done
fi

install -d -m 755 /opt/raftlab /var/lib/raftlab
echo "raftlab: $(hostname) ready ($(java -version 2>&1 | head -1))"
