//! Quantitative claims: which figures state something, about whom, what, when, and on whose
//! word.
//!
//! Everything here is decided inside the figure's sentence, plus the cross-sentence
//! references `roles.rs` follows ("the two countries", "the company", "its neighbour") and
//! one rule of its own: a verbless list item such as "Bearings, 345% from 2021 to Russia"
//! keeps the subject of the claim before it in the paragraph. Any named entity can be a
//! party (`roles.rs`): countries (named directly, by capital or seat, by demonym), companies,
//! bodies, groupings and people under their own names, so that "Rosneft shipped 2 million
//! tonnes to India" is Rosneft's claim; the network rolls those up to their states through
//! the mention's `country`. A person in state office and a government body act for the
//! state. A figure's time is the time of its own clause (`time_for`), never the baseline a
//! change is measured from ("up 138% from 2024"); a change stated right after a level with no
//! time of its own takes the level's; a figure restated in another unit takes its figure's
//! time; a figure stated "now" refers to the publication day (`anchor_present`).

use sinew_types::{
    Attribution, Claim, DocId, Inferred, MeasureKind, Mention, Quantity, QuantityKind, Sentence,
    Span, TimeExpr,
};

mod actors;
mod bounds;
mod clauses;
mod discourse;
mod earlier;
mod kind;
mod measure;
mod modifiers;
mod np;
mod pairs;
mod place;
mod refer;
mod roles;
mod select;
mod table;
mod timing;
mod topic;
mod verbs;
mod voice;

use bounds::{figure_between, same_amount_kind};
use clauses::clause_of;
use clauses::{contrasted, opens_clause, CONTRASTS};

use crate::attribution::modality;
use crate::words::{words, Word};
use actors::actors_in;
use roles::parties;
use select::{is_attribute, states_figure};
use timing::{anchor_present, in_change_baseline, time_for};

/// Inputs to claim building: one document's text and its other annotations, all sorted.
pub(crate) struct ClaimInputs<'a> {
    pub(crate) doc: &'a DocId,
    pub(crate) text: &'a str,
    pub(crate) sentences: &'a [Sentence],
    pub(crate) mentions: &'a [Mention],
    pub(crate) quantities: &'a [Quantity],
    pub(crate) times: &'a [TimeExpr],
    pub(crate) attributions: &'a [Attribution],
}

pub(super) use crate::sentences::starting_within;

/// Claims built from one document, and where building stopped at the cap.
pub(crate) struct Built {
    pub(crate) claims: Vec<Claim>,
    /// The first figure that would have made a claim past the cap.
    pub(crate) capped_at: Option<Span>,
}

