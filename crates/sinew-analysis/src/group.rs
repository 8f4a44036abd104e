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
//! ("units in Korea", "units in China"; `scope.rs`) must share a word when both name one. A
//! figure placed in a named place ("soldiers in Kursk": `scope::placed`) is a part, and
//! joins a figure that names nothing after "in" only at the same amount.
//! Figures that name no actor join only at the same amount to the precision written
//! (`rounding.rs`: "3.92%" is not "3.88%", "$240 billion" is "$240.1 billion" rounded), with
//! measures that do not tell them apart, and across articles only when worded alike and
//! both dated: with no actor, nothing else says two amounts are one quantity.
//!
//! Units compare by their head: a counted noun's last word, read as the thing it stands for
//! ("soldiers" are troops, "shells" rounds: `scope::SAME_THING`), and the words before it
//! narrow it: one unit's words must hold the other's ("artillery shells" and "rounds" agree,
//! "ballistic" and "cruise" missiles do not). An actor named as the subject by one claim and as
//! the counterpart by the other is another figure. An actor named two ways in one article
//! ("Bradford White", then "Bradford" in a table row stating the same headcount) is one actor
//! (`short_names`). One voice (the same attribution, or none)
//! in one article states a figure once: another amount there in the same words is another
//! figure ("36% of millennials ... 57% of millennials"); different voices may disagree, but the
//! article's own voice is one account with each source it cites (`cluster::one_account`).
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
//! Thresholds (the constants of `group/cluster.rs`): measures are similar at a Jaccard similarity
//! of stems of 0.5 or more; periods longer than 2.5 times another are other windows; values further
//! apart than 3x are different figures (50x for running totals that grow); amounts within 1.5% are
//! the same amount unless both claims name different goods. Periods agree when they overlap, and a
//! running total since a day agrees with periods ending after it. Each wording is read once (a memo
//! on measure, unit, rate and actors), and stems and documents are numbers inside the loop
//! (`hash.rs`: an FNV hasher for maps that live one call). A claim is tried only against the
//! clusters of its bucket that these rules allow to take it by unit, order of magnitude and
//! period (`group/index.rs`, bounded by `probe::magnitudes` and `probe::periods`), which
//! gives the grouping that trying every open cluster gives.

use std::cmp::Ordering;
use std::collections::HashSet;

use sinew_types::{Claim, DocId, QuantityKind, Span};

use crate::concept::{read, Concept, FlowKind, Meaning};
use crate::hash::FastMap;
use crate::ledger::sources::voice_words;
use crate::scope::stem_of;
pub(crate) use crate::window::When;

mod cluster;
mod index;
mod probe;
mod sense;
mod stats;

use cluster::Cluster;
use index::Candidates;
use probe::Probe;
use sense::{first_claims, Sense, SenseKey, Vocab};
use stats::Stats;

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
    let claims = &*crate::reading::read_claims(claims);
    group_with(claims, None)
}

/// [`group_figures`], each claim tried against the clusters the index offers, or against every
/// open cluster of its bucket when `every` is given (the reference the index is tested
/// against), which then counts the accepting clusters the index offered and those it left out.
fn group_with(claims: &[Claim], every: Option<&mut Offered>) -> Vec<FigureGroup> {
    group_named(claims, every, true)
}

