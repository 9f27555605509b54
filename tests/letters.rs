//! The feedback letters (återkoppling): which units get one, what each says (read back from the
//! PDF), that each is tagged PDF/UA and PDF/A like the report, and that the same audit gives the
//! same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers

mod common;

use chrono::{Duration, Utc};
use common::documents::{example, fonts, options, unrelated_now};
use common::pdf_ua::{check_pdf_a, check_pdf_ua_with, pdf_text};
use std::collections::BTreeSet;
use svarskoll::core::localtime::format_deadline;
use svarskoll::core::numbers::count_words;
use svarskoll::core::{Audit, GroupKey, Lang, Outcome, Results};
use svarskoll::report::letters::{Letter, letter_documents, unit_name};
use svarskoll::report::render_letters;

fn results(audit: &Audit) -> Results {
    Results::compute(audit, svarskoll::core::rules::as_of(audit, unrelated_now()))
}

/// The units the results say need a letter: an audited account late or unanswered (or, with
/// `all`, any audited account).
fn expected_units(audit: &Audit, all: bool) -> BTreeSet<GroupKey> {
    let results = results(audit);
    results
        .accounts
        .iter()
        .filter(|a| all || matches!(a.outcome, Outcome::Late | Outcome::Unanswered))
        .map(|a| GroupKey::unit(&audit.accounts[a.index].unit))
        .collect()
}

