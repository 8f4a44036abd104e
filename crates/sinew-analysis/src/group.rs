//! Grouping claims that state the same figure.
//!
//! Each claim is first read for its concept and actor order (`concept.rs`: "Russian dependence
//! on China" and "China's share of Russia's imports" are one figure, China -> Russia), then
//! claims are bucketed by an exact key (the first known actor in that order, the unit's
//! dimension: money in any currency, a counted noun, percent; the rate) and clustered inside
//! each bucket. A claim joins a cluster when its concept key agrees: the same actors (a
//! missing counterpart, which extraction often leaves out of "China-Russia trade", matches
//! any), the same unit, the same measure kind and lemma class when both tell (`concept.rs`),
//! the same time window (periods that overlap and are of like length: a year is not a
//! month), its concept agrees (or its measure is too vague to tell), its measure is similar to
//! a member's (similar words, the same concept narrowed the same way, the same counted noun,
//! or the same amount), its value is of the same order as the cluster's, and it does not come
//! from the same sentence as a member: two figures in one sentence are two different figures
//! ("3 million rounds ... or 500,000 rounds").
//!
//! What narrows a measure must not differ: scopes (the words that narrow the concept) match
//! only when the smaller is inside the larger, and the complements after one preposition
//! ("units in Korea", "units in China"; `scope.rs`) must share a word when both name one.
//! Figures that name no actor join only at the same amount to the precision written
//! (`rounding.rs`: "3.92%" is not "3.88%", "$240 billion" is "$240.1 billion" rounded), with
//! measures that do not tell them apart, and across articles only when worded alike and
//! both dated: with no actor, nothing else says two amounts are one quantity.
//!
//! Units compare by their head: a counted noun's last word, read as the thing it stands for
//! ("soldiers" are troops, "shells" rounds: `scope::SAME_THING`), and the words before it
//! narrow it: one unit's words must hold the other's ("artillery shells" and "rounds" agree,
//! "ballistic" and "cruise" missiles do not). An actor named as the subject by one claim and as
//! the counterpart by the other is another figure. One voice (the same attribution, or none)
//! in one article states a figure once: another amount there in the same words is another
//! figure ("36% of millennials ... 57% of millennials"); different voices may disagree.
//!
//! A vague amount ("dozens of", "thousands of") is evidence that a figure exists, not a value:
//! it joins a cluster without voting on its amount (only a precise value more than
//! `VAGUE_REACH` outside its range rules it out), and vague claims are visited last, so they
//! join the figure rather than seed one. A running total that only grows (a stock or a count
//! since a day, of a movement such as shipped, sold, lent, or of things one actor sent
//! another) is dated by the day it was counted (`When::AsOf`), not by a window: reports on
//! different days are one figure, ordered later as updates, and may grow many times over. A
//! standing total that can fall (a headcount, a reserve) keeps its window.
//!
//! A figure stated again in another currency in its own sentence ("600 million dollars (about
//! 561 million euros)": `Claim.restates` names the first figure's span) is no statement of
//! its own: it skips clustering and joins the group of the figure it restates, which is in its
//! bucket because buckets key money by dimension, not currency.
//!
//! Dated claims are visited first, so that undated ones join the period they fit best, and
//! each claim goes to the accepting cluster whose values are closest to its own. The visiting
//! order is computed from the claims' content, so the result does not depend on the order of
//! the input, and claims in other buckets never affect a bucket.
//!
//! Thresholds (the constants below): measures are similar at a Jaccard similarity of stems of
//! 0.5 or more; periods longer than 2.5 times another are other windows; values further apart
//! than 3x are different figures (50x for running totals that grow); amounts within 1.5% are the same amount unless both claims
//! name different goods. Periods agree when they overlap, and a running total since a day
//! agrees with periods ending after it. Each wording is read once (a memo on measure, unit,
//! rate and actors), and stems and documents are numbers inside the loop (`hash.rs`: an FNV
//! hasher for maps that live one call).

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashSet};

use sinew_types::{Claim, DocId, MeasureKind, QuantityKind, Span};

use crate::concept::{accumulates, flow_kind, read, scope_rule, Concept, FlowKind, Meaning};
use crate::hash::FastMap;
use crate::label::group_measure;
use crate::ledger::sources::voice_words;
use crate::rounding::{same_rounded, values_close};
use crate::scope::{clash, stem_of};
use crate::window::TimeFrame;
pub(crate) use crate::window::When;

/// Measures at least this similar (Jaccard over stemmed content words) describe the same thing.
const MIN_MEASURE_SIMILARITY: f64 = 0.5;

