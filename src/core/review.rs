//! The account review (kontogranskning, PRODUCT §8b): besides the test question, each audited
//! account is checked against the guidelines' requirements, a checklist the template carries
//! (at least two administrators, contact details in the profile, recent posts, …).
//!
//! The checklist is [`ReviewItem`]s on the audit (`Audit::review`), the answers are
//! [`ReviewAnswer`]s on each account (`Account::review`, by item id; a missing answer means
//! "not reviewed"). [`ReviewResults::compute`] counts, per item, how many accounts were reviewed
//! and how many pass, overall and per unit. Only audited accounts count
//! ([`Audit::is_audited`]): the review belongs to the accounts in the audit, as the results do.

use super::localtime::ZONE;
use super::model::Audit;
use super::results::GroupKey;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an item asks for, and what passes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// Yes or no; yes passes ("Kontot har minst två administratörer").
    #[default]
    YesNo,
    /// A count; `min` or more passes ("Antal administratörer", min 2).
    Number { min: u32 },
    /// A date; one at most `within_days` days before the as-of date passes ("Senaste
    /// inlägget", within 56 days). A date after the as-of date passes too: a post after the
    /// audit closed shows the account is still in use.
    Date { within_days: u32 },
}

/// One requirement of the checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewItem {
    /// Stable key of the answers (`Account::review`) and of `results --json`; never shown.
    pub id: String,
    /// The requirement in the auditor's words, as the app's column and the report's table show it.
    pub text: String,
    pub kind: ReviewKind,
}

/// One account's answer to one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewAnswer {
    Yes,
    No,
    Number(u32),
    Date(NaiveDate),
}

impl ReviewItem {
    /// Whether `answer` meets this item as of the date `as_of` (local). `None` when the answer
    /// is of another kind than the item (the checklist was changed after answering): such an
    /// answer counts as not reviewed.
    ///
    /// ```
    /// use svarskoll::core::review::{ReviewAnswer, ReviewItem, ReviewKind};
    /// let admins = ReviewItem { kind: ReviewKind::Number { min: 2 }, ..ReviewItem::default() };
    /// let day = chrono::NaiveDate::from_ymd_opt(2019, 4, 30).unwrap();
    /// assert_eq!(admins.passes(ReviewAnswer::Number(2), day), Some(true));
    /// assert_eq!(admins.passes(ReviewAnswer::Number(1), day), Some(false));
    /// assert_eq!(admins.passes(ReviewAnswer::Yes, day), None);
    /// ```
    #[must_use]
    pub fn passes(&self, answer: ReviewAnswer, as_of: NaiveDate) -> Option<bool> {
        match (self.kind, answer) {
            (ReviewKind::YesNo, ReviewAnswer::Yes) => Some(true),
            (ReviewKind::YesNo, ReviewAnswer::No) => Some(false),
            (ReviewKind::Number { min }, ReviewAnswer::Number(n)) => Some(n >= min),
            (ReviewKind::Date { within_days }, ReviewAnswer::Date(date)) => {
                // The first day that still passes; before the calendar's start everything does.
                let first = as_of
                    .checked_sub_days(Days::new(u64::from(within_days)))
                    .unwrap_or(NaiveDate::MIN);
                Some(date >= first)
            }
            _ => None,
        }
    }

    /// Whether `answer` is of this item's kind.
    #[must_use]
    pub fn fits(&self, answer: ReviewAnswer) -> bool {
        self.passes(answer, NaiveDate::MIN).is_some()
    }
}

/// How many accounts one item was reviewed for, and how many of them pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemCounts {
    pub reviewed: usize,
    pub passed: usize,
}

impl ItemCounts {
    /// Passed as a share of reviewed; `None` when none was reviewed.
    #[must_use]
    pub fn share(&self) -> Option<f64> {
        super::stats::share(self.passed, self.reviewed)
    }

    fn add(&mut self, passed: bool) {
        self.reviewed += 1;
        self.passed += usize::from(passed);
    }
}

/// One item's counts over all audited accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemResult {
    pub id: String,
    pub text: String,
    pub counts: ItemCounts,
}

/// One unit's counts, per item in the checklist's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitReview {
    pub key: GroupKey,
    /// Audited accounts of the unit.
    pub accounts: usize,
    /// One entry per checklist item, in the order of [`ReviewResults::items`].
    pub items: Vec<ItemCounts>,
}

/// The account review's results as of one instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewResults {
    /// Audited accounts: the most any item can be reviewed for.
    pub accounts: usize,
    /// Audited accounts with an answer to at least one item.
    pub reviewed_accounts: usize,
    /// One per checklist item, in the checklist's order.
    pub items: Vec<ItemResult>,
    /// Units with audited accounts, in [`GroupKey`] order.
    pub by_unit: Vec<UnitReview>,
}

