//! The report's sentences in Swedish, as the Malmö reports write them.

use super::{Change, Prose, capitalise, join, reason_list};
use crate::core::deadline::{DeadlineMode, DeadlineRule};
use crate::core::numbers;
use crate::core::results::{Comparison, Counts};
use crate::core::review::ItemCounts;
use crate::core::stats::Quartiles;
use crate::core::{ExclusionReason, GroupKey, Lang, SampleMode};
use crate::i18n::{Label, group_name};

const LANG: Lang = Lang::Sv;

/// Swedish.
#[derive(Clone, Copy, Debug, Default)]
pub struct Swedish;

/// "två", "15", "2 000".
fn count(n: usize) -> String {
    numbers::count_words(n, LANG)
}

/// With a decimal comma.
fn number(value: f64, decimals: usize) -> String {
    numbers::decimal(value, decimals, LANG)
}

/// "24 timmar", "1 timme".
fn hours(n: u32) -> String {
    match n {
        1 => "1 timme".to_owned(),
        n => format!("{n} timmar"),
    }
}

/// An exclusion reason for a single account: "avslutat" (the label is plural).
fn singular(reason: ExclusionReason) -> &'static str {
    match reason {
        ExclusionReason::Closed => "avslutat",
        ExclusionReason::NotPublic => "stängt för allmänheten",
        ExclusionReason::PlatformOutOfScope => "på en plattform utanför granskningen",
    }
}

impl Prose for Swedish {
    fn lang(&self) -> Lang {
        LANG
    }

    fn share_words(&self, share: f64) -> String {
        format!("{} procent", number(share * 100.0, 0))
    }

    fn join_list(&self, items: &[String], or: bool) -> String {
        join(items, if or { " eller " } else { " och " })
    }

    fn platform_name(&self, key: &GroupKey) -> String {
        group_name(key, LANG).into_owned()
    }

    fn deadline_rule_sentence(&self, rule: &DeadlineRule) -> String {
        let hours = hours(rule.hours);
        match rule.mode {
            DeadlineMode::NextWorkingDay => format!(
                "Svarsfristen är {hours}; slutar den på en dag som inte är arbetsdag flyttas den till slutet av nästa arbetsdag."
            ),
            DeadlineMode::WorkingHours => format!(
                "Svarsfristen är {hours} räknat enbart på arbetsdagar; tid på dagar som inte är arbetsdagar räknas inte."
            ),
        }
    }

    fn carried_out_sentence(&self, period: &str, auditors: &[String], finished: bool) -> String {
        let verb = if finished {
            "genomfördes"
        } else {
            "genomförs"
        };
        let mut text = format!("Granskningen {verb}");
        if !period.is_empty() {
            text.push_str(&format!(" under {period}"));
        }
        if !auditors.is_empty() {
            text.push_str(&format!(" av {}", self.join_list(auditors, false)));
        }
        text.push('.');
        text
    }

    fn scope_sentence(&self, audited: usize, platforms: &str) -> String {
        match audited {
            1 => format!("Granskningen omfattade ett konto, på {platforms}."),
            n => format!("Granskningen omfattade {} konton på {platforms}.", count(n)),
        }
    }

    fn sample_sentence(&self, mode: SampleMode, eligible: usize) -> String {
        let how = match mode {
            SampleMode::Random => "genom ett slumpmässigt urval",
            SampleMode::All | SampleMode::Manual => "för hand",
        };
        format!(
            "Kontona valdes ut {how} bland registrets {} aktiva konton.",
            count(eligible)
        )
    }

    fn excluded_sentence(&self, total: usize, by_reason: &[(ExclusionReason, usize)]) -> String {
        let one = total == 1;
        let label = |reason: ExclusionReason| {
            if one {
                singular(reason)
            } else {
                reason.label(LANG)
            }
        };
        let reasons = reason_list(by_reason, label, LANG);
        let (head, pronoun) = if one {
            ("Ytterligare ett konto finns i registret.".to_owned(), "Det")
        } else {
            (
                format!("Ytterligare {} konton finns i registret.", count(total)),
                "De",
            )
        };
        let either = if reasons.len() == 2 { "antingen " } else { "" };
        format!(
            "{head} {pronoun} exkluderades vid granskningen då {} {either}är {}.",
            pronoun.to_lowercase(),
            self.join_list(&reasons, true)
        )
    }

    fn pending_part(&self, pending: usize) -> String {
        match pending {
            1 => "har ett konto ännu inte svarat men har tid kvar inom svarsfristen".to_owned(),
            n => format!(
                "har {} konton ännu inte svarat men har tid kvar inom svarsfristen",
                count(n)
            ),
        }
    }

