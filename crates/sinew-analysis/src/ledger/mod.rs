//! The figures ledger: each group of claims about the same figure (from `group.rs`), read
//! side by side. Within a group, every statement becomes an interval (`bounds.rs`); statements
//! whose intervals share a value form a camp. A group with one independent source is single;
//! else one camp is agreement, and several camps are either an update (a running total that
//! grows from report to report), a revision (a later, lower count of a running total from the
//! source that gave the earlier one) or a conflict. Sources are counted once
//! (`sources.rs`): near-duplicates, statements with the same primary attribution and
//! derivative digests; a figure restated in another currency is shown beside the figure it
//! converts and not counted. Every verdict and every member carries a one-line reason.
//!
//! This file holds the ledger's types, `build_ledger` and `reconcile`, which sorts the members
//! (`sources.rs`), makes the camps (`camps.rs`) and hands them to one verdict: `agree.rs`
//! (agree, single), `update.rs`, `revision.rs` (a running total that falls) or `conflict.rs`.

mod agree;
mod camps;
mod conflict;
mod revision;
pub(crate) mod sources;
mod update;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sinew_types::{Claim, DocId, Modality, SourceKind};

use crate::bounds::{bounds, Bounds};
use crate::concept::{Concept, FlowKind};
use crate::group::{group_figures, FigureGroup, When};
use crate::hash::FastMap;
use crate::words::content_stems;
use agree::{agree, single};
use camps::camps;
use conflict::conflict;
use revision::{falling, lowered_by_other, revision};
use sources::{independent, roles};
use update::{cumulative, update};

/// What the ledger needs to know about a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDoc {
    /// The document.
    pub id: DocId,
    /// Its source name (file name or URL), for explanations.
    pub name: String,
    /// Publication date: when the document's running totals were counted.
    pub published: Option<NaiveDate>,
    /// The first document of its near-duplicate group, when it is a copy.
    pub duplicate_of: Option<DocId>,
    /// How it was made: a derivative digest adds no independent source.
    pub kind: SourceKind,
}

/// How the statements in a group relate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Verdict {
    /// Two or more independent sources, and every statement allows a common value (within
    /// rounding and qualifiers).
    Agree,
    /// Statements exclude each other.
    Conflict,
    /// A running total reported at different times: later reports count more (or its own
    /// source revised it down).
    Update,
    /// One independent source: nothing confirms or contradicts it.
    Single,
}

impl Verdict {
    /// `agree`, `conflict`, `update` or `single`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Update => "update",
            Verdict::Single => "single",
        }
    }

    /// The verdict named `s`.
    pub fn parse(s: &str) -> Option<Verdict> {
        match s.trim().to_ascii_lowercase().as_str() {
            "agree" => Some(Verdict::Agree),
            "conflict" => Some(Verdict::Conflict),
            "update" => Some(Verdict::Update),
            "single" => Some(Verdict::Single),
            _ => None,
        }
    }
}

/// What the sources, taken together, say the figure is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Consensus {
    /// The value to quote, when there is one: the most precise statement of the agreeing (or
    /// latest) camp. `None` for a conflict.
    #[serde(with = "crate::float::option")]
    pub value: Option<f64>,
    /// Least value: of the camp's common interval, or of all statements for a conflict.
    #[serde(with = "crate::float")]
    pub low: f64,
    /// Greatest value, likewise.
    #[serde(with = "crate::float")]
    pub high: f64,
    /// The figure in the sources' words when every statement the verdict reads is a vague
    /// amount ("several risks", "thousands of workers"): the figure exists but no source gives
    /// it a number, so a reader quotes these words and never `value`, `low` or `high` (which
    /// are only the vague words' conventional range). `None` when a statement gives a number;
    /// a precise statement beside vague ones gives the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vague: Option<String>,
}

impl Consensus {
    /// True when no statement gives the figure a number (see [`Consensus::vague`]).
    pub fn is_vague(&self) -> bool {
        self.vague.is_some()
    }
}

/// One claim in a ledger group.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LedgerClaim {
    /// Index into the claims the ledger was built from.
    pub claim: usize,
    /// The values the statement allows.
    pub bounds: Bounds,
    /// The independent source: the first document of the claim's near-duplicate group.
    pub source: DocId,
    /// When the statement was made (the document's publication date), if known.
    pub as_of: Option<NaiveDate>,
    /// Which camp it is in: camps are numbered from the lowest values up.
    pub camp: usize,
    /// Its part in the verdict, in one line.
    pub note: String,
}

