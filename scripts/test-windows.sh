#!/usr/bin/env bash
# Tests what scripts/build-windows.sh wrote, under wine on Debian 12 (run that script first):
#   - the .exe files: console and GUI subsystem, icon, version information and manifest inside,
#     signed; the zip's contents (and nothing test-only in it);
#   - the command line end to end with svarskoll.exe from the unzipped zip (new, import,
#     results --json, report, export, check) on a drive letter, in folders with spaces and å/ä/ö,
#     compared with the Linux build's output (identical results JSON, report text and CSV);
#   - check's exit code through cmd, as the issue's acceptance asks;
#   - the window: svarskollw.exe on an Xvfb of its own, the start screen and the example audit, screenshots in
#     target/windows-test/ (not blank);
#   - the MSI: its tables (msiinfo), then installed, checked and uninstalled with wine's msiexec.
# Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's std imports and Windows 10/11
# have: a test-only shim (tests/windows/bcryptprimitives.c) is built beside the .exe in the test
# folder, never in dist/. Wine's own faults are reported as such, not as the app's.
# Prints PASS/FAIL per step and a summary; exits 1 when any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

. scripts/common.sh
VERSION=$(svarskoll_version)
EXAMPLE_REL=$(example_audit)
ZIP=dist/svarskoll-windows-x86_64.zip
MSI=dist/svarskoll-$VERSION-x86_64.msi
T=$ROOT/target/windows-test
WINE=/usr/lib/wine/wine64
WINESERVER=/usr/lib/wine/wineserver
AS_OF="2019-04-30 12:00"
# The same report dates on both sides (the audit has no report date of its own).
export SOURCE_DATE_EPOCH=1556625600
export LC_ALL=C.UTF-8
export SVARSKOLL_LANG=sv

passed=()
failed=()
pass() { passed+=("$1"); printf 'PASS  %s\n' "$1"; }
fail() { failed+=("$1"); printf 'FAIL  %s\n' "$1"; }
step() { printf '\n== %s\n' "$*"; }
# check NAME COMMAND...: PASS when the command succeeds.
check() {
  local name=$1
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}

if [ ! -f "$ZIP" ] || [ ! -f "$MSI" ]; then
  echo "test-windows.sh: $ZIP or $MSI is missing: run scripts/build-windows.sh first" >&2
  exit 1
fi

# --- Packages ---------------------------------------------------------------------------------
PACKAGES=(wine64 gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 msitools osslsigncode unzip xvfb xdotool poppler-utils)
# ImageMagick may come from elsewhere than Debian: what matters is that its commands run.
if ! command -v import >/dev/null || ! command -v convert >/dev/null; then
  PACKAGES+=(imagemagick)
fi
ensure_packages test-windows.sh "${PACKAGES[@]}"

# --- The Linux build to compare with ----------------------------------------------------------
step "Building the Linux release (cargo build --release)"
cargo build --release --locked --bin svarskoll || { echo "the Linux build failed" >&2; exit 1; }
LINUX=$ROOT/target/release/svarskoll

# --- Folders: a drive letter, spaces and å/ä/ö --------------------------------------------------
rm -rf "$T/drive-d" "$T/linux" "$T/unzip-check"
DRIVE=$T/drive-d                        # D:\ under wine
INSTALL_DIR="Program med mellanslag åäö" # where the zip is unpacked: D:\Program med mellanslag åäö\Svarskoll
WORK_DIR="Granskning 2019 åäö"          # the audit's folder: D:\Granskning 2019 åäö
mkdir -p "$DRIVE/$INSTALL_DIR" "$DRIVE/$WORK_DIR" "$T/linux/$WORK_DIR"
unzip -q "$ZIP" -d "$DRIVE/$INSTALL_DIR"
APP=$DRIVE/$INSTALL_DIR/Svarskoll
WIN_APP="D:\\$INSTALL_DIR\\Svarskoll"
WIN_WORK="D:\\$WORK_DIR"

