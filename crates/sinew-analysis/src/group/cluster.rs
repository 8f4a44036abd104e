//! The [`Cluster`] that accepts or refuses a newcomer (a [`Probe`], `probe.rs`) by the rules
//! of `group.rs`'s module doc, the members' wordings read as [`Sense`]s (`sense.rs`).

use std::cmp::Ordering;

use sinew_types::{Claim, MeasureKind, Span};

use super::probe::{Probe, MAX_RUNNING_RATIO, MAX_VALUE_RATIO, VAGUE_REACH};
use super::sense::{jaccard, scopes_match, scopes_nest, Sense};
use super::{FigureGroup, When};
use crate::concept::{Concept, FlowKind, Meaning};
use crate::hash::FastMap;
use crate::label::group_measure;
use crate::rounding::{same_rounded, values_close};
use crate::scope::clash;
use crate::window::TimeFrame;

/// Measures at least this similar (Jaccard over stemmed content words) describe the same thing.
const MIN_MEASURE_SIMILARITY: f64 = 0.5;

/// Values this close are the same amount reported with different rounding.
const SAME_AMOUNT_RATIO: f64 = 1.015;

/// The voice of a figure the article states in its own words, with no attribution
/// (`group_figures` numbers it first).
pub(super) const OWN_VOICE: u32 = 0;

/// Do two voices in one article give one account of a figure? The same voice does, and so
/// does the article's own voice with a source it cites: an article that reports
/// "Progressive reported premiums of $18.1 billion, up 20%" and goes on "its premiums
/// reached $19.1 billion, up 21%" states two figures, not one figure two ways; it would say
/// so if it disputed its source. Two named sources may disagree (that is a conflict). Not
/// for counts of things: an article's own tally of containers shipped and an official's
/// tally are two counts of one figure (`accepts` applies it to amounts only).
pub(super) fn one_account(a: u32, b: u32) -> bool {
    a == b || a == OWN_VOICE || b == OWN_VOICE
}

/// Two optional keys agree when either is unknown or both are equal.
pub(super) fn fits<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// One member's amount as stated, and by whom (`Cluster::by_doc` says where).
#[derive(Clone, Copy)]
pub(super) struct Amount {
    pub(super) value: f64,
    /// Top of the range (the value for a point).
    pub(super) high: f64,
    /// Rounding step (`rounding.rs`).
    pub(super) step: f64,
    pub(super) vague: bool,
    pub(super) voice: u32,
}

impl Amount {
    /// The same amount as the probe's to the precision either writes, or within rounding
    /// (`SAME_AMOUNT_RATIO`).
    pub(super) fn same_as(&self, p: &Probe) -> bool {
        (same_rounded(self.value, self.step, p.value, p.step)
            && same_rounded(self.high, self.step, p.high, p.step))
            || values_close(
                self.value.min(p.value),
                self.value.max(p.value),
                SAME_AMOUNT_RATIO,
            )
    }
}

