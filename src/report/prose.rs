//! The sentences Svarskoll writes itself: the result paragraphs, in Swedish (as the Malmö
//! reports write them) or English. The fixed words (headings, table labels) are in
//! [`crate::i18n::report`].
//!
//! Every number comes from [`Results`]; this module only words them: counts up to twelve in
//! words, shares as "30 procent", decimal commas.

use super::model::{Paragraph, Span};
use crate::core::deadline::DeadlineMode;
use crate::core::localtime::format_local;
use crate::core::numbers;
use crate::core::results::{Comparison, Counts, Results};
use crate::core::{Audit, Criteria, ExclusionReason, Lang};
use crate::core::{GroupKey, Platform};
use crate::i18n::{Label, group_name};

/// A count as running text: words up to twelve ("två", "two"), digits above ("15", "2 000").
#[must_use]
pub fn count(n: usize, lang: Lang) -> String {
    numbers::count_words(n, lang)
}

/// A count in a table cell: digits, thousands separated ("1 360", "1,360").
#[must_use]
pub fn count_cell(n: usize, lang: Lang) -> String {
    numbers::thousands(n, lang)
}

/// A share as running text: "30 procent" / "30 per cent".
#[must_use]
pub fn share_words(share: f64, lang: Lang) -> String {
    let n = numbers::decimal(share * 100.0, 0, lang);
    match lang {
        Lang::Sv => format!("{n} procent"),
        Lang::En => format!("{n} per cent"),
    }
}

/// A share in a table cell: "30 %" (no-break space).
#[must_use]
pub fn share_cell(share: Option<f64>, lang: Lang) -> String {
    share.map_or_else(|| "–".to_owned(), |s| numbers::percent(s, 0, lang))
}

/// An interval in a table cell: "19,1–43,8 %".
#[must_use]
pub fn interval_cell(ci: Option<(f64, f64)>, lang: Lang) -> String {
    ci.map_or_else(|| "–".to_owned(), |ci| numbers::interval(ci, 1, lang))
}

/// A number with the language's decimal mark.
fn number(value: f64, decimals: usize, lang: Lang) -> String {
    numbers::decimal(value, decimals, lang)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "Facebook, Instagram och X (Twitter)".
#[must_use]
pub fn join_list(items: &[String], lang: Lang, or: bool) -> String {
    let conj = match (lang, or) {
        (Lang::Sv, false) => " och ",
        (Lang::Sv, true) => " eller ",
        (Lang::En, false) => " and ",
        (Lang::En, true) => " or ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{conj}{last}", init.join(", ")),
    }
}

/// The platform name as it appears in running text ("other platforms" in English).
fn platform_name(key: &GroupKey, lang: Lang) -> String {
    match (key, lang) {
        (GroupKey::Platform(Platform::Other), Lang::En) => "other platforms".to_owned(),
        _ => group_name(key, lang).into_owned(),
    }
}

/// The deadline as the text states it: "inom 24 timmar" or "inom 24 timmar räknat på
/// arbetsdagar".
#[must_use]
pub fn deadline_phrase(criteria: &Criteria, lang: Lang) -> String {
    let hours = criteria.deadline.hours;
    match (criteria.deadline.mode, lang) {
        (DeadlineMode::NextWorkingDay, Lang::Sv) => format!("inom {hours} timmar"),
        (DeadlineMode::WorkingHours, Lang::Sv) => {
            format!("inom {hours} timmar räknat på arbetsdagar")
        }
        (DeadlineMode::NextWorkingDay, Lang::En) => format!("within {hours} hours"),
        (DeadlineMode::WorkingHours, Lang::En) => {
            format!("within {hours} hours counted on working days")
        }
    }
}

