# Sourced (not run) by the scripts that build or test the viewer in viewer/.
#   need_chromium        installs Debian's Chromium (as root) unless
#                        ${CHROMIUM_PATH:-/usr/bin/chromium} is there
#   prepare_viewer NAME  checks node and npm, enters viewer/, installs its npm
#                        dependencies when package-lock.json is newer, and
#                        type-checks src/ (NAME prefixes the error message)

need_chromium() {
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "chromium missing: apt-get install -y chromium" >&2; exit 1
    fi
  fi
}

prepare_viewer() {
  command -v node >/dev/null && command -v npm >/dev/null || {
    echo "$1: node and npm are needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
  cd "$root/viewer"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  npx tsc --noEmit -p .
}
