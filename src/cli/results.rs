//! `svarskoll results AUDIT [--json] [--as-of "YYYY-MM-DD HH:MM"]`

use super::UserError;
use crate::core::Lang;
use crate::core::localtime::format_local;
use crate::core::numbers::{decimal, percent};
use crate::core::results::{Counts, GroupResult, Results};
use crate::core::review::ItemCounts;
use crate::i18n::{Label, group_name};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ResultsArgs {
    /// The audit file.
    audit: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Compute the results as they stood at this local time (default: the audit's closing time,
    /// else now).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD HH:MM")]
    as_of: Option<String>,
}

pub fn run(args: &ResultsArgs, lang: Lang) -> Result<ExitCode, UserError> {
    let audit = super::load_checked(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit, lang)?;
    let results = Results::compute(&audit, as_of);
    if args.json {
        // `{:#}` is serde_json's pretty printing, which cannot fail for a `Value`.
        println!("{:#}", to_json(&results));
    } else {
        print!("{}", super::escape_controls(&table(&audit, &results, lang)));
    }
    Ok(ExitCode::SUCCESS)
}

fn counts_json(c: &Counts) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("accounts_listed".into(), json!(c.listed));
    m.insert("accounts_excluded".into(), json!(c.excluded));
    m.insert("accounts_audited".into(), json!(c.audited));
    m.insert("answered_in_time".into(), json!(c.in_time));
    m.insert("answered_late".into(), json!(c.late));
    m.insert("unanswered".into(), json!(c.unanswered));
    m.insert("pending".into(), json!(c.pending));
    m.insert("in_time_share".into(), json!(c.in_time_share()));
    m.insert(
        "in_time_ci95".into(),
        json!(c.in_time_ci95().map(|(lo, hi)| [lo, hi])),
    );
    m.insert("signed".into(), json!(c.signed));
    m
}

fn group_json(g: &GroupResult) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("name".into(), json!(group_name(&g.key, Lang::Sv)));
    m.extend(counts_json(&g.counts));
    Value::Object(m)
}

/// One checklist item's counts: `{ "id", "text", "reviewed", "passed" }` (`text` as the
/// checklist has it; the keys are never translated).
fn review_json(id: &str, text: Option<&str>, c: ItemCounts) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("id".into(), json!(id));
    if let Some(text) = text {
        m.insert("text".into(), json!(text));
    }
    m.insert("reviewed".into(), json!(c.reviewed));
    m.insert("passed".into(), json!(c.passed));
    Value::Object(m)
}

/// The `--json` object of PRODUCT §7, exactly those keys, and `review`: the account review,
/// one object per checklist item (`id`, `text`, `reviewed`, `passed`; empty without a
/// checklist). Each `by_unit` object has its own `review` too, without `text`.
#[must_use]
pub fn to_json(r: &Results) -> Value {
    let mut m = counts_json(&r.overall);
    m.insert(
        "by_platform".into(),
        r.by_platform.iter().map(group_json).collect(),
    );
    let units = r
        .by_unit
        .iter()
        .map(|g| {
            let mut unit = group_json(g);
            let review: Vec<Value> = r
                .review
                .by_unit
                .iter()
                .find(|u| u.key == g.key)
                .map(|u| {
                    r.review
                        .items
                        .iter()
                        .zip(&u.items)
                        .map(|(item, c)| review_json(&item.id, None, *c))
                        .collect()
                })
                .unwrap_or_else(|| {
                    // A unit without audited accounts: nothing reviewed.
                    r.review
                        .items
                        .iter()
                        .map(|item| review_json(&item.id, None, ItemCounts::default()))
                        .collect()
                });
            if let Value::Object(o) = &mut unit {
                o.insert("review".into(), Value::Array(review));
            }
            unit
        })
        .collect();
    m.insert("by_unit".into(), units);
    m.insert(
        "review".into(),
        r.review
            .items
            .iter()
            .map(|i| review_json(&i.id, Some(&i.text), i.counts))
            .collect(),
    );
    let probes = r
        .probes
        .iter()
        .map(|p| {
            json!({
                "account": p.account,
                "platform": p.platform.label(crate::core::Lang::Sv),
                "posted_at": p.posted_at.map(|t| t.to_rfc3339()),
                "deadline": p.evaluation.deadline.map(|t| t.fixed_offset().to_rfc3339()),
                "answered_at": p.answered_at.map(|t| t.to_rfc3339()),
                "outcome": p.evaluation.outcome.key(),
                "response_hours": p.evaluation.response_hours,
                "response_working_hours": p.evaluation.response_working_hours,
                "signed": p.signed,
            })
        })
        .collect();
    m.insert("probes".into(), probes);
    // The earlier audits, oldest first (the trend without this audit).
    let earlier = r
        .trend
        .iter()
        .filter(|p| !p.current)
        .map(|p| {
            json!({
                "label": p.label,
                "year": p.year,
                "accounts_audited": p.audited,
                "answered_in_time": p.in_time,
            })
        })
        .collect();
    m.insert("earlier".into(), earlier);
    Value::Object(m)
}

