//! One event, many reports: which coded events of different sentences and documents tell the
//! same thing that happened, and which political ties the events make between actors.
//!
//! [`merge_events`] puts reports in one [`MergedEvent`] when they agree on
//! - the PLOVER category and the domain kind (a missile test and a drill are both `MOBILIZE`,
//!   and not one event);
//! - the actors, named as a political analyst counts them: an actor that acts for a state (a
//!   country, a government body, an armed force, a person in office, anything with a country
//!   and no business, media or civil-society sector) is its state ("Putin", "Russia's
//!   president" and "Moscow" are Russia), anything else its canonical name, else its words.
//!   Meetings, agreements, cooperation and treaty signings are among their actors, whichever
//!   way the sentence put them ("Russia and North Korea signed" = "Russia signed with North
//!   Korea"); every other category keeps source and target apart;
//! - what is told: an event denied, negated or still planned is not the event that happened;
//! - the date, within [`EVENT_WINDOW_DAYS`] (3 days): each event has an anchor, the first
//!   precise date (a range under a week) of its reports in date order, and a precise report
//!   joins the event of its key whose anchor is nearest, when within the window (anchors do
//!   not move, so reports a day apart never chain across a month). A coarse date ("in 2019",
//!   "this week") joins the event of its key whose precise anchor it covers (within the
//!   window) or whose coarse anchor it overlaps, the one whose anchor ends nearest its end
//!   when several do; an undated report is dated by its
//!   document, as told in the week up to publication, and placed the same way as a coarse one;
//!   with neither date nor publication it joins its key's only event, if there is one;
//! - or, for a report naming only part of an event's actors ("Putin signed the pact" beside
//!   "Russia and North Korea signed a treaty"), or actors known only by their words ("the two
//!   leaders", no country, no entity), the same act whose named actors include all of its
//!   own, side by side: it joins that event when its date is in reach of the event's anchor
//!   (as above) and no event of its own key is, and only when exactly one such event is in
//!   reach (with two it could mean either, and stays apart). Keys naming most actors are
//!   built first, so the order of the input never matters; a report with neither date nor
//!   publication joins by part only when one such event exists at all.
//!
//! Copies count once: [`MergedEvent::documents`] counts independent documents, a
//! near-duplicate (`duplicate_of`) as the document it copies. Output is deterministic whatever
//! the input order (sorted before clustering; ids are FNV hashes of the key and the first
//! report).
//!
//! [`event_ties`] makes the network's political layer from merged events that happened (not
//! negated or denied; a plan only as an intention, `AGREE` or `THREATEN`): one tie per (source, target, category), with the number of events,
//! independent documents, first and last dates and every report as evidence. Ties move no
//! goods: they are never flows.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;

use chrono::{Days, NaiveDate};
use sinew_types::{DocId, Event, EventActor, EventKind, EventModality, PloverCategory, Sector};

use crate::hash::Fnv;

/// How many days apart two reports' dates may be and still tell one event.
pub const EVENT_WINDOW_DAYS: u64 = 3;
/// A date range of this many days or more is coarse ("this week", "in June", "in 2019").
const PRECISE_DAYS: i64 = 7;
/// An undated report tells an event of the days before its publication.
const UNDATED_DAYS: u64 = 7;

/// One event as one document tells it: what merging reads.
#[derive(Debug, Clone, PartialEq)]
pub struct EventReport {
    /// The document.
    pub doc: DocId,
    /// The event's position among the document's events.
    pub ord: u32,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    /// The first document of its near-duplicate group, when it is a copy.
    pub duplicate_of: Option<DocId>,
    /// The event as coded from the sentence.
    pub event: Event,
}

/// One event that happened (or was planned, denied...), with every report telling it.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedEvent {
    /// Stable id: a hash of the merge key and the first report.
    pub id: String,
    /// PLOVER category.
    pub category: PloverCategory,
    /// The domain's name for it, when it is one.
    pub kind: Option<EventKind>,
    /// PLOVER mode, the first a report gives.
    pub mode: Option<String>,
    /// Who acts, as actors are counted (states by name; see the module doc), sorted. For a
    /// meeting, agreement, cooperation or treaty signing: every participant.
    pub source: Vec<String>,
    /// Who is acted on, sorted; empty for events among the sources.
    pub target: Vec<String>,
    /// True for events among their actors (meetings, agreements, cooperation, treaty
    /// signings): `source` lists them all.
    pub mutual: bool,
    /// First day, from the reports that date it: the precise dates when any report gives one,
    /// else the narrowest coarse date; `None` when no report dates it.
    pub date: Option<NaiveDate>,
    /// Last day, likewise.
    pub date_end: Option<NaiveDate>,
    /// The place most reports name (the first of those named most).
    pub location: Option<String>,
    /// The surest way a report tells it: asserted when any report asserts it.
    pub modality: EventModality,
    /// Told as not having happened ("did not sign").
    pub negated: bool,
    /// The reports, as indexes into the input, in input order.
    pub reports: Vec<usize>,
    /// Independent documents telling it: copies of a story count once.
    pub documents: usize,
}

