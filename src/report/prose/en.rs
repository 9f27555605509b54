//! The report's sentences in English.

use super::{Change, Prose, capitalise, join, reason_list};
use crate::core::deadline::{DeadlineMode, DeadlineRule};
use crate::core::numbers;
use crate::core::results::{Comparison, Counts};
use crate::core::review::ItemCounts;
use crate::core::stats::Quartiles;
use crate::core::{ExclusionReason, GroupKey, Lang, Platform, SampleMode};
use crate::i18n::{Label, group_name};

const LANG: Lang = Lang::En;

/// English.
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

/// "two", "15", "2,000".
fn count(n: usize) -> String {
    numbers::count_words(n, LANG)
}

/// With a decimal point.
fn number(value: f64, decimals: usize) -> String {
    numbers::decimal(value, decimals, LANG)
}

/// "24 hours", "1 hour".
fn hours(n: u32) -> String {
    match n {
        1 => "1 hour".to_owned(),
        n => format!("{n} hours"),
    }
}

impl Prose for English {
    fn lang(&self) -> Lang {
        LANG
    }

    fn share_words(&self, share: f64) -> String {
        format!("{} per cent", number(share * 100.0, 0))
    }

    fn join_list(&self, items: &[String], or: bool) -> String {
        join(items, if or { " or " } else { " and " })
    }

    fn platform_name(&self, key: &GroupKey) -> String {
        match key {
            GroupKey::Platform(Platform::Other) => "other platforms".to_owned(),
            _ => group_name(key, LANG).into_owned(),
        }
    }

    fn deadline_rule_sentence(&self, rule: &DeadlineRule) -> String {
        let hours = hours(rule.hours);
        match rule.mode {
            DeadlineMode::NextWorkingDay => format!(
                "The deadline is {hours}; if it ends on a day that is not a working day, it moves to the end of the next working day."
            ),
            DeadlineMode::WorkingHours => format!(
                "The deadline is {hours} counted on working days only; time on days that are not working days does not count."
            ),
        }
    }

    fn carried_out_sentence(&self, period: &str, auditors: &[String], finished: bool) -> String {
        let verb = if finished {
            "was carried out"
        } else {
            "is being carried out"
        };
        let mut text = format!("The audit {verb}");
        if !period.is_empty() {
            text.push_str(&format!(" during {period}"));
        }
        if !auditors.is_empty() {
            text.push_str(&format!(" by {}", self.join_list(auditors, false)));
        }
        text.push('.');
        text
    }

    fn scope_sentence(&self, audited: usize, platforms: &str) -> String {
        match audited {
            1 => format!("The audit covered one account, on {platforms}."),
            n => format!("The audit covered {} accounts on {platforms}.", count(n)),
        }
    }

    fn sample_sentence(&self, mode: SampleMode, eligible: usize) -> String {
        let how = match mode {
            SampleMode::Random => "by random sampling",
            SampleMode::All | SampleMode::Manual => "by hand",
        };
        format!(
            "The accounts were chosen {how} from the register's {} active accounts.",
            count(eligible)
        )
    }

    fn excluded_sentence(&self, total: usize, by_reason: &[(ExclusionReason, usize)]) -> String {
        let reasons = reason_list(by_reason, |reason| reason.label(LANG), LANG);
        let head = if total == 1 {
            "One more account is listed in the register. It was excluded from the audit because it is".to_owned()
        } else {
            format!(
                "A further {} accounts are listed in the register. They were excluded from the audit because they are",
                count(total)
            )
        };
        let either = if reasons.len() == 2 { " either" } else { "" };
        format!("{head}{either} {}.", self.join_list(&reasons, true))
    }

    fn pending_part(&self, pending: usize) -> String {
        match pending {
            1 => "one account has not answered yet but still has time left".to_owned(),
            n => format!(
                "{} accounts have not answered yet but still have time left",
                count(n)
            ),
        }
    }

    fn not_posted_part(&self, not_posted: usize, _first: bool) -> String {
        match not_posted {
            1 => "one account has not been asked yet".to_owned(),
            n => format!("{} accounts have not been asked yet", count(n)),
        }
    }

    fn unfinished_sentences(&self, when: &str, parts: &[String], decided: usize) -> String {
        let tail = if decided == 0 {
            "No results can be reported yet.".to_owned()
        } else {
            format!(
                "The results below concern the {} accounts whose outcome is settled and may change when the audit is finished.",
                count(decided)
            )
        };
        format!(
            "The audit is not finished. As of {when}, {}. {tail}",
            parts.join(", and ")
        )
    }