# --- The package: what is inside the zip and the .exe files -------------------------------------
step "The zip and the executables"
check "zip holds svarskoll.exe, svarskollw.exe, LÄSMIG.txt, templates, example" \
  test -f "$APP/svarskoll.exe" -a -f "$APP/svarskollw.exe" -a -f "$APP/LÄSMIG.txt" \
  -a -f "$APP/audit-templates/malmo-sociala-medier.ron" \
  -a -f "$APP/$EXAMPLE_REL"
check "zip holds no test shim (bcryptprimitives.dll)" \
  bash -c "! unzip -l '$ZIP' | grep -qi bcryptprimitives && ! ls dist | grep -qi bcryptprimitives"
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | sed -n 's/^Subsystem[[:space:]]*//p'; }
check "svarskoll.exe is a console program" bash -c "[[ '$(subsystem "$APP/svarskoll.exe")' == *'(Windows CUI)'* ]]"
check "svarskollw.exe is a GUI program (no console window)" bash -c "[[ '$(subsystem "$APP/svarskollw.exe")' == *'(Windows GUI)'* ]]"
# signed FILE: a valid Authenticode signature, checked against the build's test certificate
# (a self-made one is its own root), else against SVARSKOLL_SIGN_CAFILE or the system's roots.
signed() {
  local ca=${SVARSKOLL_SIGN_CAFILE:-target/windows/test-signing/svarskoll-TEST-ONLY-cert.pem}
  osslsigncode verify -CAfile "$ca" -in "$1" 2>/dev/null | grep -q '^Succeeded' ||
    osslsigncode verify -in "$1" 2>/dev/null | grep -q '^Succeeded'
}
for exe in svarskoll svarskollw; do
  x86_64-w64-mingw32-windres -i "$APP/$exe.exe" -O rc 2>/dev/null | tr -d '\0' >"$T/resources-$exe.rc"
  check "$exe.exe: icon, version $VERSION and manifest (PerMonitorV2, UTF-8) compiled in" bash -c '
    r=$1
    grep -q "RT_GROUP_ICON" "$r" && grep -q "VERSIONINFO" "$r" && grep -qF "\"FileVersion\", \"$2\"" "$r" &&
    grep -qF "\"OriginalFilename\", \"$3.exe\"" "$r" && grep -q "PerMonitorV2" "$r" && grep -q "activeCodePage>UTF-8" "$r"
  ' _ "$T/resources-$exe.rc" "$VERSION" "$exe"
  check "$exe.exe is signed (osslsigncode verify)" signed "$APP/$exe.exe"
