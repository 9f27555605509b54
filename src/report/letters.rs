//! The feedback letters (återkoppling, PRODUCT §8b): one short letter to each unit that has an
//! audited account not answered in time (to every audited unit on request), with the unit's
//! accounts, questions, times, deadlines and outcomes, the rule and why it matters, what to fix
//! (the audit's actions) and whom to contact.
//!
//! A letter is a [`Document`] like the report, and goes through the same [`layout`] and
//! [`writer`]: tagging, PDF/A and reproducible bytes come with it. Every number comes from
//! `Results::compute`; the deadline rule, who carried out the audit, the late answers and the
//! signatures are worded by [`prose`] as the report words them.

use super::content::{free_text, natural_order};
use super::model::{
    Align, Block, Column, Cover, DocInfo, Document, Heading, HeadingKind, LayoutWords, Paragraph,
    Span, Table,
};
use super::{Fonts, ReportError, ReportOptions, layout, prose, writer};
use crate::core::localtime::format_deadline;
use crate::core::results::{Counts, ProbeResult, Results};
use crate::core::{Audit, GroupKey, Lang, Outcome, Stamp};
use crate::i18n::letters as words;
use crate::i18n::report as report_words;
use crate::i18n::{Label, Text};
use std::borrow::Cow;

/// One rendered letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    /// The unit's name as the letter gives it ("Utan verksamhet" for accounts naming none).
    pub unit: String,
    /// `aterkoppling-<unit>.pdf`: safe on Windows and Linux, unique among the letters.
    pub file_name: String,
    pub pdf: Vec<u8>,
}

/// The units that get a letter, in the order people read them ("Enhet 2" before "Enhet 10"):
/// those with an audited account answered late or not at all, or with `all_units` every unit
/// with an audited account.
#[must_use]
pub fn letter_units(results: &Results, all_units: bool, lang: Lang) -> Vec<GroupKey> {
    let mut units: Vec<&GroupKey> = results
        .by_unit
        .iter()
        .filter(|g| {
            let c = &g.counts;
            c.audited > 0 && (all_units || c.late + c.unanswered > 0)
        })
        .map(|g| &g.key)
        .collect();
    units.sort_by(|a, b| natural_order(&unit_name(a, lang), &unit_name(b, lang)));
    units.into_iter().cloned().collect()
}

/// A unit's name in a letter: as written, or "Utan verksamhet" / "No unit".
#[must_use]
pub fn unit_name(key: &GroupKey, lang: Lang) -> Cow<'_, str> {
    match key {
        GroupKey::Unit(name) => Cow::Borrowed(name),
        GroupKey::NoUnit | GroupKey::Platform(_) => Cow::Borrowed(words::NO_UNIT.get(lang)),
    }
}

/// The letters' documents, one per unit of [`letter_units`], before layout.
#[must_use]
pub fn letter_documents(
    audit: &Audit,
    options: &ReportOptions,
    all_units: bool,
) -> Vec<(GroupKey, Document)> {
    let results = Results::compute(audit, options.as_of);
    letter_units(&results, all_units, options.lang)
        .into_iter()
        .map(|key| {
            let document = letter(audit, &results, options, &key);
            (key, document)
        })
        .collect()
}

/// Render the letters as PDF bytes with their file names. The caller writes them (with
/// `store::audit_file::write_export`, into a folder made by `create_export_folder`).
///
/// # Errors
/// When a PDF cannot be serialised.
pub fn render_letters(
    audit: &Audit,
    options: &ReportOptions,
    fonts: &Fonts,
    all_units: bool,
) -> Result<Vec<Letter>, ReportError> {
    let documents = letter_documents(audit, options, all_units);
    let names: Vec<String> = documents
        .iter()
        .map(|(key, _)| unit_name(key, options.lang).into_owned())
        .collect();
    let files = file_names(&names);
    let faces = writer::ParsedFaces::parse();
    documents
        .into_iter()
        .zip(names)
        .zip(files)
        .map(|(((_, document), unit), file_name)| {
            let laid_out = layout::layout(fonts, &document);
            let pdf =
                writer::write(&laid_out, &document.info, &faces).map_err(ReportError::Render)?;
            Ok(Letter {
                unit,
                file_name,
                pdf,
            })
        })
        .collect()
}

