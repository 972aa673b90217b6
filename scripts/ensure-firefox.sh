# Sourced by .ci/run and scripts/test-all.sh.
# Debian 12's Firefox ESR for the Firefox e2e suite (test/e2e-firefox). The main archive's ESR
# (140) is older than the manifest's strict_min_version, so the package comes from
# bookworm-security, which carries the current ESR; the version is checked either way.
FIREFOX_BIN="${FRONTLINE_FIREFOX:-/usr/bin/firefox-esr}"

# The manifest's minimum, read from wxt.config.ts so the two cannot drift apart.
firefox_min_major() {
  sed -n "s/.*strict_min_version: '\([0-9]*\)\..*/\1/p" wxt.config.ts | head -1
}

firefox_major() {
  "$FIREFOX_BIN" --version 2>/dev/null | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p' | head -1
}

ensure_firefox() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  local min
  min="$(firefox_min_major)"
  if [ ! -x "$FIREFOX_BIN" ] || [ "$(firefox_major)" -lt "$min" ]; then
    echo "Firefox ESR >= $min missing: installing Debian's firefox-esr from bookworm-security with apt"
    if ! grep -rqs 'bookworm-security' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      echo 'deb http://deb.debian.org/debian-security bookworm-security main' | $sudo tee /etc/apt/sources.list.d/frontline-security.list >/dev/null
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq firefox-esr
  fi
  local major
  major="$(firefox_major)"
  if [ -z "$major" ] || [ "$major" -lt "$min" ]; then
    echo "Firefox at $FIREFOX_BIN is version ${major:-unknown}; the add-on needs $min or later (strict_min_version)." >&2
    return 1
  fi
  echo "Firefox: $("$FIREFOX_BIN" --version)"
}