done
check "the MSI is signed (osslsigncode verify)" signed "$MSI"
ls -l "$APP"/*.exe "$ZIP" "$MSI"

# --- Wine ---------------------------------------------------------------------------------------
step "Wine prefix and the test shim"
export WINEPREFIX=$T/wineprefix
export WINEDEBUG=-all
export WINEARCH=win64
# No Mono or Gecko installers: the app needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"
  "$WINE" wineboot -i >/dev/null 2>&1
  "$WINESERVER" -w
fi
ln -sfn "$DRIVE" "$WINEPREFIX/dosdevices/d:"
x86_64-w64-mingw32-gcc -shared -O2 -o "$APP/bcryptprimitives.dll" tests/windows/bcryptprimitives.c \
  -ladvapi32 -Wl,--kill-at
check "wine prefix with D: and the shim beside the test copy" test -f "$APP/bcryptprimitives.dll" -a -d "$WINEPREFIX/dosdevices/d:/$WORK_DIR"

# winrun ARGS...: svarskoll.exe under wine, from the app's folder.
winrun() { (cd "$APP" && "$WINE" "$APP/svarskoll.exe" "$@"); }

# --- The command line, end to end, beside the Linux build ----------------------------------------
step "Command line: svarskoll.exe under wine and the Linux build"
cp assets/examples/grundskola-2019-logg.csv "$DRIVE/$WORK_DIR/logg åäö.csv"
cp assets/examples/grundskola-2019-logg.csv "$T/linux/$WORK_DIR/logg åäö.csv"
AUDIT="skolor åäö.svarskoll"
L=$T/linux/$WORK_DIR
W=$DRIVE/$WORK_DIR
run_both() { # NAME, then the arguments, with @DIR@/ for the audit's folder
  local name=$1
  shift
  local wargs=() largs=() a
  for a in "$@"; do
    wargs+=("${a//@DIR@\//$WIN_WORK\\}")
    largs+=("${a//@DIR@\//$L/}")
  done
  winrun "${wargs[@]}" >"$T/w-$name.out" 2>"$T/w-$name.err"
  local wcode=$?
  "$LINUX" "${largs[@]}" >"$T/l-$name.out" 2>"$T/l-$name.err"
  local lcode=$?
  echo "  $name: exit $wcode under wine, $lcode on Linux; wine's stderr: $(head -c 300 "$T/w-$name.err")"
  [ "$wcode" -eq 0 ] && [ "$lcode" -eq 0 ]
}
check "new (template, title with å/ä/ö, D:\\ path with spaces)" \
  run_both new new --template malmo-sociala-medier --title "Grundskolor våren 2019 – åäö" -o "@DIR@/$AUDIT"
check "import the example's CSV" run_both import import "@DIR@/$AUDIT" "@DIR@/logg åäö.csv"
check "results --json" run_both results results --json --as-of "$AS_OF" "@DIR@/$AUDIT"
check "results --json: identical to Linux" cmp -s "$T/w-results.out" "$T/l-results.out"
check "report (PDF)" run_both report report --as-of "$AS_OF" -o "@DIR@/rapport åäö.pdf" "@DIR@/$AUDIT"
if [ -f "$W/rapport åäö.pdf" ] && [ -f "$L/rapport åäö.pdf" ]; then
  pdftotext -layout "$W/rapport åäö.pdf" "$T/w-report.txt"
  pdftotext -layout "$L/rapport åäö.pdf" "$T/l-report.txt"
  check "report: text identical to Linux (pdftotext, $(wc -l <"$T/l-report.txt") lines)" cmp -s "$T/w-report.txt" "$T/l-report.txt"
  if cmp -s "$W/rapport åäö.pdf" "$L/rapport åäö.pdf"; then echo "  (the PDFs are even byte for byte the same)"; fi
else
  fail "report: text identical to Linux (a PDF is missing)"
fi
check "report (Word)" run_both docx report --as-of "$AS_OF" -o "@DIR@/rapport åäö.docx" "@DIR@/$AUDIT"
check "export (CSV)" run_both export export --as-of "$AS_OF" -o "@DIR@/export åäö.csv" "@DIR@/$AUDIT"
check "export: identical to Linux" cmp -s "$W/export åäö.csv" "$L/export åäö.csv"
check "export (Excel)" run_both xlsx export --as-of "$AS_OF" -o "@DIR@/export åäö.xlsx" "@DIR@/$AUDIT"
check "check a good file: exit 0" run_both check-good check "@DIR@/$AUDIT"
# Svarskoll 0.1's name for audit files keeps opening.
cp "$W/$AUDIT" "$W/skolor åäö.svarskoll.ron"
winrun results --json --as-of "$AS_OF" "$WIN_WORK\\skolor åäö.svarskoll.ron" >"$T/w-old-name.json" 2>&1
check "an audit named .svarskoll.ron (0.1) gives the same results" cmp -s "$T/w-old-name.json" "$T/w-results.out"

# The read-only attribute: nothing is written, and the message says why.
cp "$W/$AUDIT" "$W/skrivskyddad åäö.svarskoll"
"$WINE" cmd /c attrib +r "$WIN_WORK\\skrivskyddad åäö.svarskoll" >/dev/null 2>&1
before=$(sha256sum <"$W/skrivskyddad åäö.svarskoll")
winrun import "$WIN_WORK\\skrivskyddad åäö.svarskoll" "$WIN_WORK\\logg åäö.csv" >"$T/w-readonly.out" 2>&1
code=$?
cat "$T/w-readonly.out"
check "import into a file with the read-only attribute: exit 1, \"skrivskyddad\", file unchanged (exit $code)" \
  bash -c "[ $code -eq 1 ] && grep -q 'skrivskyddad' '$T/w-readonly.out' && [ '$before' = \"\$(sha256sum <'$W/skrivskyddad åäö.svarskoll')\" ]"

# The bundled example, from the zip's own folder, by a relative path with backslashes.
winrun results --json "${EXAMPLE_REL//\//\\}" >"$T/w-example.json" 2>"$T/w-example.err"
"$LINUX" results --json "$EXAMPLE_REL" >"$T/l-example.json" 2>/dev/null
check "results --json of the bundled example (relative path with \\): identical to Linux" \
  cmp -s "$T/w-example.json" "$T/l-example.json"

# A bad file: a question answered before it was asked.
BAD='(
    version: 1,
    accounts: [
        (name: "Ekbacken", platform: Facebook, probes: [
            (posted_at: Some("2019-03-12T10:00:00+01:00"), answered_at: Some("2019-03-11T10:00:00+01:00")),
        ]),
    ],
)'
printf '%s\n' "$BAD" >"$APP/BAD.svarskoll.ron"
printf '%s\n' "$BAD" >"$W/dålig fil åäö.svarskoll.ron"
winrun check "$WIN_WORK\\dålig fil åäö.svarskoll.ron" >"$T/w-check-bad.out" 2>&1
code=$?
check "check a bad file: exit 1 and the problem named (got exit $code)" \
  bash -c "[ $code -eq 1 ] && grep -q 'Ekbacken' '$T/w-check-bad.out' && grep -q 'besvarad' '$T/w-check-bad.out'"
cat "$T/w-check-bad.out"

step "The issue's acceptance through cmd"
# Literally: cmd /c "svarskoll.exe check BAD.svarskoll.ron & echo %ERRORLEVEL%"
(cd "$APP" && "$WINE" cmd /c 'svarskoll.exe check BAD.svarskoll.ron & echo %ERRORLEVEL%') >"$T/cmd.out" 2>&1
cat "$T/cmd.out"
check "cmd /c \"svarskoll.exe check BAD.svarskoll.ron & echo %ERRORLEVEL%\" prints the message and 1" \
  bash -c "grep -q 'besvarad' '$T/cmd.out' && tr -d '\r' <'$T/cmd.out' | tail -n 1 | grep -qx '1'"
# The same with delayed expansion, the form that gives the exit code on Windows too (there
# %ERRORLEVEL% in one line is expanded before the line runs).
(cd "$APP" && "$WINE" cmd /v:on /c 'svarskoll.exe check BAD.svarskoll.ron & echo !ERRORLEVEL!') >"$T/cmd-v.out" 2>&1
check "cmd /v:on /c \"… & echo !ERRORLEVEL!\" prints 1" bash -c "tr -d '\r' <'$T/cmd-v.out' | tail -n 1 | grep -qx '1'"
(cd "$APP" && "$WINE" cmd /c 'svarskoll.exe --version') >"$T/cmd-version.out" 2>&1
check "svarskoll.exe --version through cmd says $VERSION" grep -q "svarskoll $VERSION" "$T/cmd-version.out"

# --- The window -----------------------------------------------------------------------------------
step "The window: svarskollw.exe under wine on Xvfb"
# Wine started without a display for the command line; a wineserver still running would keep
# its display-less desktop, and the window would open nowhere. Let it exit first.
"$WINESERVER" -w
# A display of its own: Xvfb picks a free number (another session may hold :99), so these
# windows never land on someone else's screen, nor theirs in these screenshots.
rm -f "$T/xvfb.display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$T/xvfb.display" >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$T/xvfb.display" ] && break; sleep 0.2; done
if ! kill -0 "$XVFB_PID" 2>/dev/null || [ ! -s "$T/xvfb.display" ]; then
  echo "Xvfb did not start" >&2
fi
export DISPLAY=:$(head -n 1 "$T/xvfb.display" 2>/dev/null)
echo "  Xvfb on $DISPLAY"
window_shot() { # NAME, then svarskollw.exe's arguments
  local name=$1
  shift
  (cd "$APP" && exec "$WINE" "$APP/svarskollw.exe" "$@") >"$T/gui-$name.log" 2>&1 &
  local pid=$! waited=0
  until xdotool search --onlyvisible --name 'Svarskoll' >/dev/null 2>&1 || [ $waited -ge 60 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  sleep 15 # the first frames, the fonts and the audit
  import -window root "$T/screenshot-$name.png"
  local colours
  colours=$(identify -format '%k' "$T/screenshot-$name.png" 2>/dev/null || echo 0)
  local title
  title=$(xdotool search --onlyvisible --name 'Svarskoll' getwindowname 2>/dev/null | head -n 1)
  local alive=yes
  kill -0 "$pid" 2>/dev/null || alive=no
  echo "  $name: window \"$title\" after ${waited}s, $colours colours, still running: $alive; $T/screenshot-$name.png"
  kill "$pid" 2>/dev/null
  "$WINESERVER" -k 2>/dev/null
  wait "$pid" 2>/dev/null
  [ -n "$title" ] && [ "$alive" = yes ] && [ "$colours" -gt 50 ]
}
check "svarskollw.exe opens the start screen (screenshot not blank)" window_shot start
check "svarskollw.exe opens the example audit given as its argument (screenshot not blank)" \
  window_shot example "$WIN_APP\\${EXAMPLE_REL//\//\\}"

# The window holds the audit it opened: the command line is refused and names the holder (the
# lock file stays readable on Windows while it is held), then Ctrl+Q saves the settings in
# %APPDATA% and releases the lock.
lock_and_settings() {
  local appdata=$WINEPREFIX/drive_c/users/${USER:-$(id -un)}/AppData/Roaming/Svarskoll
  rm -rf "$appdata"
  (cd "$APP" && exec "$WINE" "$APP/svarskollw.exe" "$WIN_WORK\\$AUDIT") >"$T/gui-lock.log" 2>&1 &
  local pid=$! waited=0 window=""
  until [ -n "$window" ] || [ $waited -ge 60 ]; do
    sleep 1
    waited=$((waited + 1))
    window=$(xdotool search --onlyvisible --name 'skolor' 2>/dev/null | head -n 1)
  done
  sleep 10
  local lock="$W/.~lock.$AUDIT#"
  echo "  window $window after ${waited}s; lock file: $(tr '\n' '|' <"$lock" 2>/dev/null)"
  winrun import "$WIN_WORK\\$AUDIT" "$WIN_WORK\\logg åäö.csv" >"$T/w-locked.out" 2>&1
  local code=$?
  cat "$T/w-locked.out"
  local ok=yes
  if [ $code -ne 1 ] || ! grep -q 'öppen för ändring hos' "$T/w-locked.out" ||
    ! grep -q 'på datorn' "$T/w-locked.out"; then
    echo "  the command line was not refused with the holder named (exit $code)"
    ok=no
  fi
  if [ -n "$window" ]; then
    xdotool windowfocus --sync "$window" key ctrl+q 2>/dev/null
  fi
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "  Ctrl+Q did not close the window"
    ok=no
    kill "$pid" 2>/dev/null
  fi
  "$WINESERVER" -k 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -e "$lock" ]; then
    echo "  the lock file is still there after closing"
    ok=no
  fi
  local settings=$appdata/data/app.ron
  if grep -q 'skolor' "$settings" 2>/dev/null; then
    echo "  settings with the recent file in %APPDATA%\\Svarskoll\\data\\app.ron"
  else
    echo "  no settings naming the audit in $settings"
    ok=no
  fi
  [ "$ok" = yes ]
}
check "svarskollw.exe holds its audit: the CLI is refused naming user and computer; Ctrl+Q releases it and keeps the recent file in %APPDATA%" \
  lock_and_settings

kill "$XVFB_PID" 2>/dev/null
wait "$XVFB_PID" 2>/dev/null
unset DISPLAY

# --- The MSI ----------------------------------------------------------------------------------------
step "The MSI: tables, install, uninstall"
msi_table() { msiinfo export "$MSI" "$1" 2>/dev/null | tail -n +4; }
check "MSI: per-user (no elevation, no ALLUSERS)" bash -c "
  msiinfo suminfo '$MSI' | grep -q '^Security: 2' &&
  [ \$(( \$(msiinfo suminfo '$MSI' | sed -n 's/^Source: \([0-9]*\).*/\1/p') & 8 )) -ne 0 ] &&
  ! msiinfo export '$MSI' Property | grep -q '^ALLUSERS'"