/// The footnote on excluded accounts, built from `Results::excluded_by_reason`.
#[must_use]
pub fn excluded_footnote(results: &Results, lang: Lang) -> Option<String> {
    let total = results.overall.excluded;
    if total == 0 {
        return None;
    }
    let one = total == 1;
    let single_reason = results.excluded_by_reason.len() == 1;
    let reasons: Vec<String> = results
        .excluded_by_reason
        .iter()
        .map(|(reason, n)| {
            let label = match (lang, one) {
                (Lang::Sv, true) => singular_sv(*reason).to_owned(),
                (Lang::Sv, false) => reason.label(crate::core::Lang::Sv).to_owned(),
                (Lang::En, _) => reason.label(crate::core::Lang::En).to_owned(),
            };
            if single_reason {
                label
            } else {
                format!("{label} ({})", numbers::thousands(*n, lang))
            }
        })
        .collect();
    Some(match lang {
        Lang::Sv => {
            let (head, pronoun) = if one {
                ("Ytterligare ett konto finns i registret.".to_owned(), "Det")
            } else {
                (
                    format!(
                        "Ytterligare {} konton finns i registret.",
                        count(total, lang)
                    ),
                    "De",
                )
            };
            let either = if reasons.len() == 2 { "antingen " } else { "" };
            format!(
                "{head} {pronoun} exkluderades vid granskningen då {} {either}är {}.",
                pronoun.to_lowercase(),
                join_list(&reasons, lang, true)
            )
        }
        Lang::En => {
            let head = if one {
                "One more account is listed in the register. It was excluded from the audit because it is".to_owned()
            } else {
                format!(
                    "A further {} accounts are listed in the register. They were excluded from the audit because they are",
                    count(total, lang)
                )
            };
            let either = if reasons.len() == 2 { " either" } else { "" };
            format!("{head}{either} {}.", join_list(&reasons, lang, true))
        }
    })
}

fn singular_sv(reason: ExclusionReason) -> &'static str {
    match reason {
        ExclusionReason::Closed => "avslutat",
        ExclusionReason::NotPublic => "stängt för allmänheten",
        ExclusionReason::PlatformOutOfScope => "på en plattform utanför granskningen",
    }
}

/// Whether some audited account got more than one question.
fn several_questions(audit: &Audit) -> bool {
    audit
        .accounts
        .iter()
        .filter(|a| audit.is_audited(a))
        .any(|a| a.probes.len() > 1)
}

/// The result paragraphs that precede the tables: scope, in-time share with its uncertainty,
/// late and unanswered, signatures, response time, the comparison with an earlier audit.
#[must_use]
pub fn result_paragraphs(audit: &Audit, results: &Results, lang: Lang) -> Vec<Paragraph> {
    let c = &results.overall;
    if c.audited == 0 {
        return vec![no_audit_paragraph(audit, results, lang)];
    }
    let mut out = Vec::new();
    out.push(scope_paragraph(audit, results, lang));
    let unfinished = c.pending + c.not_posted > 0;
    if unfinished {
        out.push(unfinished_paragraph(results, lang));
    }
    if c.decided() == 0 {
        return out;
    }
    out.push(in_time_paragraph(audit, results, lang));
    if let Some(p) = response_time_paragraph(audit, results, lang) {
        out.push(p);
    }
    if let Some(p) = platform_paragraph(results, lang) {
        out.push(p);
    }
    out
}

fn scope_paragraph(audit: &Audit, results: &Results, lang: Lang) -> Paragraph {
    let c = &results.overall;
    let platforms: Vec<String> = results
        .by_platform
        .iter()
        .filter(|g| g.counts.audited > 0)
        .map(|g| platform_name(&g.key, lang))
        .collect();
    let platforms = join_list(&platforms, lang, false);
    let mut text = match (lang, c.audited) {
        (Lang::Sv, 1) => format!("Granskningen omfattade ett konto, på {platforms}."),
        (Lang::Sv, n) => format!(
            "Granskningen omfattade {} konton på {platforms}.",
            count(n, lang)
        ),
        (Lang::En, 1) => format!("The audit covered one account, on {platforms}."),
        (Lang::En, n) => format!(
            "The audit covered {} accounts on {platforms}.",
            count(n, lang)
        ),
    };
    // Active accounts in scope that were not drawn into the sample.
    if c.not_selected() > 0 {
        let eligible = c.eligible();
        let how = match (audit.sample.mode, lang) {
            (crate::core::SampleMode::Random, Lang::Sv) => "genom ett slumpmässigt urval",
            (_, Lang::Sv) => "för hand",
            (crate::core::SampleMode::Random, Lang::En) => "by random sampling",
            (_, Lang::En) => "by hand",
        };
        text.push_str(&match lang {
            Lang::Sv => format!(
                " Kontona valdes ut {how} bland registrets {} aktiva konton.",
                count(eligible, lang)
            ),
            Lang::En => format!(
                " The accounts were chosen {how} from the register's {} active accounts.",
                count(eligible, lang)
            ),
        });
    }
    Paragraph {
        spans: vec![Span::plain(text)],
        footnote: excluded_footnote(results, lang),
    }
}