/// [`group_with`]; `rename` says whether actors named two ways in one article are still to be
/// read as one ([`short_names`]: once is enough, a renamed claim is not renamed again).
fn group_named(
    claims: &[Claim],
    mut every: Option<&mut Offered>,
    rename: bool,
) -> Vec<FigureGroup> {
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
    // One actor named two ways in one article ("Bradford White", then "Bradford"): the
    // claims that name it the longer way are read as naming it the shorter way, once.
    let named_as = if rename {
        short_names(claims, |i| &keys[sense_of[i]], |i| &claims[i].doc)
    } else {
        Vec::new()
    };
    if named_as.iter().any(Option::is_some) {
        let renamed: Vec<Claim> = claims
            .iter()
            .zip(&named_as)
            .map(|(c, to)| to.as_ref().map_or_else(|| c.clone(), |to| renamed(c, to)))
            .collect();
        return group_named(&renamed, every, false);
    }
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
    voices.insert(Vec::new(), cluster::OWN_VOICE);
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
    // A restatement is in the bucket of the figure it restates, whatever its unit or rate;
    // a figure stated again in one article without its parties is in the bucket of the
    // statement that names them.
    let primary = restated(claims, |i| probes[i].doc);
    let home = homes(claims, &primary, |i| probes[i].doc);
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_of_key.len()];
    for (i, &h) in home.iter().enumerate() {
        buckets[bucket_of_sense[sense_of[h]]].push(i);
    }

    let mut groups = Vec::new();
    let mut doc_counts: Vec<usize> = Vec::new();
    let report = Stats::wanted();
    let mut bucket_names: Vec<Option<&BucketKey>> = vec![None; bucket_of_key.len()];
    for (k, &b) in &bucket_of_key {
        bucket_names[b] = Some(*k);
    }
    for (bucket, members) in buckets.into_iter().enumerate() {
        let mut stats = Stats::start(members.len());
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
        // Each claim is tried only against the clusters that can take it (`index.rs`).
        let mut index = Candidates::default();
        let mut candidates: Vec<usize> = Vec::new();
        for i in members {
            let probe = &probes[i];
            index.of(probe, &senses, &mut candidates);
            let offered_here = candidates.len();
            if let Some(offered) = every.as_deref_mut() {
                for (k, cluster) in open.iter().enumerate() {
                    if cluster.accepts(probe, &senses) {
                        if candidates.contains(&k) {
                            offered.kept += 1;
                        } else {
                            offered.missed += 1;
                        }
                    }
                }
                candidates.clear();
                candidates.extend(0..open.len());
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
            stats.claim(probe, offered_here, best.is_some());
            match best {
                Some(k) => {
                    open[k].add(i, probe, &senses);
                    index.joined(k, &open[k], probe);
                }
                None => {
                    let c = Cluster::new(i, probe, &senses);
                    index.open(open.len(), &c, probe);
                    open.push(c);
                }
            }
        }
        if let Some(least) = report {
            stats.report(least, bucket_names[bucket], &open);
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

/// How the candidate index did against trying every open cluster: accepting clusters it
/// offered, and those it left out (always none, or the index is wrong).
#[derive(Debug, Default)]
struct Offered {
    kept: usize,
    missed: usize,
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
    /// The key as text, its parts joined by U+001F.
    fn joined(self) -> String {
        [self.anchor, self.dimension, self.per]
            .map(Option::unwrap_or_default)
            .join("\u{1f}")
    }

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
    BucketKey::of(claim, &m.subject, &m.object).joined()
}

/// Words a company's name carries or drops without naming another company: legal forms and
/// "Group" ("Whirlpool Corp." is "Whirlpool Corporation", "Travelers Group" is "Travelers").
const NAME_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "group",
    "holdings",
];

/// A name's words, lower-cased, without [`NAME_FORMS`].
fn name_words(name: &str) -> Vec<String> {
    sinew_types::text::words(name)
        .filter(|w| !NAME_FORMS.contains(&w.as_str()))
        .collect()
}

/// A rename of one claim's anchor: the actor's name as the claim spells it, normalised, and
/// the spelling it takes.
#[derive(Debug, Clone, PartialEq)]
struct ShortName {
    from: String,
    to: String,
}

/// For each claim, the shorter name its anchor (the first actor of its bucket key) goes by in
/// its article, if any. In one document and one unit dimension and rate, a name that differs
/// from another only by legal forms ("Whirlpool Corp.", "Whirlpool Corporation") takes the
/// shortest spelling; a name whose words begin with another's ("Bradford White" and
/// "Bradford", "Whirlpool Corp. Cleveland" and "Whirlpool", "Travelers Insurance Group" and
/// "Travelers Group") takes it only for a claim that states exactly the same amount as a
/// claim anchored on the shorter name, and a count of things or a distinctive amount
/// ([`distinctive`]): "China" begins "China Mobile", and a company's "5%" is not its
/// country's. The shortest such name wins (fewest words, then the shortest spelling), so a
/// renamed claim is renamed once and lands in the bucket of a claim whose name it takes: a
/// subset holding every claim of some buckets renames them as the whole does (`state.rs`).
/// Across articles nothing is renamed: "Bradford" elsewhere may be another company.
fn short_names<'a>(
    claims: &[Claim],
    key_of: impl Fn(usize) -> &'a BucketKey,
    doc_of: impl Fn(usize) -> &'a DocId,
) -> Vec<Option<ShortName>> {
    let mut out = vec![None; claims.len()];
    // Claims by (document, dimension, rate).
    type Set<'k> = (&'k DocId, &'k Option<String>, &'k Option<String>);
    let mut sets: FastMap<Set<'_>, Vec<usize>> = FastMap::default();
    for i in 0..claims.len() {
        let k = key_of(i);
        if k.anchor.is_some() {
            sets.entry((doc_of(i), &k.dimension, &k.per))
                .or_default()
                .push(i);
        }
    }
    let amount = |i: usize| {
        let q = &claims[i].quantity;
        (q.value.to_bits(), q.value_max.map(f64::to_bits), q.vague)
    };
    let telling = |i: usize| {
        let q = &claims[i].quantity;
        !q.vague
            && (distinctive(&q.text)
                || (q.kind == QuantityKind::Count
                    && q.unit.as_deref().is_some_and(|u| !u.trim().is_empty())))
    };
    for members in sets.values() {
        let mut anchors: Vec<&str> = members
            .iter()
            .filter_map(|&i| key_of(i).anchor.as_deref())
            .collect();
        anchors.sort_unstable();
        anchors.dedup();
        if anchors.len() < 2 {
            continue;
        }
        let words: Vec<Vec<String>> = anchors.iter().map(|a| name_words(a)).collect();
        let index = |i: usize| {
            key_of(i)
                .anchor
                .as_deref()
                .and_then(|a| anchors.binary_search(&a).ok())
        };
        // The anchors that state each amount.
        let mut by_amount: FastMap<(u64, Option<u64>, bool), Vec<usize>> = FastMap::default();
        for &i in members {
            if let Some(k) = index(i) {
                by_amount.entry(amount(i)).or_default().push(k);
            }
        }
        for &i in members {
            let Some(me) = index(i) else {
                continue;
            };
            let mine = &words[me];
            let same_words = |k: usize| words[k] == *mine;
            let shorter = |k: usize| {
                !words[k].is_empty() && words[k].len() < mine.len() && mine.starts_with(&words[k])
            };
            let alike: &[usize] = if telling(i) {
                by_amount.get(&amount(i)).map_or(&[], Vec::as_slice)
            } else {
                &[]
            };
            let rank = |k: usize| (words[k].len(), anchors[k].len(), anchors[k]);
            let best = (0..anchors.len())
                .filter(|&k| same_words(k) && rank(k) < rank(me))
                .chain(alike.iter().copied().filter(|&k| shorter(k)))
                .min_by_key(|&k| rank(k));
            // Of names with the same words, the one all of them take.
            let Some(k) = best.map(|k| {
                (0..anchors.len())
                    .filter(|&j| words[j] == words[k])
                    .min_by_key(|&j| rank(j))
                    .unwrap_or(k)
            }) else {
                continue;
            };
            // The spelling of the first claim in content order that is anchored on it.
            let spelling = members
                .iter()
                .copied()
                .filter(|&j| index(j) == Some(k))
                .min_by(|&a, &b| visit_order(&claims[a], &claims[b]).then(a.cmp(&b)))
                .and_then(|j| {
                    [&claims[j].subject, &claims[j].object]
                        .into_iter()
                        .flatten()
                        .find(|n| n.trim().to_lowercase() == anchors[k])
                        .cloned()
                });
            let Some(to) = spelling else {
                continue;
            };
            // The rename must put the claim in that bucket (trade orders its sides by name).
            let rename = ShortName {
                from: anchors[me].to_string(),
                to,
            };
            let again = renamed(&claims[i], &rename);
            let m = read(&again);
            if BucketKey::of(&again, &m.subject, &m.object)
                .anchor
                .as_deref()
                == Some(anchors[k])
            {
                out[i] = Some(rename);
            }
        }
    }
    out
}