check "MSI: Swedish (language 1053 in the product and the summary)" bash -c "
  msiinfo suminfo '$MSI' | grep -qx 'Template: x64;1053' &&
  msiinfo export '$MSI' Property | grep -qP '^ProductLanguage\t1053'"
check "MSI: installs into LocalAppData\\Programs\\Svarskoll" bash -c "msiinfo export '$MSI' Directory | grep -q 'UserPrograms.LocalAppDataFolder.Programs' && msiinfo export '$MSI' Directory | grep -q 'INSTALLDIR.UserPrograms.Svarskoll'"
check "MSI: Start menu shortcut to svarskollw.exe" bash -c "msi_table() { msiinfo export '$MSI' \$1 | tail -n +4; }; msi_table Shortcut | grep -q 'ProgramMenuFolder.Svarskoll.*svarskollw.exe'"
check "MSI: .svarskoll opens with \"svarskollw.exe\" \"%1\"" bash -c "
  r=\$(msiinfo export '$MSI' Registry)
  grep -qP 'Software\\\\Classes\\\\.svarskoll\t\tSvarskoll.Granskning' <<<\"\$r\" &&
  grep -qF '\"[INSTALLDIR]svarskollw.exe\" \"%1\"' <<<\"\$r\" &&
  grep -qF '\"[INSTALLDIR]svarskollw.exe\",0' <<<\"\$r\""
