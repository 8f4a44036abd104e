//! What analysis found over the whole store, as the briefing reads it.
//!
//! The briefing never groups, reconciles or builds a network itself: the engine hands it the
//! ledger and the network it keeps (the same ones `sinew ledger` and `sinew graph` show), the
//! claims of theirs the briefing shows, and entity counts over every stored mention with each
//! entity's chosen description. Its cost is bounded by what it shows, not by the size of the
//! store: [`shown_claims`] says which claims to load (a store's ledger cites every stored
//! claim; the briefing shows a few hundred of them), chosen from the groups' and flows' own
//! fields alone, and [`cited_documents`] which documents to read whole (the figures,
//! disagreements, network lines and glossary need).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sinew_analysis::{
    Ledger, LedgerClaim, LedgerGroup, LedgerPlace, MergedEvent, Network, StoredGroup, Verdict,
};
use sinew_types::{Alert, Citation, Claim, DocId, EntityType};

use crate::build::{glossary, picks};

/// Analysis results over the whole store, with the claims they index.
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    /// The ledger's groups in its order (most documents first): every group, or only those a
    /// [`GroupPicks`] kept in each grouping bucket (the briefing reads no other, so both give
    /// the same briefing).
    pub ledger: &'a Ledger,
    /// Actors, flows, dependencies; the claims of each dependency [`shown_dependencies`]
    /// names in store order (the order `sinew graph` lists them in), since its line shows the
    /// first few.
    pub network: &'a Network,
    /// Claims by the index [`LedgerClaim::claim`](sinew_analysis::LedgerClaim::claim),
    /// `Flow::claims` and `Dependency::claims` give (the ledger and the network index one
    /// list). Only those [`shown_claims`] names are read: others may be left out.
    pub claims: &'a BTreeMap<usize, Claim>,
    /// Entities named in the store with their mention counts, from the store's aggregates.
    pub entities: &'a [EntityCount],
    /// How many documents the store holds (the briefing says how many it quotes of them).
    pub documents: usize,
    /// The events the given documents tell, merged across them as `sinew events` merges
    /// them (copies once); the timeline shows the dated ones. Empty when none are given.
    pub events: &'a [MergedEvent],
    /// Where each report of [`Findings::events`] is told (its document and sentence), by the
    /// index `MergedEvent::reports` gives.
    pub event_citations: &'a [Citation],
    /// What changed since the reference point, when there is one: key judgments then say so.
    /// `None` says nothing of change.
    pub changes: Option<Changes<'a>>,
}

/// What changed since a reference point (`--since`, else the last briefing), for the key
/// judgments that say so: the alerts raised since, and which statements are new.
#[derive(Debug, Clone, Copy)]
pub struct Changes<'a> {
    /// The reference point.
    pub since: ChangesSince,
    /// The alerts raised since then, oldest first (as the store lists them).
    pub alerts: &'a [Alert],
    /// Which statements are new since then: a running total they put higher, or a figure they
    /// give that no earlier statement gave, is a change no alert names.
    pub fresh: Fresh<'a>,
}

/// Which ledger statements are new since the reference point.
#[derive(Debug, Clone, Copy)]
pub enum Fresh<'a> {
    /// Not known (a briefing recorded before the store kept the last document it saw): only
    /// the alerts say what changed.
    Unknown,
    /// Those whose independent source is one of these documents, stored since the last
    /// briefing (a copy of an earlier document is not new).
    Documents(&'a HashSet<DocId>),
    /// Those published on or after this day (`--since`).
    PublishedSince(NaiveDate),
}

impl Fresh<'_> {
    /// Whether `m` is new since the reference point.
    pub fn holds(&self, m: &LedgerClaim) -> bool {
        match self {
            Fresh::Unknown => false,
            Fresh::Documents(docs) => docs.contains(&m.source),
            Fresh::PublishedSince(day) => m.as_of.is_some_and(|d| d >= *day),
        }
    }
}

/// What "since" means in "what changed since".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangesSince {
    /// The day `--since` names: alerts raised by documents published on or after it.
    Date(NaiveDate),
    /// The last briefing, written on this day: alerts raised after it.
    LastBriefing(NaiveDate),
}

