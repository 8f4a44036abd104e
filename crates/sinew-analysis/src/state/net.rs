//! A bucket's groups naming two actors in the compact form a stored digest keeps them in
//! ([`NetState`]): only what the network fold (`graph.rs`'s `fold_network`) and a briefing's
//! first pass read of them. That is each group's id, actors, measure, unit and rate, concept,
//! kind, verdict, consensus, period and source count, where it sorts in the ledger, its traits
//! for the network, and per claim its reference, its independent source and its date.
//!
//! Each group is a JSON array, not an object: at 100k articles a briefing reads 410,000 such
//! groups, and the keys, each statement's bounds, camp and note, and the group's wording were
//! most of their text. A group read back ([`NetState::into_state`]) is a [`StoredGroup`] whose
//! claims have no bounds (zero), no camp (0) and no note, and whose running total, revision,
//! attribution and explanation are unset: a reader that shows more of a group than the
//! network's lines do (its statements' values, its camps, whether it was revised) reads the
//! bucket's state whole, as `sinew-engine`'s `summary.rs` does.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sinew_types::{DocId, Span};

use super::{BucketState, ClaimRef, GroupOrder, StoredGroup};
use crate::bounds::Bounds;
use crate::concept::{Concept, FlowKind};
use crate::ledger::{Consensus, LedgerClaim, LedgerGroup, Verdict};

/// A bucket's groups in compact form, with its counts of actor spellings whole (what the
/// network folds): see the module's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetState {
    key: String,
    groups: Vec<NetGroup>,
    spellings: BTreeMap<String, usize>,
}

/// One claim: its document and ordinal, its independent source when that is another
/// document (`None`: the claim's own), and when it was stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct NetClaim(DocId, u32, Option<DocId>, Option<NaiveDate>);

/// Where the group sorts in the ledger ([`GroupOrder`]): documents, the first claim's
/// document when it is not the first reference's (`None` otherwise, which is always so for
/// a group `analyse_buckets` made), its span and sentence, its measure when not the group's,
/// value and words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct NetOrder(
    usize,
    Option<DocId>,
    usize,
    usize,
    usize,
    usize,
    Option<String>,
    #[serde(with = "crate::float")] f64,
    String,
);

/// One group: id, subject, object, measure, unit, rate, concept, kind, verdict, the
/// consensus (value, low, high, vague words), sources, period, claims, order, and the
/// network's traits (its first claim a percentage; something moves; only earlier values of
/// changes, written only when so, so that a digest written before it reads the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct NetGroup(
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Concept,
    FlowKind,
    Verdict,
    #[serde(with = "crate::float::option")] Option<f64>,
    #[serde(with = "crate::float")] f64,
    #[serde(with = "crate::float")] f64,
    Option<String>,
    usize,
    Option<(NaiveDate, Option<NaiveDate>)>,
    Vec<NetClaim>,
    NetOrder,
    bool,
    bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")] bool,
);

impl BucketState {
    /// The state's groups in compact form ([`NetState`]), in the state's order.
    pub fn to_net(&self) -> NetState {
        NetState {
            key: self.key.clone(),
            groups: self.groups.iter().map(NetGroup::of).collect(),
            spellings: self.spellings.clone(),
        }
    }
}

impl NetState {
    /// The bucket's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The state read back: its groups with what the compact form keeps (see the module's
    /// note), in the order they were written.
    pub fn into_state(self) -> BucketState {
        BucketState {
            key: self.key,
            groups: self.groups.into_iter().map(NetGroup::into_stored).collect(),
            spellings: self.spellings,
        }
    }
}

impl NetGroup {
    fn of(s: &StoredGroup) -> NetGroup {
        let g = &s.group;
        let claims: Vec<NetClaim> = g
            .claims
            .iter()
            .map(|m| {
                let r = &s.refs[m.claim];
                let source = (m.source != r.doc).then(|| m.source.clone());
                NetClaim(r.doc.clone(), r.ord, source, m.as_of)
            })
            .collect();
        let o = &s.order;
        let first_doc = claims.first().map(|c| &c.0);
        let order = NetOrder(
            o.docs,
            (first_doc != Some(&o.doc)).then(|| o.doc.clone()),
            o.span.start,
            o.span.end,
            o.sentence.start,
            o.sentence.end,
            (o.measure != g.measure).then(|| o.measure.clone()),
            o.value,
            o.text.clone(),
        );
        NetGroup(
            g.id.clone(),
            g.subject.clone(),
            g.object.clone(),
            g.measure.clone(),
            g.unit.clone(),
            g.per.clone(),
            g.concept,
            g.kind,
            g.verdict,
            g.consensus.value,
            g.consensus.low,
            g.consensus.high,
            g.consensus.vague.clone(),
            g.sources,
            g.period,
            claims,
            order,
            s.percent,
            s.moves,
            s.earlier,
        )
    }

    fn into_stored(self) -> StoredGroup {
        let NetGroup(
            id,
            subject,
            object,
            measure,
            unit,
            per,
            concept,
            kind,
            verdict,
            value,
            low,
            high,
            vague,
            sources,
            period,
            net_claims,
            NetOrder(docs, doc, start, end, s_start, s_end, order_measure, o_value, text),
            percent,
            moves,
            earlier,
        ) = self;
        let no_bounds = Bounds {
            low: 0.0,
            high: 0.0,
            stated: 0.0,
            step: 0.0,
        };
        let mut claims = Vec::with_capacity(net_claims.len());
        let mut refs = Vec::with_capacity(net_claims.len());
        for (k, NetClaim(doc, ord, source, as_of)) in net_claims.into_iter().enumerate() {
            claims.push(LedgerClaim {
                claim: k,
                bounds: no_bounds,
                source: source.unwrap_or_else(|| doc.clone()),
                as_of,
                camp: 0,
                note: String::new(),
            });
            refs.push(ClaimRef { doc, ord });
        }
        let order = GroupOrder {
            docs,
            doc: doc
                .or_else(|| refs.first().map(|r| r.doc.clone()))
                .unwrap_or_else(|| DocId(String::new())),
            span: Span { start, end },
            sentence: Span {
                start: s_start,
                end: s_end,
            },
            measure: order_measure.unwrap_or_else(|| measure.clone()),
            value: o_value,
            text,
        };
        StoredGroup {
            group: LedgerGroup {
                id,
                subject,
                object,
                measure,
                unit,
                per,
                concept,
                kind,
                verdict,
                consensus: Consensus {
                    value,
                    low,
                    high,
                    vague,
                },
                running_total: false,
                sources,
                attribution: None,
                period,
                claims,
                explanation: String::new(),
                revised: None,
            },
            refs,
            order,
            percent,
            moves,
            earlier,
        }
    }
}