/// A political tie from events: one actor did something of one PLOVER category to another.
#[derive(Debug, Clone, PartialEq)]
pub struct EventTie {
    /// The source actor (for a mutual category, the first of the two in order).
    pub from: String,
    /// The target actor (the other participant).
    pub to: String,
    /// PLOVER category.
    pub category: PloverCategory,
    /// True for meetings, agreements, cooperation and treaty signings: either way.
    pub mutual: bool,
    /// Merged events behind it, as indexes into the merged events, earliest first.
    pub events: Vec<usize>,
    /// Independent documents telling them.
    pub documents: usize,
    /// The first day of the earliest dated event.
    pub first: Option<NaiveDate>,
    /// The last day of the latest dated event.
    pub last: Option<NaiveDate>,
    /// Every report behind it, as indexes into the reports.
    pub evidence: Vec<usize>,
}

/// The name an actor is counted under: its state when it acts for one, else its canonical
/// name, else its words. `country_names` maps ISO3 codes to country names; a code it lacks
/// stands for itself.
pub fn actor_name(actor: &EventActor, country_names: &BTreeMap<String, String>) -> String {
    let acts_for_state = matches!(
        actor.sector,
        None | Some(Sector::Government) | Some(Sector::Military)
    );
    match (&actor.country, acts_for_state) {
        (Some(code), true) => country_names
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.clone()),
        _ => actor
            .canonical
            .clone()
            .unwrap_or_else(|| sinew_types::text::squash(&actor.text)),
    }
}

/// Categories whose events are among their actors, so that who is source and who is target
/// is the sentence's choice, not the event's.
fn is_mutual(e: &Event) -> bool {
    matches!(
        e.category,
        PloverCategory::Consult | PloverCategory::Agree | PloverCategory::Cooperate
    ) || e.kind == Some(EventKind::TreatySigning)
}

/// What is told: 0 happened (asserted or hedged), 1 planned, 2 denied.
fn telling(e: &Event) -> u8 {
    match e.modality {
        EventModality::Asserted | EventModality::Hedged => 0,
        EventModality::Planned => 1,
        EventModality::Denied => 2,
    }
}

fn names(actors: &[EventActor], country_names: &BTreeMap<String, String>) -> BTreeSet<String> {
    actors
        .iter()
        .map(|a| actor_name(a, country_names))
        .collect()
}

/// What reports must share to tell one event (the date apart).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    category: PloverCategory,
    kind: Option<EventKind>,
    telling: u8,
    negated: bool,
    mutual: bool,
    source: BTreeSet<String>,
    target: BTreeSet<String>,
}

fn key_of(e: &Event, country_names: &BTreeMap<String, String>) -> Key {
    let mutual = is_mutual(e);
    let (source, target) = if mutual {
        let mut all = names(&e.source, country_names);
        all.extend(names(&e.target, country_names));
        (all, BTreeSet::new())
    } else {
        (
            names(&e.source, country_names),
            names(&e.target, country_names),
        )
    };
    Key {
        category: e.category,
        kind: e.kind,
        telling: telling(e),
        negated: e.negated,
        mutual,
        source,
        target,
    }
}

/// The days a report's event may have happened on, and whether its own words say so.
#[derive(Debug, Clone, Copy)]
struct When {
    start: NaiveDate,
    end: NaiveDate,
    stated: bool,
}

impl When {
    fn of(r: &EventReport) -> Option<When> {
        match r.event.date {
            Some(start) => Some(When {
                start,
                end: r.event.date_end.unwrap_or(start).max(start),
                stated: true,
            }),
            None => r.published.map(|p| When {
                start: p.checked_sub_days(Days::new(UNDATED_DAYS)).unwrap_or(p),
                end: p,
                stated: false,
            }),
        }
    }

    fn precise(&self) -> bool {
        self.stated && (self.end - self.start).num_days() < PRECISE_DAYS
    }

    /// Days between two ranges; 0 when they overlap.
    fn gap(&self, other: &When) -> i64 {
        if self.end < other.start {
            (other.start - self.end).num_days()
        } else if other.end < self.start {
            (self.start - other.end).num_days()
        } else {
            0
        }
    }
}

