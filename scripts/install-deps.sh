#!/bin/sh
# Installs the Debian packages Livrables needs to build, test and benchmark.
# Only missing packages are installed; nothing happens when all are present.
# Usage: scripts/install-deps.sh [--with-fop] [--with-fuzz] [--with-clients]
#   --with-fop      Apache FOP, for `make bench`
#   --with-fuzz     clang and its libFuzzer runtime, for `make fuzz`
#   --with-clients  DocBook XSL, pandoc, Node.js's API docs and FOP, for
#                   tests/clients/regen.sh (the client tests themselves need none of them)
set -eu

PACKAGES="gcc g++ make pkg-config
libxml2-dev libxslt1-dev libcairo2-dev libpango1.0-dev librsvg2-dev libjpeg-dev
libhyphen-dev hyphen-fr libcmocka-dev libzip-dev libcsv-dev libqpdf-dev zlib1g-dev
poppler-utils qpdf python3 python3-pikepdf python3-gi gir1.2-rsvg-2.0 libxml2-utils trang bsdutils gettext locales fonts-dejavu-core fonts-liberation2 fonts-texgyre"

for option in "$@"; do
    case "$option" in
        --with-fop) PACKAGES="$PACKAGES fop time" ;;
        --with-fuzz) PACKAGES="$PACKAGES clang libclang-rt-14-dev" ;;
        --with-clients) PACKAGES="$PACKAGES docbook-xsl docbook-xml xsltproc pandoc nodejs-doc fop" ;;
        *) echo "install-deps: error: unknown option '$option'" >&2; exit 2 ;;
    esac
done

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
