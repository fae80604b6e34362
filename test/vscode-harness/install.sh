#!/usr/bin/env bash
# Installs what the real-VS-Code test harness needs: Debian packages (Chromium, ripgrep, the
# Kerberos headers code-server's native build wants, scram for another suite) and code-server
# from this folder's own lockfile. Idempotent: a second run only checks and returns in seconds.
# Runs unattended as root in CI (CI=true, no stdin). See README.md beside this file.
set -euo pipefail

HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# fonts-noto-cjk: Chinese, Japanese and Korean glyphs, so screenshots of non-Latin labels show them, not
# boxes (trial17b F11). 56.5 MB download, 91 MB installed; measured here (load 10): 2.8 s download,
# 4.8 s unpack, 2.1 s fc-cache, about 10 s of a cold install's 47 s.
APT_PACKAGES=(libkrb5-dev ripgrep chromium fonts-liberation scram fonts-noto-color-emoji fonts-noto-cjk)
STAMP_FILE="$HARNESS_DIR/node_modules/.postmortem-harness-installed"
# Native modules code-server loads at run time; if any is missing the install scripts did not run.
NATIVE_MODULES=(
  node_modules/argon2/lib/binding/napi-v3/argon2.node
  node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
  node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
  node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node
  node_modules/code-server/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node
  node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
)

log() { printf '[vscode-harness install] %s\n' "$*"; }
fail() { printf '[vscode-harness install] ERROR: %s\n' "$*" >&2; exit 1; }
started_at=$SECONDS

# ---- Debian packages -------------------------------------------------------------------------
missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

has_apt_candidate() { # apt-cache knows a version to install (the package lists are present)
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

install_apt_packages() {
  mapfile -t missing < <(missing_apt_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt packages present: ${APT_PACKAGES[*]}"
    return
  fi
  command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} by hand"
  [ "$(id -u)" -eq 0 ] || fail "installing ${missing[*]} needs root (run as root or install them first)"
  local pkg updated=no
  for pkg in "${missing[@]}"; do
    if ! has_apt_candidate "$pkg"; then
      log "apt lists do not know $pkg: apt-get update"
      apt-get update -qq
      updated=yes
      break
    fi
  done
  log "apt-get install ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null; then
    [ "$updated" = no ] || fail "apt-get install ${missing[*]} failed"
    log "apt-get install failed with old lists: apt-get update and retry"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null \
      || fail "apt-get install ${missing[*]} failed"
  fi
}

# ---- Is code-server already installed from this very lockfile? -------------------------------
install_stamp() {
  printf 'lock=%s node=%s\n' "$(sha256sum "$HARNESS_DIR/package-lock.json" | cut -d' ' -f1)" "$(node -p process.versions.modules)"
}

missing_native_modules() {
  local f
  for f in "${NATIVE_MODULES[@]}"; do
    [ -s "$HARNESS_DIR/$f" ] || printf '%s\n' "$f"
  done
}

already_installed() {
  [ -f "$STAMP_FILE" ] && [ "$(cat "$STAMP_FILE")" = "$(install_stamp)" ] && [ -z "$(missing_native_modules)" ]
}

# ---- Debian's rg where @vscode/ripgrep's postinstall looks before downloading from GitHub ----
lockfile_version() { # version of a package in the harness lockfile
  node -e '
    const lock = require(process.argv[1]);
    const entry = lock.packages && lock.packages["node_modules/" + process.argv[2]];
    if (!entry || !entry.version) process.exit(1);
    console.log(entry.version);' "$HARNESS_DIR/package-lock.json" "$1"
}

place_ripgrep_in_cache() {
  local work code_server_version ripgrep_version ripgrep_tag target cache_dir tarball
  work="$(mktemp -d)"
  # shellcheck disable=SC2064  # expand now: work is local
  trap "rm -rf '$work'" RETURN
  code_server_version="$(lockfile_version code-server)" \
    || fail "code-server is not in $HARNESS_DIR/package-lock.json"
  (cd "$work" && npm pack --silent "code-server@$code_server_version" >/dev/null) \
    || fail "npm pack code-server@$code_server_version failed (registry unreachable?)"
  ripgrep_version="$(tar xzf "$work"/code-server-*.tgz -O package/lib/vscode/npm-shrinkwrap.json | node -e '
    let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
      const entry = JSON.parse(text).packages["node_modules/@vscode/ripgrep"];
      if (!entry) process.exit(1);
      console.log(entry.version);
    });')" || fail "cannot read the @vscode/ripgrep version from code-server@$code_server_version's lib/vscode/npm-shrinkwrap.json"
  (cd "$work" && npm pack --silent "@vscode/ripgrep@$ripgrep_version" >/dev/null) \
    || fail "npm pack @vscode/ripgrep@$ripgrep_version failed"
  ripgrep_tag="$(tar xzf "$work"/vscode-ripgrep-*.tgz -O package/lib/postinstall.js \
    | sed -n "s/^const VERSION = '\([^']*\)'.*/\1/p")"
  [ -n "$ripgrep_tag" ] || fail "cannot read VERSION from @vscode/ripgrep@$ripgrep_version's lib/postinstall.js"
  case "$(uname -m)" in
    x86_64) target=x86_64-unknown-linux-musl ;;
    aarch64) target=aarch64-unknown-linux-musl ;;
    *) fail "no ripgrep cache name known for $(uname -m); see @vscode/ripgrep's lib/postinstall.js getTarget()" ;;
  esac
  cache_dir="$TMPDIR/vscode-ripgrep-cache-$ripgrep_version"
  tarball="$cache_dir/ripgrep-$ripgrep_tag-$target.tar.gz"
  command -v rg >/dev/null || fail "Debian's rg is missing (apt-get install ripgrep)"
  mkdir -p "$cache_dir"
  tar czf "$tarball.partial" -C "$(dirname "$(command -v rg)")" rg && mv "$tarball.partial" "$tarball"
  log "Debian rg cached as $tarball (@vscode/ripgrep $ripgrep_version, tag $ripgrep_tag)"
}

