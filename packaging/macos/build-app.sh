#!/usr/bin/env bash
# Build "Advocate Companion.app" and a compressed DMG on macOS (see packaging/README.md).
#
#   packaging/macos/build-app.sh            # uses .venv/bin/python, or $PYTHON if set
#
# Output: dist/Advocate Companion.app and dist/AdvocateCompanion-<version>.dmg
#
# The .app is made by the BUNDLE step of packaging/advocate-app.spec, which also writes the
# Info.plist keys (CFBundleIdentifier org.advocatecompanion.AdvocateCompanion,
# NSHighResolutionCapable, LSMinimumSystemVersion). It builds for this Mac's architecture only
# (arm64 on Apple silicon, x86_64 on Intel); a universal2 build needs a universal2 Python and
# universal2 wheels of every compiled dependency, which sqlcipher3 does not always publish.
set -euo pipefail

if [[ "$(uname -s)" != "Darwin" ]]; then
    echo "build-app.sh runs on macOS only; on Linux use 'make package'." >&2
    exit 2
fi

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
if [[ ! -x "$PYTHON" ]]; then
    echo "No Python at $PYTHON. Create it first:" >&2
    echo "  python3.11 -m venv .venv && .venv/bin/python -m pip install -e '.[package]'" >&2
    exit 2
fi

VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
APP="$ROOT/dist/Advocate Companion.app"
DMG="$ROOT/dist/AdvocateCompanion-$VERSION.dmg"

# 1. Freeze. build.py runs PyInstaller on the spec and prints the bundle's size.
"$PYTHON" packaging/build.py

# 2. Sign.
# PyInstaller already signs each binary ad hoc; this re-signs the finished bundle ad hoc ("-" is
# the ad-hoc identity) so its seal covers Info.plist and the resources. An ad-hoc signature lets
# the app run on the Mac that built it (Apple silicon refuses unsigned code), but Gatekeeper on
# other Macs will still block it until the person right-clicks it and chooses Open.
codesign --force --deep -s - "$APP"
codesign --verify --deep --strict "$APP"
#
# For distribution to other Macs, replace the ad-hoc step with a Developer ID signature, the
# hardened runtime and notarization. Sketch, with placeholders to fill in:
#   codesign --force --deep --options runtime --timestamp \
#       --entitlements packaging/macos/entitlements.plist \
#       -s "Developer ID Application: <Organization> (<TEAMID>)" "$APP"
#   (Python's ctypes/cffi may need com.apple.security.cs.allow-unsigned-executable-memory in
#   that entitlements file; no network entitlement is needed, and none should be added.)
#   codesign --timestamp -s "Developer ID Application: <Organization> (<TEAMID>)" "$DMG"
#   xcrun notarytool submit "$DMG" --keychain-profile "<profile>" --wait
#   xcrun stapler staple "$DMG"
# Notarization uploads the DMG to Apple from the build machine; the app itself never connects.

# 3. Disk image: the .app plus a link to /Applications to drag it onto.
STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
ditto "$APP" "$STAGING/Advocate Companion.app"  # ditto keeps symlinks and signatures intact
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "Advocate Companion" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"

echo "App: $APP"
echo "Disk image: $DMG"
