//! Any bytes as a CSV file: accounts or problems with a line, never a panic; what imports also
//! merges, exports and re-imports.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match svarskoll::store::csv_import::parse_csv_bytes(data) {
        Ok(log) => {
            let mut audit = svarskoll::core::Audit::default();
            svarskoll::core::rules::merge_accounts(&mut audit, log.accounts);
            let now = chrono::DateTime::from_timestamp(1_600_000_000, 0).unwrap_or_default();
            let results = svarskoll::core::Results::compute(&audit, now);
            if let Ok(bytes) = svarskoll::store::export::to_csv(&audit, &results) {
                let _ = svarskoll::store::csv_import::parse_csv_bytes(&bytes);
            }
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