pub(super) struct Cluster {
    pub(super) members: Vec<usize>,
    /// The members' amounts as stated.
    pub(super) amounts: Vec<Amount>,
    /// The wordings of the members: (sense, counted).
    pub(super) variants: Vec<(usize, bool)>,
    /// The senses among them that name complements (`scope.rs`), the only ones that can clash.
    complemented: Vec<usize>,
    /// Whether a member names a place after "in" (`scope::placed`), and whether one names
    /// nothing after "in": the part in one place and the whole never join.
    placed: bool,
    bare: bool,
    /// Spans of the members' figures and who states them, by (document, sentence).
    pub(super) sentences: FastMap<(u32, Span), Vec<(Span, u32)>>,
    pub(super) frame: TimeFrame,
    pub(super) concept: Concept,
    /// The concept key's parts the members told: actors, unit, lemma class, measure kind.
    pub(super) subject: Option<u32>,
    pub(super) object: Option<u32>,
    pub(super) unit: Option<u32>,
    /// Every word that narrows a member's unit: a newcomer's must be among them, or hold
    /// them all ("artillery shells" and "rounds" agree, "ballistic" and "cruise" missiles
    /// do not).
    pub(super) unit_words: Vec<u32>,
    pub(super) lemma: Option<u8>,
    pub(super) measure_kind: Option<MeasureKind>,
    /// The range of the precise members' values, their sum and number (vague members do not
    /// count: they state no value).
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) sum: f64,
    pub(super) precise: usize,
    /// The range the vague members allow, at its widest.
    pub(super) vague_low: f64,
    pub(super) vague_high: f64,
    /// True while every member is a growing running total.
    pub(super) growing: bool,
    /// The members' amounts by document (document, index into `amounts`), sorted: the
    /// amounts one article states are found without a scan of every member.
    by_doc: Vec<(u32, u32)>,
    /// The members' amounts by value (vague, value as a sortable key, index into `amounts`),
    /// sorted: an amount equal to a newcomer's, to rounding, is found in a range.
    by_value: Vec<(bool, u64, u32)>,
    /// The largest rounding step of the vague and of the precise members, which bounds how
    /// far apart two amounts the same to rounding can lie.
    max_step: [f64; 2],
}

