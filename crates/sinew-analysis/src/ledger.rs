//! The figures ledger: each group of claims about the same figure (from `group.rs`), read
//! side by side. Within a group, every statement becomes an interval (`bounds.rs`); statements
//! whose intervals share a value form a camp. One camp is agreement; several camps are either
//! an update (a running total that grows from report to report, never shrinking at a later
//! date) or a conflict. Sources are counted by near-duplicate group, so a syndicated copy adds
//! no weight. Every verdict and every member carries a one-line reason.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sinew_types::{Claim, DocId, Modality, QuantityKind, TimeKind};

use crate::bounds::{bounds, side, Bounds, Side};
use crate::concept::{Concept, FlowKind};
use crate::fmt::{format_range, format_value};
use crate::group::{group_figures, visit_order, FigureGroup, When};
use crate::hash::FastMap;
use crate::words::content_stems;

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
}

/// How the statements in a group relate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Verdict {
    /// Every statement allows a common value (within rounding and qualifiers).
    Agree,
    /// Statements exclude each other.
    Conflict,
    /// A running total reported at different times: later reports count more.
    Update,
}

impl Verdict {
    /// `agree`, `conflict` or `update`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Update => "update",
        }
    }

    /// The verdict named `s`.
    pub fn parse(s: &str) -> Option<Verdict> {
        match s.trim().to_ascii_lowercase().as_str() {
            "agree" => Some(Verdict::Agree),
            "conflict" => Some(Verdict::Conflict),
            "update" => Some(Verdict::Update),
            _ => None,
        }
    }
}

/// What the sources, taken together, say the figure is.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// Independent sources (near-duplicates counted once).
    pub sources: usize,
    /// The most authoritative attribution among the claims behind the consensus.
    pub attribution: Option<String>,
    /// First and last day the members' times cover, when any is dated.
    pub period: Option<(NaiveDate, Option<NaiveDate>)>,
    /// The claims, ordered by document, then position.
    pub claims: Vec<LedgerClaim>,
    /// Why the verdict, in one line.
    pub explanation: String,
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

/// A camp: statements whose intervals share a value.
struct Camp {
    low: f64,
    high: f64,
    /// Indexes into the group's members.
    members: Vec<usize>,
    sources: BTreeSet<DocId>,
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
    let running_total = g.members.iter().all(|&i| is_running(&claims[i], g.concept));
    let camps = camps(&members, claims);
    for (k, camp) in camps.iter().enumerate() {
        for &m in &camp.members {
            members[m].camp = k;
        }
    }
    let sources = members
        .iter()
        .map(|m| &m.source)
        .collect::<BTreeSet<_>>()
        .len();
    let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
    let show = |v: f64| format_value(v, unit, per);
    let words = |camp: &Camp| statements(camp, &members, ctx);