/// One event being built.
struct Cluster {
    anchor: Option<When>,
    members: Vec<usize>,
}

/// What a key's actors say of whom they are: the names of its actors that are named (a state,
/// or a canonical entity) and whether any is known only by its words ("the two leaders").
struct Reach {
    source: BTreeSet<String>,
    target: BTreeSet<String>,
    unnamed: bool,
}

impl Reach {
    fn of(key: &Key, e: &Event, country_names: &BTreeMap<String, String>) -> Reach {
        let named = |a: &&EventActor| a.country.is_some() || a.canonical.is_some();
        let known = |side: &[EventActor]| -> BTreeSet<String> {
            side.iter()
                .filter(named)
                .map(|a| actor_name(a, country_names))
                .collect()
        };
        let (source, target) = if key.mutual {
            let mut all = known(&e.source);
            all.extend(known(&e.target));
            (all, BTreeSet::new())
        } else {
            (known(&e.source), known(&e.target))
        };
        Reach {
            source,
            target,
            unnamed: e.source.iter().chain(&e.target).any(|a| !named(&a)),
        }
    }

    fn size(&self) -> usize {
        self.source.len() + self.target.len()
    }

    /// Does this reach tell part of `wider`'s actors and no one else?
    fn within(&self, wider: &Reach) -> bool {
        !wider.unnamed
            && self.source.is_subset(&wider.source)
            && self.target.is_subset(&wider.target)
            && (self.unnamed || self.size() < wider.size())
    }
}

/// Same event but for the actors: category, kind, what is told.
type Act = (PloverCategory, Option<EventKind>, u8, bool, bool);

fn act_of(k: &Key) -> Act {
    (k.category, k.kind, k.telling, k.negated, k.mutual)
}

/// For each key, the keys of the same act whose reach holds its named actors and more
/// (`Reach::within`), in key order. A key naming an actor is checked only against the keys
/// naming that actor on the same side (the actor with the fewest such keys), since every
/// wider key names it too; a key naming none, against its act's keys. Each actor's list is
/// built once, so an entity named in thousands of keys no longer costs every key a pass
/// over every other (`merge_events` was quadratic in an entity's keys).
fn wider_keys(keys: &[(Key, Reach, Vec<usize>)]) -> Vec<Vec<usize>> {
    // (act, side, actor) -> keys naming that actor on that side; act -> its keys.
    let mut naming: BTreeMap<(Act, bool, &str), Vec<usize>> = BTreeMap::new();
    let mut of_act: BTreeMap<Act, Vec<usize>> = BTreeMap::new();
    for (j, (key, reach, _)) in keys.iter().enumerate() {
        let act = act_of(key);
        of_act.entry(act).or_default().push(j);
        for a in &reach.source {
            naming.entry((act, true, a.as_str())).or_default().push(j);
        }
        for a in &reach.target {
            naming.entry((act, false, a.as_str())).or_default().push(j);
        }
    }
    let none: Vec<usize> = Vec::new();
    keys.iter()
        .enumerate()
        .map(|(k, (key, reach, _))| {
            let act = act_of(key);
            let sides = reach
                .source
                .iter()
                .map(|a| (true, a))
                .chain(reach.target.iter().map(|a| (false, a)));
            let candidates = sides
                .map(|(side, a)| naming.get(&(act, side, a.as_str())).unwrap_or(&none))
                .min_by_key(|c| c.len())
                .unwrap_or_else(|| of_act.get(&act).unwrap_or(&none));
            candidates
                .iter()
                .copied()
                .filter(|&j| j != k && reach.within(&keys[j].1))
                .collect()
        })
        .collect()
}

/// How far a report dated `w` lies from an event anchored at `anchor`, when it may join it:
/// a precise date within the window of the anchor; a coarse one covering a precise anchor
/// (within the window) or overlapping a coarse one, nearest by its end.
fn distance(anchor: &When, w: &When, window: i64) -> Option<i64> {
    if w.precise() {
        let gap = anchor.gap(w);
        (gap <= window).then_some(gap)
    } else {
        // "in 2019" and "in 2020" are a day apart at their ends, yet two years
        let reach = if anchor.precise() { window } else { 0 };
        (anchor.gap(w) <= reach).then(|| (w.end - anchor.end).num_days().abs())
    }
}