fn section(text: &str) -> Block {
    Block::Heading(Heading {
        kind: HeadingKind::Section,
        number: None,
        text: text.trim().to_owned(),
        in_toc: false,
        outline_level: 2,
    })
}

fn paragraph(sentences: &[String]) -> Block {
    Block::Paragraph(Paragraph::plain(sentences.join(" ")))
}

fn trimmed(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// One unit's letter.
fn letter(audit: &Audit, results: &Results, options: &ReportOptions, key: &GroupKey) -> Document {
    let lang = options.lang;
    let meta = &audit.meta;
    let prose = prose::prose(lang);
    let unit = unit_name(key, lang).into_owned();
    let named = match key {
        GroupKey::Unit(name) => Some(name.as_str()),
        _ => None,
    };
    let counts = results
        .by_unit
        .iter()
        .find(|g| g.key == *key)
        .map(|g| g.counts)
        .unwrap_or_default();
    let accounts: Vec<usize> = results
        .accounts
        .iter()
        .filter(|a| {
            audit
                .accounts
                .get(a.index)
                .is_some_and(|account| GroupKey::unit(&account.unit) == *key)
        })
        .map(|a| a.index)
        .collect();
    let several = accounts.iter().any(|&i| {
        audit
            .accounts
            .get(i)
            .is_some_and(|account| account.probes.len() > 1)
    });
    let auditors = trimmed(&meta.auditors);
    let administration = meta.administration.trim();
    let overall = &results.overall;
    let finished = overall.pending + overall.not_posted == 0;

    let mut blocks = vec![paragraph(&[words::GREETING.get(lang).to_owned()])];
    blocks.push(paragraph(&[
        words::ABOUT_THE_LETTER.get(lang).to_owned(),
        words::concerns(named, lang),
    ]));

    // What was audited, and when.
    blocks.push(section(words::WHAT_WAS_AUDITED.get(lang)));
    let mut what = vec![words::audited_by(administration, lang)];
    let period = meta.period.trim();
    if !period.is_empty() || !auditors.is_empty() {
        what.push(prose.carried_out_sentence(period, &auditors, finished));
    }
    what.push(words::HOW.get(lang).to_owned());
    blocks.push(paragraph(&what));

    // The rule, as the report states it, and why it matters.
    blocks.push(section(words::THE_RULE.get(lang)));
    let rule = &audit.criteria.deadline;
    let mut sentences = vec![prose.deadline_rule_sentence(rule)];
    if let Some(max_days) = rule.max_days {
        sentences.push(prose.max_days_sentence(max_days));
    }
    if audit.criteria.signature_required {
        sentences.push(words::SIGNATURE_RULE.get(lang).to_owned());
    }
    blocks.push(paragraph(&sentences));
    let mut why = vec![words::WHY.get(lang).to_owned()];
    if audit.criteria.signature_required {
        why.push(words::WHY_SIGNATURE.get(lang).to_owned());
    }
    blocks.push(paragraph(&why));

    // The unit's result, its accounts, and the whole audit for comparison.
    blocks.push(section(words::YOUR_RESULT.get(lang)));
    let mut result = result_sentences(audit, &counts, several, lang);
    // The whole audit for comparison, once its figures are final.
    if finished && overall.decided() > 0 {
        result.push(words::whole_audit(overall.in_time, overall.decided(), lang));
    }
    blocks.push(paragraph(&result));
    blocks.push(Block::Table(account_table(audit, results, &accounts, lang)));

    // What to fix: the unit's accounts, then the audit's actions.
    blocks.push(section(words::WHAT_TO_FIX.get(lang)));
    let fix = if counts.late + counts.unanswered > 0 {
        words::FIX_LATE
    } else if counts.pending + counts.not_posted == 0 {
        words::FIX_NONE_LATE
    } else {
        // Nothing missed yet, but not everything is settled.
        words::FIX_WATCH
    };
    blocks.push(Block::Paragraph(Paragraph::plain(fix.get(lang))));
    let actions: Vec<_> = audit
        .actions
        .iter()
        .filter(|a| !a.title.trim().is_empty() || !a.what_to_do.trim().is_empty())
        .collect();
    if !actions.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(
            words::ACTIONS_INTRO.get(lang),
        )));
        // One item each: the title in bold, then what is to be done (its paragraphs and
        // points run together; the report has them in full).
        let items = actions
            .iter()
            .map(|action| {
                let mut spans = Vec::new();
                let title = action.title.trim();
                if !title.is_empty() {
                    spans.push(Span::bold(format!("{title}. ")));
                }
                if !action.what_to_do.trim().is_empty() {
                    spans.push(Span::plain(block_text(&free_text(
                        &action.what_to_do,
                        lang,
                    ))));
                }
                Paragraph {
                    spans,
                    footnote: None,
                }
            })
            .collect();
        blocks.push(Block::Bullets(items));
    }

    // Contact.
    blocks.push(section(words::CONTACT.get(lang)));
    let mut who = auditors.clone();
    if !administration.is_empty() && !who.iter().any(|a| a == administration) {
        who.push(administration.to_owned());
    }
    blocks.push(paragraph(&[words::contact(&who, lang)]));
    let title = words::TITLE.get(lang);
    Document {
        info: DocInfo {
            title: format!("{title} – {unit}"),
            author: trimmed(&[administration.to_owned(), meta.organisation.clone()]).join(", "),
            subject: words::recipient(named, lang),
            keywords: vec![
                words::KEYWORD.get(lang).to_owned(),
                report_words::KEYWORD.get(lang).to_owned(),
                unit.clone(),
            ],
            lang: report_words::LANGUAGE_TAG.get(lang).to_owned(),
            created: options.created,
        },
        cover: Cover {
            organisation: meta.organisation.trim().to_owned(),
            title: title.to_owned(),
            subtitle: words::recipient(named, lang),
            committee: String::new(),
            facts: facts(audit, options, &unit, &auditors),
            letterhead: true,
        },
        header: (
            meta.organisation.trim().to_owned(),
            format!("{title} – {unit}"),
        ),
        words: LayoutWords {
            contents: report_words::CONTENTS.get(lang).to_owned(),
            continued: report_words::CONTINUED.get(lang).to_owned(),
        },
        blocks,
    }
}