    let verdict;
    let consensus;
    let attribution;
    let explanation;
    let notes: Vec<String>;
    if camps.len() == 1 {
        let camp = &camps[0];
        let value = best_value(camp, &members, claims);
        verdict = Verdict::Agree;
        consensus = Consensus {
            value: Some(value),
            low: camp.low,
            high: camp.high,
        };
        attribution = strongest(camp, &members, claims);
        let n = members.len();
        explanation = if n == 1 {
            format!("one statement: {}", words(camp))
        } else if camp.sources.len() == 1 {
            format!(
                "{n} statements from one source agree: {}; consensus {}",
                words(camp),
                show(value)
            )
        } else {
            format!(
                "{} sources agree within rounding and qualifiers: {}; consensus {} (all fit {})",
                camp.sources.len(),
                words(camp),
                show(value),
                format_range(camp.low, camp.high, unit, per)
            )
        };
        let note = if n == 1 {
            "the only statement".to_string()
        } else {
            format!(
                "agrees: fits {}",
                format_range(camp.low, camp.high, unit, per)
            )
        };
        notes = vec![note; n];
    } else if running_total && grows_over_time(&members) {
        let last = camps.len() - 1;
        let value = best_value(&camps[last], &members, claims);
        verdict = Verdict::Update;
        consensus = Consensus {
            value: Some(value),
            low: camps[last].low,
            high: camps[last].high,
        };
        attribution = strongest(&camps[last], &members, claims);
        // The counts as they were stated, lowest (earliest) first.
        let steps = steps(&members);
        let chain: Vec<String> = steps.iter().map(&words).collect();
        let latest = &steps[steps.len() - 1].members;
        explanation = format!(
            "a running total that grows from report to report: {}; the latest, {}, updates the \
             earlier counts rather than contradicting them",
            chain.join(" → "),
            show(value)
        );
        notes = (0..members.len())
            .map(|k| {
                if latest.contains(&k) {
                    "latest count".to_string()
                } else {
                    format!("earlier count, updated by {}", show(value))
                }
            })
            .collect();
    } else {
        verdict = Verdict::Conflict;
        let rank = |k: usize| {
            let att = strongest(&camps[k], &members, claims);
            (camps[k].sources.len(), att.as_deref().map_or(0, authority))
        };
        let major = (0..camps.len())
            .max_by(|&a, &b| rank(a).cmp(&rank(b)).then(b.cmp(&a)))
            .unwrap_or(0);
        let tops = g.members.iter().map(|&i| {
            let q = &claims[i].quantity;
            let v = q.value_max.filter(|v| v.is_finite()).unwrap_or(q.value);
            if v.is_finite() {
                v
            } else {
                0.0
            }
        });
        consensus = Consensus {
            value: None,
            low: members
                .iter()
                .map(|m| m.bounds.stated)
                .fold(f64::INFINITY, f64::min),
            high: tops.fold(f64::NEG_INFINITY, f64::max),
        };
        attribution = strongest(&camps[major], &members, claims);
        let major_value = best_value(&camps[major], &members, claims);
        let sides: Vec<String> = camps
            .iter()
            .map(|c| {
                let n = c.sources.len();
                format!("{} ({n} source{})", words(c), plural_s(n))
            })
            .collect();
        let scale = major_value.abs().max(f64::MIN_POSITIVE);
        let spread = members
            .iter()
            .map(|m| (m.bounds.stated - major_value).abs() / scale)
            .fold(0.0, f64::max);
        explanation = format!(
            "sources disagree beyond rounding and qualifiers: {}; up to {} apart",
            sides.join(" vs "),
            percent(spread)
        );
        let n_major = camps[major].sources.len();
        let runner_up = (0..camps.len())
            .filter(|&k| k != major)
            .map(rank)
            .max()
            .unwrap_or((0, 0));
        let major_note = if n_major > runner_up.0 {
            format!("with the majority ({n_major} source{})", plural_s(n_major))
        } else if rank(major).1 > runner_up.1 {
            format!(
                "with the better-attributed side ({})",
                attribution.as_deref().unwrap_or("")
            )
        } else {
            "one side of an even split".to_string()
        };
        notes = members
            .iter()
            .map(|m| {
                if m.camp == major {
                    major_note.clone()
                } else {
                    let d = (m.bounds.stated - major_value) / scale;
                    format!(
                        "contradicts {}: {} {}",
                        show(major_value),
                        percent(d.abs()),
                        if d >= 0.0 { "higher" } else { "lower" }
                    )
                }
            })
            .collect();
    }
    for ((m, note), &i) in members.iter_mut().zip(notes).zip(&g.members) {
        m.note = note;
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
    }
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A figure that only grows: a count since a date, or a count of things handed over with no
/// period or rate ("more than 11,000 containers").
fn is_running(c: &Claim, concept: Concept) -> bool {
    if c.quantity.per.is_some() {
        return false;
    }
    match When::of(c) {
        When::Since(_) => true,
        When::Period(..) => false,
        When::Unknown => {
            c.time.as_ref().is_some_and(|t| t.kind == TimeKind::Since)
                || (c.time.is_none()
                    && c.quantity.kind == QuantityKind::Count
                    && matches!(concept, Concept::Flow | Concept::Other))
        }
    }
}

/// Groups statements into camps: sorted by their lowest value, each joins the last camp when
/// it allows a value every member of that camp allows.
fn camps(members: &[LedgerClaim], claims: &[Claim]) -> Vec<Camp> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&members[a].bounds, &members[b].bounds);
        x.low
            .total_cmp(&y.low)
            .then(x.high.total_cmp(&y.high))
            .then_with(|| visit_order(&claims[members[a].claim], &claims[members[b].claim]))
    });
    let mut camps: Vec<Camp> = Vec::new();
    for k in order {
        let b = &members[k].bounds;
        match camps.last_mut() {
            Some(c) if b.low <= c.high && c.low <= b.high => {
                c.low = c.low.max(b.low);
                c.high = c.high.min(b.high);
                c.members.push(k);
                c.sources.insert(members[k].source.clone());
            }
            _ => camps.push(Camp {
                low: b.low,
                high: b.high,
                members: vec![k],
                sources: BTreeSet::from([members[k].source.clone()]),
            }),
        }
    }
    camps
}