/// Claims about one figure, reconciled.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LedgerGroup {
    /// Stable identifier: 16 hex digits from the group's key and its first claim.
    pub id: String,
    /// The actor the figure is about (the supplier; for trade, the first in alphabetical
    /// order).
    pub subject: Option<String>,
    /// The counterpart.
    pub object: Option<String>,
    /// What is measured (the measure most members use).
    pub measure: String,
    /// Normalised unit.
    pub unit: Option<String>,
    /// Rate period.
    pub per: Option<String>,
    /// What kind of figure it is.
    pub concept: Concept,
    /// What moves (arms, dual-use goods, energy...).
    pub kind: FlowKind,
    /// How the statements relate.
    pub verdict: Verdict,
    /// What they say together.
    pub consensus: Consensus,
    /// True when the figure is a running total (a count since a date, or of things handed
    /// over with no period): a larger later figure updates a smaller earlier one.
    pub running_total: bool,
    /// Independent sources: near-duplicates, statements with the same attribution and
    /// derivative digests counted once; restatements in another unit not at all.
    pub sources: usize,
    /// The most authoritative attribution among the claims behind the consensus.
    pub attribution: Option<String>,
    /// First and last day the members' times cover, when any is dated.
    pub period: Option<(NaiveDate, Option<NaiveDate>)>,
    /// The claims, ordered by document, then position.
    pub claims: Vec<LedgerClaim>,
    /// Why the verdict, in one line.
    pub explanation: String,
    /// The later statement that put a running total lower than an earlier one, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<Revision>,
}

/// A running total that a later statement put lower than an earlier one did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Revision {
    /// The earlier, higher statement: an index into the group's claims.
    pub earlier: usize,
    /// The later, lower one.
    pub later: usize,
    /// True when one independent source said both (a revision), false when another source
    /// said the lower figure (a conflict).
    pub same_source: bool,
}

/// Every group of claims, reconciled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    /// Groups, those with the most documents first (the order of [`group_figures`]).
    pub groups: Vec<LedgerGroup>,
}

/// Which groups to show; the default shows all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    /// An actor that must be the group's subject or object (case-insensitive).
    pub entity: Option<String>,
    /// Words that must all occur (as stems) in the group's measures, unit or concept.
    pub measure: Option<String>,
    /// Groups whose period ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Groups whose period starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Only groups with this verdict.
    pub verdict: Option<Verdict>,
    /// Only groups with at least this many independent sources.
    pub min_sources: usize,
}

impl LedgerGroup {
    /// True when the group passes `filter`. `claims` are those the ledger was built from.
    /// A time filter leaves out undated groups.
    pub fn matches(&self, filter: &LedgerFilter, claims: &[Claim]) -> bool {
        if let Some(e) = &filter.entity {
            let is = |s: &Option<String>| s.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(e));
            if !is(&self.subject) && !is(&self.object) {
                return false;
            }
        }
        if let Some(v) = filter.verdict {
            if self.verdict != v {
                return false;
            }
        }
        if self.sources < filter.min_sources {
            return false;
        }
        if filter.from.is_some() || filter.to.is_some() {
            let Some((start, end)) = self.period else {
                return false;
            };
            if filter.to.is_some_and(|to| start > to) {
                return false;
            }
            if let (Some(from), Some(end)) = (filter.from, end) {
                if end < from {
                    return false;
                }
            }
        }
        if let Some(m) = &filter.measure {
            let mut have: BTreeSet<String> = content_stems(&self.measure);
            for c in &self.claims {
                if let Some(claim) = claims.get(c.claim) {
                    have.extend(content_stems(&claim.measure));
                }
            }
            if let Some(u) = &self.unit {
                have.extend(content_stems(u));
            }
            have.insert(self.concept.as_str().to_string());
            if !content_stems(m).iter().all(|w| have.contains(w)) {
                return false;
            }
        }
        true
    }
}

/// Reconciles every group of claims about the same figure.
///
/// `docs` gives publication dates and near-duplicate links; a claim whose document is missing
/// from it counts as its own source, undated. The result depends only on the claims and
/// documents, not on their order.
pub fn build_ledger(claims: &[Claim], docs: &[SourceDoc]) -> Ledger {
    let claims = &*crate::reading::read_claims(claims);
    // Each claim's document looked up once: claims are visited in group order, and a lookup
    // by id there costs cache misses.
    let by_id: FastMap<&DocId, usize> = docs.iter().enumerate().map(|(i, d)| (&d.id, i)).collect();
    let doc_of: Vec<Option<&SourceDoc>> = claims
        .iter()
        .map(|c| by_id.get(&c.doc).map(|&i| &docs[i]))
        .collect();
    let root_of: Vec<Option<&SourceDoc>> = doc_of
        .iter()
        .map(|d| {
            d.and_then(|d| d.duplicate_of.as_ref())
                .and_then(|r| by_id.get(r))
                .map(|&i| &docs[i])
        })
        .collect();
    // Read in input order, where the claims lie one after another in memory.
    let bounds: Vec<Bounds> = claims.iter().map(|c| bounds(&c.quantity)).collect();
    let ctx = Ctx {
        claims,
        doc_of: &doc_of,
        root_of: &root_of,
        bounds: &bounds,
    };
    let groups = group_figures(claims)
        .into_iter()
        .map(|g| reconcile(g, &ctx))
        .collect();
    Ledger { groups }
}

