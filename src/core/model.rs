//! The audit model: what an audit file holds.

use super::deadline::DeadlineRule;
use super::review::{ReviewAnswer, ReviewItem};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The audit file format version written by this build. Every change of the format raises it
/// and adds a step to `store::migrate` so files of every earlier version keep opening.
///
/// 1: the first format. 2: stable ids for accounts and probes. 3: the report's settings
/// ([`ReportSettings`]: whether the evidence appendix is included). 4: the account review
/// (`Audit::review`, the checklist; `Account::review`, each account's answers). 5: earlier audits
/// as a list (`earlier: Vec<EarlierAudit>`, oldest first, each with its `year`). 6: the split
/// marker of a part ([`SplitOrigin`]).
pub const AUDIT_FILE_VERSION: u32 = 6;

/// A probe's stable identity: random, unique within its audit, kept for the probe's life (also
/// when rows are reordered or deleted, and across auditors' copies of one audit). 0 means "not
/// assigned yet" (see [`Audit::assign_missing_ids`]).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ProbeId(pub u64);

/// An account's stable identity (see [`ProbeId`]).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct AccountId(pub u64);

/// A local time with its UTC offset, as stored in audit files ("2019-03-12T10:00:00+01:00").
pub type Stamp = DateTime<FixedOffset>;

/// A social-media platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Platform {
    Facebook,
    Instagram,
    /// X, formerly Twitter.
    X,
    LinkedIn,
    YouTube,
    TikTok,
    Other,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::Facebook,
        Platform::Instagram,
        Platform::X,
        Platform::LinkedIn,
        Platform::YouTube,
        Platform::TikTok,
        Platform::Other,
    ];

    /// Parse a platform name as people write it: case-insensitive, `X` and `Twitter` alike.
    ///
    /// ```
    /// use svarskoll::core::Platform;
    /// assert_eq!(Platform::parse("twitter"), Some(Platform::X));
    /// assert_eq!(Platform::parse(" X "), Some(Platform::X));
    /// assert_eq!(Platform::parse("Myspace"), None);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Platform> {
        let t = text.trim().to_lowercase();
        Some(match t.as_str() {
            "facebook" | "fb" => Platform::Facebook,
            "instagram" | "ig" => Platform::Instagram,
            "x" | "twitter" | "x (twitter)" | "x/twitter" => Platform::X,
            "linkedin" => Platform::LinkedIn,
            "youtube" => Platform::YouTube,
            "tiktok" => Platform::TikTok,
            "other" | "övrigt" | "övrig" | "annan" | "annat" => Platform::Other,
            _ => return None,
        })
    }
}

/// Whether an account can be audited.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    #[default]
    Active,
    /// Avslutat.
    Closed,
    /// Stängt för allmänheten.
    NotPublic,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 3] = [
        AccountStatus::Active,
        AccountStatus::Closed,
        AccountStatus::NotPublic,
    ];

    /// `active|aktivt`, `closed|avslutat`, `private|stängt` (case-insensitive).
    #[must_use]
    pub fn parse(text: &str) -> Option<AccountStatus> {
        let t = text.trim().to_lowercase();
        Some(match t.as_str() {
            "" | "active" | "aktivt" | "aktiv" => AccountStatus::Active,
            "closed" | "avslutat" | "avslutad" => AccountStatus::Closed,
            "private" | "stängt" | "stängd" | "not public" | "not_public" | "privat" => {
                AccountStatus::NotPublic
            }
            _ => return None,
        })
    }
}

/// Why a listed account was not audited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    Closed,
    NotPublic,
    PlatformOutOfScope,
}

/// One test question posted to one account, with its log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Probe {
    pub id: ProbeId,
    pub question: String,
    /// When the question was posted (local time with offset).
    pub posted_at: Option<Stamp>,
    /// When it was answered, if ever.
    pub answered_at: Option<Stamp>,
    /// Whether the answer was signed with the responder's first name (not the name itself).
    pub signed: Option<bool>,
    pub note: String,
    /// Evidence screenshots, relative to the audit's `NAME.evidence/` folder.
    pub evidence: Vec<String>,
}

