//! Bringing the parts of a split audit back (PRODUCT §8b): a three-way merge by the stable
//! account and probe ids.
//!
//! **What changed since the split.** Each part made by `core::split` carries its accounts as they
//! were at the split ([`SplitOrigin`]). That copy is the common ancestor: a part changed a value
//! when its value differs from the copy, and the audit the parts came from (the *base*, which
//! may have been worked on since) changed it when *its* value differs from the copy. Treating
//! the base itself as the ancestor would not do: an answer logged in the base after the split
//! would look like the part "clearing" it, and would be overwritten without a word. With the
//! copy, each value is decided alone:
//!
//! - unchanged everywhere: kept;
//! - changed in exactly one place (the base or one part), or to the same value in several:
//!   that value, once;
//! - changed to different values in two places: a [`Conflict`] listing each value with where it
//!   was found. Nothing is chosen for the user: the merged audit holds the base's value (else
//!   the first) until [`Merge::resolve`] is given a choice for every conflict.
//!
//! **Added and removed.** An account or probe that is new in a part is added (the same addition
//! in two parts, by id, once; different ones conflict field by field). One removed in a part or
//! in the base since the split is removed when nobody else changed it, since then nothing that
//! anyone logged is lost; when another place changed it, that is a conflict ([`Field::Account`]
//! or [`Field::Probe`]: kept with the changes, or removed), kept until the user decides.
//! Evidence lists are merged as sets: references added anywhere are kept, removed ones go.
//!
//! **The rest of the audit** (metadata, criteria, texts, question bank, actions, settings) is the
//! base's: a part's copy of it is not merged. Where a part's copy differs from the base's, the
//! merge says so ([`Merge::ignored`]) rather than dropping it silently.
//!
//! Accounts and probes are found through hash maps by id, so the merge is linear in the size of
//! the register and the parts: 2,000 accounts in 8 parts take a few milliseconds.

use super::model::{
    Account, AccountId, AccountStatus, Audit, Platform, Probe, ProbeId, SplitOrigin, Stamp,
};
use std::collections::{HashMap, HashSet};
use three_way::{Held, Version, account_value, merge_account, set_account_value, set_probe_value};

mod three_way;

/// Where a value was found: the audit the parts were split from, or a part (its index in the
/// parts handed to [`merge`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    Audit,
    Part(usize),
}

/// A field that can conflict, as named in the audit file ([`Field::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The account itself: removed in one place, changed in another.
    Account,
    Name,
    Platform,
    Unit,
    Url,
    Status,
    ExclusionNote,
    Selected,
    /// The probe itself: removed in one place, changed in another.
    Probe,
    Question,
    PostedAt,
    AnsweredAt,
    Signed,
    Note,
}

const ACCOUNT_FIELDS: [Field; 7] = [
    Field::Name,
    Field::Platform,
    Field::Unit,
    Field::Url,
    Field::Status,
    Field::ExclusionNote,
    Field::Selected,
];

const PROBE_FIELDS: [Field; 5] = [
    Field::Question,
    Field::PostedAt,
    Field::AnsweredAt,
    Field::Signed,
    Field::Note,
];

impl Field {
    /// The field's name in the audit file (`answered_at`); the account or probe itself is
    /// `account` or `probe`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Field::Account => "account",
            Field::Name => "name",
            Field::Platform => "platform",
            Field::Unit => "unit",
            Field::Url => "url",
            Field::Status => "status",
            Field::ExclusionNote => "exclusion_note",
            Field::Selected => "selected",
            Field::Probe => "probe",
            Field::Question => "question",
            Field::PostedAt => "posted_at",
            Field::AnsweredAt => "answered_at",
            Field::Signed => "signed",
            Field::Note => "note",
        }
    }
}

/// One value of a conflicting field, typed: the words are chosen at the edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Time(Option<Stamp>),
    Signed(Option<bool>),
    Platform(Platform),
    Status(AccountStatus),
    Selected(bool),
    /// The account or probe is kept, with the changes made to it.
    Kept,
    /// The account or probe was removed.
    Removed,
}

/// One of the values a conflict offers, with every place it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: Value,
    pub sources: Vec<Source>,
}

/// The same account or probe changed differently in two places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub account: AccountId,
    /// The account's name and platform (as merged), to say which account.
    pub account_name: String,
    pub platform: Platform,
    /// The probe, for a probe's field; with its posted time and question, to say which.
    pub probe: Option<ProbeId>,
    pub probe_posted: Option<Stamp>,
    pub probe_question: String,
    pub field: Field,
    /// The value at the split; `None` for an account or probe added since, and for
    /// [`Field::Account`] and [`Field::Probe`].
    pub original: Option<Value>,
    /// Two or more different values; the merged audit holds the first until one is chosen.
    pub choices: Vec<Choice>,
}