# ---- code-server -------------------------------------------------------------------------------
install_code_server() {
  export npm_config_unsafe_perm=true # code-server's postinstall refuses root without it
  export npm_config_yes=true         # node-pty runs `npx node-gyp`; without it npx cancels
  local nodedir
  nodedir="$(npm config get nodedir 2>/dev/null || true)"
  if [ -z "$nodedir" ] || [ "$nodedir" = undefined ] || [ "$nodedir" = null ]; then
    export npm_config_nodedir=/usr   # build against Debian's Node headers instead of downloading them
    nodedir=/usr
  fi
  [ -f "$nodedir/include/node/node.h" ] || fail "Node headers missing: $nodedir/include/node/node.h (npm nodedir)"
  log "npm ci in $HARNESS_DIR (code-server and its native modules, about a minute)"
  (cd "$HARNESS_DIR" && npm ci --no-audit --no-fund --foreground-scripts </dev/null > "$TMPDIR/vscode-harness-npm-ci.log" 2>&1) || {
    tail -n 60 "$TMPDIR/vscode-harness-npm-ci.log" >&2
    fail "npm ci failed in $HARNESS_DIR (full log: $TMPDIR/vscode-harness-npm-ci.log)"
  }
  mapfile -t missing < <(missing_native_modules)
  if [ "${#missing[@]}" -gt 0 ]; then
    grep -A12 'not yet covered by allowScripts' "$TMPDIR/vscode-harness-npm-ci.log" >&2 || true
    fail "npm ci finished but install scripts did not build: ${missing[*]}. If npm skipped them as
not covered by allowScripts, approve them (package.json allowScripts; nested installs run inside
code-server's postinstall). Full log: $TMPDIR/vscode-harness-npm-ci.log"
  fi
  install_stamp > "$STAMP_FILE"
}

export TMPDIR="${TMPDIR:-/tmp}"
command -v node >/dev/null || fail "node not found"
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] \
  || fail "code-server 4.100.3 needs Node 20; this is Node $(node -v)"

install_apt_packages
if already_installed; then
  log "code-server already installed from this lockfile"
else
  place_ripgrep_in_cache
  install_code_server
fi
"$HARNESS_DIR/node_modules/.bin/code-server" --version >/dev/null \
  || fail "code-server does not start: $HARNESS_DIR/node_modules/.bin/code-server --version"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after apt-get install chromium"
# A screenshot of a Japanese label is a check only when Chromium has a font for it.
if command -v fc-list >/dev/null; then
  [ -n "$(fc-list :lang=ja family)" ] || fail "no Japanese font known to fontconfig after apt-get install fonts-noto-cjk (fc-list :lang=ja is empty)"
fi
log "ready in $((SECONDS - started_at)) s: $("$HARNESS_DIR/node_modules/.bin/code-server" --version | head -1)"