fn unfinished_paragraph(results: &Results, lang: Lang) -> Paragraph {
    let c = &results.overall;
    let when = format_local(&results.as_of);
    let mut parts = Vec::new();
    if c.pending > 0 {
        parts.push(match (lang, c.pending) {
            (Lang::Sv, 1) => {
                "har ett konto ännu inte svarat men har tid kvar inom svarsfristen".to_owned()
            }
            (Lang::Sv, n) => format!(
                "har {} konton ännu inte svarat men har tid kvar inom svarsfristen",
                count(n, lang)
            ),
            (Lang::En, 1) => "one account has not answered yet but still has time left".to_owned(),
            (Lang::En, n) => format!(
                "{} accounts have not answered yet but still have time left",
                count(n, lang)
            ),
        });
    }
    if c.not_posted > 0 {
        let first = parts.is_empty();
        parts.push(match (lang, c.not_posted) {
            (Lang::Sv, 1) if first => "har frågan ännu inte ställts till ett konto".to_owned(),
            (Lang::Sv, n) if first => format!(
                "har frågan ännu inte ställts till {} konton",
                count(n, lang)
            ),
            (Lang::Sv, 1) => "till ett konto har frågan ännu inte ställts".to_owned(),
            (Lang::Sv, n) => format!(
                "till {} konton har frågan ännu inte ställts",
                count(n, lang)
            ),
            (Lang::En, 1) => "one account has not been asked yet".to_owned(),
            (Lang::En, n) => format!("{} accounts have not been asked yet", count(n, lang)),
        });
    }
    let text = match lang {
        Lang::Sv => {
            let tail = if c.decided() == 0 {
                "Några resultat kan därför ännu inte redovisas.".to_owned()
            } else {
                format!(
                    "Resultaten nedan gäller de {} konton där utfallet är klart och kan ändras när granskningen är avslutad.",
                    count(c.decided(), lang)
                )
            };
            format!(
                "Granskningen är inte avslutad. Per {when} {}. {tail}",
                parts.join(", och ")
            )
        }
        Lang::En => {
            let tail = if c.decided() == 0 {
                "No results can be reported yet.".to_owned()
            } else {
                format!(
                    "The results below concern the {} accounts whose outcome is settled and may change when the audit is finished.",
                    count(c.decided(), lang)
                )
            };
            format!(
                "The audit is not finished. As of {when}, {}. {tail}",
                parts.join(", and ")
            )
        }
    };
    Paragraph {
        spans: vec![Span::bold(text)],
        footnote: None,
    }
}

fn in_time_paragraph(audit: &Audit, results: &Results, lang: Lang) -> Paragraph {
    let c = &results.overall;
    let deadline = deadline_phrase(&audit.criteria, lang);
    let several = several_questions(audit);
    let finished = c.pending + c.not_posted == 0;
    let mut sentences = Vec::new();
    sentences.push(in_time_sentence(c, &deadline, several, finished, lang));
    if let Some(s) = late_sentence(c, several, lang) {
        sentences.push(s);
    }
    if let Some((lo, hi)) = c.in_time_ci95() {
        sentences.push(match lang {
            Lang::Sv => format!(
                "Eftersom resultatet bygger på ett begränsat antal konton är andelen osäker: med 95 procents säkerhet ligger den verkliga andelen mellan {} och {} procent.",
                number(lo * 100.0, 0, lang),
                number(hi * 100.0, 0, lang)
            ),
            Lang::En => format!(
                "Because the result rests on a limited number of accounts the share is uncertain: with 95 per cent confidence the true share lies between {} and {} per cent.",
                number(lo * 100.0, 0, lang),
                number(hi * 100.0, 0, lang)
            ),
        });
    }
    if let Some(max_days) = audit.criteria.deadline.max_days {
        sentences.push(match lang {
            Lang::Sv => format!(
                "Svar som kom senare än {} dagar efter att frågan ställdes räknas som uteblivna.",
                count(max_days as usize, lang)
            ),
            Lang::En => format!(
                "Answers given more than {} days after the question was posted count as not given.",
                count(max_days as usize, lang)
            ),
        });
    }
    if audit.criteria.signature_required
        && let Some(s) = signature_sentence(c, lang)
    {
        sentences.push(s);
    }
    Paragraph {
        spans: vec![Span::plain(sentences.join(" "))],
        footnote: None,
    }
}