/// A part of the audit outside the register, which a merge takes from the base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// Metadata other than the title (a part's title says which part it is).
    Meta,
    Criteria,
    /// The risk and the report's texts.
    Texts,
    QuestionBank,
    Actions,
    /// The report's settings.
    Report,
    Sample,
    Earlier,
}

/// How the merged register differs from the base's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub accounts_added: usize,
    /// Accounts whose own fields (name, unit, status, …) changed.
    pub accounts_changed: usize,
    pub accounts_removed: usize,
    pub probes_added: usize,
    pub probes_changed: usize,
    pub probes_removed: usize,
}

impl Counts {
    /// What changed from `base` to `merged`, by id.
    #[must_use]
    pub fn between(base: &Audit, merged: &Audit) -> Counts {
        let mut counts = Counts::default();
        let before: HashMap<AccountId, &Account> =
            base.accounts.iter().map(|a| (a.id, a)).collect();
        let mut seen = HashSet::with_capacity(merged.accounts.len());
        for account in &merged.accounts {
            seen.insert(account.id);
            let Some(old) = before.get(&account.id) else {
                counts.accounts_added += 1;
                counts.probes_added += account.probes.len();
                continue;
            };
            counts.accounts_changed += usize::from(
                ACCOUNT_FIELDS
                    .iter()
                    .any(|f| account_value(*f, old) != account_value(*f, account)),
            );
            let old_probes: HashMap<ProbeId, &Probe> =
                old.probes.iter().map(|p| (p.id, p)).collect();
            for probe in &account.probes {
                match old_probes.get(&probe.id) {
                    None => counts.probes_added += 1,
                    Some(p) => counts.probes_changed += usize::from(*p != probe),
                }
            }
            let now: HashSet<ProbeId> = account.probes.iter().map(|p| p.id).collect();
            counts.probes_removed += old.probes.iter().filter(|p| !now.contains(&p.id)).count();
        }
        for account in base.accounts.iter().filter(|a| !seen.contains(&a.id)) {
            counts.accounts_removed += 1;
            counts.probes_removed += account.probes.len();
        }
        counts
    }
}

/// Why the parts cannot be merged into this audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// The part has no split marker: it was not made by a split.
    NotAPart { part: usize },
    /// None of the part's accounts is in the audit: it was split from another audit.
    NotFromThisAudit { part: usize },
}

/// The merged audit, and what the user must decide before it is taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    /// The base with the parts' work; at each conflict, the conflict's first value.
    pub audit: Audit,
    pub conflicts: Vec<Conflict>,
    /// Settings a part holds differently from the base, which were not taken.
    pub ignored: Vec<(usize, Setting)>,
}

impl Merge {
    /// The merged audit with `choices[i]` (an index into `conflicts[i].choices`) taken for
    /// each conflict; a missing or out-of-range choice keeps the first value.
    #[must_use]
    pub fn resolve(self, choices: &[usize]) -> Audit {
        let mut audit = self.audit;
        let mut removed_accounts = HashSet::new();
        let mut removed_probes = HashSet::new();
        let index: HashMap<AccountId, usize> = audit
            .accounts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        for (i, conflict) in self.conflicts.iter().enumerate() {
            let choice = choices.get(i).copied().unwrap_or(0);
            let Some(chosen) = conflict.choices.get(choice) else {
                continue;
            };
            let Some(account) = index
                .get(&conflict.account)
                .map(|&a| &mut audit.accounts[a])
            else {
                continue;
            };
            match (&chosen.value, conflict.probe) {
                (Value::Removed, None) => {
                    removed_accounts.insert(conflict.account);
                }
                (Value::Removed, Some(probe)) => {
                    removed_probes.insert(probe);
                }
                (Value::Kept, _) => {}
                (value, None) => set_account_value(conflict.field, account, value.clone()),
                (value, Some(probe)) => {
                    if let Some(p) = account.probes.iter_mut().find(|p| p.id == probe) {
                        set_probe_value(conflict.field, p, value.clone());
                    }
                }
            }
        }
        audit.accounts.retain(|a| !removed_accounts.contains(&a.id));
        if !removed_probes.is_empty() {
            for account in &mut audit.accounts {
                account.probes.retain(|p| !removed_probes.contains(&p.id));
            }
        }
        audit
    }
}