    fn in_time_sentence(&self, c: &Counts, several: bool, finished: bool) -> String {
        let decided = c.decided();
        let share = c
            .in_time_share()
            .map(|s| self.share_words(s))
            .unwrap_or_default();
        let question = if several {
            "the questions"
        } else {
            "the question"
        };
        let base = if finished {
            "the audited accounts".to_owned()
        } else {
            format!("the {} accounts whose outcome is settled", count(decided))
        };
        if c.in_time == 0 {
            format!("None of {base} answered {question} within the deadline.")
        } else if c.in_time == decided {
            format!("All of {base} answered {question} within the deadline.")
        } else {
            capitalise(&format!(
                "{} of {base} answered {question} within the deadline, which is {share}.",
                count(c.in_time)
            ))
        }
    }

    fn late_sentence(&self, c: &Counts, _several: bool) -> Option<String> {
        let (late, unanswered) = (c.late, c.unanswered);
        if late + unanswered == 0 {
            return None;
        }
        let late_part = match late {
            0 => None,
            1 => Some("one account answered later than that".to_owned()),
            n => Some(format!("{} accounts answered later than that", count(n))),
        };
        let unanswered_part = match unanswered {
            0 => None,
            1 => Some("one account did not answer at all".to_owned()),
            // "accounts" only when no late part has said it already.
            n if late_part.is_none() => {
                Some(format!("{} accounts did not answer at all", count(n)))
            }
            n => Some(format!("{} did not answer at all", count(n))),
        };
        let parts: Vec<String> = late_part.into_iter().chain(unanswered_part).collect();
        Some(capitalise(&format!("{}.", self.join_list(&parts, false))))
    }

    fn interval_sentence(&self, (lo, hi): (f64, f64)) -> String {
        format!(
            "Because the result rests on a limited number of accounts the share is uncertain: with 95 per cent confidence the true share lies between {} and {} per cent.",
            number(lo * 100.0, 0),
            number(hi * 100.0, 0)
        )
    }

    fn max_days_sentence(&self, max_days: u32) -> String {
        format!(
            "Answers given more than {} days after the question was posted count as not given.",
            count(max_days as usize)
        )
    }

    fn signature_sentence(&self, c: &Counts) -> Option<String> {
        let (signed, answered) = (c.signed, c.answered);
        if answered == 0 {
            return None;
        }
        Some(if signed == 0 {
            "None of the accounts signed the answer with a first name.".to_owned()
        } else if signed == answered {
            "All accounts that answered signed the answer with a first name.".to_owned()
        } else if signed * 2 < answered {
            format!(
                "Only {} of the accounts signed the answer with a first name.",
                count(signed)
            )
        } else {
            capitalise(&format!(
                "{} of the {} accounts that answered signed the answer with a first name.",
                count(signed),
                count(answered)
            ))
        })
    }

    fn response_time_sentence(&self, q: &Quartiles) -> String {
        format!(
            "The median response time, counted from when the question was posted, was {} hours: half of the answers came faster than that. A quarter of the answers came within {} hours and three quarters within {} hours.",
            number(q.median, 1),
            number(q.q1, 1),
            number(q.q3, 1)
        )
    }

    fn working_days_sentence(&self, median: f64) -> String {
        format!(
            "Counted on working days only, the median was {} hours.",
            number(median, 1)
        )
    }

    fn same_share_sentence(&self, share: f64) -> String {
        format!(
            "The share answered in time was the same on every platform, {}.",
            self.share_words(share)
        )
    }

    fn platform_spread_sentence(&self, best: (&GroupKey, f64), worst: (&GroupKey, f64)) -> String {
        format!(
            "Of the platforms audited, accounts on {} most often answered in time ({}) and accounts on {} least often ({}).",
            self.platform_name(best.0),
            self.share_words(best.1),
            self.platform_name(worst.0),
            self.share_words(worst.1)
        )
    }

    fn review_scope_sentence(&self, items: usize, reviewed: usize, audited: usize) -> String {
        let requirements = match items {
            1 => "one requirement".to_owned(),
            n => format!("{} requirements", count(n)),
        };
        let first = format!(
            "Besides the test question, the accounts were reviewed against {requirements} the guidelines set for an account."
        );
        let second = if reviewed == audited {
            match audited {
                1 => "The audited account was reviewed.".to_owned(),
                2 => "Both audited accounts were reviewed.".to_owned(),
                n => format!("All {} audited accounts were reviewed.", count(n)),
            }
        } else {
            format!(
                "{} of the {} audited accounts were reviewed.",
                capitalise(&count(reviewed)),
                count(audited)
            )
        };
        format!("{first} {second}")
    }