check "MSI: upgrade code and product icon (Add/Remove programs)" bash -c "msiinfo export '$MSI' Property | grep -q 'UpgradeCode.{479cf926' && msiinfo export '$MSI' Property | grep -q 'ARPPRODUCTICON'"
msi_table File | cut -f 3,4
INSTALLED=$WINEPREFIX/drive_c/users/${USER:-$(id -un)}/AppData/Local/Programs/Svarskoll
cp "$MSI" "$DRIVE/svarskoll.msi"
"$WINE" msiexec /i 'D:\svarskoll.msi' /qn >"$T/msi-install.log" 2>&1
check "msiexec /i installs svarskoll.exe, svarskollw.exe and the example" \
  test -f "$INSTALLED/svarskoll.exe" -a -f "$INSTALLED/svarskollw.exe" -a -f "$INSTALLED/$EXAMPLE_REL"
"$WINE" reg query 'HKCU\Software\Classes\Svarskoll.Granskning\shell\open\command' >"$T/msi-reg.out" 2>&1
check "msiexec /i registers the .svarskoll open command" grep -q 'svarskollw.exe" "%1"' "$T/msi-reg.out"
menu=$(find "$WINEPREFIX/drive_c/users" -path '*Start Menu/Programs/Svarskoll.lnk' 2>/dev/null | head -n 1)
check "msiexec /i puts Svarskoll on the Start menu" test -n "$menu"
"$WINE" msiexec /x 'D:\svarskoll.msi' /qn >"$T/msi-uninstall.log" 2>&1
check "msiexec /x removes the programs" test ! -e "$INSTALLED/svarskollw.exe"
"$WINE" reg query 'HKCU\Software\Classes\.svarskoll' >/dev/null 2>&1
check "msiexec /x removes the file type" test $? -ne 0
"$WINESERVER" -k 2>/dev/null

# --- Summary ---------------------------------------------------------------------------------------
printf '\n== Summary: %d passed, %d failed\n' "${#passed[@]}" "${#failed[@]}"
for f in "${failed[@]}"; do printf 'FAIL  %s\n' "$f"; done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAIL"
  exit 1
fi
echo "PASS"