/// One social-media account in the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Account {
    pub id: AccountId,
    pub name: String,
    pub platform: Platform,
    /// The unit (verksamhet) that runs the account.
    pub unit: String,
    /// URL or handle.
    pub url: String,
    pub status: AccountStatus,
    /// Free-text explanation for a closed or non-public account.
    pub exclusion_note: String,
    /// Chosen for testing (in the sample).
    pub selected: bool,
    pub probes: Vec<Probe>,
    /// The account review's answers by checklist item id (`Audit::review`); an item without
    /// an answer is not reviewed yet (since format version 4).
    pub review: BTreeMap<String, ReviewAnswer>,
}

impl Default for Account {
    fn default() -> Self {
        Self {
            id: AccountId::default(),
            name: String::new(),
            platform: Platform::Facebook,
            unit: String::new(),
            url: String::new(),
            status: AccountStatus::Active,
            exclusion_note: String::new(),
            selected: true,
            probes: Vec::new(),
            review: BTreeMap::new(),
        }
    }
}

/// Who, for whom, when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditMeta {
    /// "Malmö stad".
    pub organisation: String,
    /// The report's title, e.g. "Uppföljning av internkontrollplan 2019".
    pub title: String,
    /// The committee the report is for (nämnd).
    pub committee: String,
    /// Who did the audit (förvaltning).
    pub administration: String,
    pub year: i32,
    /// "tertial 1", "2019", …
    pub period: String,
    pub auditors: Vec<String>,
    /// Who the results are reported to.
    pub report_to: String,
    pub diary_number: String,
    /// The report's date; today when empty.
    pub report_date: Option<NaiveDate>,
    /// When the audit was closed: the default "as of" instant for results.
    pub closed_at: Option<Stamp>,
}

/// The audit's criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Criteria {
    pub deadline: DeadlineRule,
    /// Answers must end with the responder's first name.
    pub signature_required: bool,
    pub platforms_in_scope: Vec<Platform>,
}

impl Default for Criteria {
    fn default() -> Self {
        Self {
            deadline: DeadlineRule::default(),
            signature_required: true,
            platforms_in_scope: vec![Platform::Facebook, Platform::Instagram, Platform::X],
        }
    }
}

/// The risk the audit addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Risk {
    /// "Bristande serviceskyldighet".
    pub title: String,
    pub description: String,
}

/// The report's texts, from the template and the auditor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportTexts {
    pub introduction: String,
    /// The audit's heading, "Användande av sociala medier".
    pub audit_title: String,
    /// Områden och rutiner som granskas.
    pub areas: String,
    /// Syfte.
    pub purpose: String,
    /// Omfattning/avgränsning.
    pub scope: String,
    /// Granskningsmetod.
    pub method: String,
    /// The auditor's addition after Svarskoll's own result paragraphs.
    pub results_note: String,
    pub analysis: String,
    pub conclusion: String,
}

/// How the report is made, as the auditor chose for this audit (format version 3).
///
/// ```
/// use svarskoll::core::Audit;
/// // Off unless the auditor turns it on: screenshots may show people's names.
/// assert!(!Audit::default().report.evidence_appendix);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportSettings {
    /// Add the evidence appendix: each audited probe's screenshots, captioned with account,
    /// platform, posted and answered times. Off by default: screenshots may show people's
    /// names, so a report with the appendix is not for publication.
    pub evidence_appendix: bool,
}

/// Where an improvement action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
}

/// An improvement action (Åtgärd).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Action {
    pub title: String,
    /// Vad ska göras.
    pub what_to_do: String,
    /// Rapportering av resultat till.
    pub report_to: String,
    pub responsible: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Genomförda åtgärder (follow-up).
    pub follow_up: String,
}

