#!/usr/bin/env bash
# Install the frozen bundle for the current user only: no root, nothing outside $HOME.
#
#   packaging/linux/install-user.sh [BUNDLE]      # default BUNDLE: dist/advocate-app
#   packaging/linux/install-user.sh --uninstall
#
# Puts the bundle in ~/.local/opt/advocate-companion, a launcher in ~/.local/share/applications,
# the icon in ~/.local/share/icons/hicolor/scalable/apps, the AppStream file in
# ~/.local/share/metainfo and an `advocate-app` link in ~/.local/bin.
# Neither installing nor uninstalling touches the vault (~/.local/share/advocate-app): records
# are destroyed only from inside the app, deliberately.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
APP_ID="org.advocatecompanion.AdvocateCompanion"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
DEST="$HOME/.local/opt/advocate-companion"
BIN_LINK="$HOME/.local/bin/advocate-app"
DESKTOP_FILE="$DATA_HOME/applications/$APP_ID.desktop"
ICON_FILE="$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
METAINFO_FILE="$DATA_HOME/metainfo/$APP_ID.metainfo.xml"

if [[ "$(id -u)" -eq 0 ]]; then
    echo "Run this as the person who will use the app, not as root." >&2
    exit 2
fi

refresh_caches() {
    # Optional: menus pick the launcher up without it, only later. No icon cache is written for
    # the user's hicolor folder: a stale one would hide icons that other programs add later.
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$DATA_HOME/applications" || true
    fi
}

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -rf "$DEST"
    rm -f "$DESKTOP_FILE" "$ICON_FILE" "$METAINFO_FILE"
    if [[ -L "$BIN_LINK" ]]; then
        rm -f "$BIN_LINK"
    fi
    refresh_caches
    echo "Advocate Companion removed. The vault in $DATA_HOME/advocate-app was left as it is."
    exit 0
fi

BUNDLE="${1:-$ROOT/dist/advocate-app}"
if [[ ! -x "$BUNDLE/advocate-app" ]]; then
    echo "No bundle at $BUNDLE: run 'make package' first." >&2
    exit 1
fi
# The path goes into the launcher's Exec= line; keep it free of characters that need escaping.
case "$DEST" in
    *[\"\`\$\\\|\&\ ]*)
        echo "The install folder $DEST contains characters a launcher cannot hold." >&2
        exit 1
        ;;
esac

# Copy beside the old version first, then swap, so an interrupted copy leaves the old one working.
mkdir -p "$(dirname "$DEST")"
rm -rf "$DEST.new"
cp -a "$BUNDLE" "$DEST.new"
rm -rf "$DEST"
mv "$DEST.new" "$DEST"

mkdir -p "$(dirname "$DESKTOP_FILE")" "$(dirname "$ICON_FILE")" "$(dirname "$METAINFO_FILE")" \
    "$(dirname "$BIN_LINK")"
sed -e "s|^Exec=.*|Exec=$DEST/advocate-app|" -e "s|^TryExec=.*|TryExec=$DEST/advocate-app|" \
    "$HERE/$APP_ID.desktop" > "$DESKTOP_FILE"
cp "$ROOT/packaging/icons/advocate-companion.svg" "$ICON_FILE"
cp "$HERE/$APP_ID.metainfo.xml" "$METAINFO_FILE"
ln -sfn "$DEST/advocate-app" "$BIN_LINK"
refresh_caches

echo "Advocate Companion installed in $DEST."
echo "Start it from the applications menu, or run: advocate-app"