fn in_time_sentence(
    c: &Counts,
    deadline: &str,
    several: bool,
    finished: bool,
    lang: Lang,
) -> String {
    let decided = c.decided();
    let share = c
        .in_time_share()
        .map(|s| share_words(s, lang))
        .unwrap_or_default();
    match lang {
        Lang::Sv => {
            let question = if several { "frågorna" } else { "frågan" };
            let base = if finished {
                "de granskade kontona".to_owned()
            } else {
                format!("de {} konton där utfallet är klart", count(decided, lang))
            };
            if c.in_time == 0 {
                format!("Inget av {base} besvarade {question} {deadline}.")
            } else if c.in_time == decided && finished {
                format!("Samtliga granskade konton besvarade {question} {deadline}.")
            } else if c.in_time == decided {
                format!(
                    "Samtliga {} konton där utfallet är klart besvarade {question} {deadline}.",
                    count(decided, lang)
                )
            } else {
                capitalise(&format!(
                    "{} av {base} besvarade {question} {deadline}, vilket motsvarar {share}.",
                    count(c.in_time, lang)
                ))
            }
        }
        Lang::En => {
            let question = if several {
                "the questions"
            } else {
                "the question"
            };
            let base = if finished {
                "the audited accounts".to_owned()
            } else {
                format!(
                    "the {} accounts whose outcome is settled",
                    count(decided, lang)
                )
            };
            if c.in_time == 0 {
                format!("None of {base} answered {question} {deadline}.")
            } else if c.in_time == decided {
                format!("All of {base} answered {question} {deadline}.")
            } else {
                capitalise(&format!(
                    "{} of {base} answered {question} {deadline}, which is {share}.",
                    count(c.in_time, lang)
                ))
            }
        }
    }
}

fn late_sentence(c: &Counts, several: bool, lang: Lang) -> Option<String> {
    let (late, unanswered) = (c.late, c.unanswered);
    if late + unanswered == 0 {
        return None;
    }
    Some(match lang {
        Lang::Sv => {
            let object = if several { "dem" } else { "den" };
            let late_part = match late {
                0 => None,
                1 => Some("ett konto svarade senare än så".to_owned()),
                n => Some(format!("{} konton svarade senare än så", count(n, lang))),
            };
            let unanswered_part = match unanswered {
                0 => None,
                1 => Some(format!("ett konto besvarade {object} inte alls")),
                n => Some(format!("{} besvarade {object} inte alls", count(n, lang))),
            };
            let unanswered_part = match (&late_part, unanswered_part) {
                (None, Some(_)) if unanswered > 1 => Some(format!(
                    "{} konton besvarade {object} inte alls",
                    count(unanswered, lang)
                )),
                (_, u) => u,
            };
            let parts: Vec<String> = late_part.into_iter().chain(unanswered_part).collect();
            capitalise(&format!("{}.", join_list(&parts, lang, false)))
        }
        Lang::En => {
            let late_part = match late {
                0 => None,
                1 => Some("one account answered later than that".to_owned()),
                n => Some(format!(
                    "{} accounts answered later than that",
                    count(n, lang)
                )),
            };
            let unanswered_part = match unanswered {
                0 => None,
                1 => Some("one account did not answer at all".to_owned()),
                n => Some(format!("{} did not answer at all", count(n, lang))),
            };
            let parts: Vec<String> = late_part.into_iter().chain(unanswered_part).collect();
            capitalise(&format!("{}.", join_list(&parts, lang, false)))
        }
    })
}

fn signature_sentence(c: &Counts, lang: Lang) -> Option<String> {
    if c.answered == 0 {
        return None;
    }
    let (signed, answered) = (c.signed, c.answered);
    Some(match lang {
        Lang::Sv => {
            if signed == 0 {
                "Inget av kontona signerade svaret med förnamn.".to_owned()
            } else if signed == answered {
                "Samtliga konton som svarade signerade svaret med förnamn.".to_owned()
            } else if signed * 2 < answered {
                format!(
                    "Endast {} av kontona signerade svaret med förnamn.",
                    count(signed, lang)
                )
            } else {
                capitalise(&format!(
                    "{} av de {} konton som svarade signerade svaret med förnamn.",
                    count(signed, lang),
                    count(answered, lang)
                ))
            }
        }
        Lang::En => {
            if signed == 0 {
                "None of the accounts signed the answer with a first name.".to_owned()
            } else if signed == answered {
                "All accounts that answered signed the answer with a first name.".to_owned()
            } else if signed * 2 < answered {
                format!(
                    "Only {} of the accounts signed the answer with a first name.",
                    count(signed, lang)
                )
            } else {
                capitalise(&format!(
                    "{} of the {} accounts that answered signed the answer with a first name.",
                    count(signed, lang),
                    count(answered, lang)
                ))
            }
        }
    })
}