/// How the audited accounts were chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SampleMode {
    #[default]
    All,
    Random,
    Manual,
}

/// The sample settings, with the seed so a random draw can be reproduced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SampleSettings {
    pub mode: SampleMode,
    pub size: u32,
    pub per_platform: bool,
    pub seed: u64,
}

/// The figures of an earlier audit, for comparison and the trend.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EarlierAudit {
    /// "2016".
    pub label: String,
    /// The audit's year when its figures were carried from its file (a follow-up, or an earlier
    /// audit file opened for comparison); `None` for typed figures (since format version 5).
    pub year: Option<i32>,
    pub audited: u32,
    pub in_time: u32,
    pub signed: Option<u32>,
}

impl EarlierAudit {
    /// The audit's year: the carried one, else a label that is a year ("2016"), else `None`.
    ///
    /// ```
    /// use svarskoll::core::EarlierAudit;
    /// let typed = EarlierAudit { label: " 2016 ".into(), ..EarlierAudit::default() };
    /// assert_eq!(typed.year_or_label(), Some(2016));
    /// let named = EarlierAudit { label: "Våren".into(), ..EarlierAudit::default() };
    /// assert_eq!(named.year_or_label(), None);
    /// let carried = EarlierAudit { label: "Våren".into(), year: Some(2019), ..named };
    /// assert_eq!(carried.year_or_label(), Some(2019));
    /// ```
    #[must_use]
    pub fn year_or_label(&self) -> Option<i32> {
        let label = self.label.trim();
        self.year.or_else(|| {
            if label.len() == 4 && label.bytes().all(|b| b.is_ascii_digit()) {
                label.parse().ok()
            } else {
                None
            }
        })
    }
}

/// What a part made by a split (`svarskoll split`) remembers of the audit it came from (format
/// version 6): which part it is, and its accounts as they were at the split. Merging the part
/// back compares with these to tell the part's own changes from changes made in the audit since
/// the split (see `core::merge`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SplitOrigin {
    /// This part's number, from 1.
    pub part: u32,
    /// How many parts the audit was split into.
    pub parts: u32,
    /// The part's accounts (with their probes) as they were when the audit was split.
    pub accounts: Vec<Account>,
}

/// One audit (granskning).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Audit {
    pub version: u32,
    /// The template it was started from (its file stem), if any.
    pub template: String,
    /// The criteria as the template had them, to show where the audit differs.
    pub template_criteria: Option<Criteria>,
    pub meta: AuditMeta,
    pub criteria: Criteria,
    pub risk: Risk,
    pub texts: ReportTexts,
    /// How the report is made (since format version 3).
    pub report: ReportSettings,
    /// The account review's checklist, from the template (since format version 4).
    pub review: Vec<ReviewItem>,
    /// Test questions to pick from (frågebank).
    pub question_bank: Vec<String>,
    pub sample: SampleSettings,
    pub accounts: Vec<Account>,
    pub actions: Vec<Action>,
    /// Earlier audits' figures, oldest first: the trend, and the comparison with the last one
    /// (a list since format version 5; before, at most one).
    pub earlier: Vec<EarlierAudit>,
    /// Set in a part made by a split (since format version 6); `None` in an ordinary audit.
    pub split: Option<SplitOrigin>,
}

impl Default for Audit {
    fn default() -> Self {
        Self {
            version: AUDIT_FILE_VERSION,
            template: String::new(),
            template_criteria: None,
            meta: AuditMeta::default(),
            criteria: Criteria::default(),
            risk: Risk::default(),
            texts: ReportTexts::default(),
            report: ReportSettings::default(),
            review: Vec::new(),
            question_bank: Vec::new(),
            sample: SampleSettings::default(),
            accounts: Vec::new(),
            actions: Vec::new(),
            earlier: Vec::new(),
            split: None,
        }
    }
}