/// A running total's successive counts: statements whose stated values are the same within
/// rounding, lowest first.
fn steps(members: &[LedgerClaim]) -> Vec<Camp> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| {
        members[a]
            .bounds
            .stated
            .total_cmp(&members[b].bounds.stated)
    });
    let mut steps: Vec<Camp> = Vec::new();
    for k in order {
        let v = members[k].bounds.stated;
        match steps.last_mut() {
            Some(s) if v <= s.low * SAME_STEP => {
                s.members.push(k);
                s.sources.insert(members[k].source.clone());
            }
            _ => steps.push(Camp {
                low: v,
                high: v,
                members: vec![k],
                sources: BTreeSet::from([members[k].source.clone()]),
            }),
        }
    }
    steps
}

/// Stated values within this ratio are one step of a running total.
const SAME_STEP: f64 = 1.015;

/// A running total never falls: no statement dated later allows only less than a statement
/// dated earlier allows. Undated statements fit anywhere.
fn grows_over_time(members: &[LedgerClaim]) -> bool {
    members.iter().all(|a| {
        members.iter().all(|b| match (a.as_of, b.as_of) {
            (Some(x), Some(y)) if x < y => b.bounds.high >= a.bounds.low,
            _ => true,
        })
    })
}

/// The value to quote for a camp: the most precise plain statement (no qualifier), else the
/// narrowest statement; ties go to the first in content order.
fn best_value(camp: &Camp, members: &[LedgerClaim], claims: &[Claim]) -> f64 {
    let key = |&k: &usize| {
        let m = &members[k];
        let q = &claims[m.claim].quantity;
        let plain = side(q.qualifier.as_deref()) == Side::Exact;
        let precision = m.bounds.step / m.bounds.stated.abs().max(f64::MIN_POSITIVE);
        (!plain, precision, m.bounds.high - m.bounds.low)
    };
    camp.members
        .iter()
        .min_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            ka.0.cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(ka.2.total_cmp(&kb.2))
                .then_with(|| visit_order(&claims[members[**a].claim], &claims[members[**b].claim]))
        })
        .map(|&k| members[k].bounds.stated)
        .unwrap_or(camp.low)
}

