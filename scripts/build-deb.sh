#!/usr/bin/env bash
# Builds the Linux package dist/svarskoll_VERSION_amd64.deb with cargo-deb (installed from the
# crate registry when missing) from [package.metadata.deb] in Cargo.toml, then checks it: its
# control data and file list (dpkg-deb -I / -c), and the programs run from an unpacked copy and
# find the bundled example beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh

# cargo-deb 3.7 or newer: symlinks in the asset list (/usr/bin -> /usr/lib/svarskoll).
if ! cargo deb --version 2>/dev/null | grep -Eq ' (3\.([7-9]|[1-9][0-9])|[4-9])'; then
  echo "== Installing cargo-deb (cargo install cargo-deb --locked)"
  cargo install cargo-deb --locked --version '^3.7'
fi

VERSION=$(svarskoll_version)
DEB=dist/svarskoll_${VERSION}_amd64.deb
mkdir -p dist
echo "== Building $DEB"
# The dist profile (Cargo.toml): release with whole-program optimisation.
cargo deb --locked --profile dist --output "$DEB"

echo "== dpkg-deb -I"
dpkg-deb -I "$DEB"
echo "== dpkg-deb -c"
contents=target/deb-contents.txt
dpkg-deb -c "$DEB" >"$contents"
cat "$contents"

fail=0
expect() { # PATH in the package
  if grep -q " \./$1\( \|$\)" "$contents"; then echo "ok    /$1"; else echo "MISSING /$1"; fail=1; fi
}
for path in usr/lib/svarskoll/svarskoll usr/lib/svarskoll/svarskollw usr/bin/svarskoll usr/bin/svarskollw \
  usr/share/applications/svarskoll.desktop usr/share/mime/packages/svarskoll.xml \
  usr/share/icons/hicolor/256x256/apps/svarskoll.png usr/lib/svarskoll/audit-templates/malmo-sociala-medier.ron \
  "usr/lib/svarskoll/$(example_audit)"; do
  expect "$path"
done

# The programs, unpacked, through their /usr/bin links.
unpacked=target/deb-check
rm -rf "$unpacked"
dpkg-deb -x "$DEB" "$unpacked"
if "$unpacked/usr/bin/svarskoll" --version | grep -q "svarskoll $VERSION"; then
  echo "ok    usr/bin/svarskoll --version"
else
  echo "FAILED usr/bin/svarskoll --version"; fail=1
fi
if [ -x "$unpacked/usr/bin/svarskollw" ]; then echo "ok    usr/bin/svarskollw"; else echo "MISSING usr/bin/svarskollw"; fail=1; fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate packaging/linux/svarskoll.desktop && echo "ok    desktop entry valid" || fail=1
fi
ls -l "$DEB"
if [ "$fail" -ne 0 ]; then echo "FAIL"; exit 1; fi
echo "PASS"