impl ReviewResults {
    /// Count the answers of the audited accounts of `audit`; date items are judged against the
    /// local (Stockholm) date of `as_of`.
    ///
    /// ```
    /// use svarskoll::core::{Account, Audit, review::*};
    /// let mut audit = Audit::default();
    /// audit.review.push(ReviewItem { id: "admins".into(), ..ReviewItem::default() });
    /// let mut account = Account::default();
    /// account.review.insert("admins".into(), ReviewAnswer::Yes);
    /// audit.accounts.push(account);
    /// audit.accounts.push(Account::default());
    /// let r = ReviewResults::compute(&audit, chrono::Utc::now());
    /// assert_eq!((r.accounts, r.items[0].counts.reviewed, r.items[0].counts.passed), (2, 1, 1));
    /// ```
    #[must_use]
    pub fn compute(audit: &Audit, as_of: DateTime<Utc>) -> ReviewResults {
        let day = as_of.with_timezone(&ZONE).date_naive();
        let n = audit.review.len();
        let mut items = vec![ItemCounts::default(); n];
        let (mut accounts, mut reviewed_accounts) = (0, 0);
        let mut by_unit: BTreeMap<GroupKey, (usize, Vec<ItemCounts>)> = BTreeMap::new();
        for account in audit.accounts.iter().filter(|a| audit.is_audited(a)) {
            accounts += 1;
            let unit = by_unit
                .entry(GroupKey::unit(&account.unit))
                .or_insert_with(|| (0, vec![ItemCounts::default(); n]));
            unit.0 += 1;
            let mut any = false;
            for (i, item) in audit.review.iter().enumerate() {
                let verdict = account
                    .review
                    .get(&item.id)
                    .and_then(|answer| item.passes(*answer, day));
                if let Some(passed) = verdict {
                    any = true;
                    items[i].add(passed);
                    unit.1[i].add(passed);
                }
            }
            reviewed_accounts += usize::from(any);
        }
        ReviewResults {
            accounts,
            reviewed_accounts,
            items: audit
                .review
                .iter()
                .zip(items)
                .map(|(item, counts)| ItemResult {
                    id: item.id.clone(),
                    text: item.text.clone(),
                    counts,
                })
                .collect(),
            by_unit: by_unit
                .into_iter()
                .map(|(key, (accounts, items))| UnitReview {
                    key,
                    accounts,
                    items,
                })
                .collect(),
        }
    }