/// Values further apart than this factor are different figures, whatever their words say.
const MAX_VALUE_RATIO: f64 = 3.0;

/// How much a running total since one day may grow between the reports of one cluster.
const MAX_RUNNING_RATIO: f64 = 50.0;

/// A vague amount ("thousands of") and precise ones are one figure only if the precise values
/// lie within this factor of the vague range: news stretches "thousands" to 10,000 or 20,000,
/// never to a million.
const VAGUE_REACH: f64 = 10.0;

/// Values this close are the same amount reported with different rounding.
const SAME_AMOUNT_RATIO: f64 = 1.015;

/// Periods whose lengths differ by more than this factor are different windows (a year and a
/// month, a year and a quarter), even when one holds the other.
pub(crate) const MAX_WINDOW_RATIO: f64 = 2.5;

/// Claims that state the same figure, possibly in several documents.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// Canonical name of the actor the figure is about (the supplier, the exporter; for
    /// trade, the first of the two in alphabetical order), shared by all members.
    pub subject: Option<String>,
    /// Canonical name of the counterpart, shared by all members.
    pub object: Option<String>,
    /// Normalised unit (ISO 4217 code, `percent`, counted noun), shared by all members.
    pub unit: Option<String>,
    /// Rate period ("month"), shared by all members.
    pub per: Option<String>,
    /// What kind of figure it is: the first concept its members tell.
    pub concept: Concept,
    /// What moves (arms, dual-use goods, energy...), by most members' words.
    pub kind: FlowKind,
    /// A representative measure: the one most members use (ties: the shortest, then the first
    /// in alphabetical order).
    pub measure: String,
    /// Indexes into the input claims, ordered by document, then position in the document.
    pub members: Vec<usize>,
}

impl FigureGroup {
    /// How many distinct documents the members come from.
    pub fn doc_count(&self, claims: &[Claim]) -> usize {
        self.members
            .iter()
            .filter_map(|&i| claims.get(i))
            .map(|c| &c.doc)
            .collect::<HashSet<_>>()
            .len()
    }
}

