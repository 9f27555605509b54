//! Build script: on Windows targets, compiles the icon, the version information and the
//! application manifest into `svarskoll.exe` and `svarskollw.exe` with MinGW's `windres`.
//! On every other target it does nothing (a Linux build needs no Windows tools).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The two executables: name, description shown by Explorer and Task Manager.
const BINARIES: [(&str, &str); 2] = [
    ("svarskoll", "Svarskoll (kommandorad)"),
    ("svarskollw", "Svarskoll"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if let Err(message) = windows_resources() {
        eprintln!("svarskoll build.rs: {message}");
        std::process::exit(1);
    }
}

fn windows_resources() -> Result<(), String> {
    let var = |name: &str| env::var(name).map_err(|e| format!("{name}: {e}"));
    let manifest_dir = PathBuf::from(var("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(var("OUT_DIR")?);
    let icon = manifest_dir.join("assets/icons/svarskoll.ico");
    let manifest = manifest_dir.join("packaging/windows/svarskoll.manifest");
    for input in [&icon, &manifest] {
        println!("cargo:rerun-if-changed={}", input.display());
    }
    println!("cargo:rerun-if-env-changed=WINDRES");
    if env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu") {
        println!("cargo:warning=Windows resources are only compiled for the -gnu targets");
        return Ok(());
    }
    let windres = env::var("WINDRES").unwrap_or_else(|_| {
        format!(
            "{}-w64-mingw32-windres",
            env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default()
        )
    });
    let version = Version::from_env()?;
    for (bin, description) in BINARIES {
        let rc = out_dir.join(format!("{bin}.rc"));
        let object = out_dir.join(format!("{bin}-resources.o"));
        let text = resource_script(bin, description, &version, &icon, &manifest);
        std::fs::write(&rc, text).map_err(|e| format!("{}: {e}", rc.display()))?;
        let status = Command::new(&windres)
            .args([
                "--codepage=65001",
                "--input-format=rc",
                "--output-format=coff",
                "-i",
            ])
            .arg(&rc)
            .arg("-o")
            .arg(&object)
            .status()
            .map_err(|e| {
                format!(
                    "could not run {windres} ({e}); install binutils-mingw-w64-x86-64 and \
                     gcc-mingw-w64-x86-64, or set WINDRES"
                )
            })?;
        if !status.success() {
            return Err(format!("{windres} failed on {} ({status})", rc.display()));
        }
        // An object file on the link line is always linked in, so its .rsrc section lands
        // in the executable.
        println!("cargo:rustc-link-arg-bin={bin}={}", object.display());
    }
    Ok(())
}

/// The package's version as Windows wants it: four numbers.
struct Version {
    text: String,
    numbers: [u16; 4],
}

impl Version {
    fn from_env() -> Result<Version, String> {
        let number = |name: &str| -> Result<u16, String> {
            let value = env::var(name).map_err(|e| format!("{name}: {e}"))?;
            value.parse().map_err(|e| format!("{name} = {value}: {e}"))
        };
        Ok(Version {
            text: env::var("CARGO_PKG_VERSION").map_err(|e| format!("CARGO_PKG_VERSION: {e}"))?,
            numbers: [
                number("CARGO_PKG_VERSION_MAJOR")?,
                number("CARGO_PKG_VERSION_MINOR")?,
                number("CARGO_PKG_VERSION_PATCH")?,
                0,
            ],
        })
    }
}

/// A path as a string in a resource script: forward slashes, quotes escaped.
fn rc_path(path: &Path) -> String {
    path.display()
        .to_string()
        .replace('\\', "/")
        .replace('"', "\"\"")
}

/// The resource script: the icon (first, so Explorer shows it), the manifest (resource 1 of
/// type 24, which Windows reads when it starts the process) and VERSIONINFO (Swedish, UTF-16).
fn resource_script(
    bin: &str,
    description: &str,
    version: &Version,
    icon: &Path,
    manifest: &Path,
) -> String {
    let [a, b, c, d] = version.numbers;
    let text = &version.text;
    let icon = rc_path(icon);
    let manifest = rc_path(manifest);
    format!(
        r#"#pragma code_page(65001)
1 ICON "{icon}"
1 24 "{manifest}"
1 VERSIONINFO
FILEVERSION {a},{b},{c},{d}
PRODUCTVERSION {a},{b},{c},{d}
FILEFLAGSMASK 0x3f
FILEFLAGS 0x0
FILEOS 0x40004
FILETYPE 0x1
FILESUBTYPE 0x0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "041D04B0"
    BEGIN
      VALUE "CompanyName", "Svarskoll"
      VALUE "FileDescription", "{description}"
      VALUE "FileVersion", "{text}"
      VALUE "InternalName", "{bin}"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
      VALUE "OriginalFilename", "{bin}.exe"
      VALUE "ProductName", "Svarskoll"
      VALUE "ProductVersion", "{text}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x041D, 1200
  END
END
"#
    )
}