fn letters(audit: &Audit, lang: Lang, all: bool) -> Vec<Letter> {
    render_letters(audit, &options(audit, lang, unrelated_now()), fonts(), all).unwrap()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The example with every question of `unit`'s accounts answered an hour after it was posted.
fn with_unit_in_time(mut audit: Audit, unit: &str) -> Audit {
    for account in audit.accounts.iter_mut().filter(|a| a.unit.trim() == unit) {
        for probe in &mut account.probes {
            probe.answered_at = probe.posted_at.map(|p| p + Duration::hours(1));
        }
    }
    audit
}

#[test]
fn the_example_gets_a_letter_per_unit_with_an_account_not_answered_in_time() {
    let audit = example();
    let results = results(&audit);
    let expected = expected_units(&audit, false);
    assert!(!expected.is_empty());
    let letters = letters(&audit, Lang::Sv, false);
    let got: BTreeSet<GroupKey> = letters.iter().map(|l| GroupKey::unit(&l.unit)).collect();
    assert_eq!(got, expected);
    assert_eq!(letters.len(), expected.len(), "one letter per unit");

    let audited_in = |key: &GroupKey| -> Vec<usize> {
        results
            .accounts
            .iter()
            .map(|a| a.index)
            .filter(|&i| GroupKey::unit(&audit.accounts[i].unit) == *key)
            .collect()
    };
    let mut names = BTreeSet::new();
    for letter in &letters {
        assert!(names.insert(letter.file_name.clone()), "unique file names");
        assert!(
            letter.file_name.starts_with("aterkoppling-") && letter.file_name.ends_with(".pdf"),
            "{}",
            letter.file_name
        );
        let key = GroupKey::unit(&letter.unit);
        let (doc, tree) = check_pdf_ua_with(&letter.pdf, 40);
        check_pdf_a(&doc);
        let roles: Vec<&str> = tree.iter().map(|e| e.role.as_str()).collect();
        for role in ["H1", "H2", "Table", "TH", "TD", "P", "L", "LI"] {
            assert!(roles.contains(&role), "{role} in {}", letter.unit);
        }
        let text = pdf_text(&letter.pdf);
        assert!(text.contains("Återkoppling: granskning av sociala medier"));
        assert!(text.contains(&format!("Till {}", letter.unit)), "{text}");
        // The unit's accounts, each question's deadline, and its result from the results.
        let own = audited_in(&key);
        for &i in &own {
            let account = &audit.accounts[i];
            assert!(text.contains(&account.name), "{} in {text}", account.name);
        }
        for p in results
            .probes
            .iter()
            .filter(|p| own.contains(&p.account_index))
        {
            let deadline = format_deadline(p.evaluation.deadline.as_ref().unwrap());
            assert!(text.contains(&deadline), "{deadline} in {}", letter.unit);
        }
        let counts = results
            .by_unit
            .iter()
            .find(|g| g.key == key)
            .unwrap()
            .counts;
        let (k, n) = (counts.in_time, counts.decided());
        let sentence = if k == 0 {
            format!("Inget av de {} granskade kontona", count_words(n, Lang::Sv))
        } else {
            format!(
                "{} av {} granskade konton besvarade frågan inom svarsfristen",
                capitalised(&count_words(k, Lang::Sv)),
                count_words(n, Lang::Sv)
            )
        };
        assert!(text.contains(&sentence), "{sentence} in {text}");
        // The rule as the report states it, and the audit's actions.
        assert!(text.contains("Svarsfristen är 24 timmar"));
        assert!(text.contains("förvaltningslagen"));
        for action in &audit.actions {
            assert!(text.contains(action.title.trim()), "{}", action.title);
        }
        assert!(text.contains(audit.meta.auditors[0].trim()));
        // No other unit's accounts.
        let own_names: Vec<&str> = own
            .iter()
            .map(|&i| audit.accounts[i].name.as_str())
            .collect();
        for a in &results.accounts {
            let other = &audit.accounts[a.index];
            if GroupKey::unit(&other.unit) != key
                && !own_names.iter().any(|o| o.contains(other.name.as_str()))
            {
                assert!(
                    !text.contains(&other.name),
                    "{} in the letter to {}",
                    other.name,
                    letter.unit
                );
            }
        }
    }
}

#[test]
fn all_units_gives_a_letter_to_every_audited_unit() {
    let example = example();
    let first = results(&example)
        .by_unit
        .iter()
        .find_map(|g| match &g.key {
            GroupKey::Unit(name) if g.counts.audited > 0 => Some(name.clone()),
            _ => None,
        })
        .unwrap();
    let audit = with_unit_in_time(example, &first);
    let late = letters(&audit, Lang::Sv, false);
    assert!(
        !late.iter().any(|l| l.unit == first),
        "{first} answered in time"
    );
    assert_eq!(late.len(), expected_units(&audit, false).len());
    let all = letters(&audit, Lang::Sv, true);
    let every = expected_units(&audit, true);
    assert_eq!(all.len(), every.len());
    assert_eq!(all.len(), late.len() + 1);
    let letter = all.iter().find(|l| l.unit == first).unwrap();
    let text = pdf_text(&letter.pdf);
    assert!(
        text.contains("besvarade frågan inom svarsfristen"),
        "{text}"
    );
    assert!(text.contains("Era konton besvarade frågan inom svarsfristen."));
}

#[test]
fn accounts_without_a_unit_get_their_own_letter() {
    let mut audit = example();
    let results = results(&audit);
    let late = results
        .accounts
        .iter()
        .find(|a| a.outcome == Outcome::Late)
        .unwrap()
        .index;
    let name = audit.accounts[late].name.clone();
    audit.accounts[late].unit = "  ".into();
    for lang in [Lang::Sv, Lang::En] {
        let letters = letters(&audit, lang, false);
        let letter = letters
            .iter()
            .find(|l| l.unit == unit_name(&GroupKey::NoUnit, lang))
            .unwrap();
        let file = match lang {
            Lang::Sv => "aterkoppling-utan-verksamhet.pdf",
            Lang::En => "aterkoppling-no-unit.pdf",
        };
        assert_eq!(letter.file_name, file);
        let text = pdf_text(&letter.pdf);
        assert!(text.contains(&name), "{text}");
    }
}

#[test]
fn the_same_audit_gives_the_same_letters_whatever_the_clock() {
    let audit = example();
    let a = letters(&audit, Lang::Sv, true);
    let b = render_letters(
        &audit,
        &options(&audit, Lang::Sv, Utc::now()),
        fonts(),
        true,
    )
    .unwrap();
    assert_eq!(a, b, "the clock reached the letters");
    // Different letters are different files.
    let ids: BTreeSet<Vec<u8>> = a.iter().map(|l| l.pdf.clone()).collect();
    assert_eq!(ids.len(), a.len());
}

#[test]
fn the_letters_speak_english_too() {
    let audit = example();
    let letters = letters(&audit, Lang::En, false);
    assert_eq!(letters.len(), expected_units(&audit, false).len());
    let text = pdf_text(&letters[0].pdf);
    for needle in [
        "Feedback: audit of social media",
        "What was audited",
        "The rule and why it matters",
        "The deadline is 24 hours",
        "within the deadline",
        "What needs to be done",
        "Contact",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    assert!(!text.contains("Svarsfristen"));
    let (doc, _) = check_pdf_ua_with(&letters[0].pdf, 40);
    let lang = common::pdf_ua::text(doc.catalog().unwrap().get(b"Lang").unwrap());
    assert_eq!(lang, "en-GB");
}

#[test]
fn a_letter_is_short_and_its_document_has_one_table() {
    let audit = example();
    let documents = letter_documents(&audit, &options(&audit, Lang::Sv, unrelated_now()), true);
    assert!(!documents.is_empty());
    for (key, document) in &documents {
        let tables = document
            .blocks
            .iter()
            .filter(|b| matches!(b, svarskoll::report::model::Block::Table(_)))
            .count();
        assert_eq!(tables, 1, "{key:?}");
        let laid_out = svarskoll::report::layout::layout(fonts(), document);
        // The letterhead heads the first page and the letter starts under it: at most two
        // pages for the example's units.
        assert!(
            laid_out.pages.len() <= 2,
            "{key:?}: {}",
            laid_out.pages.len()
        );
        let first: String = laid_out.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                svarskoll::report::layout::Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(first.contains(&document.cover.title), "{key:?}");
        assert!(
            first.contains("Hej!"),
            "{key:?}: the letter starts on page 1"
        );
    }
}

#[test]
fn while_the_audit_runs_a_letter_says_which_outcomes_are_not_settled() {
    let audit = example();
    // A week into the audit: some questions not posted yet, some still within the deadline.
    let as_of = svarskoll::core::localtime::parse_time("2019-03-14 12:00")
        .unwrap()
        .instant
        .to_utc();
    let mut options = options(&audit, Lang::Sv, unrelated_now());
    options.as_of = as_of;
    let results = Results::compute(&audit, as_of);
    let letters = render_letters(&audit, &options, fonts(), true).unwrap();
    let audited = results
        .by_unit
        .iter()
        .filter(|g| g.counts.audited > 0)
        .count();
    assert_eq!(letters.len(), audited);
    let mut waiting_seen = false;
    for letter in &letters {
        let (doc, _) = check_pdf_ua_with(&letter.pdf, 40);
        check_pdf_a(&doc);
        let counts = results
            .by_unit
            .iter()
            .find(|g| g.key == GroupKey::unit(&letter.unit))
            .unwrap()
            .counts;
        let text = pdf_text(&letter.pdf);
        let waiting = counts.pending + counts.not_posted;
        if waiting > 0 {
            waiting_seen = true;
            assert!(text.contains("ännu inte klart"), "{text}");
            assert!(!text.contains("Era konton besvarade frågan inom svarsfristen."));
        }
        if counts.decided() > 0 && waiting > 0 {
            assert!(
                text.contains("konton där utfallet är klart")
                    || text.contains("Det konto där utfallet är klart"),
                "{text}"
            );
        }
    }
    assert!(waiting_seen);
}