/// Groups claims that state the same figure across documents.
///
/// Every claim lands in exactly one group; a claim with no match is a group of one. Groups are
/// ordered by the number of documents they span (most first), then by size, then by subject,
/// object, unit, rate and measure, so the output is stable and independent of input order.
pub fn group_figures(claims: &[Claim]) -> Vec<FigureGroup> {
    // Claims worded alike mean alike: read each wording once.
    let mut known: FastMap<SenseKey<'_>, usize> =
        FastMap::with_capacity_and_hasher(claims.len(), Default::default());
    let mut unique: Vec<Meaning> = Vec::new();
    let sense_of: Vec<usize> = claims
        .iter()
        .map(|c| {
            let q = &c.quantity;
            let key = (
                c.measure.as_str(),
                (q.kind, c.kind),
                q.unit.as_deref(),
                q.per.as_deref(),
                c.subject.as_deref(),
                c.object.as_deref(),
            );
            *known.entry(key).or_insert_with(|| {
                unique.push(read(c));
                unique.len() - 1
            })
        })
        .collect();
    // Words as numbers, so that comparing claims compares no strings.
    let mut vocab = Vocab::default();
    let firsts = first_claims(&sense_of, unique.len());
    let senses: Vec<Sense> = unique
        .iter()
        .zip(&firsts)
        .map(|(m, &first)| Sense::of(m, &claims[first], &mut vocab))
        .collect();
    let meanings: Vec<&Meaning> = sense_of.iter().map(|&k| &unique[k]).collect();
    let keys: Vec<BucketKey> = unique
        .iter()
        .zip(&firsts)
        .map(|(m, &first)| BucketKey::of(&claims[first], &m.subject, &m.object))
        .collect();
    let kind_of = |i: usize| senses[sense_of[i]].kind;
    // Documents as their rank in id order: numbers that sort as the ids do.
    let mut ids: Vec<&DocId> = claims.iter().map(|c| &c.doc).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut docs: FastMap<&DocId, u32> =
        FastMap::with_capacity_and_hasher(ids.len(), Default::default());
    for (rank, id) in ids.iter().enumerate() {
        docs.insert(id, rank as u32);
    }
    // Attributions as numbers: who says a figure, the article itself (none) included.
    let mut voices: FastMap<Vec<String>, u32> = FastMap::default();
    let probes: Vec<Probe> = claims
        .iter()
        .zip(&sense_of)
        .map(|(c, &sense)| {
            let words = c
                .attribution
                .as_deref()
                .map(voice_words)
                .unwrap_or_default();
            let next = voices.len() as u32;
            let voice = *voices.entry(words).or_insert(next);
            Probe::of(c, sense, &senses[sense], docs[&c.doc], voice)
        })
        .collect();
    // Content order by the cheap fields first, the whole claim only on a tie.
    let content_order = |a: usize, b: usize| {
        let (pa, pb) = (&probes[a], &probes[b]);
        (pa.doc, pa.span, pa.sentence)
            .cmp(&(pb.doc, pb.span, pb.sentence))
            .then_with(|| visit_order(&claims[a], &claims[b]))
    };
    // The order buckets are visited in does not matter: groups are sorted by content below.
    let mut bucket_of_key: FastMap<&BucketKey, usize> = FastMap::default();
    let bucket_of_sense: Vec<usize> = keys
        .iter()
        .map(|k| {
            let next = bucket_of_key.len();
            *bucket_of_key.entry(k).or_insert(next)
        })
        .collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_of_key.len()];
    for (i, &sense) in sense_of.iter().enumerate() {
        buckets[bucket_of_sense[sense]].push(i);
    }

    let primary = restated(claims, &probes, &bucket_of_sense, &sense_of);

    let mut groups = Vec::new();
    let mut doc_counts: Vec<usize> = Vec::new();
    for members in buckets {
        let (mut members, asides): (Vec<usize>, Vec<usize>) =
            members.into_iter().partition(|&i| primary[i].is_none());
        // Vague amounts last, so that they join the figure they are evidence of rather than
        // seed a cluster of their own.
        members.sort_by(|&a, &b| {
            probes[a]
                .vague
                .cmp(&probes[b].vague)
                .then(probes[b].when.dated().cmp(&probes[a].when.dated()))
                .then_with(|| content_order(a, b))
                .then(a.cmp(&b))
        });
        let mut open: Vec<Cluster> = Vec::new();
        // Clusters by counterpart, so that a claim is tried only against clusters that can
        // take its actors: those with its counterpart and those with none yet.
        let mut by_object: FastMap<u32, Vec<usize>> = FastMap::default();
        let mut no_object: Vec<usize> = Vec::new();
        let mut candidates: Vec<usize> = Vec::new();
        for i in members {
            let probe = &probes[i];
            let object = senses[probe.sense].object;
            candidates.clear();
            match object {
                Some(o) => {
                    candidates.extend(by_object.get(&o).into_iter().flatten().copied());
                    candidates.extend(
                        no_object
                            .iter()
                            .copied()
                            .filter(|&k| open[k].object.is_none()),
                    );
                }
                None => candidates.extend(0..open.len()),
            }
            let best = candidates
                .iter()
                .copied()
                .filter(|&k| open[k].accepts(probe, &senses))
                .min_by(|&ka, &kb| {
                    open[ka]
                        .distance(probe)
                        .total_cmp(&open[kb].distance(probe))
                        .then(ka.cmp(&kb))
                });
            match best {
                Some(k) => {
                    let had = open[k].object;
                    open[k].add(i, probe, &senses);
                    if let (None, Some(o)) = (had, open[k].object) {
                        by_object.entry(o).or_default().push(k);
                    }
                }
                None => {
                    let c = Cluster::new(i, probe, &senses);
                    match c.object {
                        Some(o) => by_object.entry(o).or_default().push(open.len()),
                        None => no_object.push(open.len()),
                    }
                    open.push(c);
                }
            }
        }
        // Each restatement joins the cluster of the figure it restates.
        let mut cluster_of: FastMap<usize, usize> = FastMap::default();
        for (k, c) in open.iter().enumerate() {
            for &m in &c.members {
                cluster_of.insert(m, k);
            }
        }
        for i in asides {
            if let Some(&k) = primary[i].and_then(|j| cluster_of.get(&j)) {
                open[k].members.push(i);
            }
        }
        for c in open {
            let mut ds: Vec<u32> = c.members.iter().map(|&i| probes[i].doc).collect();
            ds.sort_unstable();
            ds.dedup();
            doc_counts.push(ds.len());
            groups.push(c.finish(claims, &meanings, &content_order, &kind_of));
        }
    }

    let docs = doc_counts;
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (&groups[a], &groups[b]);
        docs[b]
            .cmp(&docs[a])
            .then(gb.members.len().cmp(&ga.members.len()))
            .then_with(|| ga.subject.cmp(&gb.subject))
            .then_with(|| ga.object.cmp(&gb.object))
            .then_with(|| ga.unit.cmp(&gb.unit))
            .then_with(|| ga.per.cmp(&gb.per))
            .then_with(|| ga.measure.cmp(&gb.measure))
            .then_with(|| content_order(ga.members[0], gb.members[0]))
    });
    let mut slots: Vec<Option<FigureGroup>> = groups.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// What must be equal for two claims to state the same figure: the first known actor in the
