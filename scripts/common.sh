# Shared by the build and test scripts (sourced, not run); they run from the repository's root.

# The version in Cargo.toml.
svarskoll_version() { sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1; }

# The bundled example audit's path, relative to the program's folder (`EXAMPLE_AUDIT`).
example_audit() { sed -n 's/^pub const EXAMPLE_AUDIT: &str = "\(.*\)";$/\1/p' src/gui/os.rs; }

# ensure_packages SCRIPT PACKAGE...: install the Debian packages that are missing when run as
# root; else name them and exit 1.
ensure_packages() {
  local script=$1 package
  shift
  local missing=()
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    printf '\n== Installing %s\n' "${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "$script needs: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}