/// Merge `parts` (made by `core::split` from `base`, and worked on since) into `base`.
///
/// ```
/// use svarskoll::core::merge::merge;
/// use svarskoll::core::split::{SplitBy, split};
/// use svarskoll::core::{Account, AccountId, Audit, Probe, ProbeId};
/// let mut base = Audit::default();
/// base.accounts.push(Account {
///     id: AccountId(1),
///     name: "Alpha".into(),
///     probes: vec![Probe { id: ProbeId(2), ..Probe::default() }],
///     ..Account::default()
/// });
/// let mut part = split(&base, SplitBy::Count(1)).unwrap().remove(0).audit;
/// part.accounts[0].probes[0].note = "svar i DM".into();
/// let merged = merge(&base, &[part]).unwrap();
/// assert!(merged.conflicts.is_empty());
/// assert_eq!(merged.audit.accounts[0].probes[0].note, "svar i DM");
/// ```
///
/// # Errors
/// A part without a split marker, or one whose accounts are none of `base`'s.
pub fn merge(base: &Audit, parts: &[Audit]) -> Result<Merge, MergeError> {
    let origins: Vec<&SplitOrigin> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| p.split.as_ref().ok_or(MergeError::NotAPart { part: i }))
        .collect::<Result<_, _>>()?;
    let in_base: HashMap<AccountId, &Account> = base.accounts.iter().map(|a| (a.id, a)).collect();
    for (i, origin) in origins.iter().enumerate() {
        if !origin.accounts.is_empty()
            && origin.accounts.iter().all(|a| !in_base.contains_key(&a.id))
        {
            return Err(MergeError::NotFromThisAudit { part: i });
        }
    }
    // Each account id with the parts that hold it: (part, as at the split, as now).
    let mut held: HashMap<AccountId, Vec<Held<'_>>> = HashMap::with_capacity(base.accounts.len());
    for (i, (part, origin)) in parts.iter().zip(&origins).enumerate() {
        let now: HashMap<AccountId, &Account> = part.accounts.iter().map(|a| (a.id, a)).collect();
        let mut seen = HashSet::with_capacity(origin.accounts.len());
        for account in &origin.accounts {
            if seen.insert(account.id) {
                held.entry(account.id).or_default().push(Held {
                    part: i,
                    origin: Some(account),
                    current: now.get(&account.id).copied(),
                });
            }
        }
        for account in part.accounts.iter().filter(|a| !seen.contains(&a.id)) {
            held.entry(account.id).or_default().push(Held {
                part: i,
                origin: None,
                current: Some(account),
            });
        }
    }
    // Base order first, then what the parts added, in the parts' order.
    let mut order: Vec<AccountId> = base.accounts.iter().map(|a| a.id).collect();
    let mut listed: HashSet<AccountId> = order.iter().copied().collect();
    for part in parts {
        for account in &part.accounts {
            if listed.insert(account.id) {
                order.push(account.id);
            }
        }
    }
    let mut merged = Vec::with_capacity(order.len());
    let mut conflicts = Vec::new();
    for id in order {
        let base_now = in_base.get(&id).copied();
        let Some(holders) = held.get(&id) else {
            merged.extend(base_now.cloned());
            continue;
        };
        // The common case: the parts that hold it left it as it was.
        if holders
            .iter()
            .all(|h| h.origin.is_some() && h.origin == h.current)
        {
            merged.extend(base_now.cloned());
            continue;
        }
        let mut versions = Vec::with_capacity(holders.len() + 1);
        versions.push(Version {
            source: Source::Audit,
            origin: holders.iter().find_map(|h| h.origin),
            current: base_now,
        });
        versions.extend(holders.iter().map(|h| Version {
            source: Source::Part(h.part),
            origin: h.origin,
            current: h.current,
        }));
        if let Some(account) = merge_account(&versions, &mut conflicts) {
            merged.push(account);
        }
    }
    let mut audit = base.clone();
    audit.accounts = merged;
    let ignored = parts
        .iter()
        .enumerate()
        .flat_map(|(i, part)| settings_differing(base, part).map(move |s| (i, s)))
        .collect();
    Ok(Merge {
        audit,
        conflicts,
        ignored,
    })
}

/// The settings `part` holds differently from `base` (its title aside).
fn settings_differing(base: &Audit, part: &Audit) -> impl Iterator<Item = Setting> {
    let mut meta = part.meta.clone();
    meta.title.clone_from(&base.meta.title);
    [
        (
            Setting::Meta,
            meta != base.meta || part.template != base.template,
        ),
        (
            Setting::Criteria,
            part.criteria != base.criteria || part.template_criteria != base.template_criteria,
        ),
        (
            Setting::Texts,
            part.risk != base.risk || part.texts != base.texts,
        ),
        (
            Setting::QuestionBank,
            part.question_bank != base.question_bank,
        ),
        (Setting::Actions, part.actions != base.actions),
        (Setting::Report, part.report != base.report),
        (Setting::Sample, part.sample != base.sample),
        (Setting::Earlier, part.earlier != base.earlier),
    ]
    .into_iter()
    .filter_map(|(setting, differs)| differs.then_some(setting))
}