    fn not_posted_part(&self, not_posted: usize, first: bool) -> String {
        match (not_posted, first) {
            (1, true) => "har frågan ännu inte ställts till ett konto".to_owned(),
            (n, true) => format!("har frågan ännu inte ställts till {} konton", count(n)),
            (1, false) => "till ett konto har frågan ännu inte ställts".to_owned(),
            (n, false) => format!("till {} konton har frågan ännu inte ställts", count(n)),
        }
    }

    fn unfinished_sentences(&self, when: &str, parts: &[String], decided: usize) -> String {
        let tail = if decided == 0 {
            "Några resultat kan därför ännu inte redovisas.".to_owned()
        } else {
            format!(
                "Resultaten nedan gäller de {} konton där utfallet är klart och kan ändras när granskningen är avslutad.",
                count(decided)
            )
        };
        format!(
            "Granskningen är inte avslutad. Per {when} {}. {tail}",
            parts.join(", och ")
        )
    }

    fn in_time_sentence(&self, c: &Counts, several: bool, finished: bool) -> String {
        let decided = c.decided();
        let share = c
            .in_time_share()
            .map(|s| self.share_words(s))
            .unwrap_or_default();
        let question = if several { "frågorna" } else { "frågan" };
        let base = if finished {
            "de granskade kontona".to_owned()
        } else {
            format!("de {} konton där utfallet är klart", count(decided))
        };
        if c.in_time == 0 {
            format!("Inget av {base} besvarade {question} inom svarsfristen.")
        } else if c.in_time == decided && finished {
            format!("Samtliga granskade konton besvarade {question} inom svarsfristen.")
        } else if c.in_time == decided {
            format!(
                "Samtliga {} konton där utfallet är klart besvarade {question} inom svarsfristen.",
                count(decided)
            )
        } else {
            capitalise(&format!(
                "{} av {base} besvarade {question} inom svarsfristen, vilket motsvarar {share}.",
                count(c.in_time)
            ))
        }
    }

    fn late_sentence(&self, c: &Counts, several: bool) -> Option<String> {
        let (late, unanswered) = (c.late, c.unanswered);
        if late + unanswered == 0 {
            return None;
        }
        let object = if several { "dem" } else { "den" };
        let late_part = match late {
            0 => None,
            1 => Some("ett konto svarade senare än så".to_owned()),
            n => Some(format!("{} konton svarade senare än så", count(n))),
        };
        let unanswered_part = match unanswered {
            0 => None,
            1 => Some(format!("ett konto besvarade {object} inte alls")),
            // "konton" only when no late part has said it already.
            n if late_part.is_none() => {
                Some(format!("{} konton besvarade {object} inte alls", count(n)))
            }
            n => Some(format!("{} besvarade {object} inte alls", count(n))),
        };
        let parts: Vec<String> = late_part.into_iter().chain(unanswered_part).collect();
        Some(capitalise(&format!("{}.", self.join_list(&parts, false))))
    }

    fn interval_sentence(&self, (lo, hi): (f64, f64)) -> String {
        format!(
            "Eftersom resultatet bygger på ett begränsat antal konton är andelen osäker: med 95 procents säkerhet ligger den verkliga andelen mellan {} och {} procent.",
            number(lo * 100.0, 0),
            number(hi * 100.0, 0)
        )
    }

    fn max_days_sentence(&self, max_days: u32) -> String {
        format!(
            "Svar som kom senare än {} dagar efter att frågan ställdes räknas som uteblivna.",
            count(max_days as usize)
        )
    }

    fn signature_sentence(&self, c: &Counts) -> Option<String> {
        let (signed, answered) = (c.signed, c.answered);
        if answered == 0 {
            return None;
        }
        Some(if signed == 0 {
            "Inget av kontona signerade svaret med förnamn.".to_owned()
        } else if signed == answered {
            "Samtliga konton som svarade signerade svaret med förnamn.".to_owned()
        } else if signed * 2 < answered {
            format!(
                "Endast {} av kontona signerade svaret med förnamn.",
                count(signed)
            )
        } else {
            capitalise(&format!(
                "{} av de {} konton som svarade signerade svaret med förnamn.",
                count(signed),
                count(answered)
            ))
        })
    }

