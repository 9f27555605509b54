//! The report from arbitrary texts: the example audit with its texts, names and notes replaced
//! by pieces of the fuzz input, rendered to PDF. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use svarskoll::report::{Fonts, ReportOptions, render_pdf};

const EXAMPLE: &str = include_str!("../../assets/examples/grundskola-2019.svarskoll");

fn base() -> &'static (svarskoll::core::Audit, Fonts) {
    static BASE: OnceLock<(svarskoll::core::Audit, Fonts)> = OnceLock::new();
    BASE.get_or_init(|| {
        let audit =
            svarskoll::store::audit_file::parse_audit(Path::new("x"), EXAMPLE).unwrap_or_default();
        let fonts = Fonts::load().unwrap_or_else(|e| panic!("fonts: {e}"));
        (audit, fonts)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut pieces = text.split('\u{1}').map(str::to_owned);
    let (audit, fonts) = base();
    let mut audit = audit.clone();
    let mut next = |field: &mut String| {
        if let Some(p) = pieces.next() {
            *field = p;
        }
    };
    next(&mut audit.meta.organisation);
    next(&mut audit.meta.title);
    next(&mut audit.texts.introduction);
    next(&mut audit.texts.analysis);
    next(&mut audit.texts.conclusion);
    next(&mut audit.risk.description);
    for account in audit.accounts.iter_mut().take(4) {
        next(&mut account.name);
        next(&mut account.unit);
        for probe in account.probes.iter_mut().take(1) {
            next(&mut probe.note);
        }
    }
    let created =
        chrono::DateTime::parse_from_rfc3339("2019-04-01T10:00:00+02:00").unwrap_or_default();
    let options = ReportOptions {
        lang: svarskoll::core::Lang::Sv,
        as_of: created.to_utc(),
        today: created.date_naive(),
        created,
        evidence: None,
    };
    let _ = render_pdf(&audit, &options, fonts);
});
