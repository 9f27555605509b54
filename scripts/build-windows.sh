#!/usr/bin/env bash
# Builds Svarskoll for Windows (x86_64) on Debian 12, and packs what users download:
#   dist/svarskoll-windows-x86_64.zip      svarskoll.exe (console), svarskollw.exe (window),
#                                          audit-templates/, assets/examples/, LÄSMIG.txt
#   dist/svarskoll-VERSION-x86_64.msi      per-user installer (Start menu, .svarskoll files)
#
# No Windows standard library can be downloaded here, so std is built from Debian's Rust sources
# (rust-web-src) with Debian's second toolchain (rustc-web) and -Zbuild-std; MinGW-w64 links
# (the linker is set in .cargo/config.toml), and build.rs compiles the icon, version information
# and manifest in with windres. The .exe files are stripped, then signed.
#
# Signing (osslsigncode): both .exe files and the MSI are signed with, in this order,
#   SVARSKOLL_SIGN_PFX=file.pfx  [SVARSKOLL_SIGN_PASSWORD=…]            a PKCS#12 file, or
#   SVARSKOLL_SIGN_CERT=cert.pem SVARSKOLL_SIGN_KEY=key.pem [SVARSKOLL_SIGN_PASSWORD=…]
#   otherwise a self-made TEST certificate (target/windows/test-signing/), which no Windows
#   trusts: fine for testing, never for handing out.
#   SVARSKOLL_SIGN_TIMESTAMP=URL adds an RFC 3161 time stamp (needs the network).
#
# Run scripts/test-windows.sh afterwards to test the result under wine.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR=target/windows
# The dist profile (Cargo.toml): release with whole-program optimisation.
RELEASE="$CARGO_TARGET_DIR/$TARGET/dist"
STAGE="$CARGO_TARGET_DIR/stage"
APP="$STAGE/Svarskoll"
DIST=dist
ZIP="$DIST/svarskoll-windows-x86_64.zip"

say() { printf '\n== %s\n' "$*"; }
. scripts/common.sh

# --- Packages ---------------------------------------------------------------------------------
ensure_packages build-windows.sh rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 \
  binutils-mingw-w64-x86-64 msitools wixl osslsigncode python3 openssl

VERSION=$(svarskoll_version)
# Windows Installer wants numbers only (major.minor.build).
MSI_VERSION=${VERSION%%[-+]*}
MSI="$DIST/svarskoll-$VERSION-x86_64.msi"
# Where the app looks for the bundled example, relative to the executable's folder.
EXAMPLE=$(example_audit)
if [ -z "$EXAMPLE" ] || [ ! -f "$EXAMPLE" ]; then
  echo "build-windows.sh: EXAMPLE_AUDIT not found in src/gui/os.rs (or its file is missing)" >&2
  exit 1
fi

# --- Build ------------------------------------------------------------------------------------
say "Building Svarskoll $VERSION for $TARGET (profile dist; the first build takes 15-25 minutes)"
started=$(date +%s)
RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --locked \
  -Zbuild-std=std,panic_abort --target "$TARGET" --profile dist --bins
echo "built in $(( $(date +%s) - started )) s"

# --- Stage: the folder the zip holds ------------------------------------------------------------
say "Staging $APP"
rm -rf "$STAGE"
mkdir -p "$APP/audit-templates" "$APP/$(dirname "$EXAMPLE")" "$DIST"
for exe in svarskoll svarskollw; do
  x86_64-w64-mingw32-strip -o "$APP/$exe.exe" "$RELEASE/$exe.exe"