/// concept's order (the subject, else the counterpart), the unit's dimension and the rate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct BucketKey {
    anchor: Option<String>,
    dimension: Option<String>,
    per: Option<String>,
}

impl BucketKey {
    fn of(claim: &Claim, subject: &Option<String>, object: &Option<String>) -> BucketKey {
        BucketKey {
            anchor: norm(subject).or_else(|| norm(object)),
            dimension: dimension(claim),
            per: norm(&claim.quantity.per),
        }
    }
}

/// A name or unit trimmed and lower-cased; `None` when empty.
fn norm(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}

/// What a unit measures: `money` for every currency (a figure restated in euros must be in
/// its dollar figure's bucket), the head noun of a count (`unit_parts`), else the unit itself
/// (`percent`, `t`).
fn dimension(claim: &Claim) -> Option<String> {
    if claim.quantity.kind == QuantityKind::Money {
        return Some("money".to_string());
    }
    unit_parts(&claim.quantity).0
}

/// A unit as its head and the words that narrow it. A counted noun's head is its last word,
/// read as the thing it stands for ("soldiers" count troops, "shells" count rounds:
/// `scope::stem_of`), and its other words narrow it ("ballistic missile" is a kind of
/// "missile"); any other unit is its own head, normalised.
fn unit_parts(q: &sinew_types::Quantity) -> (Option<String>, Vec<String>) {
    let unit = norm(&q.unit);
    if q.kind != QuantityKind::Count {
        return (unit, Vec::new());
    }
    let Some(unit) = unit else {
        return (None, Vec::new());
    };
    let mut words: Vec<String> = crate::words::content_words(&unit)
        .map(|w| stem_of(&w))
        .collect();
    match words.pop() {
        Some(head) => {
            words.sort_unstable();
            words.dedup();
            (Some(head), words)
        }
        None => (Some(unit), Vec::new()),
    }
}

/// The bucket a claim is clustered in, as text: its first known actor in the concept's order,
/// its unit's dimension and its rate, normalised, joined by U+001F. Claims in different
/// buckets are never one figure.
pub(crate) fn bucket_key(claim: &Claim) -> String {
    let m = read(claim);
    let k = BucketKey::of(claim, &m.subject, &m.object);
    [k.anchor, k.dimension, k.per]
        .map(Option::unwrap_or_default)
        .join("\u{1f}")
}

/// For each claim that restates another figure of its sentence in another unit, the claim it
/// restates: same document, sentence and bucket, at the span `restates` names, itself no
/// restatement.
fn restated(
    claims: &[Claim],
    probes: &[Probe],
    bucket_of_sense: &[usize],
    sense_of: &[usize],
) -> Vec<Option<usize>> {
    if claims.iter().all(|c| c.restates.is_none()) {
        return vec![None; claims.len()];
    }
    let mut at: FastMap<(u32, Span), usize> = FastMap::default();
    for (i, c) in claims.iter().enumerate() {
        if c.restates.is_none() {
            at.entry((probes[i].doc, c.span)).or_insert(i);
        }
    }
    claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let span = c.restates?;
            let j = *at.get(&(probes[i].doc, span))?;
            let same = j != i
                && claims[j].sentence == c.sentence
                && bucket_of_sense[sense_of[j]] == bucket_of_sense[sense_of[i]];
            same.then_some(j)
        })
        .collect()
}

/// A content order over claims: document, position, then the remaining fields, so that equal
/// inputs in any order are visited alike.
pub(crate) fn visit_order(a: &Claim, b: &Claim) -> Ordering {
    a.doc
        .cmp(&b.doc)
        .then(a.span.cmp(&b.span))
        .then(a.sentence.cmp(&b.sentence))
        .then_with(|| a.measure.cmp(&b.measure))
        .then_with(|| a.quantity.value.total_cmp(&b.quantity.value))
        .then_with(|| a.quantity.text.cmp(&b.quantity.text))
}

/// Stems interned as numbers.
#[derive(Default)]
struct Vocab(FastMap<String, u32>);

impl Vocab {
    /// One word's number.
    fn id(&mut self, word: &str) -> u32 {
        // Most words are known by the time they come again: look before allocating.
        if let Some(&n) = self.0.get(word) {
            return n;
        }
        let next = self.0.len() as u32;
        self.0.insert(word.to_string(), next);
        next
    }

    /// The set's words as sorted numbers.
    fn ids(&mut self, words: &BTreeSet<String>) -> Vec<u32> {
        let mut out: Vec<u32> = words.iter().map(|w| self.id(w)).collect();
        out.sort_unstable();
        out
    }
}

