#!/bin/sh
# Installs the Debian packages Livrables needs to build, test and benchmark.
# Only missing packages are installed; nothing happens when all are present.
# Usage: scripts/install-deps.sh [--with-fop]
set -eu

PACKAGES="gcc make pkg-config
libxml2-dev libxslt1-dev libcairo2-dev libpango1.0-dev librsvg2-dev libjpeg-dev
libhyphen-dev hyphen-fr libcmocka-dev
poppler-utils qpdf libqpdf-dev python3 python3-pikepdf libxml2-utils bsdutils locales fonts-dejavu-core fonts-liberation2 fonts-texgyre"

if [ "${1:-}" = "--with-fop" ]; then
    PACKAGES="$PACKAGES fop time"
fi

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done

# The test suite also runs under a French locale: numbers written into PDF, SVG or
# dependency files must never get a decimal comma.
ensure_french_locale() {
    if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && [ -f /etc/locale.gen ]; then
        sed -i 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
        grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' >> /etc/locale.gen
        locale-gen >/dev/null
    fi
}

if [ -z "$missing" ]; then
    ensure_french_locale
    exit 0
fi

echo "install-deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "install-deps: error: missing packages:$missing (run as root or install them)" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
ensure_french_locale