/// How often one entity is mentioned across the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCount {
    /// Stable identifier (`country:china`), as mentions carry it.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Fine-grained type.
    pub entity_type: EntityType,
    /// Mentions across every stored document.
    pub mentions: usize,
    /// What the articles say it is, when one says: the glossary's line for it.
    pub description: Option<Described>,
    /// For a country, the adjective its bodies and officials are named with ("US", "South
    /// Korean"): how the briefing names a state's officials counted as one voice.
    pub adjective: Option<String>,
}

/// An entity's description in an article's words ("Russia's defence minister"), as the store
/// chose it among all that describe the entity, and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// The words as shown (a role title in lower case: "defence minister").
    pub text: String,
    /// The words in their document.
    pub citation: Citation,
}

/// Which groups of a grouping bucket a briefing may read, so that a caller over a large store
/// keeps only those instead of the whole ledger. Call [`GroupPicks::bucket`] before each
/// bucket, then offer its groups in ledger order to [`GroupPicks::keeps`].
///
/// The briefing reads the ledger's first groups (the figures table), its first contradicted
/// and first grown figures (disagreements), every group naming two actors (the network folds
/// flows and dependency shares from them, and a flow's line shows its figure's group), and
/// the groups a change judgment may read (an alert's group by id, else by its actors and
/// document; a group with a new statement, [`GroupPicks::with_fresh`]). A bucket's first groups of each kind, as many as the briefing shows of the
/// whole ledger, hold the whole ledger's first groups of that kind among them; so the picks
/// made over the kept groups, put back in ledger order, are the picks over every group.
#[derive(Debug, Clone)]
pub struct GroupPicks<'a> {
    /// The alerts' group ids.
    keys: HashSet<&'a str>,
    /// The alerts' documents, by their actors.
    about: HashMap<(Option<&'a str>, Option<&'a str>), HashSet<&'a DocId>>,
    /// Which statements are new: their groups may say what changed.
    fresh: Fresh<'a>,
    offered: usize,
    conflicts: usize,
    updates: usize,
}

impl<'a> GroupPicks<'a> {
    /// A selector; `alerts` are those of [`Changes::alerts`] (empty when the briefing says
    /// nothing of change).
    pub fn new(alerts: &'a [Alert]) -> GroupPicks<'a> {
        let mut about: HashMap<_, HashSet<&DocId>> = HashMap::new();
        for a in alerts {
            about
                .entry((a.subject.as_deref(), a.object.as_deref()))
                .or_default()
                .insert(&a.doc);
        }
        GroupPicks {
            keys: alerts.iter().map(|a| a.key.as_str()).collect(),
            about,
            fresh: Fresh::Unknown,
            offered: 0,
            conflicts: 0,
            updates: 0,
        }
    }

    /// The selector that also keeps every group with a statement `fresh` holds
    /// ([`Changes::fresh`]): a change judgment may read it.
    pub fn with_fresh(self, fresh: Fresh<'a>) -> GroupPicks<'a> {
        GroupPicks { fresh, ..self }
    }

    /// Starts the next bucket: its groups are counted afresh.
    pub fn bucket(&mut self) {
        self.offered = 0;
        self.conflicts = 0;
        self.updates = 0;
    }

    /// Whether the briefing may read `g`, the bucket's next group in ledger order.
    pub fn keeps(&mut self, g: &LedgerGroup) -> bool {
        self.keeps_first(g)
            || (g.subject.is_some() && g.object.is_some())
            || self.keys.contains(g.id.as_str())
            || self
                .about
                .get(&(g.subject.as_deref(), g.object.as_deref()))
                .is_some_and(|docs| g.claims.iter().any(|m| docs.contains(&m.source)))
            || g.claims.iter().any(|m| self.fresh.holds(m))
    }

    /// Whether `g`, the bucket's next group in ledger order, is among the bucket's first
    /// groups of a kind that the briefing shows (of the whole ledger: the figures table's
    /// rows, the contradicted and the grown figures): the part of [`GroupPicks::keeps`] that
    /// reads the group's place, not its actors or the changes. Offer each group to one of the
    /// two, not both.
    pub fn keeps_first(&mut self, g: &LedgerGroup) -> bool {
        let mut keep = self.offered < picks::MAX_FIGURE_ROWS;
        self.offered += 1;
        let seen = match g.verdict {
            Verdict::Conflict => Some(&mut self.conflicts),
            Verdict::Update => Some(&mut self.updates),
            _ => None,
        };
        if let Some(seen) = seen {
            keep |= *seen < picks::MAX_DISAGREEMENTS;
            *seen += 1;
        }
        keep
    }
}

/// Where a grouping bucket's first groups sort in the whole ledger: its first group, its first
/// contradicted and its first grown one. Kept for every bucket, it tells which few buckets may
/// hold the briefing's first groups ([`leading_buckets`]), so that a reader over a large store
/// reads only those buckets' groups whole, and of the others only the groups naming two
/// actors (the network's).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BucketLead {
    first: Option<LedgerPlace>,
    conflict: Option<LedgerPlace>,
    update: Option<LedgerPlace>,
}

impl BucketLead {
    /// The lead of a bucket whose groups are offered in ledger order
    /// ([`BucketState::retain_groups`](sinew_analysis::BucketState::retain_groups) puts them
    /// in it).
    pub fn of<'g>(groups: impl IntoIterator<Item = &'g StoredGroup>) -> BucketLead {
        let mut lead = BucketLead::default();
        for g in groups {
            let slot = match g.group.verdict {
                Verdict::Conflict => Some(&mut lead.conflict),
                Verdict::Update => Some(&mut lead.update),
                _ => None,
            };
            if let Some(slot) = slot.filter(|s| s.is_none()) {
                *slot = Some(g.place());
            }
            if lead.first.is_none() {
                lead.first = Some(g.place());
            }
        }
        lead
    }
}

