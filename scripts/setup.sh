#!/usr/bin/env bash
# Set up everything bantin and its tests need, installing only what is missing:
# Debian packages (chromium, poppler-utils, fonts, Java for the HTML checker, Node/npm),
# the Python environment in .venv, and the test tools in node_modules.
# Usage: scripts/setup.sh [--with-test-tools]
set -euo pipefail

cd "$(dirname "$0")/.."
WITH_TEST_TOOLS=0
[[ "${1:-}" == "--with-test-tools" ]] && WITH_TEST_TOOLS=1

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

say() { printf '==> %s\n' "$*"; }

missing_debs() {
    local wanted=(chromium poppler-utils fonts-dejavu-core)
    "$PYTHON" -c "import ensurepip" 2>/dev/null || wanted+=(python3-venv)
    if [[ $WITH_TEST_TOOLS == 1 ]]; then
        command -v java >/dev/null 2>&1 || wanted+=(default-jre-headless)
        command -v npm >/dev/null 2>&1 || wanted+=(nodejs npm)
    fi
    local pkg
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || printf '%s\n' "$pkg"
    done
}

install_debs() {
    local debs
    mapfile -t debs < <(missing_debs)
    [[ ${#debs[@]} -eq 0 ]] && return 0
    say "installing Debian packages: ${debs[*]}"
    local sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${debs[@]}"
}

install_python() {
    if [[ ! -x .venv/bin/python ]]; then
        say "creating .venv with $("$PYTHON" --version)"
        "$PYTHON" -m venv .venv
    fi
    # Reinstall only when pyproject.toml changed since the last successful install.
    local stamp=.venv/.bantin-installed
    if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
        say "installing bantin and its test dependencies into .venv"
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e '.[test]'
        touch "$stamp"
    fi
}

install_node_tools() {
    if [[ ! -f node_modules/vnu-jar/build/dist/vnu.jar || ! -f node_modules/axe-core/axe.min.js \
          || package-lock.json -nt node_modules/.package-lock.json ]]; then
        say "installing the HTML checker and axe-core into node_modules"
        # --ignore-scripts: vnu-jar's own script would fetch a Java runtime; Debian's is used.
        npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    fi
}

install_debs
install_python
[[ $WITH_TEST_TOOLS == 1 ]] && install_node_tools
say "setup done"