/// Builds a claim for each quantity that states a figure, at most `max` of them.
///
/// Linear in the document: quantities come sorted, so the paragraph and sentence of each are
/// found by moving forward, and everything else is read inside the figure's sentence, which
/// the splitter keeps short ([`crate::sentences::MAX_SENTENCE_BYTES`]).
pub(crate) fn build_claims(inp: &ClaimInputs<'_>, max: usize) -> Built {
    let mut claims: Vec<Claim> = Vec::new();
    // (paragraph start, subject) of the last claim that had a subject.
    let mut last_subject: Option<(usize, String)> = None;
    let mut paragraphs = Paragraphs::default();
    // The words of the sentence the last figure was in: figures share sentences.
    let mut sentence_words: Option<(usize, Vec<Word<'_>>)> = None;
    // What the last claim was about, for figures that continue it or refer back to it.
    let mut previous: Option<measure::Previous> = None;
    // The claim (index) that took its time as a part of the total before it.
    let mut part_of: Option<usize> = None;
    let mut topics = topic::Topics::default();
    // How the document writes its words, read on the first figure in a table row.
    let mut casing: Option<table::Casing> = None;
    // The organisation the whole document is about, if one (`topic::document_org`).
    let doc_org = topic::document_org(inp.text, inp.sentences, inp.mentions);
    // What the current paragraph is about, for figures that continue it (`discourse.rs`).
    let mut thread: Option<Thread> = None;
    // The last sentence whose predecessor was read for a pair.
    let mut looked_back: Option<usize> = None;
    // Claims that continue the discourse but found nothing to continue in their paragraph.
    let mut orphans: Vec<bool> = Vec::new();
    // Claims whose giver sends with no recipient named (`discourse::lone_giver`).
    let mut lone_givers: Vec<bool> = Vec::new();
    for q in inp.quantities {
        if !states_figure(inp.text, q, inp.times) {
            continue;
        }
        let Some(si) = sentence_index(inp.sentences, q.span.start) else {
            continue;
        };
        let sentence = inp.sentences[si].span;
        // A figure cut in two by an over-long sentence's forced break has no whole sentence.
        if !sentence.contains(q.span) {
            continue;
        }
        if claims.len() == max {
            discourse::carry_main_pair(&mut claims, &orphans, &lone_givers);
            return Built {
                claims,
                capped_at: Some(q.span),
            };
        }
        let clause = clause_of(inp.text, sentence, q.span);
        let mentions = starting_within(inp.mentions, sentence, |m| m.span);
        let attrs: Vec<&Attribution> = starting_within(inp.attributions, sentence, |a| a.span)
            .iter()
            .filter(|a| sentence.contains(a.span) && !contrasted(inp.text, q.span, a.span))
            .collect();
        let nearest = attrs.iter().min_by_key(|a| distance(a.span, q.span));
        if sentence_words.as_ref().is_none_or(|(i, _)| *i != si) {
            sentence_words = Some((si, words(inp.text, sentence.start, sentence.end)));
        }
        let ws: &[Word<'_>] = sentence_words.as_ref().map_or(&[], |(_, ws)| ws);
        let actors = actors_in(inp.text, sentence, mentions, &attrs, ws);
        // With no cue of attribution, a speaker of the figure's own clause says it; so does
        // one whose cue lies outside the figure's clause ("Blinken said about 8,000 had moved
        // into Kursk, and US officials now put the total at more than 10,000": the officials
        // state the total, not Blinken).
        let own = || actors::speaker_of(inp.text, &actors, ws, q.span, clause);
        let attribution = match nearest {
            Some(a) if clause.contains(a.span) => Some(a.source.clone()),
            Some(a) => Some(own().unwrap_or_else(|| a.source.clone())),
            None => own(),
        };
        // "Seoul and Kyiv give different numbers, but all say thousands of soldiers have been
        // sent": a passive verb of flow in the figure's own clause is its verb, not one of
        // another clause before it.
        let before_verb = flow_verb_before(ws, q.span.start);
        let flow = match before_verb {
            Some(v) if v.start < clause.start => {
                voice::passive_verb_after(ws, q.span.end, clause.end).or(Some(v))
            }
            Some(v) => Some(v),
            None => voice::passive_verb_after(ws, q.span.end, clause.end),
        };

        // "according to two European officials", "Three people familiar with the talks
        // said": a count of who says so moves nothing between anyone.
        let sourcing = counts_sources(ws, &attrs, q);
        let flow = flow.filter(|_| !sourcing);
        // A physical amount or a unit price is a thing's attribute unless its clause binds
        // it to parties ("India imported 1.5 million barrels").
        let unbound = is_attribute(q) && !roles::binds(inp.text, &actors, ws, flow, q, clause);
        let (mut subject, mut object) = if sourcing || unbound {
            (None, None)
        } else {
            parties(inp, &actors, &attrs, ws, flow, q, si)
        };
        if subject.is_none() && object.is_none() {
            if let Some((from, to)) = modifiers::goods_sent_to(inp.text, &actors, ws, q, clause) {
                (subject, object) = (Some(from.to_string()), Some(to.to_string()));
            }
        }
        // "sent shells to Russia in exchange for $500 million": the figure goes back.
        if flow.is_some_and(|v| {
            v.end <= q.span.start && voice::exchange_between(ws, v.end, q.span.start)
        }) {
            std::mem::swap(&mut subject, &mut object);
        }
        // "Quillo Pump Works, Inc. | Dayton | 4,100": a table row's figures are its label's;
        // the other cells hold its attributes (a city, a state).
        if sentence_in_table(inp.text, sentence) {
            if let Some(label) = table::row_label(inp.text, q.span, mentions, &mut casing) {
                if object.as_deref() == Some(label.as_str()) {
                    object = None;
                }
                subject = Some(label);
            }
        }
        let paragraph = paragraphs.start_of(inp.text, sentence.start);
        let mut inferred = None;
        // "Exports to Russia reached $5 billion" after a claim of China's: the giver left
        // out is the paragraph's. Not when the getter is the clause's own subject ("China
        // lent Venezuela $5 billion; India bought 1.2 million barrels"): that clause leaves
        // its giver unnamed, and the last one named is another clause's.
        let getter_is_subject = object.as_deref().is_some_and(|o| {
            actors.iter().any(|a| {
                a.name == o
                    && a.role == actors::Role::Plain
                    && clause.contains(a.span)
                    && flow.is_some_and(|v| a.span.end <= v.start)
            })
        });
        if subject.is_none() && object.is_some() && !getter_is_subject {
            if let Some((p, s)) = &last_subject {
                if *p == paragraph && Some(s) != object.as_ref() {
                    subject = Some(s.clone());
                    inferred = Some(Inferred::Discourse);
                }
            }
        }
        // The sentence before, in the same paragraph, may name the pair through its verb of
        // supply even though it states no figure.
        if si > 0 && looked_back != Some(si) {
            looked_back = Some(si);
            let prev = inp.sentences[si - 1].span;
            let newer = thread.as_ref().is_none_or(|t| t.sentence + 1 < si);
            if newer && !discourse::paragraph_break(inp.text, prev.start, sentence.start) {
                if let Some((s, o)) =
                    discourse::sentence_pair(inp.text, prev, inp.mentions, inp.attributions)
                {
                    thread = Some(Thread {
                        paragraph,
                        sentence: si - 1,
                        subject: Some(s),
                        object: o,
                        unit: None,
                    });
                }
            }
        }
        if subject.is_some() && subject == object {
            object = None;
        }
        if let Some(s) = &subject {
            last_subject = Some((paragraph, s.clone()));
        }
        let before = words(inp.text, clause.start, q.span.start);
        let after = words(inp.text, q.span.end, clause.end);
        let trend = kind::trend(q, &before, &after);
        let sentence_times = starting_within(inp.times, sentence, |t| t.span);
        let mut time = time_for(
            inp.text,
            sentence_times,
            starting_within(inp.quantities, sentence, |r| r.span),
            sentence,
            clause,
            q.span,
            trend.is_some(),
        );
        // "$240.1 billion in 2023, up 26.3% on the previous year": a change stated right
        // after a level, with no time of its own, is the change to that level's time.
        if trend.is_some() && time.is_none() {
            if let Some(c) = claims
                .last()
                .filter(|c| c.sentence == sentence && c.span.end <= q.span.start)
            {
                time = c.time.clone();
            }
        }
        // "now has roughly 4,500 stores, including about 3,700 in Korea, 300 or so in China":
        // the parts a total is broken into are counted when it is; so is each part listed
        // after the first. Figures listed alike ("$14,600 for single filers and $29,200 for
        // joint filers": the same kind and unit, a few words, a comma or "and" between, and
        // no comparison) share their time too.
        // The kind reads the figure's own time: a part is counted as its total is, but "now"
        // passed on is still no period.
        let own_time = time.clone();
        if time.is_none() {
            if let Some(c) = claims.last().filter(|c| {
                c.sentence == sentence && c.span.end <= q.span.start && c.time.is_some()
            }) {
                let between = words(inp.text, c.span.end, q.span.start);
                let listed = part_of == Some(claims.len() - 1);
                let opens_parts = between
                    .iter()
                    .any(|w| w.is_any(&["including", "includes", "include", "incl"]));
                let parallel = c.quantity.kind == q.kind
                    && c.quantity.unit == q.unit
                    && c.quantity.per == q.per
                    && between.len() <= 6
                    && (inp.text[c.span.end..q.span.start].contains(',')
                        || between.iter().any(|w| w.is_any(&["and", "or"])))
                    && !inp.text[c.span.end..q.span.start].contains([';', '(', ')'])
                    && !between.iter().any(|w| {
                        w.is_any(&[
                            "from", "than", "versus", "vs", "compared", "since", "before", "after",
                            "earlier", "up", "down", "previous", "prior",
                        ])
                    });
                if (opens_parts || listed || parallel)
                    && !opens_clause(&between)
                    && !between.iter().any(|w| w.is_any(CONTRASTS))
                {
                    time = c.time.clone();
                    part_of = Some(claims.len());
                }
            }
        }
        let (measure, base) = measure::measure(&measure::MeasureInputs {
            np: np::NpContext {
                text: inp.text,
                sentence,
                mentions,
                times: sentence_times,
            },
            clause,
            q,
            flow,
            change: trend,
            previous: previous.as_ref(),
        });
        let clause_words = words(inp.text, clause.start, clause.end);
        // The kind reads the counted noun the measure gives a bare number ("put the number
        // in Kursk at 11,000" counts soldiers).
        let counted = select::with_elided_unit(q, &measure);
        let kind = kind::kind_of(
            inp.text,
            &counted,
            &before,
            &after,
            &clause_words,
            ws,
            trend,
            flow.is_some(),
            own_time.as_ref(),
        );
        // "Pyongyang sent 1,500 shells, the Pentagon said last month": the time of the
        // saying does not date what was sent; it dates only a stock, what there is "now"
        // (or a figure of unknown kind, such as a plan, which it is the only date of).
        if !matches!(kind, MeasureKind::Stock | MeasureKind::Other)
            && time
                .as_ref()
                .is_some_and(|t| bounds::trailing_speech_time(inp.text, ws, q.span, t.span))
        {
            time = None;
        }
        // "shipped over 1 million barrels since March last year, above the cap of 500,000
        // barrels a year": a limit takes a time only from its own clause.
        if kind == MeasureKind::Other && bounds::is_limit(q, &before, &after, &clause_words) {
            time = time.filter(|t| {
                clause.contains(t.span)
                    && !figure_between(
                        starting_within(inp.quantities, sentence, |r| r.span),
                        q.span,
                        t.span,
                    )
            });
        }
        // "shipped about 20,000 containers ..., up from 13,000 containers it reported in
        // October": the baseline of a change is an earlier value of the same figure, so it
        // takes its head's measure and kind (its own time stays).
        let (measure, kind) = match claims.last().filter(|c| {
            c.sentence == sentence
                && c.quantity.kind == q.kind
                && c.quantity.unit == q.unit
                && c.quantity.per == q.per
                && in_change_baseline(inp.text, sentence, q.span)
        }) {
            Some(head) => (head.measure.clone(), head.kind),
            None => (measure, kind),
        };
        // "North Korea has shipped 20,000 containers. Earlier estimates put the figure at
        // 13,000": "the figure" is the figure before, in this sentence or the one before;
        // the amount is another statement of its measure, of its kind.
        // A bare number there ("at 13,000") counts in the figure's unit.
        let (measure, kind, counted) = match claims.last().filter(|c| {
            np::names_the_figure(&before)
                && (q.kind == QuantityKind::Number || same_amount_kind(c.quantity.kind, q.kind))
                && sentence_index(inp.sentences, c.span.start).is_some_and(|i| i + 1 >= si)
        }) {
            Some(referent) => {
                let counted = if q.kind == QuantityKind::Number {
                    Quantity {
                        kind: referent.quantity.kind,
                        unit: referent.quantity.unit.clone(),
                        per: referent.quantity.per.clone(),
                        ..counted
                    }
                } else {
                    counted
                };
                (referent.measure.clone(), referent.kind, counted)
            }
            None => (measure, kind, counted),
        };
        let restates = claims
            .last()
            .filter(|c| c.sentence == sentence)
            .and_then(|c| kind::restates(inp.text, &c.quantity, q));
        // A restated figure is the same figure: it refers to its time, not the nearest one.
        let mut time = match (restates, claims.last()) {
            (Some(_), Some(c)) => c.time.clone(),
            _ => time,
        }
        .map(anchor_present);
        previous = Some(measure::Previous {
            span: q.span,
            sentence,
            base,
            measure: measure.clone(),
        });
        // "Chinese customs put the total at $240 billion": a figure that names no party of
        // its own and continues the figure before it (same measure, same or next sentence)
        // is about the same parties.
        // A figure restated in another unit ("107 million tonnes, or roughly 2.1 million
        // barrels per day") is the same figure, about the same parties.
        if subject.is_none() && object.is_none() {
            if let Some(c) = claims.last().filter(|c| {
                (c.measure == measure
                    || restates.is_some()
                    || modifiers::part_of(inp.text, c, q, sentence))
                    && sentence_index(inp.sentences, c.span.start).is_some_and(|i| i + 1 >= si)
            }) {
                subject = c.subject.clone();
                object = c.object.clone();
                inferred = if c.sentence == sentence {
                    c.inferred
                } else {
                    c.inferred.or(Some(Inferred::Discourse))
                };
            }
        }
        // "... North Korea has sent munitions to Russia. The US State Department has put the
        // total at 10,000+ containers": a figure whose sentence names no party and that
        // continues what its paragraph is about takes the paragraph's pair. A place the
        // sentence names only as where the figure is ("the total in Russia") gives way.
        let names_party = actors.iter().any(|a| {
            clause.contains(a.span)
                && !matches!(a.role, actors::Role::Speaker | actors::Role::Place)
        });
        let only_place = !names_party && object.is_none() && inferred.is_none();
        let mut orphan = false;
        // A rate of a thing with no party ("$500 per unit", "160 kilometres per hour") is
        // its attribute: it continues nothing.
        let attribute = is_attribute(q) && q.per.is_some() && subject.is_none();
        if ((subject.is_none() && object.is_none()) || only_place) && !attribute {
            let unit = (q.kind == QuantityKind::Count)
                .then_some(q.unit.as_deref())
                .flatten();
            let last_unit = thread.as_ref().and_then(|t| t.unit.as_deref());
            let passive = discourse::agentless_passive(ws, flow);
            if discourse::continues(&before, &after, passive, unit, last_unit) {
                match thread.as_ref().filter(|t| t.paragraph == paragraph) {
                    Some(t) => {
                        subject = t.subject.clone();
                        object = t.object.clone();
                        inferred = Some(Inferred::Discourse);
                    }
                    // With nothing in its paragraph, the document's pair, but only for a
                    // sentence that names no one at all (a speaker's "its factories" are
                    // the speaker's), or a passive with no agent whose clause names no one
                    // ("Seoul and Kyiv differ, but all say thousands of soldiers have been
                    // sent").
                    None => {
                        orphan = subject.is_none()
                            && (actors.is_empty()
                                || passive && !actors.iter().any(|a| clause.contains(a.span)))
                    }
                }
            }
        }
        // "1. State Farm Group / Market share: 12.89%": a figure whose sentence names no one
        // at all is about what its section's heading names.
        topics.advance(inp.text, inp.sentences, inp.mentions, si);
        if subject.is_none()
            && object.is_none()
            && actors.iter().all(|a| a.role == actors::Role::Speaker)
        {
            subject = topics.topic().map(str::to_string);
            if subject.is_some() {
                inferred = Some(Inferred::Heading);
                orphan = false;
            }
        }
        // "We are cutting prices by up to 39%" in a company's own release, "The company
        // employs 1,800 people" with no company named in the sentences before: the
        // organisation the document is about. A speaker that is an organisation speaks for
        // itself ("'We shipped 5,000 units,' Acme said").
        if subject.is_none() && object.is_none() && !names_party {
            let ws_before = &ws[..ws.partition_point(|w| w.end <= q.span.start)];
            let org_speaker = actors
                .iter()
                .find(|a| a.role == actors::Role::Speaker && a.org)
                .map(|a| a.name.to_string());
            let found = if topic::first_person(ws_before) {
                org_speaker.or_else(|| doc_org.clone())
            } else if refer::company_reference(ws, q.span).is_some() {
                doc_org.clone()
            } else {
                None
            };
            if found.is_some() {
                subject = found;
                inferred = Some(Inferred::Document);
                orphan = false;
            }
        }
        if subject.is_some() || object.is_some() {
            thread = Some(Thread {
                paragraph,
                sentence: si,
                subject: subject.clone(),
                object: object.clone(),
                unit: (q.kind == QuantityKind::Count)
                    .then(|| q.unit.clone())
                    .flatten(),
            });
        }
        if time.is_none() && sentence_times.is_empty() {
            time = timing::carried_time(
                inp.text,
                claims.last(),
                si.checked_sub(1).map(|p| inp.sentences[p].span),
                sentence,
                (subject.as_deref(), object.as_deref()),
                kind,
            );
        }
        // "about 2,000 of them had moved into the Vojvodina region": the part in one place.
        let measure = place::applies(&counted, kind)
            .then(|| {
                let parties = (subject.as_deref(), object.as_deref());
                place::with_place(inp.text, ws, &actors, clause, parties, &measure)
            })
            .flatten()
            .unwrap_or(measure);
        if sourcing {
            (subject, object, inferred, orphan) = (None, None, None, false);
        }
        orphans.push(orphan);
        lone_givers.push(
            object.is_none()
                && inferred.is_none()
                && subject.is_some()
                && discourse::lone_giver(ws, &actors, flow, clause),
        );
        claims.push(Claim {
            doc: inp.doc.clone(),
            span: q.span,
            sentence,
            quantity: counted,
            subject,
            object,
            measure,
            time,
            attribution,
            modality: modality(inp.text, clause.start, clause.end),
            kind,
            restates,
            inferred,
            changed_to: None,
        });
        earlier::mark(inp.text, &mut claims);
    }
    discourse::carry_main_pair(&mut claims, &orphans, &lone_givers);
    Built {
        claims,
        capped_at: None,
    }
}

/// Nouns for people who give an account ("two officials", "three people familiar with").
const SOURCE_NOUNS: &[&str] = &[
    "person",
    "official",
    "diplomat",
    "source",
    "analyst",
    "expert",
    "lawmaker",
    "investigator",
    "witness",
    "resident",
    "researcher",
    "executive",
    "banker",
    "trader",
    "insider",
    "aide",
];

/// Does the count `q` number the sources of a statement: inside an attribution's source
/// ("according to two European officials"), or people a verb of saying follows within a few
/// words ("Three people familiar with the matter said")?
fn counts_sources(ws: &[Word<'_>], attrs: &[&Attribution], q: &Quantity) -> bool {
    if attrs.iter().any(|a| a.source_span.contains(q.span)) {
        return true;
    }
    let people = q.kind == QuantityKind::Count
        && q.unit.as_deref().is_some_and(|u| {
            u.rsplit(' ')
                .next()
                .is_some_and(|head| SOURCE_NOUNS.contains(&head))
        });
    people
        && ws
            .iter()
            .filter(|w| w.start >= q.span.end)
            .take(7)
            .take_while(|w| !w.is_any(&[",", "and", "but", "that"]))
            .any(|w| w.is_any(crate::attribution::SPEECH_VERBS))
}

/// What a paragraph is about so far: the parties of its last claim that named one, or of
/// the verb of supply of the sentence before a figure.
struct Thread {
    /// The paragraph's start.
    paragraph: usize,
    /// The sentence (index) the parties come from.
    sentence: usize,
    subject: Option<String>,
    object: Option<String>,
    /// The counted noun of the claim they come from.
    unit: Option<String>,
}

/// Does the sentence hold a table row's cell separator?
fn sentence_in_table(text: &str, sentence: Span) -> bool {
    text[sentence.start..sentence.end].contains(" | ")
}

fn sentence_index(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= pos);
    (i < sentences.len() && sentences[i].span.start <= pos).then_some(i)
}

/// The start of the paragraph (line) around a position, for positions met in order: each
/// call scans only the text since the last one, where looking back from each figure to its
/// line's start made a long paragraph quadratic.
#[derive(Default)]
struct Paragraphs {
    /// Text before this offset has been scanned.
    scanned: usize,
    /// The start of the line holding `scanned`.
    start: usize,
}

impl Paragraphs {
    fn start_of(&mut self, text: &str, pos: usize) -> usize {
        if pos < self.scanned {
            // Out of order (never for sorted figures): look back the slow way.
            return text[..pos].rfind('\n').map_or(0, |p| p + 1);
        }
        if let Some(p) = text[self.scanned..pos].rfind('\n') {
            self.start = self.scanned + p + 1;
        }
        self.scanned = pos;
        self.start
    }
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The last supply or production verb before `pos` in the sentence.
fn flow_verb_before<'w>(ws: &'w [Word<'w>], pos: usize) -> Option<&'w Word<'w>> {
    ws.iter().rev().filter(|w| w.end <= pos).find(|w| {
        noun_of_verb(w).is_some()
            && (!verbs::noun_like(w.text) || np::only_qualifiers(&words_between(ws, w.end, pos)))
    })
}

/// The words of `ws` inside `[from, to)`.
fn words_between<'w>(ws: &[Word<'w>], from: usize, to: usize) -> Vec<Word<'w>> {
    ws.iter()
        .filter(|w| from <= w.start && w.end <= to)
        .copied()
        .collect()
}

/// The noun naming what a flow verb moves ("shipped" -> "shipments").
fn noun_of_verb(w: &Word<'_>) -> Option<&'static str> {
    verbs::flow_verb(w.text).map(|(n, _)| n)
}