/// The claims and, for each, its document and the first document of its near-duplicate
/// group, when known.
struct Ctx<'a> {
    claims: &'a [Claim],
    doc_of: &'a [Option<&'a SourceDoc>],
    root_of: &'a [Option<&'a SourceDoc>],
    bounds: &'a [Bounds],
}

/// What a verdict makes of a group's camps: the verdict, the consensus, the attribution
/// behind it, the group's explanation and one note per member, in member order.
struct Reading {
    verdict: Verdict,
    consensus: Consensus,
    attribution: Option<String>,
    explanation: String,
    notes: Vec<String>,
}

fn reconcile(g: FigureGroup, ctx: &Ctx<'_>) -> LedgerGroup {
    let claims = ctx.claims;
    let mut members: Vec<LedgerClaim> = g
        .members
        .iter()
        .map(|&i| {
            let c = &claims[i];
            let doc = ctx.doc_of[i];
            LedgerClaim {
                claim: i,
                bounds: ctx.bounds[i],
                source: doc
                    .and_then(|d| d.duplicate_of.clone())
                    .unwrap_or_else(|| c.doc.clone()),
                as_of: doc.and_then(|d| d.published),
                camp: 0,
                note: String::new(),
            }
        })
        .collect();
    // The verdict reads the counted statements only (`sources.rs`).
    let roles = roles(&g, ctx);
    // Usually every member is counted: then the statements are the members, not copies.
    let everyone = roles.counted.len() == members.len();
    let mut stated: Vec<LedgerClaim> = if everyone {
        std::mem::take(&mut members)
    } else {
        roles.counted.iter().map(|&k| members[k].clone()).collect()
    };
    let counted_group = (!everyone).then(|| FigureGroup {
        members: roles.counted.iter().map(|&k| g.members[k]).collect(),
        ..g.clone()
    });
    let cg = counted_group.as_ref().unwrap_or(&g);
    let running_total = cumulative(cg, claims);
    let mut camps = camps(&stated, &vec![0; stated.len()], claims);
    for (k, camp) in camps.iter().enumerate() {
        for &m in &camp.members {
            stated[m].camp = k;
        }
    }
    // Digests stated alone are one source between them: they repeat the same reports.
    let ids = if roles.counted.iter().all(|&k| roles.derivative[k]) {
        vec![0; stated.len()]
    } else {
        independent(&stated, claims)
    };
    for camp in &mut camps {
        camp.sources = camp.members.iter().map(|&m| ids[m]).collect();
    }
    let sources = ids.iter().collect::<BTreeSet<_>>().len();
    let fall = if running_total {
        falling(&stated, &ids, claims)
    } else {
        None
    };

    let mut reading = match fall {
        Some(r) if r.same_source => revision(&camps, &stated, cg, ctx, &r),
        Some(r) if camps.len() > 1 => {
            let mut reading = conflict(&camps, &stated, cg, ctx);
            reading.explanation = format!(
                "{}; {}",
                lowered_by_other(&stated, ctx, &r),
                reading.explanation
            );
            reading
        }
        _ if sources <= 1 && !(running_total && camps.len() > 1) => {
            single(&camps, &stated, cg, ctx)
        }
        _ if camps.len() == 1 => agree(&camps[0], &stated, cg, ctx),
        _ if running_total => update(&camps, &stated, &ids, cg, ctx),
        _ => conflict(&camps, &stated, cg, ctx),
    };
    if let Some(r) = fall.filter(|r| !r.same_source) {
        reading.notes[r.later].push_str("; a later, lower count than another source's");
    }
    // Back to the whole group: counted statements take their camp and note; restatements and
    // digests not counted are shown beside them.
    let mut counted_at: Vec<Option<usize>> = vec![None; g.members.len()];
    for (j, &k) in roles.counted.iter().enumerate() {
        counted_at[k] = Some(j);
    }
    let Reading {
        verdict,
        mut consensus,
        attribution,
        explanation,
        notes,
    } = reading;
    consensus.vague = vague_words(&roles, &g, claims);
    if everyone {
        members = stated;
        for (m, note) in members.iter_mut().zip(notes) {
            m.note = note;
        }
    } else {
        let mut notes = notes.into_iter();
        for (j, &k) in roles.counted.iter().enumerate() {
            members[k].camp = stated[j].camp;
            members[k].note = notes.next().unwrap_or_default();
        }
    }
    for k in 0..members.len() {
        if counted_at[k].is_some() {
            continue;
        }
        let i = g.members[k];
        if let Some(p) = roles.restates[k] {
            let first = &claims[g.members[p]];
            members[k].camp = members[p].camp;
            members[k].note = format!(
                "the same figure in {}: restates {}, not counted again",
                claims[i].quantity.unit.as_deref().unwrap_or("another unit"),
                first.quantity.text.trim()
            );
        } else if roles.vague[k] && !roles.derivative[k] {
            let b = members[k].bounds;
            let fit = camps
                .iter()
                .position(|c| b.low <= c.high && c.low <= b.high);
            members[k].camp = fit.unwrap_or(0);
            members[k].note = format!(
                "a vague amount ({}): says the figure exists, gives no value; shown, not counted",
                claims[i].quantity.text.trim()
            );
        } else if roles.derivative[k] {
            let b = members[k].bounds;
            let fit = camps
                .iter()
                .position(|c| b.low <= c.high && c.low <= b.high);
            members[k].camp = fit.unwrap_or(0);
            members[k].note = format!(
                "from a derivative digest, which repeats other reports: shown, not counted{}",
                if fit.is_some() {
                    ""
                } else {
                    "; fits no counted statement"
                }
            );
        }
    }
    let revised = fall.map(|r| Revision {
        earlier: roles.counted[r.earlier],
        later: roles.counted[r.later],
        same_source: r.same_source,
    });
    for (m, &i) in members.iter_mut().zip(&g.members) {
        let c = &claims[i];
        if let Some(root) = ctx.doc_of[i].and_then(|d| d.duplicate_of.as_ref()) {
            let name = ctx.root_of[i].map_or(root.0.as_str(), |d| d.name.as_str());
            m.note
                .push_str(&format!("; a near-duplicate of {name}, counted with it"));
        }
        if c.modality == Modality::Hedged {
            m.note.push_str("; hedged");
        }
    }
    LedgerGroup {
        id: group_id(&g, claims),
        period: period(&g, claims, &members),
        subject: g.subject,
        object: g.object,
        measure: g.measure,
        unit: g.unit,
        per: g.per,
        concept: g.concept,
        kind: g.kind,
        verdict,
        consensus,
        running_total,
        sources,
        attribution,
        claims: members,
        explanation,
        revised,
    }
}