    fn response_time_sentence(&self, q: &Quartiles) -> String {
        format!(
            "Svarstiden, räknad från att frågan ställdes, var i median {} timmar: hälften av svaren kom snabbare än så. En fjärdedel av svaren kom inom {} timmar och tre fjärdedelar inom {} timmar.",
            number(q.median, 1),
            number(q.q1, 1),
            number(q.q3, 1)
        )
    }

    fn working_days_sentence(&self, median: f64) -> String {
        format!(
            "Räknat enbart på arbetsdagar var mediansvarstiden {} timmar.",
            number(median, 1)
        )
    }

    fn same_share_sentence(&self, share: f64) -> String {
        format!(
            "Andelen svar i tid var densamma på alla plattformar, {}.",
            self.share_words(share)
        )
    }

    fn platform_spread_sentence(&self, best: (&GroupKey, f64), worst: (&GroupKey, f64)) -> String {
        format!(
            "Av de granskade plattformarna svarade kontona på {} oftast i tid ({}) och kontona på {} mest sällan ({}).",
            self.platform_name(best.0),
            self.share_words(best.1),
            self.platform_name(worst.0),
            self.share_words(worst.1)
        )
    }

    fn review_scope_sentence(&self, items: usize, reviewed: usize, audited: usize) -> String {
        let requirements = match items {
            1 => "ett krav".to_owned(),
            n => format!("{} krav", count(n)),
        };
        let first = format!(
            "Utöver testfrågan granskades kontona mot {requirements} som riktlinjerna ställer på ett konto."
        );
        let second = if reviewed == audited {
            match audited {
                1 => "Det granskade kontot ingår i kontogranskningen.".to_owned(),
                2 => "Båda de granskade kontona ingår i kontogranskningen.".to_owned(),
                n => format!(
                    "Samtliga {} granskade konton ingår i kontogranskningen.",
                    count(n)
                ),
            }
        } else {
            format!(
                "{} av de {} granskade kontona ingår i kontogranskningen.",
                capitalise(&count(reviewed)),
                count(audited)
            )
        };
        format!("{first} {second}")
    }

    fn review_item_sentence(&self, text: &str, c: ItemCounts) -> String {
        let share = c.share().map(|s| self.share_words(s)).unwrap_or_default();
        format!(
            "{} av {} granskade konton uppfyllde kravet ”{text}”, vilket motsvarar {share}.",
            capitalise(&count(c.passed)),
            count(c.reviewed)
        )
    }

    fn review_spread_sentence(&self, best: (&str, f64), worst: (&str, f64)) -> String {
        format!(
            "Kravet ”{}” uppfylldes oftast ({}) och kravet ”{}” mest sällan ({}).",
            best.0,
            self.share_words(best.1),
            worst.0,
            self.share_words(worst.1)
        )
    }

    fn review_same_share_sentence(&self, share: f64) -> String {
        format!(
            "Varje krav uppfylldes av lika stor andel av de granskade kontona, {}.",
            self.share_words(share)
        )
    }