/// How many numbers two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted word lists; two empty lists are equal.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = shared(a, b);
    inter as f64 / (a.len() + b.len() - inter) as f64
}

fn scopes_match(a: &[u32], b: &[u32]) -> bool {
    scope_rule(a.len(), b.len(), shared(a, b))
}

/// One sorted word list holds the other (an empty one is held by any).
fn scopes_nest(a: &[u32], b: &[u32]) -> bool {
    shared(a, b) == a.len().min(b.len())
}

/// What one wording of a measure means, in numbers.
struct Sense {
    concept: Concept,
    stems: Vec<u32>,
    scope: Vec<u32>,
    /// The narrowing words after each preposition (`scope.rs`).
    complements: Vec<(u8, Vec<u32>)>,
    /// The stems that say something once the concept is known.
    telling: Vec<u32>,
    /// What moves, by the words.
    kind: FlowKind,
    /// The actors in the concept's order and the unit's head, normalised, as numbers.
    subject: Option<u32>,
    object: Option<u32>,
    unit: Option<u32>,
    /// The words that narrow the unit's head, as sorted numbers.
    unit_words: Vec<u32>,
    /// The measure's lemma class, when its words name one.
    lemma: Option<u8>,
    /// The measure kind extraction read, when it read one.
    measure_kind: Option<MeasureKind>,
}

impl Sense {
    fn of(m: &Meaning, claim: &Claim, vocab: &mut Vocab) -> Sense {
        // Actors and units live in the same numbering as stems, behind a prefix no word has.
        let mut id = |prefix: &str, s: &Option<String>| {
            norm(s).map(|s| vocab.id(&format!("{prefix}\u{1f}{s}")))
        };
        let (head, unit_words) = unit_parts(&claim.quantity);
        Sense {
            concept: m.concept,
            subject: id("actor", &m.subject),
            object: id("actor", &m.object),
            unit: id("unit", &head),
            unit_words: vocab.ids(&unit_words.into_iter().collect()),
            stems: vocab.ids(&m.stems),
            scope: vocab.ids(&m.scope),
            complements: m
                .complements
                .iter()
                .map(|(p, words)| (*p, vocab.ids(words)))
                .collect(),
            telling: vocab.ids(&m.telling),
            kind: flow_kind(claim),
            lemma: m.lemma,
            measure_kind: (m.kind != MeasureKind::Other).then_some(m.kind),
        }
    }
}

/// Two optional keys agree when either is unknown or both are equal.
fn fits<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The first claim of each sense.
fn first_claims(sense_of: &[usize], senses: usize) -> Vec<usize> {
    let mut first = vec![usize::MAX; senses];
    for (i, &k) in sense_of.iter().enumerate() {
        if first[k] == usize::MAX {
            first[k] = i;
        }
    }
    first
}

/// What makes two claims worded alike: measure, kind, unit, rate, subject, object.
type SenseKey<'a> = (
    &'a str,
    (QuantityKind, MeasureKind),
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// What a cluster needs to know about a claim to decide whether it joins.
struct Probe {
    doc: u32,
    span: Span,
    sentence: Span,
    counted: bool,
    sense: usize,
    value: f64,
    /// One unit of the last digit the text writes (`rounding.rs`).
    step: f64,
    low: f64,
    high: f64,
    when: When,
    /// A vague amount ("dozens of", "thousands of"): evidence that the figure exists, not a
    /// value; it never votes on the cluster's amount.
    vague: bool,
    /// Who says it: its attribution's words as a number (the article's own voice when none).
    voice: u32,
    /// A running total that only grows (shipped, sold, lent... since a day, or counted on a
    /// day): later reports may count many times more.
    growing: bool,
}

impl Probe {
    fn of(claim: &Claim, sense: usize, s: &Sense, doc: u32, voice: u32) -> Probe {
        let q = &claim.quantity;
        let value = if q.value.is_finite() { q.value } else { 0.0 };
        let top = q.value_max.filter(|v| v.is_finite()).unwrap_or(value);
        let plain = When::of(claim);
        let since = matches!(plain, When::Since(_));
        let counted = q.kind == QuantityKind::Count
            && q.unit.as_deref().is_some_and(|u| !u.trim().is_empty());
        let movement = s.lemma.is_some_and(accumulates);
        // A running total that only grows (extraction read a stock, or it counts since a day;
        // of a movement, or of things one actor has sent or given another): its time is the
        // day it was counted, counts on different days are reports of one figure, and a later
        // one may be many times an earlier. A standing total that can fall (a headcount, a
        // reserve) keeps its window: its values on other days are other figures.
        let growing = q.per.is_none()
            && (claim.kind == MeasureKind::Stock || since)
            && (counted || movement)
            && (movement || since || (s.subject.is_some() && s.object.is_some()));
        Probe {
            doc,
            span: claim.span,
            sentence: claim.sentence,
            counted,
            sense,
            value,
            step: crate::rounding::step(q),
            low: value.min(top),
            high: value.max(top),
            when: if growing {
                When::of_running(claim)
            } else {
                plain
            },
            vague: q.vague,
            voice,
            growing,
        }
    }
}

