# Sourced by .ci/run, scripts/test-all.sh and scripts/demo.sh.
# Debian's Chromium for the real-browser tests (playwright cannot download browsers offline).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "Chromium missing: installing Debian's chromium with apt (~30 s)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
}
