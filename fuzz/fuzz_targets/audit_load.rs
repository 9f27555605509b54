//! Any bytes as an audit file: an audit or an error naming the file, never a panic; a loaded
//! audit computes its results and checks without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.svarskoll.ron");
    match svarskoll::store::audit_file::parse_audit_bytes(path, data) {
        Ok(audit) => {
            let now = chrono::DateTime::from_timestamp(1_600_000_000, 0).unwrap_or_default();
            let _ = svarskoll::core::check::check(&audit, now);
            let _ = svarskoll::core::Results::compute(&audit, now);
            let _ = svarskoll::store::audit_file::to_ron(path, &audit);
        }
        Err(e) => assert!(
            svarskoll::i18n::file_error_text(&e, svarskoll::core::Lang::En)
                .starts_with("fuzz.svarskoll.ron")
        ),
    }
});