fn response_time_paragraph(audit: &Audit, results: &Results, lang: Lang) -> Option<Paragraph> {
    let q = results.response_hours?;
    let mut text = match lang {
        Lang::Sv => format!(
            "Svarstiden, räknad från att frågan ställdes, var i median {} timmar: hälften av svaren kom snabbare än så. En fjärdedel av svaren kom inom {} timmar och tre fjärdedelar inom {} timmar.",
            number(q.median, 1, lang),
            number(q.q1, 1, lang),
            number(q.q3, 1, lang)
        ),
        Lang::En => format!(
            "The median response time, counted from when the question was posted, was {} hours: half of the answers came faster than that. A quarter of the answers came within {} hours and three quarters within {} hours.",
            number(q.median, 1, lang),
            number(q.q1, 1, lang),
            number(q.q3, 1, lang)
        ),
    };
    if audit.criteria.deadline.mode == DeadlineMode::WorkingHours
        && let Some(w) = results.response_working_hours
    {
        text.push_str(&match lang {
            Lang::Sv => format!(
                " Räknat enbart på arbetsdagar var mediansvarstiden {} timmar.",
                number(w.median, 1, lang)
            ),
            Lang::En => format!(
                " Counted on working days only, the median was {} hours.",
                number(w.median, 1, lang)
            ),
        });
    }
    Some(Paragraph::plain(text))
}

fn platform_paragraph(results: &Results, lang: Lang) -> Option<Paragraph> {
    let groups: Vec<(&GroupKey, f64)> = results
        .by_platform
        .iter()
        .filter_map(|g| g.counts.in_time_share().map(|s| (&g.key, s)))
        .collect();
    if groups.len() < 2 {
        return None;
    }
    let best = groups.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let worst = groups.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1))?;
    let text = if (best.1 - worst.1).abs() < 1e-9 {
        match lang {
            Lang::Sv => format!(
                "Andelen svar i tid var densamma på alla plattformar, {}.",
                share_words(best.1, lang)
            ),
            Lang::En => format!(
                "The share answered in time was the same on every platform, {}.",
                share_words(best.1, lang)
            ),
        }
    } else {
        match lang {
            Lang::Sv => format!(
                "Av de granskade plattformarna svarade kontona på {} oftast i tid ({}) och kontona på {} mest sällan ({}).",
                platform_name(best.0, lang),
                share_words(best.1, lang),
                platform_name(worst.0, lang),
                share_words(worst.1, lang)
            ),
            Lang::En => format!(
                "Of the platforms audited, accounts on {} most often answered in time ({}) and accounts on {} least often ({}).",
                platform_name(best.0, lang),
                share_words(best.1, lang),
                platform_name(worst.0, lang),
                share_words(worst.1, lang)
            ),
        }
    };
    Some(Paragraph::plain(text))
}