/// A template (mall): criteria and default report texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub description: String,
    pub organisation: String,
    pub criteria: Criteria,
    pub risk: Risk,
    pub texts: ReportTexts,
    pub question_bank: Vec<String>,
    pub actions: Vec<Action>,
    /// The account review's checklist (kontogranskning); absent in older template files.
    pub review: Vec<ReviewItem>,
}

impl Template {
    /// A new, empty audit from this template, for the year (in Sweden) of `now`; `key` is the
    /// template's file stem. The app and `svarskoll new` both start audits here.
    #[must_use]
    pub fn new_audit(&self, key: &str, now: chrono::DateTime<chrono::Utc>) -> Audit {
        use chrono::Datelike;
        Audit {
            template: key.to_owned(),
            template_criteria: Some(self.criteria.clone()),
            meta: AuditMeta {
                organisation: self.organisation.clone(),
                year: now.with_timezone(&super::localtime::ZONE).year(),
                ..AuditMeta::default()
            },
            criteria: self.criteria.clone(),
            risk: self.risk.clone(),
            texts: self.texts.clone(),
            question_bank: self.question_bank.clone(),
            actions: self.actions.clone(),
            review: self.review.clone(),
            ..Audit::default()
        }
    }
}

impl Audit {
    /// Save this audit's criteria and texts as a new template.
    #[must_use]
    pub fn to_template(&self, name: &str) -> Template {
        Template {
            name: name.to_owned(),
            description: String::new(),
            organisation: self.meta.organisation.clone(),
            criteria: self.criteria.clone(),
            risk: self.risk.clone(),
            texts: ReportTexts {
                results_note: String::new(),
                analysis: String::new(),
                conclusion: String::new(),
                ..self.texts.clone()
            },
            question_bank: self.question_bank.clone(),
            actions: Vec::new(),
            review: self.review.clone(),
        }
    }

    /// Whether the criteria differ from the template they came from.
    #[must_use]
    pub fn criteria_differ_from_template(&self) -> bool {
        self.template_criteria
            .as_ref()
            .is_some_and(|t| *t != self.criteria)
    }

    /// Why `account` is not audited, or `None` if it is eligible (active and in scope).
    #[must_use]
    pub fn exclusion(&self, account: &Account) -> Option<ExclusionReason> {
        match account.status {
            AccountStatus::Closed => Some(ExclusionReason::Closed),
            AccountStatus::NotPublic => Some(ExclusionReason::NotPublic),
            AccountStatus::Active
                if !self.criteria.platforms_in_scope.contains(&account.platform) =>
            {
                Some(ExclusionReason::PlatformOutOfScope)
            }
            AccountStatus::Active => None,
        }
    }

    /// Probe `probe` of account `account`, if both exist.
    pub fn probe_mut(&mut self, account: usize, probe: usize) -> Option<&mut Probe> {
        self.accounts.get_mut(account)?.probes.get_mut(probe)
    }

    /// Where the probe with this id is: (account index, probe index).
    #[must_use]
    pub fn find_probe(&self, id: ProbeId) -> Option<(usize, usize)> {
        self.accounts.iter().enumerate().find_map(|(a, account)| {
            let p = account.probes.iter().position(|p| p.id == id)?;
            Some((a, p))
        })
    }

    /// The probe with this id.
    pub fn probe_by_id_mut(&mut self, id: ProbeId) -> Option<&mut Probe> {
        let (a, p) = self.find_probe(id)?;
        self.probe_mut(a, p)
    }

    /// The index of the account with this id.
    #[must_use]
    pub fn find_account_by_id(&self, id: AccountId) -> Option<usize> {
        self.accounts.iter().position(|a| a.id == id)
    }