/// A value as a key that sorts as the values do (zero of either sign alike).
pub(super) fn value_key(x: f64) -> u64 {
    let x = if x == 0.0 { 0.0 } else { x };
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

impl Cluster {
    pub(super) fn new(i: usize, probe: &Probe, senses: &[Sense]) -> Cluster {
        let mut c = Cluster {
            members: Vec::new(),
            amounts: Vec::new(),
            variants: Vec::new(),
            complemented: Vec::new(),
            placed: false,
            bare: false,
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
            by_doc: Vec::new(),
            by_value: Vec::new(),
            max_step: [0.0; 2],
        };
        c.add(i, probe, senses);
        c
    }

    pub(super) fn accepts(&self, p: &Probe, senses: &[Sense]) -> bool {
        let ps = &senses[p.sense];
        // An actor the cluster names as the subject, named by the newcomer as the counterpart
        // (or the other way round), is another figure: "TikTok's users" and "users' time on
        // TikTok" share a name, not a figure. Trade runs both ways: its sides are no roles.
        let crossed = |a: Option<u32>, b: Option<u32>| a.is_some() && a == b;
        let sided = ps.concept != Concept::Trade && self.concept != Concept::Trade;
        if sided && (crossed(ps.object, self.subject) || crossed(ps.subject, self.object)) {
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
        // The cheap tests on the cluster's bounds come before those that look at members.
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
        // Not a running total on either side: a figure since a day and one over a closed
        // period measure from different starts (`TimeFrame::admits_level`).
        if !(p.growing || self.growing || self.frame.admits_level(p.when)) {
            return false;
        }
        if !(self.concept == ps.concept
            || self.concept == Concept::Other
            || ps.concept == Concept::Other)
        {
            return false;
        }
        // Figures that name no actor ("12%", "$5 million" on pages of business news; market
        // shares whose companies extraction missed) are one figure only when they state the
        // same amount to the precision written ("3.92%" and "3.88%" are two insurers' shares;
        // "$240 billion" is "$240.1 billion" rounded) and their measures do not tell them
        // apart. In one article, a measure that tells nothing ("value", the unit again) does
        // not; across articles, both must be worded alike and dated: the wording alone joined
        // every "market share" of a page into one figure. (While no cluster of the bucket
        // names an actor, the candidate index offers an undated one only the clusters with a
        // member from its article, and a dated one only those and the clusters stating its
        // amount rounded: it must change with this rule.)
        let actorless = ps.subject.is_none()
            && ps.object.is_none()
            && self.subject.is_none()
            && self.object.is_none();
        if actorless {
            let same_article = self.states_in(p.doc);
            // Vague amounts are the same amount when they are the same words' range.
            if !(same_article || (p.when.dated() && self.frame.dated())) || !self.states_rounded(p)
            {
                return false;
            }
            // "$63,185" in a table and again in the prose, with measures read two ways, is
            // one figure: an amount that precise does not recur by chance in one article.
            let precise_again = p.distinctive
                && !p.vague
                && self.stated_in(p.doc).any(|a| !a.vague && a.same_as(p));
            let worded_alike = precise_again
                || self.variants.iter().any(|&(sense, _)| {
                    let m = &senses[sense].telling;
                    if ps.telling.is_empty() || m.is_empty() {
                        same_article
                    } else {
                        jaccard(&ps.telling, m) >= MIN_MEASURE_SIMILARITY
                    }
                });
            if !worded_alike {
                return false;
            }
        }
        // One voice in one article states one figure once: another amount from the same voice
        // there is another figure ("36% of millennials ... 57% of millennials"), unless it is
        // a running total that grew. Different voices may disagree (that is a conflict); the
        // article's own voice is one account with each source it cites (`one_account`).
        let grown = p.growing && self.growing;
        if !(p.vague || grown) {
            let mut same_voice = self
                .stated_in(p.doc)
                .filter(|a| {
                    !a.vague
                        && (a.voice == p.voice || (!p.counted && one_account(a.voice, p.voice)))
                })
                .peekable();
            if same_voice.peek().is_some() && !same_voice.any(|a| a.same_as(p)) {
                return false;
            }
        }
        if let Some(spans) = self.sentences.get(&(p.doc, p.sentence)) {
            // Two figures in one sentence are two figures; the same words twice are one.
            // Two voices in one sentence may state one figure differently ("the State
            // Department has put the total at 10,000+ containers, while South Korea's
            // ministry estimated that about 6,700 had been shipped").
            if spans
                .iter()
                .any(|&(s, voice)| s != p.span && voice == p.voice)
            {
                return false;
            }
        }
        // A place, product or segment named after the same preposition that differs from a
        // member's ("units in Korea", "units in China") is another part of the quantity.
        if !ps.complements.is_empty()
            && self
                .complemented
                .iter()
                .any(|&sense| clash(&ps.complements, &senses[sense].complements))
        {
            return false;
        }
        // Asked at most once, and only of a variant nothing else joins.
        let same_amount = std::cell::OnceCell::new();
        let same_amount = || *same_amount.get_or_init(|| !p.vague && self.states_close(p));
        // "2,000 engineers in Vojvodina" and "7,000 engineers": a part in one place is not the
        // whole. The same amount with and without its place ("employs 1,400 workers in
        // Ashland City" and a table's "1,400") is one figure told twice.
        if ((ps.placed && self.bare) || (ps.bare && self.placed)) && !same_amount() {
            return false;
        }
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
                    // unless the two say what it is a share of and that differs. Only for
                    // the same pair: one actor's figure and a figure it gives another,
                    // worded apart, are two figures that happen to be equal ("awarded $5,000"
                    // and "granted Hagay $5,000").
                    || (!narrowed_apart
                        && m.subject == ps.subject
                        && m.object == ps.object
                        && same_amount()))
        })
    }

    /// The amounts the members from document `doc` state.
    fn stated_in(&self, doc: u32) -> impl Iterator<Item = &Amount> + '_ {
        let from = self.by_doc.partition_point(|&(d, _)| d < doc);
        self.by_doc[from..]
            .iter()
            .take_while(move |&&(d, _)| d == doc)
            .map(|&(_, k)| &self.amounts[k as usize])
    }

    /// Whether a member comes from document `doc`.
    fn states_in(&self, doc: u32) -> bool {
        let found = self.stated_in(doc).next().is_some();
        #[cfg(test)]
        assert_eq!(
            found,
            self.sentences.keys().any(|&(d, _)| d == doc),
            "documents missed"
        );
        found
    }

    /// The members' amounts of the probe's kind (vague or precise) whose values lie within
    /// `reach` of the probe's, a few more at the edges.
    fn near(&self, p: &Probe, reach: f64) -> impl Iterator<Item = &Amount> + '_ {
        // Widened past the rounding of the subtraction and the keys' own rounding.
        let reach = reach * (1.0 + 1e-6) + p.value.abs() * 1e-12;
        let low = (p.vague, value_key(p.value - reach), 0);
        let high = (p.vague, value_key(p.value + reach), u32::MAX);
        let from = self.by_value.partition_point(|&k| k < low);
        let to = self.by_value.partition_point(|&k| k <= high);
        self.by_value[from..to.max(from)]
            .iter()
            .map(|&(_, _, k)| &self.amounts[k as usize])
    }

    /// Whether a member of the probe's kind (vague or precise) states its amount to the
    /// precision either writes (`same_rounded`, value and top of range).
    fn states_rounded(&self, p: &Probe) -> bool {
        // `same_rounded` allows half the coarser step and a billionth of the larger value:
        // no member further away than that can pass.
        let step = self.max_step[usize::from(p.vague)].max(p.step);
        let reach = (0.5 * step + 1e-9 * p.value.abs()) / (1.0 - 1e-9);
        let same = |a: &Amount| {
            a.vague == p.vague
                && same_rounded(a.value, a.step, p.value, p.step)
                && same_rounded(a.high, a.step, p.high, p.step)
        };
        let found = self.near(p, reach).any(same);
        // Tests check the range against every member: a bound too tight fails them.
        #[cfg(test)]
        assert_eq!(found, self.amounts.iter().any(same), "rounded range missed");
        found
    }

    /// Whether a precise member's value is within `SAME_AMOUNT_RATIO` of the (precise)
    /// probe's.
    fn states_close(&self, p: &Probe) -> bool {
        // Within the ratio, two values differ by less than its excess over one of the larger.
        let reach = p.value.abs() * (SAME_AMOUNT_RATIO - 1.0) * SAME_AMOUNT_RATIO;
        let close = |a: &Amount| {
            !a.vague
                && values_close(
                    a.value.min(p.value),
                    a.value.max(p.value),
                    SAME_AMOUNT_RATIO,
                )
        };
        let found = self.near(p, reach).any(close);
        #[cfg(test)]
        assert_eq!(found, self.amounts.iter().any(close), "close range missed");
        found
    }

    /// Whether a vague amount with no period of its own ("millions of shells" handed over)
    /// can stand for the cluster's figure though extraction read a flow where the cluster
    /// holds a running total, or the other way round: with no number and no window, the two
    /// readings cannot be told apart.
    pub(super) fn holds_as_evidence(&self, p: &Probe, ps: &Sense) -> bool {
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
    pub(super) fn amount_fits(&self, p: &Probe, limit: f64) -> bool {
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
    pub(super) fn distance(&self, p: &Probe) -> f64 {
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

    pub(super) fn add(&mut self, i: usize, p: &Probe, senses: &[Sense]) {
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
        let at = self.amounts.len() as u32;
        let doc = self.by_doc.partition_point(|&(d, _)| d <= p.doc);
        self.by_doc.insert(doc, (p.doc, at));
        let key = (p.vague, value_key(p.value), at);
        let place = self.by_value.partition_point(|&k| k < key);
        self.by_value.insert(place, key);
        let step = &mut self.max_step[usize::from(p.vague)];
        *step = step.max(p.step);
        self.members.push(i);
        self.amounts.push(Amount {
            value: p.value,
            high: p.high,
            step: p.step,
            vague: p.vague,
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
            .push((p.span, p.voice));
        if !self.variants.contains(&(p.sense, p.counted)) {
            self.variants.push((p.sense, p.counted));
        }
        self.placed |= ps.placed;
        self.bare |= ps.bare;
        if !ps.complements.is_empty() && !self.complemented.contains(&p.sense) {
            self.complemented.push(p.sense);
        }
    }

    pub(super) fn finish(
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