    /// Whether there is anything to report: a checklist and at least one answer counted.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        self.items.iter().any(|i| i.counts.reviewed > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Account, AccountStatus, Platform};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn item(id: &str, kind: ReviewKind) -> ReviewItem {
        ReviewItem {
            id: id.into(),
            text: format!("Krav {id}"),
            kind,
        }
    }

    #[test]
    fn yes_passes_and_no_does_not() {
        let yes_no = item("a", ReviewKind::YesNo);
        let today = day(2019, 4, 30);
        assert_eq!(yes_no.passes(ReviewAnswer::Yes, today), Some(true));
        assert_eq!(yes_no.passes(ReviewAnswer::No, today), Some(false));
        assert_eq!(yes_no.passes(ReviewAnswer::Number(5), today), None);
        assert_eq!(yes_no.passes(ReviewAnswer::Date(today), today), None);
    }

    #[test]
    fn a_number_passes_from_its_minimum() {
        let admins = item("admins", ReviewKind::Number { min: 2 });
        let today = day(2019, 4, 30);
        for (n, passes) in [
            (0, false),
            (1, false),
            (2, true),
            (3, true),
            (u32::MAX, true),
        ] {
            assert_eq!(
                admins.passes(ReviewAnswer::Number(n), today),
                Some(passes),
                "{n}"
            );
        }
        let any = item("any", ReviewKind::Number { min: 0 });
        assert_eq!(any.passes(ReviewAnswer::Number(0), today), Some(true));
        assert_eq!(admins.passes(ReviewAnswer::Yes, today), None);
    }

    #[test]
    fn a_date_passes_within_the_window_edge_days_included() {
        // 56 days before 2019-04-30 is 2019-03-05.
        let recent = item("posted", ReviewKind::Date { within_days: 56 });
        let as_of = day(2019, 4, 30);
        for (date, passes) in [
            (day(2019, 3, 4), false), // one day too early
            (day(2019, 3, 5), true),  // the first day of the window
            (day(2019, 4, 29), true), // yesterday
            (day(2019, 4, 30), true), // the as-of day itself
            (day(2019, 5, 2), true),  // after the closing: still in use
            (day(2018, 12, 24), false),
        ] {
            assert_eq!(
                recent.passes(ReviewAnswer::Date(date), as_of),
                Some(passes),
                "{date}"
            );
        }
        // Zero days: only the as-of day (and later) pass.
        let today_only = item("t", ReviewKind::Date { within_days: 0 });
        assert_eq!(
            today_only.passes(ReviewAnswer::Date(day(2019, 4, 29)), as_of),
            Some(false)
        );
        assert_eq!(
            today_only.passes(ReviewAnswer::Date(as_of), as_of),
            Some(true)
        );
        // A window reaching before the calendar's start does not overflow.
        let forever = item(
            "f",
            ReviewKind::Date {
                within_days: u32::MAX,
            },
        );
        assert_eq!(
            forever.passes(ReviewAnswer::Date(day(1990, 1, 1)), as_of),
            Some(true)
        );
        assert_eq!(recent.passes(ReviewAnswer::Number(1), as_of), None);
    }

    #[test]
    fn the_window_follows_the_local_date_of_the_as_of_instant() {
        // 2019-04-29 23:30 UTC is already 2019-04-30 in Stockholm (summer time, +02:00).
        let mut audit = Audit::default();
        audit
            .review
            .push(item("posted", ReviewKind::Date { within_days: 0 }));
        let mut account = Account::default();
        account
            .review
            .insert("posted".into(), ReviewAnswer::Date(day(2019, 4, 30)));
        audit.accounts.push(account);
        let as_of = DateTime::parse_from_rfc3339("2019-04-29T23:30:00Z")
            .unwrap()
            .to_utc();
        let r = ReviewResults::compute(&audit, as_of);
        assert_eq!(
            r.items[0].counts,
            ItemCounts {
                reviewed: 1,
                passed: 1
            }
        );
    }

    #[test]
    fn only_audited_accounts_count_overall_and_per_unit() {
        let mut audit = Audit {
            review: vec![
                item("admins", ReviewKind::Number { min: 2 }),
                item("contact", ReviewKind::YesNo),
            ],
            ..Audit::default()
        };
        let answered = |unit: &str, admins: u32, contact: ReviewAnswer| {
            let mut a = Account {
                unit: unit.into(),
                platform: Platform::Facebook,
                ..Account::default()
            };
            a.review
                .insert("admins".into(), ReviewAnswer::Number(admins));
            a.review.insert("contact".into(), contact);
            a
        };
        audit.accounts = vec![
            answered("Skola A", 2, ReviewAnswer::Yes),
            answered("Skola A", 1, ReviewAnswer::No),
            answered("Skola B", 3, ReviewAnswer::Yes),
            // Not reviewed for "contact"; an answer for an item no longer in the checklist.
            {
                let mut a = answered("Skola B", 0, ReviewAnswer::Yes);
                a.review.remove("contact");
                a.review.insert("gone".into(), ReviewAnswer::Yes);
                a
            },
            // Closed and not selected: never counted.
            Account {
                status: AccountStatus::Closed,
                ..answered("Skola A", 5, ReviewAnswer::Yes)
            },
            Account {
                selected: false,
                ..answered("Skola C", 5, ReviewAnswer::Yes)
            },
            // Audited, nothing reviewed yet.
            Account {
                unit: String::new(),
                ..Account::default()
            },
        ];
        let r = ReviewResults::compute(&audit, Utc::now());
        assert_eq!((r.accounts, r.reviewed_accounts), (5, 4));
        let counts: Vec<(&str, ItemCounts)> =
            r.items.iter().map(|i| (i.id.as_str(), i.counts)).collect();
        assert_eq!(
            counts,
            [
                (
                    "admins",
                    ItemCounts {
                        reviewed: 4,
                        passed: 2
                    }
                ),
                (
                    "contact",
                    ItemCounts {
                        reviewed: 3,
                        passed: 2
                    }
                ),
            ]
        );
        assert_eq!(r.items[0].counts.share(), Some(0.5));
        let units: Vec<(GroupKey, usize, Vec<ItemCounts>)> = r
            .by_unit
            .iter()
            .map(|u| (u.key.clone(), u.accounts, u.items.clone()))
            .collect();
        let c = |reviewed, passed| ItemCounts { reviewed, passed };
        assert_eq!(
            units,
            [
                (GroupKey::NoUnit, 1, vec![c(0, 0), c(0, 0)]),
                (GroupKey::Unit("Skola A".into()), 2, vec![c(2, 1), c(2, 1)]),
                (GroupKey::Unit("Skola B".into()), 2, vec![c(2, 1), c(1, 1)]),
            ]
        );
        assert!(r.has_answers());
        assert!(!ReviewResults::compute(&Audit::default(), Utc::now()).has_answers());
    }
}