/// `claim` with the actor named `to.from` (normalised) named `to.to`.
fn renamed(claim: &Claim, to: &ShortName) -> Claim {
    let mut c = claim.clone();
    for name in [&mut c.subject, &mut c.object].into_iter().flatten() {
        if name.trim().to_lowercase() == to.from {
            name.clone_from(&to.to);
        }
    }
    c
}

/// The bucket of each claim, as [`bucket_key`] names it, except that a claim restating
/// another figure of its sentence ("$111 billion, or $9 billion a month"; "107 million
/// tonnes, or 2.1 million barrels a day") is in the bucket of the figure it restates, so
/// that the two are grouped together whatever their units and rates. Both come from one
/// document, so the claims of a document given together always get the same buckets.
pub(crate) fn bucket_keys(claims: &[Claim]) -> Vec<String> {
    let claims = &*crate::reading::read_claims(claims);
    let keys: Vec<BucketKey> = claims
        .iter()
        .map(|c| {
            let m = read(c);
            BucketKey::of(c, &m.subject, &m.object)
        })
        .collect();
    // Named as `group_figures` names them: an actor's longer name in an article as its
    // shorter one.
    let named_as = short_names(claims, |i| &keys[i], |i| &claims[i].doc);
    let renamed_claims: Vec<Claim>;
    let claims = if named_as.iter().any(Option::is_some) {
        renamed_claims = claims
            .iter()
            .zip(&named_as)
            .map(|(c, to)| to.as_ref().map_or_else(|| c.clone(), |to| renamed(c, to)))
            .collect();
        &renamed_claims[..]
    } else {
        claims
    };
    let mut docs: FastMap<&DocId, u32> = FastMap::default();
    let doc_of: Vec<u32> = claims
        .iter()
        .map(|c| {
            let next = docs.len() as u32;
            *docs.entry(&c.doc).or_insert(next)
        })
        .collect();
    let primary = restated(claims, |i| doc_of[i]);
    let own: Vec<String> = claims
        .iter()
        .zip(keys)
        .zip(&named_as)
        .map(|((c, key), to)| match to {
            Some(_) => bucket_key(c),
            None => key.joined(),
        })
        .collect();
    homes(claims, &primary, |i| doc_of[i])
        .into_iter()
        .map(|h| own[h].clone())
        .collect()
}