/// Which of a lead's places [`leading_buckets`] ranks.
type PlaceOf = fn(&BucketLead) -> Option<&LedgerPlace>;

/// The buckets, of those `leads` describes, whose groups may be among the briefing's first
/// groups of a kind: the figures table's rows, the contradicted and the grown figures of the
/// disagreements. A bucket whose first group of a kind sorts after as many other buckets'
/// first groups of that kind as the briefing shows has none of its groups of that kind
/// shown, since each of those buckets' first groups comes before all of its own. Ties with
/// the last place shown are kept. At most 60 buckets for the table and 12 for each kind of
/// disagreement (with ties), however many `leads` names.
pub fn leading_buckets<'k>(leads: &[(&'k str, &BucketLead)]) -> BTreeSet<&'k str> {
    let mut out = BTreeSet::new();
    let kinds: [(PlaceOf, usize); 3] = [
        (|l| l.first.as_ref(), picks::MAX_FIGURE_ROWS),
        (|l| l.conflict.as_ref(), picks::MAX_DISAGREEMENTS),
        (|l| l.update.as_ref(), picks::MAX_DISAGREEMENTS),
    ];
    for (place_of, room) in kinds {
        let mut places: Vec<(&LedgerPlace, &'k str)> = leads
            .iter()
            .filter_map(|(key, lead)| place_of(lead).map(|p| (p, *key)))
            .collect();
        places.sort_by(|a, b| a.0.ledger_cmp(b.0));
        let last = places.get(room.saturating_sub(1)).map(|(p, _)| *p);
        out.extend(
            places
                .iter()
                .take_while(|(p, _)| last.is_none_or(|l| p.ledger_cmp(l) != Ordering::Greater))
                .map(|(_, key)| *key),
        );
    }
    out
}

/// The claims (by the index the ledger and network give) that the briefing's figures table,
/// disagreements and network lines may show: load these into [`Findings::claims`]. Chosen
/// from the groups' and flows' own fields (sizes, verdicts, dates, camps), never from the
/// claims, so that a caller loads only these; their number is bounded by the briefing's
/// limits on rows, lines and statements per line, whatever the size of the store.
///
/// `changes` are [`Findings::changes`] (`None` when the briefing says nothing of change):
/// the statements each change judgment cites are among the claims named.
pub fn shown_claims(
    ledger: &Ledger,
    network: &Network,
    changes: Option<Changes<'_>>,
) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    if let Some(changes) = changes {
        for change in picks::changes(ledger, network, &changes) {
            out.extend(change.changed.statements().map(|m| m.claim));
        }
    }
    for g in picks::figure_groups(ledger) {
        out.extend(picks::statements(g));
    }
    for g in picks::disagreement_groups(ledger) {
        for camp in picks::camps(g) {
            out.extend(camp.into_iter().map(|m| m.claim));
        }
    }
    for f in picks::headline_flows(network) {
        let group = f.headline().map(|v| v.group.as_str());
        if let Some(g) = ledger.groups.iter().find(|g| Some(g.id.as_str()) == group) {
            out.extend(picks::statements(g));
        }
    }
    for d in picks::current_dependencies(network) {
        out.extend(picks::capped(&d.claims).iter().copied());
    }
    out
}