/// Merges the reports that tell one event (rules in the module doc). `country_names` maps
/// ISO3 codes to the names states are counted under.
pub fn merge_events(
    reports: &[EventReport],
    country_names: &BTreeMap<String, String>,
) -> Vec<MergedEvent> {
    let mut by_key: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_key
            .entry(key_of(&r.event, country_names))
            .or_default()
            .push(i);
    }
    let whens: BTreeMap<usize, Option<When>> = (0..reports.len())
        .map(|i| (i, When::of(&reports[i])))
        .collect();
    // Keys naming most actors first, so that a report naming part of them ("Putin signed",
    // "the two leaders signed") finds the event that names them all already built.
    let mut keys: Vec<(Key, Reach, Vec<usize>)> = by_key
        .into_iter()
        .map(|(key, members)| {
            let reach = Reach::of(&key, &reports[members[0]].event, country_names);
            (key, reach, members)
        })
        .collect();
    keys.sort_by(|a, b| {
        (std::cmp::Reverse(a.1.size()), a.1.unnamed, &a.0).cmp(&(
            std::cmp::Reverse(b.1.size()),
            b.1.unnamed,
            &b.0,
        ))
    });
    let window = i64::try_from(EVENT_WINDOW_DAYS).unwrap_or(3);
    let wider_of = wider_keys(&keys);
    // Every event being built, with the index of the key it was started under, and each
    // key's events (indexes into `clusters`, in the order they were started), so that a
    // report looks only at its own key's events and those of wider keys.
    let mut clusters: Vec<(usize, Cluster)> = Vec::new();
    let mut by_key_clusters: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for (k, (_, _, members)) in keys.iter().enumerate() {
        let mut members = members.clone();
        // Precise reports first, by date; then coarse ones, narrowest first; then the
        // undatable. Ties by document and position, so input order never matters.
        members.sort_by_key(|&i| {
            let w = whens[&i];
            let class = match w {
                Some(w) if w.precise() => 0,
                Some(_) => 1,
                None => 2,
            };
            let width = w.map(|w| (w.end - w.start).num_days());
            (
                class,
                if class == 1 { width } else { None },
                w.map(|w| w.start),
                reports[i].doc.clone(),
                reports[i].ord,
            )
        });
        // The events of keys naming a superset of this key's actors, for the same act (keys
        // naming more actors come first, so theirs are built already).
        let wider = &wider_of[k];
        for i in members {
            let own = &by_key_clusters[k];
            let found = match whens[&i] {
                Some(w) => own
                    .iter()
                    .filter_map(|&c| {
                        clusters[c]
                            .1
                            .anchor
                            .and_then(|a| distance(&a, &w, window))
                            .map(|d| (d, c))
                    })
                    .min()
                    .map(|(_, c)| c)
                    // A report naming part of an event's actors joins it when it is the
                    // only such event in reach; with two it could mean either, and stays apart.
                    .or_else(|| {
                        let mut near = wider.iter().flat_map(|&j| {
                            by_key_clusters[j].iter().copied().filter(|&c| {
                                clusters[c]
                                    .1
                                    .anchor
                                    .is_some_and(|a| distance(&a, &w, window).is_some())
                            })
                        });
                        match (near.next(), near.next()) {
                            (Some(c), None) => Some(c),
                            _ => None,
                        }
                    }),
                // With neither date nor publication: its key's only event, else the only
                // event naming all of its actors.
                None => {
                    let mut wide = wider.iter().flat_map(|&j| by_key_clusters[j].iter());
                    match own.as_slice() {
                        [c] => Some(*c),
                        [] => match (wide.next(), wide.next()) {
                            (Some(&c), None) => Some(c),
                            _ => None,
                        },
                        _ => None,
                    }
                }
            };
            match found {
                Some(c) => clusters[c].1.members.push(i),
                None => {
                    by_key_clusters[k].push(clusters.len());
                    clusters.push((
                        k,
                        Cluster {
                            anchor: whens[&i],
                            members: vec![i],
                        },
                    ));
                }
            }
        }
    }
    let mut out: Vec<MergedEvent> = clusters
        .into_iter()
        .map(|(k, cl)| merged(&keys[k].0, cl.members, reports, &whens))
        .collect();
    out.sort_by(|a, b| {
        (a.date.is_none(), a.date, a.category, &a.id).cmp(&(
            b.date.is_none(),
            b.date,
            b.category,
            &b.id,
        ))
    });
    out
}

