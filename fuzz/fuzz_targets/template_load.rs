//! Any text as a template file: a template or an error naming the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz-mall.ron");
    match svarskoll::store::templates::parse_template(path, text) {
        Ok(template) => {
            let now = chrono::DateTime::from_timestamp(1_600_000_000, 0).unwrap_or_default();
            let audit = template.new_audit("fuzz", now);
            let _ = svarskoll::core::Results::compute(&audit, now);
        }
        Err(e) => assert!(
            svarskoll::i18n::file_error_text(&e, svarskoll::core::Lang::En)
                .starts_with("fuzz-mall.ron")
        ),
    }
});