/// The vague amounts the verdict reads, in their words and member order ("several risks"),
/// when every counted statement is vague; `None` when one gives a number.
fn vague_words(roles: &sources::Roles, g: &FigureGroup, claims: &[Claim]) -> Option<String> {
    if roles.counted.is_empty() || !roles.counted.iter().all(|&k| roles.vague[k]) {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    for &k in &roles.counted {
        let w = claims[g.members[k]].quantity.text.trim();
        if !w.is_empty() && !words.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            words.push(w);
        }
    }
    // Three sayings are enough to show how the sources put it.
    words.truncate(3);
    (!words.is_empty()).then(|| words.join(" or "))
}

/// The span of days the members' times cover: the earliest start to the latest end (open
/// when a running total has no publication date to end at).
fn period(
    g: &FigureGroup,
    claims: &[Claim],
    members: &[LedgerClaim],
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let mut start: Option<NaiveDate> = None;
    let mut end: Option<Option<NaiveDate>> = None;
    for (&i, m) in g.members.iter().zip(members) {
        let (s, e) = match When::of(&claims[i]) {
            When::Unknown => continue,
            When::Period(s, e) => (s, Some(e)),
            When::AsOf(d) => (d, Some(d)),
            When::Since(s) => (s, m.as_of),
        };
        start = Some(start.map_or(s, |x: NaiveDate| x.min(s)));
        end = Some(match (end, e) {
            (None, e) => e,
            (Some(None), _) | (Some(_), None) => None,
            (Some(Some(x)), Some(y)) => Some(x.max(y)),
        });
    }
    start.map(|s| (s, end.flatten()))
}

/// 16 hex digits of FNV-1a over the group's key and its first claim (by document and
/// position), so the id does not depend on input order and changes only when an earlier
/// claim joins.
fn group_id(g: &FigureGroup, claims: &[Claim]) -> String {
    let first = &claims[g.members[0]];
    let key = format!(
        "{}|{}|{}|{}|{}|{}|{}|{}",
        g.subject.as_deref().unwrap_or(""),
        g.object.as_deref().unwrap_or(""),
        g.unit.as_deref().unwrap_or(""),
        g.per.as_deref().unwrap_or(""),
        g.concept.as_str(),
        first.doc,
        first.span.start,
        first.span.end
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