fn share_text(c: &Counts, lang: Lang) -> String {
    match (c.in_time_share(), c.in_time_ci95()) {
        (Some(s), Some(ci)) => format!(
            "{} ({})",
            percent(s, 0, lang),
            crate::core::numbers::interval(ci, 1, lang)
        ),
        _ => "–".to_owned(),
    }
}

/// The readable table, in `lang` (numbers too: decimal comma or point).
fn table(audit: &crate::core::Audit, r: &Results, lang: Lang) -> String {
    use crate::i18n::cli as w;
    let t = |text: crate::i18n::Text| text.get(lang);
    let c = &r.overall;
    let mut out = String::new();
    let title = if audit.meta.title.is_empty() {
        &audit.texts.audit_title
    } else {
        &audit.meta.title
    };
    let _ = writeln!(out, "{title} – {}", audit.meta.organisation);
    let _ = writeln!(out, "{} {}\n", t(w::RESULTS_AS_OF), format_local(&r.as_of));
    let excluded: Vec<String> = r
        .excluded_by_reason
        .iter()
        .map(|(reason, n)| format!("{n} {}", reason.label(lang)))
        .collect();
    // Labels padded to one column: as wide as the language's longest label.
    let label_width = [
        w::LISTED,
        w::EXCLUDED,
        w::NOT_SELECTED,
        w::AUDITED,
        w::IN_TIME,
        w::LATE,
        w::UNANSWERED,
        w::PENDING,
        w::NOT_POSTED,
        w::SIGNED,
    ]
    .iter()
    .map(|l| t(*l).chars().count())
    .max()
    .unwrap_or(0);
    let line = |out: &mut String, label: &str, value: usize, rest: &str| {
        let _ = writeln!(out, "{label:<label_width$}{value:>6}{rest}");
    };
    line(&mut out, t(w::LISTED), c.listed, "");
    let excluded = if excluded.is_empty() {
        String::new()
    } else {
        format!("  ({})", excluded.join(", "))
    };
    line(&mut out, t(w::EXCLUDED), c.excluded, &excluded);
    if c.not_selected() > 0 {
        line(&mut out, t(w::NOT_SELECTED), c.not_selected(), "");
    }
    line(&mut out, t(w::AUDITED), c.audited, "");
    line(
        &mut out,
        t(w::IN_TIME),
        c.in_time,
        &format!("  {}", share_text(c, lang)),
    );
    line(&mut out, t(w::LATE), c.late, "");
    line(&mut out, t(w::UNANSWERED), c.unanswered, "");
    line(&mut out, t(w::PENDING), c.pending, "");
    if c.not_posted > 0 {
        line(&mut out, t(w::NOT_POSTED), c.not_posted, "");
    }
    let of_answered = w::fill(t(w::OF_ANSWERED), &[("n", &c.answered.to_string())]);
    line(
        &mut out,
        t(w::SIGNED),
        c.signed,
        &format!("  {of_answered}"),
    );
    if let Some(q) = r.response_hours {
        let text = w::fill(
            t(w::RESPONSE_HOURS),
            &[
                ("m", &decimal(q.median, 1, lang)),
                ("a", &decimal(q.q1, 1, lang)),
                ("b", &decimal(q.q3, 1, lang)),
                ("n", &q.n.to_string()),
            ],
        );
        let _ = writeln!(out, "{text}");
    }
    if let Some(q) = r.response_working_hours {
        let text = w::fill(
            t(w::RESPONSE_WORKING_HOURS),
            &[("m", &decimal(q.median, 1, lang))],
        );
        let _ = writeln!(out, "{text}");
    }
    for (heading, groups) in [(t(w::PLATFORM), &r.by_platform), (t(w::UNIT), &r.by_unit)] {
        let width = groups
            .iter()
            .map(|g| group_name(&g.key, lang).chars().count())
            .max()
            .unwrap_or(0)
            .max(heading.chars().count());
        let _ = writeln!(out, "\n{heading:<width$}  {}", t(w::GROUP_COLUMNS));
        for g in groups {
            let g_c = &g.counts;
            let _ = writeln!(
                out,
                "{:<width$}  {:>7}  {:>5}  {:>9}  {:>5}  {:>4}  {:>6}  {:>6}  {}",
                group_name(&g.key, lang),
                g_c.listed,
                g_c.excluded,
                g_c.audited,
                g_c.in_time,
                g_c.late,
                g_c.unanswered,
                g_c.pending,
                share_text(g_c, lang)
            );
        }
    }
    if !r.review.items.is_empty() {
        let review = &r.review;
        let _ = writeln!(
            out,
            "\n{}",
            w::fill(t(w::REVIEW), &[("n", &review.accounts.to_string())])
        );
        let width = review
            .items
            .iter()
            .map(|i| i.text.chars().count())
            .max()
            .unwrap_or(0);
        for item in &review.items {
            let c = item.counts;
            let share = c
                .share()
                .map_or_else(|| "–".to_owned(), |s| percent(s, 0, lang));
            let _ = writeln!(
                out,
                "{:<width$}  {:>5} / {:<5} {share}",
                item.text, c.passed, c.reviewed
            );
        }
    }
    if let Some(cmp) = &r.comparison {
        let dash = || "–".to_owned();
        let text = w::fill(
            t(w::COMPARISON),
            &[
                ("label", &cmp.label),
                ("k", &cmp.earlier_in_time.to_string()),
                ("n", &cmp.earlier_audited.to_string()),
                (
                    "share",
                    &cmp.earlier_share.map_or_else(dash, |s| percent(s, 0, lang)),
                ),
                (
                    "d",
                    &cmp.difference_points
                        .map_or_else(dash, |d| decimal(d, 1, lang)),
                ),
                ("p", &cmp.p_value.map_or_else(dash, |p| decimal(p, 3, lang))),
                (
                    "sig",
                    t(if cmp.significant {
                        w::SIGNIFICANT
                    } else {
                        w::NOT_SIGNIFICANT
                    }),
                ),
            ],
        );
        let _ = writeln!(out, "\n{text}");
    }
    if r.trend.iter().any(|p| !p.current) {
        let _ = writeln!(out, "\n{}", t(w::TREND));
        for p in &r.trend {
            let name = match (p.current, p.label.trim()) {
                (true, "") => t(w::THIS_AUDIT).to_owned(),
                (true, label) => format!("{label} ({})", t(w::THIS_AUDIT)),
                (false, label) => label.to_owned(),
            };
            let share = match (p.share, p.ci95) {
                (Some(s), Some(ci)) => format!(
                    "{} ({})",
                    percent(s, 0, lang),
                    crate::core::numbers::interval(ci, 1, lang)
                ),
                _ => "–".to_owned(),
            };
            let _ = writeln!(
                out,
                "  {name:<24}  {:>9}  {:>5}  {share}",
                p.audited, p.in_time
            );
        }
    }
    out
}
