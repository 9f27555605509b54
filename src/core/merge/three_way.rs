//! The three-way decision for one account and its probes: each place's version (the audit the
//! parts came from, each part) against the copy taken at the split, value by value.

use super::{ACCOUNT_FIELDS, Choice, Conflict, Field, PROBE_FIELDS, Source, Value};
use crate::core::model::{Account, Probe, ProbeId};
use std::collections::HashSet;

/// An account as one part holds it.
pub(super) struct Held<'a> {
    pub(super) part: usize,
    pub(super) origin: Option<&'a Account>,
    pub(super) current: Option<&'a Account>,
}

/// One place's account (or probe): as at the split and as now.
pub(super) struct Version<'a, T> {
    pub(super) source: Source,
    pub(super) origin: Option<&'a T>,
    pub(super) current: Option<&'a T>,
}

impl<T: PartialEq> Version<'_, T> {
    fn removed(&self) -> bool {
        self.origin.is_some() && self.current.is_none()
    }

    fn changed(&self) -> bool {
        self.current.is_some() && self.origin != self.current
    }
}

/// Whether the item survives: `Some(kept sources)` or `None` when it is removed. A removal
/// that meets a change elsewhere is a conflict (kept until the user decides).
fn presence<T: PartialEq>(versions: &[Version<'_, T>]) -> Presence {
    if versions.iter().all(|v| v.current.is_none()) {
        return Presence::Gone;
    }
    let removed: Vec<Source> = versions
        .iter()
        .filter(|v| v.removed())
        .map(|v| v.source)
        .collect();
    if removed.is_empty() {
        return Presence::Kept;
    }
    let changed: Vec<Source> = versions
        .iter()
        .filter(|v| v.changed())
        .map(|v| v.source)
        .collect();
    if changed.is_empty() {
        Presence::Gone
    } else {
        Presence::Disputed(vec![
            Choice {
                value: Value::Kept,
                sources: changed,
            },
            Choice {
                value: Value::Removed,
                sources: removed,
            },
        ])
    }
}

enum Presence {
    Kept,
    Gone,
    Disputed(Vec<Choice>),
}

/// The three-way decision for one field over the places that hold the item now: the value
/// taken, and the choices when places changed it differently.
fn decide<T>(
    versions: &[Version<'_, T>],
    value: impl Fn(&T) -> Value,
) -> (Option<Value>, Option<Vec<Choice>>) {
    let mut choices: Vec<Choice> = Vec::new();
    for v in versions {
        let Some(current) = v.current else { continue };
        let now = value(current);
        if v.origin.is_some_and(|o| value(o) == now) {
            continue;
        }
        match choices.iter_mut().find(|c| c.value == now) {
            Some(c) => c.sources.push(v.source),
            None => choices.push(Choice {
                value: now,
                sources: vec![v.source],
            }),
        }
    }
    match choices.len() {
        0 => (None, None),
        1 => (choices.pop().map(|c| c.value), None),
        _ => {
            // The base's value first (what the audit holds until the user decides).
            choices.sort_by_key(|c| !c.sources.contains(&Source::Audit));
            (Some(choices[0].value.clone()), Some(choices))
        }
    }
}

pub(super) fn merge_account(
    versions: &[Version<'_, Account>],
    conflicts: &mut Vec<Conflict>,
) -> Option<Account> {
    let disputed = match presence(versions) {
        Presence::Gone => return None,
        Presence::Kept => None,
        Presence::Disputed(choices) => Some(choices),
    };
    // Only the places that still hold the account take part in merging what it holds: a place
    // that removed it has had its say above.
    let present = still_held(versions);
    let mut account = present.iter().find_map(|v| v.current)?.clone();
    let mut found = Vec::new();
    for field in ACCOUNT_FIELDS {
        let (value, choices) = decide(&present, |a| account_value(field, a));
        if let Some(value) = value {
            set_account_value(field, &mut account, value);
        }
        if let Some(choices) = choices {
            found.push((field, choices));
        }
    }
    let origin = versions.iter().find_map(|v| v.origin);
    let conflict = |field, original, choices| Conflict {
        account: account.id,
        account_name: account.name.clone(),
        platform: account.platform,
        probe: None,
        probe_posted: None,
        probe_question: String::new(),
        field,
        original,
        choices,
    };
    if let Some(choices) = disputed {
        conflicts.push(conflict(Field::Account, None, choices));
    }
    for (field, choices) in found {
        let original = origin.map(|o| account_value(field, o));
        conflicts.push(conflict(field, original, choices));
    }
    account.probes = merge_probes(&present, &account, conflicts);
    Some(account)
}

/// The versions that hold the item now.
fn still_held<'a, T>(versions: &[Version<'a, T>]) -> Vec<Version<'a, T>> {
    versions
        .iter()
        .filter(|v| v.current.is_some())
        .map(|v| Version {
            source: v.source,
            origin: v.origin,
            current: v.current,
        })
        .collect()
}

fn probes_of(account: Option<&Account>) -> &[Probe] {
    account.map_or(&[], |a| a.probes.as_slice())
}