done
cp audit-templates/*.ron "$APP/audit-templates/"
cp "$EXAMPLE" "$APP/$EXAMPLE"
cp assets/examples/grundskola-2019-logg.csv "$APP/$(dirname "$EXAMPLE")/"
# Notepad reads UTF-8 with a byte order mark and CRLF line ends without guessing.
{
  printf '\xef\xbb\xbf'
  sed -e "s/@VERSION@/$VERSION/" -e 's/$/\r/' "packaging/windows/LÄSMIG.txt"
} > "$APP/LÄSMIG.txt"

# --- Sign -------------------------------------------------------------------------------------
sign_args=()
if [ -n "${SVARSKOLL_SIGN_PFX:-}" ]; then
  sign_args=(-pkcs12 "$SVARSKOLL_SIGN_PFX")
  signer="the certificate in $SVARSKOLL_SIGN_PFX"
elif [ -n "${SVARSKOLL_SIGN_CERT:-}" ] && [ -n "${SVARSKOLL_SIGN_KEY:-}" ]; then
  sign_args=(-certs "$SVARSKOLL_SIGN_CERT" -key "$SVARSKOLL_SIGN_KEY")
  signer="the certificate $SVARSKOLL_SIGN_CERT"
else
  test_dir="$CARGO_TARGET_DIR/test-signing"
  test_cert="$test_dir/svarskoll-TEST-ONLY-cert.pem"
  test_key="$test_dir/svarskoll-TEST-ONLY-key.pem"
  if [ ! -f "$test_cert" ] || [ ! -f "$test_key" ]; then
    mkdir -p "$test_dir"
    openssl req -x509 -newkey rsa:3072 -sha256 -days 825 -nodes -keyout "$test_key" \
      -out "$test_cert" -subj "/CN=Svarskoll TEST ONLY code signing (not trusted)/O=TEST ONLY" \
      -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=codeSigning" \
      2>/dev/null
  fi
  sign_args=(-certs "$test_cert" -key "$test_key")
  signer="a self-made TEST certificate ($test_cert): set SVARSKOLL_SIGN_PFX or SVARSKOLL_SIGN_CERT/SVARSKOLL_SIGN_KEY to sign for real"
fi
if [ -n "${SVARSKOLL_SIGN_PASSWORD:-}" ]; then
  sign_args+=(-pass "$SVARSKOLL_SIGN_PASSWORD")
fi
if [ -n "${SVARSKOLL_SIGN_TIMESTAMP:-}" ]; then
  sign_args+=(-ts "$SVARSKOLL_SIGN_TIMESTAMP")
fi
sign() {
  local file=$1
  osslsigncode sign "${sign_args[@]}" -h sha256 -n "Svarskoll" -in "$file" -out "$file.signed" >/dev/null
  mv "$file.signed" "$file"
}
say "Signing with $signer"
sign "$APP/svarskoll.exe"
sign "$APP/svarskollw.exe"

# --- Zip --------------------------------------------------------------------------------------
say "Writing $ZIP"
rm -f "$ZIP"
# Python's zipfile marks UTF-8 names with the flag Explorer reads (Info-ZIP's zip 3.0 never
# sets it, and LÄSMIG.txt would unpack as L+ñSMIG.txt).
/usr/bin/python3 - "$STAGE" Svarskoll "$ZIP" <<'PY'
import os, sys, zipfile
stage, top, out = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for folder, dirs, files in os.walk(os.path.join(stage, top)):
        dirs.sort()
        z.write(folder, os.path.relpath(folder, stage))
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, stage))
PY

# --- MSI --------------------------------------------------------------------------------------
say "Writing $MSI"
rm -f "$DIST"/svarskoll-*-x86_64.msi
# wixl finds sources relative to the working folder (absolute paths are refused).
wixl -a x64 -D Version="$MSI_VERSION" -D SourceDir="$APP" -D IconFile=assets/icons/svarskoll.ico \
  -D ExampleFile="$(basename "$EXAMPLE")" -o "$MSI" packaging/windows/svarskoll.wxs
# wixl writes the summary's template as "x64;1033" whatever the package's Languages say: make
# it Swedish (1053) like the Product, keeping the package code wixl made.
package_code=$(msiinfo suminfo "$MSI" | sed -n 's/^Revision number (UUID): //p')
msibuild "$MSI" -s "Svarskoll $VERSION" "Svarskoll" "x64;1053" "$package_code"
msiinfo suminfo "$MSI" | grep -qx 'Template: x64;1053' || {
  echo "build-windows.sh: the MSI's summary template is not x64;1053" >&2
  exit 1
}
sign "$MSI"

say "Done"
ls -l "$APP"/*.exe "$ZIP" "$MSI"
(cd "$DIST" && sha256sum "$(basename "$ZIP")" "$(basename "$MSI")")
