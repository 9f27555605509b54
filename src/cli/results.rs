//! `svarskoll results AUDIT [--json] [--as-of "YYYY-MM-DD HH:MM"]`

use super::UserError;
use crate::core::Lang;
use crate::core::localtime::format_local;
use crate::core::numbers::{decimal, percent};
use crate::core::results::{Counts, GroupResult, Results};
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

pub fn run(args: &ResultsArgs) -> Result<ExitCode, UserError> {
    let audit = super::load_checked(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit)?;
    let results = Results::compute(&audit, as_of);
    if args.json {
        // `{:#}` is serde_json's pretty printing, which cannot fail for a `Value`.
        println!("{:#}", to_json(&results));
    } else {
        print!("{}", super::escape_controls(&table(&audit, &results)));
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

/// The `--json` object of PRODUCT §7, exactly those keys.
#[must_use]
pub fn to_json(r: &Results) -> Value {
    let mut m = counts_json(&r.overall);
    m.insert(
        "by_platform".into(),
        r.by_platform.iter().map(group_json).collect(),
    );
    m.insert("by_unit".into(), r.by_unit.iter().map(group_json).collect());
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
    Value::Object(m)
}

fn share_text(c: &Counts) -> String {
    match (c.in_time_share(), c.in_time_ci95()) {
        (Some(s), Some((lo, hi))) => format!(
            "{} ({}–{})",
            percent(s, 0, Lang::Sv),
            decimal(lo * 100.0, 1, Lang::Sv),
            percent(hi, 1, Lang::Sv)
        ),
        _ => "–".to_owned(),
    }
}

/// The readable table.
fn table(audit: &crate::core::Audit, r: &Results) -> String {
    let c = &r.overall;
    let mut out = String::new();
    let title = if audit.meta.title.is_empty() {
        &audit.texts.audit_title
    } else {
        &audit.meta.title
    };
    let _ = writeln!(out, "{title} – {}", audit.meta.organisation);
    let _ = writeln!(out, "Resultat per {}\n", format_local(&r.as_of));
    let excluded: Vec<String> = r
        .excluded_by_reason
        .iter()
        .map(|(reason, n)| format!("{n} {}", reason.label(crate::core::Lang::Sv)))
        .collect();
    let _ = writeln!(out, "Konton i registret   {:>6}", c.listed);
    let _ = writeln!(
        out,
        "Exkluderade          {:>6}{}",
        c.excluded,
        if excluded.is_empty() {
            String::new()
        } else {
            format!("  ({})", excluded.join(", "))
        }
    );
    let not_selected = c.not_selected();
    if not_selected > 0 {
        let _ = writeln!(out, "Ej valda i urvalet   {not_selected:>6}");
    }
    let _ = writeln!(out, "Granskade            {:>6}", c.audited);
    let _ = writeln!(
        out,
        "Besvarade i tid      {:>6}  {}",
        c.in_time,
        share_text(c)
    );
    let _ = writeln!(out, "Besvarade sent       {:>6}", c.late);
    let _ = writeln!(out, "Obesvarade           {:>6}", c.unanswered);
    let _ = writeln!(out, "Väntar på svar       {:>6}", c.pending);
    if c.not_posted > 0 {
        let _ = writeln!(out, "Fråga ej ställd      {:>6}", c.not_posted);
    }
    let _ = writeln!(
        out,
        "Signerade med förnamn{:>6}  av {} besvarade",
        c.signed, c.answered
    );
    if let Some(q) = r.response_hours {
        let _ = writeln!(
            out,
            "Svarstid (timmar)    median {}, kvartiler {}–{} (n = {})",
            decimal(q.median, 1, Lang::Sv),
            decimal(q.q1, 1, Lang::Sv),
            decimal(q.q3, 1, Lang::Sv),
            q.n
        );
    }
    if let Some(q) = r.response_working_hours {
        let _ = writeln!(
            out,
            "Svarstid (arbetstimmar) median {}",
            decimal(q.median, 1, Lang::Sv)
        );
    }
    for (heading, groups) in [("Plattform", &r.by_platform), ("Verksamhet", &r.by_unit)] {
        let width = groups
            .iter()
            .map(|g| group_name(&g.key, Lang::Sv).chars().count())
            .max()
            .unwrap_or(0)
            .max(heading.len());
        let _ = writeln!(
            out,
            "\n{heading:<width$}  Listade  Exkl.  Granskade  I tid  Sent  Obesv.  Väntar  Andel i tid (95 % KI)"
        );
        for g in groups {
            let g_c = &g.counts;
            let _ = writeln!(
                out,
                "{:<width$}  {:>7}  {:>5}  {:>9}  {:>5}  {:>4}  {:>6}  {:>6}  {}",
                group_name(&g.key, Lang::Sv),
                g_c.listed,
                g_c.excluded,
                g_c.audited,
                g_c.in_time,
                g_c.late,
                g_c.unanswered,
                g_c.pending,
                share_text(g_c)
            );
        }
    }
    if let Some(cmp) = &r.comparison {
        let _ = writeln!(
            out,
            "\nJämförelse med {}: {} av {} i tid ({}), skillnad {} procentenheter, p = {} ({})",
            cmp.label,
            cmp.earlier_in_time,
            cmp.earlier_audited,
            cmp.earlier_share
                .map_or("–".into(), |s| percent(s, 0, Lang::Sv)),
            cmp.difference_points
                .map_or("–".into(), |d| decimal(d, 1, Lang::Sv)),
            cmp.p_value.map_or("–".into(), |p| decimal(p, 3, Lang::Sv)),
            if cmp.significant {
                "statistiskt säkerställd"
            } else {
                "inte statistiskt säkerställd"
            }
        );
    }
    out
}
