//! Bad input never panics: arbitrary bytes into the CSV importer and arbitrary text into the
//! audit-file parser give an error or a value, nothing else.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use std::path::Path;
use svarskoll::store::audit_file::parse_audit;
use svarskoll::store::csv_import::parse_csv_bytes;

const EXAMPLE: &str = include_str!("../assets/examples/grundskola-2019.svarskoll");
const LOG: &str = include_str!("../assets/examples/grundskola-2019-logg.csv");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn csv_import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_csv_bytes(&bytes);
    }

    #[test]
    fn csv_with_a_corrupted_cell_never_panics(cut in 0usize..LOG.len(), junk in "[;,\"\\n0-9:a-zåäö -]{0,12}") {
        let cut = (0..=cut).rev().find(|i| LOG.is_char_boundary(*i)).unwrap_or(0);
        let text = format!("{}{junk}{}", &LOG[..cut], &LOG[cut..]);
        if let Err(problems) = parse_csv_bytes(text.as_bytes()) {
            prop_assert!(!problems.is_empty());
            prop_assert!(problems.iter().all(|p| p.line >= 1));
        }
    }

    #[test]
    fn audit_parser_never_panics_on_truncated_or_corrupted_files(cut in 0usize..EXAMPLE.len(), junk in "[(),:\"a-z0-9 ]{0,8}") {
        let cut = (0..=cut).rev().find(|i| EXAMPLE.is_char_boundary(*i)).unwrap_or(0);
        let text = format!("{}{junk}{}", &EXAMPLE[..cut], &EXAMPLE[cut..]);
        if let Err(e) = parse_audit(Path::new("x.svarskoll.ron"), &text) {
            for lang in [svarskoll::core::Lang::Sv, svarskoll::core::Lang::En] {
                prop_assert!(svarskoll::i18n::file_error_text(&e, lang).starts_with("x.svarskoll.ron:"));
            }
        }
    }
}
