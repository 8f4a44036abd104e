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
//! period (`group/index.rs`, bounded by `cluster::magnitudes` and `cluster::periods`), which
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

use cluster::{first_claims, Cluster, Probe, Sense, SenseKey, Vocab};
use index::Candidates;

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

/// A debug count of how hard one bucket's clustering worked, printed on stderr for buckets of
/// at least `SINEW_GROUP_STATS` claims: clusters the index offered against claims that joined
/// one, by the kind of claim (precise or vague, dated or not), the most offered to one claim,
/// the largest cluster and the time. Offered far above joined says which key is too coarse.
struct Stats {
    claims: usize,
    started: std::time::Instant,
    /// Offered and joined, by [vague][dated].
    offered: [[usize; 2]; 2],
    joined: [[usize; 2]; 2],
    seen: [[usize; 2]; 2],
    most: usize,
}

impl Stats {
    /// The least bucket size to report, when `SINEW_GROUP_STATS` asks for a report.
    fn wanted() -> Option<usize> {
        std::env::var("SINEW_GROUP_STATS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
    }

    fn start(claims: usize) -> Stats {
        Stats {
            claims,
            started: std::time::Instant::now(),
            offered: [[0; 2]; 2],
            joined: [[0; 2]; 2],
            seen: [[0; 2]; 2],
            most: 0,
        }
    }

    fn claim(&mut self, p: &Probe, offered: usize, joined: bool) {
        let (v, d) = (usize::from(p.vague), usize::from(p.when.dated()));
        self.seen[v][d] += 1;
        self.offered[v][d] += offered;
        self.joined[v][d] += usize::from(joined);
        self.most = self.most.max(offered);
    }

    fn report(&self, least: usize, key: Option<&BucketKey>, open: &[Cluster]) {
        if self.claims < least {
            return;
        }
        let name = key.map_or_else(String::new, |k| {
            [&k.anchor, &k.dimension, &k.per]
                .map(|s| s.as_deref().unwrap_or("-"))
                .join("|")
        });
        let largest = open.iter().map(|c| c.members.len()).max().unwrap_or(0);
        let mut line = format!(
            "group-stats bucket={name:?} claims={} clusters={} largest={largest} most_offered={} ms={:.0}",
            self.claims,
            open.len(),
            self.most,
            self.started.elapsed().as_secs_f64() * 1e3,
        );
        for (v, vague) in ["precise", "vague"].iter().enumerate() {
            for (d, dated) in ["undated", "dated"].iter().enumerate() {
                if self.seen[v][d] > 0 {
                    line.push_str(&format!(
                        " {vague}/{dated}: claims={} offered={} joined={}",
                        self.seen[v][d], self.offered[v][d], self.joined[v][d]
                    ));
                }
            }
        }
        eprintln!("{line}");
    }
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
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use sinew_types::{Claim, DocId, Grain, MeasureKind, TimeExpr, TimeKind};

    use super::{group_with, Offered};
    use crate::synth::{generate, SynthConfig};

    /// A number from a seed (SplitMix64).
    fn next(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Synthetic claims bent the ways the index must survive: piled into few buckets (one
    /// subject for most), values scaled across and right at the rules' ratios, negative, zero,
    /// ranges, vague amounts, running totals, counterparts and times dropped, measures and
    /// units reworded.
    fn bent_claims(seed: u64, documents: usize) -> Vec<Claim> {
        let corpus = generate(&SynthConfig {
            seed,
            documents,
            ..SynthConfig::default()
        });
        let ids: Vec<DocId> = (0..corpus.documents.len())
            .map(|d| DocId(format!("d{d:04}")))
            .collect();
        let mut rng = seed ^ 0x1dea;
        let scales = [
            1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.01, 0.99, 2.999, 3.0, 3.001, 0.3334, 10.0,
            0.1, 49.9, 50.0, 50.1, 0.02, 1e6, -1.0, 0.0,
        ];
        let measures = [
            "exports",
            "exports of arms",
            "trade",
            "market share",
            "deliveries of shells",
            "value",
        ];
        let units = ["USD", "EUR", "percent", "shell"];
        let mut claims = corpus.claims(&ids);
        for c in &mut claims {
            let r = next(&mut rng);
            if !r.is_multiple_of(4) {
                c.subject = Some("Atlantis".to_string());
            }
            let r = next(&mut rng);
            let scale = scales[(r % scales.len() as u64) as usize];
            c.quantity.value *= scale;
            match (r >> 8) % 10 {
                0 => c.quantity.value_max = Some(c.quantity.value * 1.5),
                1 => c.quantity.vague = true,
                2 => c.kind = MeasureKind::Stock,
                _ => {}
            }
            let r = next(&mut rng);
            if r.is_multiple_of(5) {
                c.object = None;
            }
            match (r >> 8) % 6 {
                0 => c.time = None,
                1 | 2 => c.time = Some(period(&mut rng, c.time.as_ref(), c.sentence)),
                _ => {}
            }
            if (r >> 16).is_multiple_of(8) {
                c.measure = measures[((r >> 24) % measures.len() as u64) as usize].to_string();
            }
            if (r >> 32).is_multiple_of(16) {
                c.quantity.unit = Some(units[((r >> 40) % units.len() as u64) as usize].into());
            }
        }
        claims
    }

    /// A period near `time`'s (its start moved by up to a year and a half either way), of a
    /// length right at or across the rules' ratio from a year's, a quarter's, a month's or a
    /// day's.
    fn period(rng: &mut u64, time: Option<&TimeExpr>, span: sinew_types::Span) -> TimeExpr {
        let r = next(rng);
        let lengths = [
            1, 1, 2, 3, 7, 12, 13, 28, 31, 36, 37, 77, 78, 90, 92, 145, 146, 147, 365, 366, 913,
            914,
        ];
        let length = lengths[(r % lengths.len() as u64) as usize];
        let at = time
            .and_then(|t| t.start_date)
            .or_else(|| NaiveDate::from_ymd_opt(2021, 1, 1));
        let shift = ((r >> 16) % 1096) as i64 - 548;
        let start = at.map(|d| d + chrono::Duration::days(shift));
        let end = start.map(|d| d + chrono::Duration::days(length as i64 - 1));
        TimeExpr {
            span,
            text: "then".to_string(),
            start_date: start,
            end_date: end,
            grain: if length == 1 {
                Grain::Day
            } else {
                Grain::Month
            },
            kind: TimeKind::Point,
            timex: None,
        }
    }

    /// One figure stated in three articles, the first two over periods that meet the third's
    /// at an edge: ending on its first day, starting on its last, 2.5 times its length. The
    /// index offers every cluster that accepts.
    #[test]
    fn the_candidate_index_offers_periods_that_meet_at_an_edge() {
        let base = bent_claims(7, 12)
            .into_iter()
            .find(|c| !c.quantity.vague && c.quantity.value > 0.0)
            .expect("a precise claim");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            // (first's period, second's period)
            (
                (day(2022, 1, 1), day(2022, 4, 10)),
                (day(2022, 4, 10), day(2022, 6, 30)),
            ),
            (
                (day(2022, 6, 30), day(2022, 9, 1)),
                (day(2022, 4, 10), day(2022, 6, 30)),
            ),
            (
                (day(2022, 1, 1), day(2022, 1, 10)),
                (day(2022, 1, 1), day(2022, 1, 25)),
            ),
            (
                (day(2022, 1, 1), day(2022, 1, 25)),
                (day(2022, 1, 16), day(2022, 1, 25)),
            ),
            (
                (day(2022, 1, 1), day(2022, 1, 25)),
                (day(2022, 1, 25), day(2022, 2, 3)),
            ),
        ];
        for (a, b) in cases {
            let claims: Vec<Claim> = [a, b]
                .into_iter()
                .enumerate()
                .map(|(n, (start, end))| {
                    let mut c = base.clone();
                    c.doc = DocId(format!("edge{n}"));
                    c.quantity.value_max = None;
                    let mut t = period(&mut 1, None, c.sentence);
                    t.start_date = start;
                    t.end_date = end;
                    c.time = Some(t);
                    c
                })
                .collect();
            let mut offered = Offered::default();
            let groups = group_with(&claims, Some(&mut offered));
            assert_eq!(offered.missed, 0, "{a:?} {b:?}");
            assert_eq!(groups.len(), 1, "one figure: {a:?} {b:?}");
            assert_eq!(group_with(&claims, None), groups);
        }
    }

    /// A vague amount with no period ("millions of shells" handed over) may stand for a figure
    /// whose measure kind extraction read otherwise (a flow for a running total): the index
    /// offers it clusters of either kind.
    #[test]
    fn the_candidate_index_offers_vague_evidence_clusters_of_another_measure_kind() {
        let base = bent_claims(5, 12)
            .into_iter()
            .find(|c| !c.quantity.vague && c.quantity.value > 0.0 && c.subject.is_some())
            .expect("a precise claim with an actor");
        for (first, second) in [
            (MeasureKind::Flow, MeasureKind::Stock),
            (MeasureKind::Stock, MeasureKind::Flow),
        ] {
            let mut precise = base.clone();
            precise.doc = DocId("evidence0".to_string());
            precise.kind = first;
            precise.quantity.value_max = None;
            precise.time = Some(period(&mut 3, base.time.as_ref(), base.sentence));
            let mut vague = precise.clone();
            vague.doc = DocId("evidence1".to_string());
            vague.kind = second;
            vague.quantity.vague = true;
            vague.time = None;
            let claims = vec![precise, vague];
            let mut offered = Offered::default();
            let groups = group_with(&claims, Some(&mut offered));
            assert_eq!(offered.missed, 0, "{first:?} {second:?}");
            assert_eq!(groups.len(), 1, "one figure: {first:?} {second:?}");
            assert_eq!(group_with(&claims, None), groups);
        }
    }

    /// A claim that names no actor and has no time joins a cluster that names none only with a
    /// member from its article: the index offers it the clusters its article's claims joined,
    /// not only those they opened, and every cluster once one names an actor.
    #[test]
    fn the_candidate_index_offers_an_unnamed_undated_claim_its_articles_clusters() {
        let base = bent_claims(13, 12)
            .into_iter()
            .find(|c| !c.quantity.vague && c.time.is_some() && c.restates.is_none())
            .expect("a dated claim");
        let at = |doc: &str, sentence: usize, subject: Option<&str>, year: i32, dated: bool| {
            let mut c = base.clone();
            c.doc = DocId(doc.to_string());
            c.subject = subject.map(str::to_string);
            c.object = None;
            c.measure = "revenue".to_string();
            c.quantity.text = "$63,185".to_string();
            c.quantity.value = 63_185.0;
            c.quantity.value_max = None;
            c.quantity.unit = Some("USD".to_string());
            c.quantity.per = None;
            c.span = sinew_types::Span {
                start: sentence * 100 + 10,
                end: sentence * 100 + 17,
            };
            c.sentence = sinew_types::Span {
                start: sentence * 100,
                end: sentence * 100 + 90,
            };
            c.time = dated.then(|| {
                let mut t = period(&mut 1, None, c.sentence);
                t.start_date = NaiveDate::from_ymd_opt(year, 1, 1);
                t.end_date = NaiveDate::from_ymd_opt(year, 12, 31);
                t
            });
            c
        };
        // No actor: "b" joins the figure "a" opened, then "b"'s undated claim joins it too.
        let unnamed = vec![
            at("a", 0, None, 2021, true),
            at("b", 0, None, 2021, true),
            at("b", 1, None, 2021, false),
        ];
        // An actor's figure in two years; the article's unnamed restatement may join either.
        let named = vec![
            at("a", 0, Some("Atlantis"), 2021, true),
            at("a", 1, None, 2021, false),
            at("b", 0, Some("Atlantis"), 2024, true),
        ];
        for claims in [unnamed, named] {
            let mut offered = Offered::default();
            let groups = group_with(&claims, Some(&mut offered));
            assert_eq!(offered.missed, 0, "{offered:?}");
            assert!(offered.kept > 0, "{offered:?}");
            assert_eq!(group_with(&claims, None), groups);
        }
    }

    /// Figures with no actor join only at the same amount to the precision written; the
    /// clusters find such amounts by value (`Cluster::states_rounded`), and in tests check
    /// that range against every member. Amounts right at half a step either way.
    #[test]
    fn amounts_the_same_to_rounding_are_found_in_the_clusters_value_range() {
        let base = bent_claims(11, 12)
            .into_iter()
            .find(|c| !c.quantity.vague && c.time.is_some())
            .expect("a dated claim");
        let written = [
            ("$240 billion", 240e9),
            ("$240.1 billion", 240.1e9),
            ("$245 billion", 245e9),
            ("$235.0 billion", 235e9),
            ("$244.99 billion", 244.99e9),
            ("$234.9 billion", 234.9e9),
            ("$2 trillion", 2e12),
            ("$2.5 trillion", 2.5e12),
            ("$1,940 billion", 1940e9),
            ("$3 million", 3e6),
            ("$3,499,999", 3_499_999.0),
            ("$3,500,001", 3_500_001.0),
            ("$0", 0.0),
            ("$-0", -0.0),
        ];
        let claims: Vec<Claim> = written
            .iter()
            .enumerate()
            .map(|(n, &(text, value))| {
                let mut c = base.clone();
                c.doc = DocId(format!("round{n}"));
                c.subject = None;
                c.object = None;
                c.measure = "revenue".to_string();
                c.restates = None;
                c.quantity.text = text.to_string();
                c.quantity.value = value;
                c.quantity.value_max = None;
                c.quantity.unit = Some("USD".to_string());
                c.quantity.per = None;
                c
            })
            .collect();
        let groups = group_with(&claims, None);
        let with = |n: usize| {
            groups
                .iter()
                .find(|g| g.members.contains(&n))
                .expect("every claim in a group")
        };
        // "$240.1 billion" is "$240 billion" rounded, "$2.5 trillion" may be "$2 trillion"
        // and "$3,499,999" "$3 million"; "$3,500,001" is not.
        assert!(with(0).members.contains(&1), "{groups:?}");
        assert!(with(6).members.contains(&7), "{groups:?}");
        assert!(with(9).members.contains(&10), "{groups:?}");
        assert!(!with(9).members.contains(&11), "{groups:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// The candidate index never keeps a claim from a cluster that would take it: grouping
        /// with it equals trying every open cluster of the bucket.
        #[test]
        fn the_candidate_index_groups_as_trying_every_cluster(seed in any::<u64>(), docs in 20usize..80) {
            let claims = bent_claims(seed, docs);
            let indexed = group_with(&claims, None);
            let mut offered = Offered::default();
            let exhaustive = group_with(&claims, Some(&mut offered));
            prop_assert!(offered.kept > 0, "claims join clusters: {offered:?}");
            prop_assert_eq!(offered.missed, 0, "{:?}", offered);
            prop_assert_eq!(indexed, exhaustive);
        }
    }
}
