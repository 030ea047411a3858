#!/usr/bin/env bash
# Makes sure the services the tests use for real are up: PostgreSQL (127.0.0.1:5432, trust auth, db "test"),
# Redis (127.0.0.1:6379) and, for the browser test, Debian's Chromium with its driver. Installs them with apt-get
# on a fresh machine. Idempotent and quiet when everything is already there.
set -euo pipefail

log() { echo "[services] $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
retry() { # another apt-get may hold the lock for a while
  for attempt in $(seq 1 60); do "$@" && return 0; sleep 5; done; return 1
}
apt_install() {
  if [ "$apt_updated" = 0 ]; then retry as_root apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive retry as_root apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

# PostgreSQL
if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "installing PostgreSQL"; apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  conf=/etc/postgresql/$version/main
  # trust auth on loopback, as the tests expect
  if ! grep -q "ia-test trust" "$conf/pg_hba.conf" 2>/dev/null; then
    as_root sh -c "printf '%s\n%s\n%s\n' 'local all all trust # ia-test trust' 'host all all 127.0.0.1/32 trust # ia-test trust' 'host all all ::1/128 trust # ia-test trust' | cat - '$conf/pg_hba.conf' > /tmp/pg_hba.conf && cp /tmp/pg_hba.conf '$conf/pg_hba.conf'"
  fi
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do port_open 5432 && break; sleep 0.5; done
fi
if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -c 'create database test' >/dev/null 2>&1 || true
fi

# Redis
if ! port_open 6379; then
  if ! command -v redis-server >/dev/null; then log "installing Redis"; apt_install redis-server; fi
  log "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 60); do port_open 6379 && break; sleep 0.5; done
fi

# Chromium for the browser test of the web sample
if [ "${IA_SKIP_BROWSER:-0}" != 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  log "installing Chromium and ChromeDriver"; apt_install chromium chromium-driver
fi

# curl for the REST sample's README session (ReadmeCurlIT runs its curl lines)
if ! command -v curl >/dev/null; then log "installing curl"; apt_install curl; fi

port_open 5432 || { log "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
port_open 6379 || { log "Redis is not reachable on 127.0.0.1:6379"; exit 1; }