/// The claim whose bucket each claim is in: the figure it restates (`primary`), else, for a
/// claim that names no party, an earlier or later statement of the same figure in its
/// article that names one ("10.5 percent" of U.S. emissions, then "Of the 10.5 percent,
/// ..."): the same words for the amount, in another sentence, and a distinctive amount
/// ([`distinctive`]: "$63,185", not "5%"), else itself.
fn homes(claims: &[Claim], primary: &[Option<usize>], doc_of: impl Fn(usize) -> u32) -> Vec<usize> {
    let named = |c: &Claim| c.subject.is_some() || c.object.is_some();
    let mut stated: FastMap<(u32, String), usize> = FastMap::default();
    for (i, c) in claims.iter().enumerate() {
        if named(c) && primary[i].is_none() && distinctive(&c.quantity.text) {
            // The first statement in the document, whatever the order of the input.
            let first = stated
                .entry((doc_of(i), c.quantity.text.trim().to_lowercase()))
                .or_insert(i);
            let earlier = visit_order(c, &claims[*first])
                .then_with(|| c.subject.cmp(&claims[*first].subject))
                .then_with(|| c.object.cmp(&claims[*first].object))
                .is_lt();
            if earlier {
                *first = i;
            }
        }
    }
    let own_home = |i: usize| {
        let c = &claims[i];
        if named(c) || stated.is_empty() || !distinctive(&c.quantity.text) {
            return i;
        }
        stated
            .get(&(doc_of(i), c.quantity.text.trim().to_lowercase()))
            .copied()
            .filter(|&j| {
                claims[j].sentence != c.sentence && claims[j].quantity.unit == c.quantity.unit
            })
            .unwrap_or(i)
    };
    // A restatement goes wherever the figure it restates goes, even when that figure, naming
    // no party, joins a statement elsewhere in the article: the two must share a bucket, or
    // the restatement would find no cluster to join and be in no group.
    (0..claims.len())
        .map(|i| own_home(primary[i].unwrap_or(i)))
        .collect()
}

/// Is an amount written precisely enough that the same words twice in one article are the
/// same figure: at least three digits that say something ("$63,185", "10.5 percent", "5.85
/// billion", "$0.002 a minute": a decimal's digits all count, zeros included, since the
/// writer chose to write them), where "5%", "$100" or "0.25%" may be many figures?
fn distinctive(text: &str) -> bool {
    // The first number of the text: the amount, not a later number the quote runs into.
    let number: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .filter(|&c| c != ',')
        .collect();
    let number = number.trim_end_matches('.');
    match number.split_once('.') {
        Some((whole, decimals)) if !decimals.is_empty() => {
            whole.trim_start_matches('0').len() + decimals.len() >= 3
        }
        _ => {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            digits.trim_start_matches('0').trim_end_matches('0').len() >= 3
        }
    }
}

/// For each claim that restates another figure of its sentence in another unit, the claim it
/// restates: same document (`doc_of` numbers them) and sentence, at the span `restates`
/// names, itself no restatement.
fn restated(claims: &[Claim], doc_of: impl Fn(usize) -> u32) -> Vec<Option<usize>> {
    if claims.iter().all(|c| c.restates.is_none()) {
        return vec![None; claims.len()];
    }
    let mut at: FastMap<(u32, Span), usize> = FastMap::default();
    for (i, c) in claims.iter().enumerate() {
        if c.restates.is_none() {
            at.entry((doc_of(i), c.span)).or_insert(i);
        }
    }
    claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let span = c.restates?;
            let j = *at.get(&(doc_of(i), span))?;
            (j != i && claims[j].sentence == c.sentence).then_some(j)
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

#[cfg(test)]
mod tests;