/// One member's amount as stated, with where it was stated and by whom.
#[derive(Clone, Copy)]
struct Amount {
    value: f64,
    /// Top of the range (the value for a point).
    high: f64,
    /// Rounding step (`rounding.rs`).
    step: f64,
    vague: bool,
    doc: u32,
    voice: u32,
}

impl Amount {
    /// The same amount as the probe's to the precision either writes, or within rounding
    /// (`SAME_AMOUNT_RATIO`).
    fn same_as(&self, p: &Probe) -> bool {
        (same_rounded(self.value, self.step, p.value, p.step)
            && same_rounded(self.high, self.step, p.high, p.step))
            || values_close(
                self.value.min(p.value),
                self.value.max(p.value),
                SAME_AMOUNT_RATIO,
            )
    }
}

struct Cluster {
    members: Vec<usize>,
    /// The members' amounts as stated.
    amounts: Vec<Amount>,
    /// The wordings of the members: (sense, counted).
    variants: Vec<(usize, bool)>,
    /// Spans of the members' figures, by (document, sentence).
    sentences: FastMap<(u32, Span), Vec<Span>>,
    frame: TimeFrame,
    concept: Concept,
    /// The concept key's parts the members told: actors, unit, lemma class, measure kind.
    subject: Option<u32>,
    object: Option<u32>,
    unit: Option<u32>,
    /// Every word that narrows a member's unit: a newcomer's must be among them, or hold
    /// them all ("artillery shells" and "rounds" agree, "ballistic" and "cruise" missiles
    /// do not).
    unit_words: Vec<u32>,
    lemma: Option<u8>,
    measure_kind: Option<MeasureKind>,
    /// The range of the precise members' values, their sum and number (vague members do not
    /// count: they state no value).
    low: f64,
    high: f64,
    sum: f64,
    precise: usize,
    /// The range the vague members allow, at its widest.
    vague_low: f64,
    vague_high: f64,
    /// True while every member is a growing running total.
    growing: bool,
}

impl Cluster {
    fn new(i: usize, probe: &Probe, senses: &[Sense]) -> Cluster {
        let mut c = Cluster {
            members: Vec::new(),
            amounts: Vec::new(),
            variants: Vec::new(),
            sentences: FastMap::default(),
            frame: TimeFrame::open(),
            concept: Concept::Other,
            subject: None,
            object: None,
            unit: None,
            unit_words: Vec::new(),
            lemma: None,
            measure_kind: None,
            low: f64::INFINITY,
            high: f64::NEG_INFINITY,
            sum: 0.0,
            precise: 0,
            vague_low: f64::INFINITY,
            vague_high: f64::NEG_INFINITY,
            growing: true,
        };
        c.add(i, probe, senses);
        c
    }