fn merged(
    key: &Key,
    mut members: Vec<usize>,
    reports: &[EventReport],
    whens: &BTreeMap<usize, Option<When>>,
) -> MergedEvent {
    members.sort_unstable();
    let stated: Vec<When> = members
        .iter()
        .filter_map(|i| whens[i])
        .filter(|w| w.stated)
        .collect();
    let (date, date_end) = if stated.iter().any(When::precise) {
        let precise = stated.iter().filter(|w| w.precise());
        let start = precise.clone().map(|w| w.start).min();
        (start, precise.map(|w| w.end).max())
    } else {
        match stated
            .iter()
            .min_by_key(|w| ((w.end - w.start).num_days(), w.start))
        {
            Some(w) => (Some(w.start), Some(w.end)),
            None => (None, None),
        }
    };
    let mut places: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (n, &i) in members.iter().enumerate() {
        if let Some(p) = &reports[i].event.location {
            places.entry(p.as_str()).or_insert((0, n)).0 += 1;
        }
    }
    let location = places
        .into_iter()
        .max_by(|a, b| {
            (a.1 .0, std::cmp::Reverse(a.1 .1)).cmp(&(b.1 .0, std::cmp::Reverse(b.1 .1)))
        })
        .map(|(p, _)| p.to_string());
    let modality = members
        .iter()
        .map(|&i| reports[i].event.modality)
        .min_by_key(|m| match m {
            EventModality::Asserted => 0,
            EventModality::Hedged => 1,
            EventModality::Planned => 2,
            EventModality::Denied => 3,
        })
        .unwrap_or_default();
    let documents: BTreeSet<&DocId> = members
        .iter()
        .map(|&i| reports[i].duplicate_of.as_ref().unwrap_or(&reports[i].doc))
        .collect();
    // The first report in content order, so that the id does not depend on input order.
    let first = members
        .iter()
        .map(|&i| &reports[i])
        .min_by(|a, b| (&a.doc, a.ord).cmp(&(&b.doc, b.ord)))
        .unwrap_or(&reports[members[0]]);
    let mut h = Fnv::default();
    h.write(format!("{key:?}").as_bytes());
    h.write(first.doc.0.as_bytes());
    h.write(&first.ord.to_le_bytes());
    MergedEvent {
        id: format!("{:016x}", h.finish()),
        category: key.category,
        kind: key.kind,
        mode: members.iter().find_map(|&i| reports[i].event.mode.clone()),
        source: key.source.iter().cloned().collect(),
        target: key.target.iter().cloned().collect(),
        mutual: key.mutual,
        date,
        date_end,
        location,
        modality,
        negated: key.negated,
        documents: documents.len(),
        reports: members,
    }
}

/// Whether a merged event makes a tie: not negated or denied, and a plan only as PLOVER codes
/// intentions (`AGREE` to visit, `THREATEN` to sanction), not as the act it plans.
fn happened(e: &MergedEvent) -> bool {
    let intention = matches!(e.category, PloverCategory::Agree | PloverCategory::Threaten);
    !e.negated
        && match e.modality {
            EventModality::Asserted | EventModality::Hedged => true,
            EventModality::Planned => intention,
            EventModality::Denied => false,
        }
}

/// The political ties merged events make (rules in the module doc), by actors then category.
pub fn event_ties(reports: &[EventReport], merged: &[MergedEvent]) -> Vec<EventTie> {
    let mut ties: BTreeMap<(String, String, PloverCategory), (bool, Vec<usize>)> = BTreeMap::new();
    for (m, e) in merged.iter().enumerate() {
        if !happened(e) {
            continue;
        }
        let mut pairs = Vec::new();
        if e.mutual {
            for (k, a) in e.source.iter().enumerate() {
                for b in &e.source[k + 1..] {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        } else {
            for s in &e.source {
                for t in e.target.iter().filter(|t| *t != s) {
                    pairs.push((s.clone(), t.clone()));
                }
            }
        }
        for (from, to) in pairs {
            let entry = ties
                .entry((from, to, e.category))
                .or_insert((e.mutual, Vec::new()));
            entry.0 &= e.mutual;
            entry.1.push(m);
        }
    }
    ties.into_iter()
        .map(|((from, to, category), (mutual, events))| {
            let mut evidence: Vec<usize> = events
                .iter()
                .flat_map(|&m| merged[m].reports.iter().copied())
                .collect();
            evidence.sort_unstable();
            evidence.dedup();
            let documents: BTreeSet<&DocId> = evidence
                .iter()
                .map(|&i| reports[i].duplicate_of.as_ref().unwrap_or(&reports[i].doc))
                .collect();
            EventTie {
                first: events.iter().filter_map(|&m| merged[m].date).min(),
                last: events
                    .iter()
                    .filter_map(|&m| merged[m].date_end.or(merged[m].date))
                    .max(),
                documents: documents.len(),
                from,
                to,
                category,
                mutual,
                events,
                evidence,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