    fn review_incomplete_sentence(&self) -> &'static str {
        "Alla konton har inte granskats mot alla krav; andelarna avser de konton som granskats mot respektive krav."
    }

    fn earlier_sentence(&self, cmp: &Comparison) -> String {
        let earlier_share = cmp
            .earlier_share
            .map(|s| self.share_words(s))
            .unwrap_or_default();
        format!(
            "Vid den förra granskningen ({}) besvarade {} av {} konton frågan i tid, vilket motsvarade {earlier_share}.",
            cmp.label,
            count(cmp.earlier_in_time as usize),
            count(cmp.earlier_audited as usize)
        )
    }

    fn earlier_signed_sentence(&self, signed: u32) -> String {
        match signed {
            1 => "Då signerade ett konto svaret med förnamn.".to_owned(),
            n => format!(
                "Då signerade {} konton svaret med förnamn.",
                count(n as usize)
            ),
        }
    }

    fn change_sentence(&self, change: Change) -> String {
        match change {
            Change::Unchanged => "Andelen svar i tid är oförändrad.".to_owned(),
            Change::Risen(points) => format!(
                "Andelen svar i tid har ökat med {} procentenheter.",
                number(points, 1)
            ),
            Change::Fallen(points) => format!(
                "Andelen svar i tid har minskat med {} procentenheter.",
                number(points, 1)
            ),
        }
    }

    fn significance_sentence(&self, p_value: Option<f64>, significant: bool) -> String {
        let Some(p) = p_value else {
            return "Någon statistisk prövning av skillnaden kunde inte göras.".to_owned();
        };
        let p_text = self.p_value_text(p);
        if significant {
            format!(
                "Förändringen är statistiskt säkerställd ({p_text}, Fishers exakta test): det är osannolikt att den beror på slumpen."
            )
        } else {
            format!(
                "Förändringen är inte statistiskt säkerställd ({p_text}, Fishers exakta test): skillnaden är så liten att den kan bero på slumpen."
            )
        }
    }

    fn the_administration(&self) -> &'static str {
        "Förvaltningen"
    }

    fn no_accounts_sentence(&self, who: &str, platforms: &str) -> String {
        format!("{who} har inga konton på {platforms}.")
    }

    fn all_excluded_sentence(&self, listed: usize, reasons: &str) -> String {
        format!(
            "Samtliga {} konton i registret är {reasons} och kunde inte granskas.",
            count(listed)
        )
    }

    fn none_selected_sentence(&self) -> &'static str {
        "Inget av kontona i registret valdes ut för granskning."
    }

    fn not_carried_out_sentence(&self) -> &'static str {
        "Någon granskning inom ramen för detta moment har således inte genomförts."
    }

    fn appendix_intro(&self, when: &str, rule: &DeadlineRule) -> String {
        format!(
            "Tabellen redovisar varje granskat konto med dess testfrågor, så som läget var {when}. Svarstiden är räknad i timmar från att frågan ställdes till att den besvarades. Utfallet avgörs av svarsfristen: en fråga som ställdes före en helg eller helgdag kan ha besvarats i tid fast svarstiden är längre än {}.",
            hours(rule.hours)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::counts;
    use super::*;

    #[test]
    fn malmo_sentences() {
        let c = counts(15, 20, 15, 35, 2);
        assert_eq!(
            Swedish.in_time_sentence(&c, false, true),
            "15 av de granskade kontona besvarade frågan inom svarsfristen, vilket motsvarar 30 procent."
        );
        assert_eq!(
            Swedish.late_sentence(&c, false).unwrap(),
            "20 konton svarade senare än så och 15 besvarade den inte alls."
        );
        assert_eq!(
            Swedish.signature_sentence(&c).unwrap(),
            "Endast två av kontona signerade svaret med förnamn."
        );
    }

    #[test]
    fn small_numbers_are_words_and_sentences_start_with_a_capital() {
        let c = counts(2, 1, 0, 3, 3);
        assert_eq!(
            Swedish.in_time_sentence(&c, true, true),
            "Två av de granskade kontona besvarade frågorna inom svarsfristen, vilket motsvarar 67 procent."
        );
        assert_eq!(
            Swedish.late_sentence(&c, true).unwrap(),
            "Ett konto svarade senare än så."
        );
        assert_eq!(
            Swedish.signature_sentence(&c).unwrap(),
            "Samtliga konton som svarade signerade svaret med förnamn."
        );
        let none = counts(0, 0, 4, 0, 0);
        assert_eq!(
            Swedish.in_time_sentence(&none, false, true),
            "Inget av de granskade kontona besvarade frågan inom svarsfristen."
        );
        assert_eq!(
            Swedish.late_sentence(&none, false).unwrap(),
            "Fyra konton besvarade den inte alls."
        );
        assert_eq!(Swedish.signature_sentence(&none), None);
    }

    #[test]
    fn the_deadline_rule_is_stated_in_words() {
        let rule = DeadlineRule::default();
        assert_eq!(
            Swedish.deadline_rule_sentence(&rule),
            "Svarsfristen är 24 timmar; slutar den på en dag som inte är arbetsdag flyttas den till slutet av nästa arbetsdag."
        );
        let working = DeadlineRule {
            mode: DeadlineMode::WorkingHours,
            hours: 1,
            ..DeadlineRule::default()
        };
        assert_eq!(
            Swedish.deadline_rule_sentence(&working),
            "Svarsfristen är 1 timme räknat enbart på arbetsdagar; tid på dagar som inte är arbetsdagar räknas inte."
        );
    }

    #[test]
    fn who_and_when_leave_out_what_is_empty() {
        let two = ["Anna Berg".to_owned(), "Omar Said".to_owned()];
        assert_eq!(
            Swedish.carried_out_sentence("2019", &two, true),
            "Granskningen genomfördes under 2019 av Anna Berg och Omar Said."
        );
        assert_eq!(
            Swedish.carried_out_sentence("tertial 1", &[], false),
            "Granskningen genomförs under tertial 1."
        );
        assert_eq!(
            Swedish.carried_out_sentence("", &two[..1], true),
            "Granskningen genomfördes av Anna Berg."
        );
    }
}