    fn accepts(&self, p: &Probe, senses: &[Sense]) -> bool {
        let ps = &senses[p.sense];
        // An actor the cluster names as the subject, named by the newcomer as the counterpart
        // (or the other way round), is another figure: "TikTok's users" and "users' time on
        // TikTok" share a name, not a figure.
        let crossed = |a: Option<u32>, b: Option<u32>| a.is_some() && a == b;
        if crossed(ps.object, self.subject) || crossed(ps.subject, self.object) {
            return false;
        }
        if !(fits(self.subject, ps.subject)
            && fits(self.object, ps.object)
            && self.unit == ps.unit
            && scopes_nest(&self.unit_words, &ps.unit_words)
            && fits(self.lemma, ps.lemma)
            && (fits(self.measure_kind, ps.measure_kind) || self.holds_as_evidence(p, ps)))
        {
            return false;
        }
        // Figures that name no actor ("12%", "$5 million" on pages of business news; market
        // shares whose companies extraction missed) are one figure only when they state the
        // same amount to the precision written ("3.92%" and "3.88%" are two insurers' shares;
        // "$240 billion" is "$240.1 billion" rounded) and their measures do not tell them
        // apart. In one article, a measure that tells nothing ("value", the unit again) does
        // not; across articles, both must be worded alike and dated: the wording alone joined
        // every "market share" of a page into one figure.
        let actorless = ps.subject.is_none()
            && ps.object.is_none()
            && self.subject.is_none()
            && self.object.is_none();
        if actorless {
            let same_article = self.sentences.keys().any(|(doc, _)| *doc == p.doc);
            let worded_alike = self.variants.iter().any(|&(sense, _)| {
                let m = &senses[sense].telling;
                if ps.telling.is_empty() || m.is_empty() {
                    same_article
                } else {
                    jaccard(&ps.telling, m) >= MIN_MEASURE_SIMILARITY
                }
            });
            // Vague amounts are the same amount when they are the same words' range.
            let same_amount = self.amounts.iter().any(|a| {
                a.vague == p.vague
                    && same_rounded(a.value, a.step, p.value, p.step)
                    && same_rounded(a.high, a.step, p.high, p.step)
            });
            if !worded_alike
                || !same_amount
                || !(same_article || (p.when.dated() && self.frame.dated()))
            {
                return false;
            }
        }
        // A running total of a movement may have grown many times over between reports, as
        // may one counted since the same day as the cluster's.
        let limit = match p.when {
            _ if p.growing && self.growing => MAX_RUNNING_RATIO,
            When::Since(s) if s == self.frame.max_since && s == self.frame.min_since => {
                MAX_RUNNING_RATIO
            }
            _ => MAX_VALUE_RATIO,
        };
        if !self.amount_fits(p, limit) || !self.frame.admits(p.when) {
            return false;
        }
        if !(self.concept == ps.concept
            || self.concept == Concept::Other
            || ps.concept == Concept::Other)
        {
            return false;
        }
        // One voice in one article states one figure once: another amount from the same voice
        // there is another figure ("36% of millennials ... 57% of millennials"), unless it is
        // a running total that grew. Different voices may disagree (that is a conflict).
        let grown = p.growing && self.growing;
        if !(p.vague || grown) {
            let mut same_voice = self
                .amounts
                .iter()
                .filter(|a| !a.vague && a.doc == p.doc && a.voice == p.voice)
                .peekable();
            if same_voice.peek().is_some() && !same_voice.any(|a| a.same_as(p)) {
                return false;
            }
        }
        if let Some(spans) = self.sentences.get(&(p.doc, p.sentence)) {
            // Two figures in one sentence are two figures; the same words twice are one.
            if spans.iter().any(|s| *s != p.span) {
                return false;
            }
        }
        // A place, product or segment named after the same preposition that differs from a
        // member's ("units in Korea", "units in China") is another part of the quantity.
        if self
            .variants
            .iter()
            .any(|&(sense, _)| clash(&ps.complements, &senses[sense].complements))
        {
            return false;
        }
        let same_amount = !p.vague
            && self.amounts.iter().any(|a| {
                !a.vague
                    && values_close(
                        a.value.min(p.value),
                        a.value.max(p.value),
                        SAME_AMOUNT_RATIO,
                    )
            });
        self.variants.iter().any(|&(sense, counted)| {
            let m = &senses[sense];
            let compatible = m.concept == ps.concept
                || m.concept == Concept::Other
                || ps.concept == Concept::Other;
            let narrowed_apart =
                !m.scope.is_empty() && !ps.scope.is_empty() && !scopes_match(&m.scope, &ps.scope);
            // Measures of one lemma class name one movement in other words ("shipments of
            // containers", "deliveries of containers"), unless their scopes differ.
            let same_lemma = ps.lemma.is_some() && ps.lemma == m.lemma && !narrowed_apart;
            compatible
                && ((p.counted && counted && !narrowed_apart)
                    || same_lemma
                    || (jaccard(&ps.stems, &m.stems) >= MIN_MEASURE_SIMILARITY && !narrowed_apart)
                    || (ps.concept == m.concept
                        && ps.concept != Concept::Other
                        && scopes_match(&ps.scope, &m.scope))
                    // Sources word the same figure differently ("reaching a record", "total
                    // trade turnover"); the same amount for the same pair is the same figure,
                    // unless the two say what it is a share of and that differs.
                    || (same_amount && !narrowed_apart))
        })
    }

    /// Whether a vague amount with no period of its own ("millions of shells" handed over)
    /// can stand for the cluster's figure though extraction read a flow where the cluster
    /// holds a running total, or the other way round: with no number and no window, the two
    /// readings cannot be told apart.
    fn holds_as_evidence(&self, p: &Probe, ps: &Sense) -> bool {
        let movement =
            |k: Option<MeasureKind>| matches!(k, Some(MeasureKind::Flow | MeasureKind::Stock));
        p.vague
            && p.when == When::Unknown
            && movement(self.measure_kind)
            && movement(ps.measure_kind)
    }