    /// Give every account and probe that has no id (0), or shares one with an earlier item, a
    /// fresh id from `fresh` (a random source handed in, so core stays free of the environment;
    /// values 0 and ids already taken are skipped). Returns how many ids were given.
    ///
    /// ```
    /// use svarskoll::core::{Account, Audit, Probe};
    /// let mut audit = Audit::default();
    /// audit.accounts.push(Account { probes: vec![Probe::default(); 2], ..Account::default() });
    /// let mut next = 0;
    /// assert_eq!(audit.assign_missing_ids(|| { next += 1; next }), 3);
    /// assert_ne!(audit.accounts[0].probes[0].id, audit.accounts[0].probes[1].id);
    /// assert_eq!(audit.assign_missing_ids(|| 7), 0);
    /// ```
    pub fn assign_missing_ids(&mut self, mut fresh: impl FnMut() -> u64) -> usize {
        use std::collections::HashSet;
        let mut taken: HashSet<u64> = HashSet::new();
        let mut assigned = 0;
        let mut next = |taken: &mut HashSet<u64>| loop {
            let candidate = fresh();
            if candidate != 0 && taken.insert(candidate) {
                return candidate;
            }
        };
        for account in &mut self.accounts {
            if account.id.0 == 0 || !taken.insert(account.id.0) {
                account.id = AccountId(next(&mut taken));
                assigned += 1;
            }
            for probe in &mut account.probes {
                if probe.id.0 == 0 || !taken.insert(probe.id.0) {
                    probe.id = ProbeId(next(&mut taken));
                    assigned += 1;
                }
            }
        }
        assigned
    }

    /// Eligible and chosen for testing.
    #[must_use]
    pub fn is_audited(&self, account: &Account) -> bool {
        account.selected && self.exclusion(account).is_none()
    }
}

impl Probe {
    /// Take what an imported copy of this probe adds: its answer, signature and note. Nothing
    /// already logged is cleared by an empty imported cell. Returns whether anything changed.
    pub fn take_update(&mut self, imported: Probe) -> bool {
        let before = self.clone();
        self.answered_at = imported.answered_at.or(self.answered_at);
        self.signed = imported.signed.or(self.signed);
        if !imported.note.is_empty() {
            self.note = imported.note;
        }
        *self != before
    }
}

/// What [`Audit::merge_accounts`] changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub new_accounts: usize,
    pub new_probes: usize,
    pub updated_probes: usize,
}

impl Audit {
    /// The index of the account with this name (case-insensitive) on this platform.
    #[must_use]
    pub fn find_account(&self, name: &str, platform: Platform) -> Option<usize> {
        let key = name.trim().to_lowercase();
        self.accounts
            .iter()
            .position(|a| a.platform == platform && a.name.trim().to_lowercase() == key)
    }

    /// Add imported accounts and probes. An account already in the register (same name and
    /// platform) keeps its data and gains the new probes; a probe with the same question and posted
    /// time as an existing one updates its answer instead of being duplicated, so re-importing an
    /// updated log is safe. Nothing already logged is ever cleared by an empty imported cell.
    pub fn merge_accounts(&mut self, incoming: Vec<Account>) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for account in incoming {
            let Some(index) = self.find_account(&account.name, account.platform) else {
                summary.new_accounts += 1;
                summary.new_probes += account.probes.len();
                self.accounts.push(account);
                continue;
            };
            let existing = &mut self.accounts[index];
            for (field, value) in [
                (&mut existing.unit, account.unit),
                (&mut existing.url, account.url),
            ] {
                if field.is_empty() {
                    *field = value;
                }
            }
            for probe in account.probes {
                let same = existing.probes.iter_mut().find(|p| {
                    p.posted_at == probe.posted_at && p.question.trim() == probe.question.trim()
                });
                match same {
                    Some(p) => summary.updated_probes += usize::from(p.take_update(probe)),
                    None => {
                        summary.new_probes += 1;
                        existing.probes.push(probe);
                    }
                }
            }
        }
        summary
    }
}

/// The language of the UI and of the report's generated text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Sv,
    En,
}