/// The text of paragraphs and bullet points, run together.
fn block_text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => parts.push(p.text()),
            Block::Bullets(items) => parts.extend(items.iter().map(Paragraph::text)),
            _ => {}
        }
    }
    parts.join(" ")
}

/// The first page's facts: date, unit, administration, period, auditors, reference number.
fn facts(
    audit: &Audit,
    options: &ReportOptions,
    unit: &str,
    auditors: &[String],
) -> Vec<(String, String)> {
    let lang = options.lang;
    let meta = &audit.meta;
    let date = meta.report_date.unwrap_or(options.today);
    let mut facts = vec![
        (
            report_words::DATE.get(lang).to_owned(),
            date.format("%Y-%m-%d").to_string(),
        ),
        (report_words::UNIT.get(lang).to_owned(), unit.to_owned()),
    ];
    let mut fact = |label: Text, value: &str| {
        if !value.trim().is_empty() {
            facts.push((label.get(lang).to_owned(), value.trim().to_owned()));
        }
    };
    fact(report_words::ADMINISTRATION, &meta.administration);
    fact(report_words::PERIOD, &meta.period);
    let label = if auditors.len() == 1 {
        report_words::AUDITOR
    } else {
        report_words::AUDITORS
    };
    fact(label, &auditors.join(", "));
    fact(report_words::DIARY_NUMBER, &meta.diary_number);
    facts
}