/// How much an attribution weighs: official bodies, then research institutes, then anyone.
pub(crate) fn authority(source: &str) -> u8 {
    const OFFICIAL: &[&str] = &[
        "department",
        "ministry",
        "government",
        "customs",
        "agency",
        "office",
        "bureau",
        "administration",
        "commission",
        "council",
        "president",
        "minister",
        "nato",
        "united nations",
        "european union",
        "treasury",
        "white house",
        "kremlin",
        "pentagon",
        "central bank",
        "parliament",
        "congress",
    ];
    const RESEARCH: &[&str] = &[
        "institute",
        "csis",
        "center",
        "centre",
        "university",
        "think tank",
        "foundation",
        "endowment",
        "rand",
        "sipri",
        "iiss",
        "chatham",
        "brookings",
    ];
    let s = source.to_lowercase();
    if OFFICIAL.iter().any(|w| s.contains(w)) {
        3
    } else if RESEARCH.iter().any(|w| s.contains(w)) {
        2
    } else {
        1
    }
}

/// The camp's most authoritative attribution; ties go to the one more sources give, then the
/// first in alphabetical order. Hedged claims count only when nothing else is attributed.
fn strongest(camp: &Camp, members: &[LedgerClaim], claims: &[Claim]) -> Option<String> {
    // (attribution, sources giving it, asserted by any); camps hold a few claims.
    let mut votes: Vec<(&str, Vec<&DocId>, bool)> = Vec::new();
    for &k in &camp.members {
        let m = &members[k];
        let c = &claims[m.claim];
        let Some(a) = c.attribution.as_deref().filter(|a| !a.trim().is_empty()) else {
            continue;
        };
        let asserted = c.modality == Modality::Asserted;
        match votes.iter_mut().find(|v| v.0 == a) {
            Some(v) => {
                if !v.1.contains(&&m.source) {
                    v.1.push(&m.source);
                }
                v.2 |= asserted;
            }
            None => votes.push((a, vec![&m.source], asserted)),
        }
    }
    votes
        .into_iter()
        .max_by(|(a, sa, fa), (b, sb, fb)| {
            fa.cmp(fb)
                .then(authority(a).cmp(&authority(b)))
                .then(sa.len().cmp(&sb.len()))
                .then(b.cmp(a))
        })
        .map(|(a, _, _)| a.to_string())
}

/// The camp's statements in their own words, with who says so: "over 10,000 containers (US
/// State Department)". Repeated wording is shown once.
fn statements(camp: &Camp, members: &[LedgerClaim], ctx: &Ctx<'_>) -> String {
    let claims = ctx.claims;
    let mut ks = camp.members.clone();
    ks.sort_by(|&a, &b| {
        members[a]
            .bounds
            .stated
            .total_cmp(&members[b].bounds.stated)
            .then_with(|| visit_order(&claims[members[a].claim], &claims[members[b].claim]))
    });
    let mut seen: Vec<String> = Vec::new();
    for k in ks {
        let c = &claims[members[k].claim];
        let mut s = c.quantity.text.trim().to_string();
        let mut notes: Vec<String> = Vec::new();
        if let Some(t) = &c.time {
            notes.push(t.text.trim().to_string());
        }
        if let Some(a) = &c.attribution {
            notes.push(a.clone());
        } else if let Some(d) = ctx.doc_of[members[k].claim] {
            notes.push(d.name.clone());
        }
        if !notes.is_empty() {
            s = format!("{s} ({})", notes.join(", "));
        }
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    const MAX: usize = 4;
    if seen.len() > MAX {
        let more = seen.len() - MAX;
        seen.truncate(MAX);
        seen.push(format!("{more} more"));
    }
    seen.join(", ")
}

fn percent(x: f64) -> String {
    if x >= 10.0 {
        format!("{:.0}x", x + 1.0)
    } else if x >= 0.1 {
        format!("{:.0}%", x * 100.0)
    } else {
        format!("{:.1}%", x * 100.0)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_ranks_official_bodies_first() {
        assert!(authority("US State Department") > authority("CSIS"));
        assert!(authority("CSIS") > authority("Nathaniel Sher"));
    }

    #[test]
    fn percent_reads() {
        assert_eq!(percent(0.25), "25%");
        assert_eq!(percent(0.004), "0.4%");
        assert_eq!(percent(19.0), "20x");
    }
}
