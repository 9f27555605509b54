#!/usr/bin/env bash
# Run every cargo-fuzz target for a fixed time (default 300 s each) and report executions and
# crashes. cargo-fuzz needs nightly features: on stable, RUSTC_BOOTSTRAP=1 allows them.
#   cargo install cargo-fuzz
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Crash inputs land in fuzz/artifacts/TARGET/; copy each into tests/fixtures/hostile/ (audit or
# CSV) or a unit test as a regression test. CI does not run this.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-300}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(audit_load template_load csv_import report)
fi
export RUSTC_BOOTSTRAP=1
# The sanitizer runtime is not on every machine; the fuzzers find panics without it.
sanitizer="${FUZZ_SANITIZER:-none}"
# -O: release without debug assertions (the same flags for build and run, so one build serves).
cargo fuzz build -O --sanitizer "$sanitizer"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  # Seeds: the example audit, the templates and the example log.
  case "$t" in
    audit_load) cp ../assets/examples/*.svarskoll.ron ../tests/fixtures/audit-v*.svarskoll.ron "corpus/$t/" ;;
    template_load) cp ../audit-templates/*.ron "corpus/$t/" ;;
    csv_import) cp ../assets/examples/*.csv ../tests/fixtures/*.csv "corpus/$t/" ;;
    report) printf 'Exempelstad\001Titel\001Inledning' > "corpus/$t/seed" ;;
  esac
  log="fuzz-$t.log"
  status=0
  cargo fuzz run -O --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 >"$log" 2>&1 || status=$?
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  crashes=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  echo "$t: ${runs:-?} executions in ${seconds} s, exit $status, crash inputs in artifacts/$t: $crashes"
done