/// The comparison with an earlier audit, saying plainly whether the change is statistically
/// certain.
#[must_use]
pub fn comparison_paragraph(audit: &Audit, cmp: &Comparison, lang: Lang) -> Paragraph {
    let mut sentences = Vec::new();
    let earlier_share = cmp
        .earlier_share
        .map(|s| share_words(s, lang))
        .unwrap_or_default();
    sentences.push(match lang {
        Lang::Sv => format!(
            "Vid den förra granskningen ({}) besvarade {} av {} konton frågan i tid, vilket motsvarade {earlier_share}.",
            cmp.label,
            count(cmp.earlier_in_time as usize, lang),
            count(cmp.earlier_audited as usize, lang)
        ),
        Lang::En => format!(
            "In the previous audit ({}), {} of {} accounts answered in time, which was {earlier_share}.",
            cmp.label,
            count(cmp.earlier_in_time as usize, lang),
            count(cmp.earlier_audited as usize, lang)
        ),
    });
    if audit.criteria.signature_required
        && let Some(signed) = audit.earlier.as_ref().and_then(|e| e.signed)
    {
        sentences.push(match (lang, signed) {
            (Lang::Sv, 1) => "Då signerade ett konto svaret med förnamn.".to_owned(),
            (Lang::Sv, n) => format!(
                "Då signerade {} konton svaret med förnamn.",
                count(n as usize, lang)
            ),
            (Lang::En, 1) => "Then, one account signed the answer with a first name.".to_owned(),
            (Lang::En, n) => format!(
                "Then, {} accounts signed the answer with a first name.",
                count(n as usize, lang)
            ),
        });
    }
    if let Some(d) = cmp.difference_points {
        let points = number(d.abs(), 1, lang);
        sentences.push(if d.abs() < 0.05 {
            match lang {
                Lang::Sv => "Andelen svar i tid är oförändrad.".to_owned(),
                Lang::En => "The share answered in time is unchanged.".to_owned(),
            }
        } else {
            match (lang, d > 0.0) {
                (Lang::Sv, true) => {
                    format!("Andelen svar i tid har ökat med {points} procentenheter.")
                }
                (Lang::Sv, false) => {
                    format!("Andelen svar i tid har minskat med {points} procentenheter.")
                }
                (Lang::En, true) => {
                    format!("The share answered in time has risen by {points} percentage points.")
                }
                (Lang::En, false) => {
                    format!("The share answered in time has fallen by {points} percentage points.")
                }
            }
        });
    }
    sentences.push(match cmp.p_value {
        None => match lang {
            Lang::Sv => "Någon statistisk prövning av skillnaden kunde inte göras.".to_owned(),
            Lang::En => "The difference could not be tested statistically.".to_owned(),
        },
        Some(p) => {
            let p_text = p_value_text(p, lang);
            match (lang, cmp.significant) {
                (Lang::Sv, true) => format!(
                    "Förändringen är statistiskt säkerställd ({p_text}, Fishers exakta test): det är osannolikt att den beror på slumpen."
                ),
                (Lang::Sv, false) => format!(
                    "Förändringen är inte statistiskt säkerställd ({p_text}, Fishers exakta test): skillnaden är så liten att den kan bero på slumpen."
                ),
                (Lang::En, true) => format!(
                    "The change is statistically significant ({p_text}, Fisher's exact test): it is unlikely to be due to chance."
                ),
                (Lang::En, false) => format!(
                    "The change is not statistically significant ({p_text}, Fisher's exact test): the difference is small enough to be due to chance."
                ),
            }
        }
    });
    Paragraph::plain(sentences.join(" "))
}

/// "p = 0,82", "p = 0,004", "p < 0,001".
#[must_use]
pub fn p_value_text(p: f64, lang: Lang) -> String {
    if p < 0.001 {
        format!("p < {}", number(0.001, 3, lang))
    } else if p < 0.01 {
        format!("p = {}", number(p, 3, lang))
    } else {
        format!("p = {}", number(p, 2, lang))
    }
}