/// Where the dependencies the network section shows are in `network.dependencies`, in its
/// order: each line shows its first claims, so a caller puts only these dependencies' claims
/// in store order (the order [`Findings::network`] asks for); no other dependency's claims
/// are read.
pub fn shown_dependencies(network: &Network) -> Vec<usize> {
    picks::shown_dependencies(network)
}

/// The documents whose words the briefing's figures table, disagreements and network lines
/// cite: pass them (with any others worth quoting) to
/// [`build_briefing`](crate::build_briefing). Their number is bounded by the briefing's own
/// limits on rows, lines and statements per line, whatever the size of the store.
pub fn cited_documents(findings: &Findings<'_>) -> BTreeSet<DocId> {
    let mut out: BTreeSet<DocId> =
        shown_claims(findings.ledger, findings.network, findings.changes)
            .into_iter()
            .filter_map(|i| findings.claims.get(&i).map(|c| c.doc.clone()))
            .collect();
    for f in picks::political_flows(findings.network) {
        out.extend(picks::ties(f).iter().map(|t| t.doc.clone()));
    }
    out.extend(glossary::described(findings).map(|(_, d)| d.citation.doc.clone()));
    out
}

#[cfg(test)]
mod tests {
    use sinew_analysis::{Bounds, Concept, Consensus, FlowKind, LedgerClaim};
    use sinew_types::AlertKind;

    use super::*;

    fn group(id: &str, verdict: Verdict, actors: Option<(&str, &str)>) -> LedgerGroup {
        LedgerGroup {
            id: id.to_string(),
            subject: actors.map(|(s, _)| s.to_string()),
            object: actors.map(|(_, o)| o.to_string()),
            measure: "exports".to_string(),
            unit: None,
            per: None,
            concept: Concept::Other,
            kind: FlowKind::Trade,
            verdict,
            consensus: Consensus {
                value: None,
                low: 1.0,
                high: 2.0,
                vague: None,
            },
            running_total: false,
            sources: 1,
            attribution: None,
            period: None,
            claims: vec![LedgerClaim {
                claim: 0,
                bounds: Bounds {
                    low: 1.0,
                    high: 2.0,
                    stated: 1.0,
                    step: 0.0,
                },
                source: DocId(format!("doc-of-{id}")),
                as_of: None,
                camp: 0,
                note: String::new(),
            }],
            explanation: String::new(),
            revised: None,
        }
    }

    /// A bucket keeps its first groups as the figures table reads them, its first
    /// contradicted and grown ones as the disagreements read them, every group naming two
    /// actors, and the groups an alert names by id or by its actors and document; a new
    /// bucket counts afresh.
    #[test]
    fn group_picks_keeps_what_the_briefing_may_read_of_a_bucket() {
        let mut groups = Vec::new();
        for n in 0..70 {
            groups.push(group(&format!("s{n}"), Verdict::Single, None));
        }
        for n in 0..20 {
            groups.push(group(&format!("c{n}"), Verdict::Conflict, None));
        }
        for n in 0..20 {
            groups.push(group(&format!("u{n}"), Verdict::Update, None));
        }
        groups.push(group("pair", Verdict::Single, Some(("A", "B"))));
        groups.push(group("by-id", Verdict::Single, None));
        groups.push(group("by-doc", Verdict::Single, None));
        groups.push(group("other", Verdict::Single, None));
        let alert = |key: &str, doc: &str| Alert {
            kind: AlertKind::Conflict,
            key: key.to_string(),
            doc: DocId(doc.to_string()),
            subject: None,
            object: None,
            message: String::new(),
        };
        let alerts = [alert("by-id", "elsewhere"), alert("gone", "doc-of-by-doc")];
        let mut picks = GroupPicks::new(&alerts);
        for _ in 0..2 {
            picks.bucket();
            let kept: Vec<&str> = groups
                .iter()
                .filter(|g| picks.keeps(g))
                .map(|g| g.id.as_str())
                .collect();
            let mut expected: Vec<String> = (0..60).map(|n| format!("s{n}")).collect();
            expected.extend((0..12).map(|n| format!("c{n}")));
            expected.extend((0..12).map(|n| format!("u{n}")));
            expected.extend(["pair", "by-id", "by-doc"].map(String::from));
            assert_eq!(kept, expected);
        }
    }
}