    /// Whether the probe's amount can be the cluster's: precise values all within `limit` of
    /// each other; a vague amount (or a cluster of vague amounts only) states no value, so
    /// only an order of magnitude apart from the precise ones (`VAGUE_REACH`) rules it out.
    fn amount_fits(&self, p: &Probe, limit: f64) -> bool {
        let within = |(low, high): (f64, f64), (vlow, vhigh): (f64, f64)| {
            low * VAGUE_REACH >= vlow && high <= vhigh * VAGUE_REACH
        };
        match (p.vague, self.precise > 0) {
            (false, true) => values_close(self.low.min(p.low), self.high.max(p.high), limit),
            (true, true) => within((self.low, self.high), (p.low, p.high)),
            (false, false) => within((p.low, p.high), (self.vague_low, self.vague_high)),
            (true, false) => true,
        }
    }

    /// How far the probe's value is from the cluster's mean, relative to the larger (0 when
    /// either states no value).
    fn distance(&self, p: &Probe) -> f64 {
        if p.vague || self.precise == 0 {
            return 0.0;
        }
        let mean = self.sum / self.precise as f64;
        let scale = mean.abs().max(p.value.abs());
        if scale == 0.0 {
            0.0
        } else {
            (p.value - mean).abs() / scale
        }
    }

    fn add(&mut self, i: usize, p: &Probe, senses: &[Sense]) {
        if p.vague {
            self.vague_low = self.vague_low.min(p.low);
            self.vague_high = self.vague_high.max(p.high);
        } else {
            self.low = self.low.min(p.low);
            self.high = self.high.max(p.high);
            self.sum += p.value;
            self.precise += 1;
        }
        if !p.vague {
            self.growing &= p.growing;
        }
        self.members.push(i);
        self.amounts.push(Amount {
            value: p.value,
            high: p.high,
            step: p.step,
            vague: p.vague,
            doc: p.doc,
            voice: p.voice,
        });
        self.frame.add(p.when);
        let ps = &senses[p.sense];
        if self.concept == Concept::Other {
            self.concept = ps.concept;
        }
        if self.members.len() == 1 {
            self.unit = ps.unit;
        }
        if !ps.unit_words.is_empty() && self.unit_words != ps.unit_words {
            self.unit_words.extend_from_slice(&ps.unit_words);
            self.unit_words.sort_unstable();
            self.unit_words.dedup();
        }
        self.subject = self.subject.or(ps.subject);
        self.object = self.object.or(ps.object);
        self.lemma = self.lemma.or(ps.lemma);
        self.measure_kind = self.measure_kind.or(ps.measure_kind);
        self.sentences
            .entry((p.doc, p.sentence))
            .or_default()
            .push(p.span);
        if !self.variants.contains(&(p.sense, p.counted)) {
            self.variants.push((p.sense, p.counted));
        }
    }

    fn finish(
        mut self,
        claims: &[Claim],
        meanings: &[&Meaning],
        order: &impl Fn(usize, usize) -> Ordering,
        kind_of: &impl Fn(usize) -> FlowKind,
    ) -> FigureGroup {
        self.members.sort_by(|&a, &b| order(a, b).then(a.cmp(&b)));
        let first = self.members[0];
        // What moves: trade is trade whatever is traded; else what most members' words say,
        // ties to the first kind in FlowKind::ALL.
        let kind = if self.concept == Concept::Trade {
            FlowKind::Trade
        } else {
            let mut counts = [0usize; FlowKind::ALL.len()];
            for &i in &self.members {
                if let Some(k) = FlowKind::ALL.iter().position(|x| *x == kind_of(i)) {
                    counts[k] += 1;
                }
            }
            (0..counts.len())
                .filter(|&k| counts[k] > 0)
                .max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a)))
                .map_or(FlowKind::Other, |k| FlowKind::ALL[k])
        };
        // The actors as the members that name them spell them; the unit of the statements,
        // not of a restatement in another currency.
        let named = |f: fn(&Meaning) -> &Option<String>| {
            self.members.iter().find_map(|&i| f(meanings[i]).clone())
        };
        let stated = self
            .members
            .iter()
            .copied()
            .find(|&i| claims[i].restates.is_none())
            .unwrap_or(first);
        FigureGroup {
            kind,
            subject: named(|m| &m.subject),
            object: named(|m| &m.object),
            unit: claims[stated].quantity.unit.clone(),
            per: claims[stated].quantity.per.clone(),
            concept: self.concept,
            measure: group_measure(&self.members, claims, meanings, self.concept),
            members: self.members,
        }
    }
}