/// No account could be audited: say so, as the Servicenämnden report does.
#[must_use]
pub fn no_audit_paragraph(audit: &Audit, results: &Results, lang: Lang) -> Paragraph {
    let c = &results.overall;
    let platforms: Vec<String> = audit
        .criteria
        .platforms_in_scope
        .iter()
        .map(|p| platform_name(&GroupKey::Platform(*p), lang))
        .collect();
    let platforms = join_list(&platforms, lang, true);
    let who = if audit.meta.administration.trim().is_empty() {
        match lang {
            Lang::Sv => "Förvaltningen".to_owned(),
            Lang::En => "The administration".to_owned(),
        }
    } else {
        audit.meta.administration.trim().to_owned()
    };
    let first = if c.listed == 0 {
        match lang {
            Lang::Sv => format!("{who} har inga konton på {platforms}."),
            Lang::En => format!("{who} has no accounts on {platforms}."),
        }
    } else if c.excluded == c.listed {
        let reasons: Vec<String> = results
            .excluded_by_reason
            .iter()
            .map(|(r, _)| r.label(lang).to_owned())
            .collect();
        match lang {
            Lang::Sv => format!(
                "Samtliga {} konton i registret är {} och kunde inte granskas.",
                count(c.listed, lang),
                join_list(&reasons, lang, true)
            ),
            Lang::En => format!(
                "All {} accounts in the register are {} and could not be audited.",
                count(c.listed, lang),
                join_list(&reasons, lang, true)
            ),
        }
    } else {
        match lang {
            Lang::Sv => "Inget av kontona i registret valdes ut för granskning.".to_owned(),
            Lang::En => {
                "None of the accounts in the register was selected for the audit.".to_owned()
            }
        }
    };
    let second = match lang {
        Lang::Sv => "Någon granskning inom ramen för detta moment har således inte genomförts.",
        Lang::En => "Consequently, no audit has been carried out under this heading.",
    };
    Paragraph::plain(format!("{first} {second}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::results::Counts;

    fn counts(
        in_time: usize,
        late: usize,
        unanswered: usize,
        answered: usize,
        signed: usize,
    ) -> Counts {
        Counts {
            listed: 75,
            excluded: 25,
            audited: in_time + late + unanswered,
            in_time,
            late,
            unanswered,
            answered,
            signed,
            ..Counts::default()
        }
    }

    #[test]
    fn malmo_sentences() {
        let c = counts(15, 20, 15, 35, 2);
        assert_eq!(
            in_time_sentence(&c, "inom 24 timmar", false, true, Lang::Sv),
            "15 av de granskade kontona besvarade frågan inom 24 timmar, vilket motsvarar 30 procent."
        );
        assert_eq!(
            late_sentence(&c, false, Lang::Sv).unwrap(),
            "20 konton svarade senare än så och 15 besvarade den inte alls."
        );
        assert_eq!(
            signature_sentence(&c, Lang::Sv).unwrap(),
            "Endast två av kontona signerade svaret med förnamn."
        );
        assert_eq!(
            in_time_sentence(&c, "within 24 hours", false, true, Lang::En),
            "15 of the audited accounts answered the question within 24 hours, which is 30 per cent."
        );
    }

    #[test]
    fn small_numbers_are_words_and_sentences_start_with_a_capital() {
        let c = counts(2, 1, 0, 3, 3);
        assert_eq!(
            in_time_sentence(&c, "inom 24 timmar", true, true, Lang::Sv),
            "Två av de granskade kontona besvarade frågorna inom 24 timmar, vilket motsvarar 67 procent."
        );
        assert_eq!(
            late_sentence(&c, true, Lang::Sv).unwrap(),
            "Ett konto svarade senare än så."
        );
        assert_eq!(
            signature_sentence(&c, Lang::Sv).unwrap(),
            "Samtliga konton som svarade signerade svaret med förnamn."
        );
        let none = counts(0, 0, 4, 0, 0);
        assert_eq!(
            in_time_sentence(
                &none,
                "inom 24 timmar räknat på arbetsdagar",
                false,
                true,
                Lang::Sv
            ),
            "Inget av de granskade kontona besvarade frågan inom 24 timmar räknat på arbetsdagar."
        );
        assert_eq!(
            late_sentence(&none, false, Lang::Sv).unwrap(),
            "Fyra konton besvarade den inte alls."
        );
        assert_eq!(signature_sentence(&none, Lang::Sv), None);
    }

    #[test]
    fn p_values_and_lists() {
        assert_eq!(p_value_text(1.0, Lang::Sv), "p = 1,00");
        assert_eq!(p_value_text(0.0041, Lang::Sv), "p = 0,004");
        assert_eq!(p_value_text(0.00001, Lang::En), "p < 0.001");
        let items = [
            "Facebook".to_owned(),
            "Instagram".to_owned(),
            "X (Twitter)".to_owned(),
        ];
        assert_eq!(
            join_list(&items, Lang::Sv, false),
            "Facebook, Instagram och X (Twitter)"
        );
        assert_eq!(
            join_list(&items[..2], Lang::En, true),
            "Facebook or Instagram"
        );
        assert_eq!(count(2000, Lang::Sv), "2\u{a0}000");
        assert_eq!(count(2000, Lang::En), "2,000");
        assert_eq!(share_cell(Some(0.3), Lang::Sv), "30\u{a0}%");
        assert_eq!(
            interval_cell(Some((0.191, 0.4375)), Lang::Sv),
            "19,1–43,8\u{a0}%"
        );
    }
}