    fn review_item_sentence(&self, text: &str, c: ItemCounts) -> String {
        let share = c.share().map(|s| self.share_words(s)).unwrap_or_default();
        format!(
            "{} of the {} accounts reviewed met the requirement “{text}”, that is {share}.",
            capitalise(&count(c.passed)),
            count(c.reviewed)
        )
    }

    fn review_spread_sentence(&self, best: (&str, f64), worst: (&str, f64)) -> String {
        format!(
            "The requirement “{}” was met most often ({}) and “{}” least often ({}).",
            best.0,
            self.share_words(best.1),
            worst.0,
            self.share_words(worst.1)
        )
    }

    fn review_same_share_sentence(&self, share: f64) -> String {
        format!(
            "Every requirement was met by the same share of the accounts reviewed, {}.",
            self.share_words(share)
        )
    }

    fn review_incomplete_sentence(&self) -> &'static str {
        "Not every account was reviewed against every requirement; the shares are of the accounts reviewed against each."
    }

    fn earlier_sentence(&self, cmp: &Comparison) -> String {
        let earlier_share = cmp
            .earlier_share
            .map(|s| self.share_words(s))
            .unwrap_or_default();
        format!(
            "In the previous audit ({}), {} of {} accounts answered in time, which was {earlier_share}.",
            cmp.label,
            count(cmp.earlier_in_time as usize),
            count(cmp.earlier_audited as usize)
        )
    }

    fn earlier_signed_sentence(&self, signed: u32) -> String {
        match signed {
            1 => "Then, one account signed the answer with a first name.".to_owned(),
            n => format!(
                "Then, {} accounts signed the answer with a first name.",
                count(n as usize)
            ),
        }
    }

    fn change_sentence(&self, change: Change) -> String {
        match change {
            Change::Unchanged => "The share answered in time is unchanged.".to_owned(),
            Change::Risen(points) => format!(
                "The share answered in time has risen by {} percentage points.",
                number(points, 1)
            ),
            Change::Fallen(points) => format!(
                "The share answered in time has fallen by {} percentage points.",
                number(points, 1)
            ),
        }
    }

    fn significance_sentence(&self, p_value: Option<f64>, significant: bool) -> String {
        let Some(p) = p_value else {
            return "The difference could not be tested statistically.".to_owned();
        };
        let p_text = self.p_value_text(p);
        if significant {
            format!(
                "The change is statistically significant ({p_text}, Fisher's exact test): it is unlikely to be due to chance."
            )
        } else {
            format!(
                "The change is not statistically significant ({p_text}, Fisher's exact test): the difference is small enough to be due to chance."
            )
        }
    }

    fn the_administration(&self) -> &'static str {
        "The administration"
    }

    fn no_accounts_sentence(&self, who: &str, platforms: &str) -> String {
        format!("{who} has no accounts on {platforms}.")
    }

    fn all_excluded_sentence(&self, listed: usize, reasons: &str) -> String {
        format!(
            "All {} accounts in the register are {reasons} and could not be audited.",
            count(listed)
        )
    }

    fn none_selected_sentence(&self) -> &'static str {
        "None of the accounts in the register was selected for the audit."
    }

    fn not_carried_out_sentence(&self) -> &'static str {
        "Consequently, no audit has been carried out under this heading."
    }

    fn appendix_intro(&self, when: &str, rule: &DeadlineRule) -> String {
        format!(
            "The table lists every audited account with its test questions, as things stood at {when}. The response time is counted in hours from when the question was posted until it was answered. The outcome is decided by the deadline: a question posted before a weekend or public holiday may have been answered in time even though the response time is longer than {}.",
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
            English.in_time_sentence(&c, false, true),
            "15 of the audited accounts answered the question within the deadline, which is 30 per cent."
        );
        assert_eq!(
            English.late_sentence(&c, false).unwrap(),
            "20 accounts answered later than that and 15 did not answer at all."
        );
    }

    #[test]
    fn nobody_late_still_says_accounts() {
        let none = counts(0, 0, 4, 0, 0);
        assert_eq!(
            English.late_sentence(&none, false).unwrap(),
            "Four accounts did not answer at all."
        );
    }

    #[test]
    fn the_deadline_rule_and_who_and_when() {
        assert_eq!(
            English.deadline_rule_sentence(&DeadlineRule::default()),
            "The deadline is 24 hours; if it ends on a day that is not a working day, it moves to the end of the next working day."
        );
        assert_eq!(
            English.carried_out_sentence("2019", &["Anna Berg".to_owned()], true),
            "The audit was carried out during 2019 by Anna Berg."
        );
        assert_eq!(
            English.carried_out_sentence(
                "",
                &["Anna Berg".to_owned(), "Omar Said".to_owned()],
                false
            ),
            "The audit is being carried out by Anna Berg and Omar Said."
        );
    }
}