fn probe_in(account: Option<&Account>, id: ProbeId) -> Option<&Probe> {
    probes_of(account).iter().find(|p| p.id == id)
}

fn merge_probes(
    accounts: &[Version<'_, Account>],
    merged: &Account,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Probe> {
    let mut order: Vec<ProbeId> = Vec::new();
    let mut listed = HashSet::new();
    for v in accounts {
        for p in probes_of(v.current) {
            if listed.insert(p.id) {
                order.push(p.id);
            }
        }
    }
    let mut probes = Vec::with_capacity(order.len());
    for id in order {
        let versions: Vec<Version<'_, Probe>> = accounts
            .iter()
            .map(|v| Version {
                source: v.source,
                origin: probe_in(v.origin, id),
                current: probe_in(v.current, id),
            })
            .filter(|v| v.origin.is_some() || v.current.is_some())
            .collect();
        let disputed = match presence(&versions) {
            Presence::Gone => continue,
            Presence::Kept => None,
            Presence::Disputed(choices) => Some(choices),
        };
        let present = still_held(&versions);
        let Some(start) = present.iter().find_map(|v| v.current) else {
            continue;
        };
        let mut probe = start.clone();
        let mut found = Vec::new();
        for field in PROBE_FIELDS {
            let (value, choices) = decide(&present, |p| probe_value(field, p));
            if let Some(value) = value {
                set_probe_value(field, &mut probe, value);
            }
            if let Some(choices) = choices {
                found.push((field, choices));
            }
        }
        probe.evidence = merge_evidence(&present);
        let origin = present.iter().find_map(|v| v.origin);
        let conflict = |field, original, choices| Conflict {
            account: merged.id,
            account_name: merged.name.clone(),
            platform: merged.platform,
            probe: Some(probe.id),
            probe_posted: probe.posted_at,
            probe_question: probe.question.clone(),
            field,
            original,
            choices,
        };
        if let Some(choices) = disputed {
            conflicts.push(conflict(Field::Probe, None, choices));
        }
        for (field, choices) in found {
            let original = origin.map(|o| probe_value(field, o));
            conflicts.push(conflict(field, original, choices));
        }
        probes.push(probe);
    }
    probes
}

/// Evidence as a set: the first place's list, with every reference another place added and
/// without those a place removed.
fn merge_evidence(versions: &[Version<'_, Probe>]) -> Vec<String> {
    let Some(first) = versions.iter().find_map(|v| v.current) else {
        return Vec::new();
    };
    let mut evidence = first.evidence.clone();
    for v in versions {
        let Some(current) = v.current else { continue };
        let before: &[String] = v.origin.map_or(&[], |o| &o.evidence);
        for added in current.evidence.iter().filter(|e| !before.contains(e)) {
            if !evidence.contains(added) {
                evidence.push(added.clone());
            }
        }
        for removed in before.iter().filter(|e| !current.evidence.contains(e)) {
            evidence.retain(|e| e != removed);
        }
    }
    evidence
}

pub(super) fn account_value(field: Field, a: &Account) -> Value {
    match field {
        Field::Name => Value::Text(a.name.clone()),
        Field::Platform => Value::Platform(a.platform),
        Field::Unit => Value::Text(a.unit.clone()),
        Field::Url => Value::Text(a.url.clone()),
        Field::Status => Value::Status(a.status),
        Field::ExclusionNote => Value::Text(a.exclusion_note.clone()),
        Field::Selected => Value::Selected(a.selected),
        _ => Value::Kept,
    }
}

pub(super) fn set_account_value(field: Field, a: &mut Account, value: Value) {
    match (field, value) {
        (Field::Name, Value::Text(t)) => a.name = t,
        (Field::Platform, Value::Platform(p)) => a.platform = p,
        (Field::Unit, Value::Text(t)) => a.unit = t,
        (Field::Url, Value::Text(t)) => a.url = t,
        (Field::Status, Value::Status(s)) => a.status = s,
        (Field::ExclusionNote, Value::Text(t)) => a.exclusion_note = t,
        (Field::Selected, Value::Selected(s)) => a.selected = s,
        _ => {}
    }
}

fn probe_value(field: Field, p: &Probe) -> Value {
    match field {
        Field::Question => Value::Text(p.question.clone()),
        Field::PostedAt => Value::Time(p.posted_at),
        Field::AnsweredAt => Value::Time(p.answered_at),
        Field::Signed => Value::Signed(p.signed),
        Field::Note => Value::Text(p.note.clone()),
        _ => Value::Kept,
    }
}

pub(super) fn set_probe_value(field: Field, p: &mut Probe, value: Value) {
    match (field, value) {
        (Field::Question, Value::Text(t)) => p.question = t,
        (Field::PostedAt, Value::Time(t)) => p.posted_at = t,
        (Field::AnsweredAt, Value::Time(t)) => p.answered_at = t,
        (Field::Signed, Value::Signed(s)) => p.signed = s,
        (Field::Note, Value::Text(t)) => p.note = t,
        _ => {}
    }
}