/// The unit's result: in time, late and unanswered, signatures, accounts still waiting.
fn result_sentences(audit: &Audit, c: &Counts, several: bool, lang: Lang) -> Vec<String> {
    let prose = prose::prose(lang);
    let waiting = c.pending + c.not_posted;
    let mut sentences = Vec::new();
    if c.decided() > 0 {
        sentences.push(words::unit_result(
            c.in_time,
            c.decided(),
            several,
            waiting == 0,
            lang,
        ));
        sentences.extend(prose.late_sentence(c, several));
    }
    if waiting > 0 {
        sentences.push(words::unit_unfinished(waiting, lang));
    }
    if audit.criteria.signature_required {
        sentences.extend(prose.signature_sentence(c));
    }
    sentences
}

/// The unit's audited accounts × their questions.
fn account_table(audit: &Audit, results: &Results, accounts: &[usize], lang: Lang) -> Table {
    let dash = || "–".to_owned();
    let stamp = |t: Option<Stamp>| t.map_or_else(dash, |t| t.format("%Y-%m-%d %H:%M").to_string());
    let mut rows = Vec::new();
    for &index in accounts {
        let Some(account) = audit.accounts.get(index) else {
            continue;
        };
        let platform = account.platform.label(lang).to_owned();
        let probes: Vec<&ProbeResult> = results
            .probes
            .iter()
            .filter(|p| p.account_index == index)
            .collect();
        if probes.is_empty() {
            rows.push(vec![
                account.name.clone(),
                platform.clone(),
                dash(),
                dash(),
                dash(),
                dash(),
                Outcome::NotPosted.label(lang).to_owned(),
                dash(),
            ]);
        }
        for p in probes {
            let question = account
                .probes
                .get(p.probe_index)
                .map(|probe| probe.question.trim())
                .filter(|q| !q.is_empty())
                .map_or_else(dash, str::to_owned);
            let signed = match (p.answered_at, p.signed) {
                (None, _) | (_, None) => dash(),
                (Some(_), Some(true)) => report_words::YES.get(lang).to_owned(),
                (Some(_), Some(false)) => report_words::NO.get(lang).to_owned(),
            };
            rows.push(vec![
                account.name.clone(),
                platform.clone(),
                question,
                stamp(p.posted_at),
                stamp(p.answered_at),
                p.evaluation
                    .deadline
                    .as_ref()
                    .map_or_else(dash, format_deadline),
                p.evaluation.outcome.label(lang).to_owned(),
                signed,
            ]);
        }
    }
    let column = |title: Text, wraps: bool, short: Option<Text>| Column {
        title: title.get(lang).to_owned(),
        align: Align::Left,
        wraps,
        short_title: short.map(|s| s.get(lang).to_owned()),
    };
    Table {
        caption: Some(words::TABLE.get(lang).to_owned()),
        columns: vec![
            column(report_words::ACCOUNT, true, None),
            column(
                report_words::PLATFORM,
                false,
                Some(report_words::PLATFORM_SHORT),
            ),
            column(words::QUESTION, true, None),
            // Times may break between date and time, so that the question gets the width.
            column(report_words::POSTED, true, None),
            column(report_words::ANSWERED, true, None),
            column(words::DEADLINE, true, None),
            column(report_words::OUTCOME, false, None),
            column(
                report_words::SIGNED,
                false,
                Some(report_words::SIGNED_SHORT),
            ),
        ],
        rows,
        total: None,
        compact: true,
        stripe_by_first_column: true,
    }
}

/// The longest slug, so that a file name stays well inside every system's limit.
const SLUG_MAX: usize = 60;

/// Names Windows keeps for devices, whatever the extension.
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A Latin letter with its accents taken off ("é" → "e", "å" → "a", "ß" → "ss"), lowercase;
/// `None` for anything else.
fn plain_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'ş' | 'š' | 'ŝ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// A name as a file-name part safe on Windows and Linux: lowercase ASCII letters, digits and
/// single dashes (å ä ö → a a o, é → e; anything else becomes a dash), no dash first or last, at
/// most 60 characters, never a name Windows reserves for a device. Empty when nothing is left.
///
/// ```
/// use svarskoll::report::letters::slug;
/// assert_eq!(slug("Område Öster / Kulturskolan: Ås"), "omrade-oster-kulturskolan-as");
/// assert_eq!(slug("CON"), "con-1");
/// ```
#[must_use]
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            c => match plain_letter(c) {
                Some(plain) => out.push_str(plain),
                None if !out.ends_with('-') => out.push('-'),
                None => {}
            },
        }
    }
    let mut slug = cut(out.trim_matches('-'), SLUG_MAX);
    if WINDOWS_RESERVED.contains(&slug.as_str()) {
        slug.push_str("-1");
    }
    slug
}

/// `slug` cut to at most `max` characters (all ASCII), without a dash at its end.
fn cut(slug: &str, max: usize) -> String {
    slug.get(..max.min(slug.len()))
        .unwrap_or(slug)
        .trim_end_matches('-')
        .to_owned()
}

/// The letters' file names for units named `names`, in the same order: `aterkoppling-<slug>.pdf`,
/// made unique by `-2`, `-3` … where two names give the same slug.
#[must_use]
pub fn file_names(names: &[String]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let base = match slug(name) {
            s if s.is_empty() => "verksamhet".to_owned(),
            s => s,
        };
        let mut candidate = base.clone();
        let mut n = 1;
        while taken.contains(&candidate) {
            n += 1;
            let suffix = format!("-{n}");
            candidate = format!("{}{suffix}", cut(&base, SLUG_MAX - suffix.len()));
        }
        taken.push(candidate);
    }
    taken
        .into_iter()
        .map(|slug| format!("aterkoppling-{slug}.pdf"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_on_windows_and_linux() {
        assert_eq!(slug("Kulturskolan"), "kulturskolan");
        assert_eq!(slug("Område Väster"), "omrade-vaster");
        assert_eq!(slug("Åbyskolan, år 7–9"), "abyskolan-ar-7-9");
        assert_eq!(
            slug("Café Été / Bibliotek: Plan 2"),
            "cafe-ete-bibliotek-plan-2"
        );
        assert_eq!(slug("  --Grund<särskolan>?*|\"\\  "), "grund-sarskolan");
        assert_eq!(slug("Straße Œuvre Łódź"), "strasse-oeuvre-lodz");
        assert_eq!(slug("..."), "");
        assert_eq!(slug("Школа"), "");
        for reserved in ["CON", "prn", "Aux", "NUL", "com1", "LPT9"] {
            let s = slug(reserved);
            assert_ne!(s, reserved.to_lowercase());
            assert!(!WINDOWS_RESERVED.contains(&s.as_str()), "{s}");
        }
        let long = slug(&"Förvaltningens mycket långa verksamhetsnamn ".repeat(5));
        assert!(long.len() <= 60, "{long}");
        assert!(!long.ends_with('-'));
        assert!(long.starts_with("forvaltningens-mycket-langa-verksamhetsnamn-"));
        for s in [slug("A/B:C"), long] {
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s}"
            );
        }
    }

    #[test]
    fn file_names_are_unique() {
        let names: Vec<String> = [
            "Område Öster",
            "Omrade Oster",
            "område-öster",
            "???",
            "Школа",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        assert_eq!(
            file_names(&names),
            [
                "aterkoppling-omrade-oster.pdf",
                "aterkoppling-omrade-oster-2.pdf",
                "aterkoppling-omrade-oster-3.pdf",
                "aterkoppling-verksamhet.pdf",
                "aterkoppling-verksamhet-2.pdf",
            ]
        );
        let long = vec!["x".repeat(80), "x".repeat(70)];
        let files = file_names(&long);
        assert_eq!(files[1], format!("aterkoppling-{}-2.pdf", "x".repeat(58)));
    }
}
