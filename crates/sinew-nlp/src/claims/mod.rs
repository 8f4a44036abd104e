//! Quantitative claims: which figures state something, about whom, what, when, and on whose
//! word.
//!
//! Everything here is decided inside the figure's sentence (plus two cross-sentence rules:
//! "its neighbour" refers back to the last other country named, and a verbless list item
//! such as "Bearings, 345% from 2021 to Russia" keeps the subject of the claim before it in the
//! paragraph). Actors are countries (named directly, by capital or seat, by demonym), and
//! companies, state enterprises, armed forces and people under their own names, so that "Rosneft
//! shipped 2 million tonnes to India" is Rosneft's claim; the network rolls those up to their
//! states through the mention's `country`. A person in state office acts for the state, and a
//! government body reporting on its own country makes that country the subject.

use sinew_types::{
    Attribution, Claim, DocId, EntityType, Grain, Mention, Quantity, QuantityKind, Sector,
    Sentence, Span, TimeExpr, TimeKind,
};

mod kind;
mod measure;
mod np;
mod select;
mod verbs;
mod voice;

use crate::attribution::modality;
use crate::words::{has_clause_break, strip_possessive, words, Word};
use select::{is_attribute, states_figure};

/// Prepositions that mark the actor after them as the recipient or counterpart.
const TO_PREPS: &[&str] = &["to", "toward", "towards", "into", "for", "on", "with"];
/// Prepositions that mark the actor after them as a location or a modifier, not a party.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "of", "inside", "within", "across", "near", "over", "against",
];
/// Nouns after a possessive actor that make it the recipient ("Russia's imports").
const RECIPIENT_NOUNS: &[&str] = &[
    "imports",
    "import",
    "supplier",
    "suppliers",
    "dependence",
    "reliance",
    "needs",
    "purchases",
    "market",
    "war",
    "economy",
    "military",
    "army",
    "forces",
    "industry",
    "partner",
];
const DETERMINERS: &[&str] = &[
    "the",
    "its",
    "their",
    "a",
    "an",
    "his",
    "her",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "neighbouring",
    "neighboring",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Plain,
    Source,
    Recipient,
}

#[derive(Debug, Clone)]
struct Actor<'m> {
    span: Span,
    /// Canonical name.
    name: &'m str,
    role: Role,
}

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

/// The items (sorted by start) that start inside `span`, found by binary search so that a
/// long document costs no more per figure than a short one.
fn starting_within<T>(items: &[T], span: Span, key: impl Fn(&T) -> Span) -> &[T] {
    let lo = items.partition_point(|i| key(i).start < span.start);
    let hi = items.partition_point(|i| key(i).start < span.end.max(span.start + 1));
    &items[lo..hi.max(lo)]
}

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
            return Built {
                claims,
                capped_at: Some(q.span),
            };
        }
        let clause = clause_of(inp.text, sentence, q.span);
        let mentions = starting_within(inp.mentions, sentence, |m| m.span);
        let attrs: Vec<&Attribution> = starting_within(inp.attributions, sentence, |a| a.span)
            .iter()
            .filter(|a| sentence.contains(a.span))
            .collect();
        let attribution = attrs
            .iter()
            .min_by_key(|a| distance(a.span, q.span))
            .map(|a| a.source.clone());
        if sentence_words.as_ref().is_none_or(|(i, _)| *i != si) {
            sentence_words = Some((si, words(inp.text, sentence.start, sentence.end)));
        }
        let ws: &[Word<'_>] = sentence_words.as_ref().map_or(&[], |(_, ws)| ws);
        let actors = actors_in(inp.text, sentence, mentions, &attrs, ws);
        let flow = flow_verb_before(ws, q.span.start)
            .or_else(|| voice::passive_verb_after(ws, q.span.end, clause.end));

        // "India imported 1.5 million barrels": a physical amount a verb of flow moved is a
        // flow between actors, not an attribute of a thing.
        // The giver must be named in the clause: "..., shipping a record 107 million tonnes"
        // leaves it to a clause this reading does not follow.
        let moved = flow.is_some_and(|v| {
            q.kind == QuantityKind::Measure
                && v.end <= q.span.start
                && clause.start <= v.start
                && actors.iter().any(|a| {
                    a.role == Role::Plain && clause.start <= a.span.start && a.span.end <= v.start
                })
        });
        let (mut subject, mut object) = if is_attribute(q) && !moved {
            (None, None)
        } else {
            parties(inp, &actors, &attrs, ws, flow, q, si)
        };
        // "sent shells to Russia in exchange for $500 million": the figure goes back.
        if flow.is_some_and(|v| {
            v.end <= q.span.start && voice::exchange_between(ws, v.end, q.span.start)
        }) {
            std::mem::swap(&mut subject, &mut object);
        }
        let paragraph = paragraphs.start_of(inp.text, sentence.start);
        if subject.is_none() && object.is_some() {
            if let Some((p, s)) = &last_subject {
                if *p == paragraph && Some(s) != object.as_ref() {
                    subject = Some(s.clone());
                }
            }
        }
        if subject.is_some() && subject == object {
            object = None;
        }
        if let Some(s) = &subject {
            last_subject = Some((paragraph, s.clone()));
        }
        let sentence_times = starting_within(inp.times, sentence, |t| t.span);
        let time = time_for(
            inp.text,
            sentence_times,
            starting_within(inp.quantities, sentence, |r| r.span),
            sentence,
            clause,
            q.span,
        );
        let before = words(inp.text, clause.start, q.span.start);
        let after = words(inp.text, q.span.end, clause.end);
        let trend = kind::trend(q, &before, &after);
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
        let kind = kind::kind_of(
            q,
            &before,
            &after,
            &measure,
            &clause_words,
            ws,
            trend,
            flow.is_some(),
            time.as_ref(),
        );
        let restates = claims
            .last()
            .filter(|c| c.sentence == sentence)
            .and_then(|c| kind::restates(inp.text, &c.quantity, q));
        previous = Some(measure::Previous {
            span: q.span,
            sentence,
            base,
            measure: measure.clone(),
        });
        claims.push(Claim {
            doc: inp.doc.clone(),
            span: q.span,
            sentence,
            quantity: select::with_elided_unit(q, &measure),
            subject,
            object,
            measure,
            time,
            attribution,
            modality: modality(inp.text, clause.start, clause.end),
            kind,
            restates,
        });
    }
    Built {
        claims,
        capped_at: None,
    }
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

/// The clause around `span`: bounded by clause punctuation or the sentence.
fn clause_of(text: &str, sentence: Span, span: Span) -> Span {
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–');
    let before = &text[sentence.start..span.start];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(sentence.start, |(p, c)| sentence.start + p + c.len_utf8());
    let after = &text[span.end..sentence.end];
    let end = after.find(is_break).map_or(sentence.end, |p| span.end + p);
    Span::new(start, end)
}

/// The name an entity is a party to a flow under: a country, or a company, state
/// enterprise, armed force or person under its own name (the network rolls those up to
/// their states through their `country`). Government bodies speak for their country
/// ([`self_report`]) rather than trade; places, agreements and goods are never parties.
///
/// A person who holds state office (sector government or military, or none known) acts for
/// their state, as before: "since Xi Jinping's visit, exports reached ..." is China's figure.
/// A business person, scholar, journalist or international official acts for themselves.
fn actor_name(m: &Mention) -> Option<&str> {
    match m.entity_type {
        EntityType::Country
        | EntityType::Company
        | EntityType::StateEnterprise
        | EntityType::ArmedForce => Some(&m.canonical),
        EntityType::Person => match (m.sector, m.country.as_deref()) {
            (None | Some(Sector::Government | Sector::Military), Some(country)) => Some(country),
            _ => Some(&m.canonical),
        },
        _ => None,
    }
}

/// The country an entity stands for, for "the country" and "its neighbour".
fn actor_country(m: &Mention) -> Option<&str> {
    match m.entity_type {
        EntityType::Country => Some(&m.canonical),
        EntityType::Person => m.country.as_deref(),
        _ => None,
    }
}

fn actors_in<'m>(
    text: &str,
    sentence: Span,
    mentions: &'m [Mention],
    attrs: &[&Attribution],
    ws: &[Word<'_>],
) -> Vec<Actor<'m>> {
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| sentence.contains(m.span)) {
        if attrs.iter().any(|a| a.span.overlaps(m.span)) {
            continue;
        }
        let Some(name) = actor_name(m) else {
            continue;
        };
        let Some(role) = role_of(text, m, ws) else {
            continue;
        };
        out.push(Actor {
            span: m.span,
            name,
            role,
        });
    }
    out
}

/// The role the words around a mention give it; `None` for a location or modifier.
fn role_of(text: &str, m: &Mention, ws: &[Word<'_>]) -> Option<Role> {
    let idx = ws.partition_point(|w| w.end <= m.span.start);
    let mention_end = ws[idx..]
        .iter()
        .take_while(|w| w.start < m.span.end)
        .count()
        + idx;
    // "Russian exports", "Chinese shipments": the actor names who trades, whatever precedes.
    if let Some(next) = ws.get(mention_end) {
        if next.is_any(verbs::SUPPLY_NOUNS) {
            return Some(Role::Plain);
        }
        // "Russian imports from China": the actor before a noun of receipt receives.
        if next.is_any(verbs::RECEIPT_NOUNS) {
            return Some(Role::Recipient);
        }
        // "Zelensky put the number at 11,000", "Ukrainian President Zelensky said": who
        // states a figure is no party to it.
        let speaker = ws[mention_end..]
            .iter()
            .find(|w| !w.text.starts_with(char::is_uppercase))
            .is_some_and(|w| w.is_any(voice::SPEECH_VERBS));
        if speaker {
            return None;
        }
    }
    // A possessive followed, within three words, by a noun of need or purchase
    // ("37% of Russia's imports", "Russia's largest supplier").
    let after_mention = &text[m.span.end..];
    let possessive = after_mention.starts_with("'s")
        || after_mention.starts_with("’s")
        || ws
            .get(idx)
            .is_some_and(|w| strip_possessive(w.text) != w.text);
    if possessive {
        let after = ws.iter().skip_while(|w| w.end <= m.span.end).take(3);
        if after.into_iter().any(|w| w.is_any(RECIPIENT_NOUNS)) {
            return Some(Role::Recipient);
        }
    }
    // Words before the mention, skipping determiners.
    let mut j = idx;
    while j > 0 && ws[j - 1].is_any(DETERMINERS) {
        j -= 1;
    }
    if j > 0 && !has_clause_break(text, ws[j - 1].end, m.span.start) {
        let prev = &ws[j - 1];
        // "Putin visited China", "the EU sanctioned Iran": a host or target, not a party to
        // the figure's goods.
        if prev.is_any(verbs::TIE_WORDS) {
            return None;
        }
        if prev.is("from") {
            return Some(Role::Source);
        }
        // "a visit to the United States", "sanctions on Iran": the host or target of a
        // political tie, not a recipient of goods.
        if prev.is_any(TO_PREPS) && j >= 2 && ws[j - 2].is_any(verbs::TIE_WORDS) {
            return None;
        }
        if prev.is_any(TO_PREPS) {
            return Some(Role::Recipient);
        }
        if prev.is_any(PLACE_PREPS) {
            return None;
        }
    }
    Some(Role::Plain)
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

fn parties(
    inp: &ClaimInputs<'_>,
    actors: &[Actor<'_>],
    attrs: &[&Attribution],
    ws: &[Word<'_>],
    flow: Option<&Word<'_>>,
    q: &Quantity,
    si: usize,
) -> (Option<String>, Option<String>) {
    let sentence = inp.sentences[si].span;
    // "trade between China and Russia"
    if let Some(pair) = between_pair(inp.text, sentence, actors) {
        return pair;
    }
    // Verbs of receipt and the passive put the getter first.
    if let Some(pair) = flow.and_then(|v| voice::directed(ws, actors, v)) {
        if pair.0.is_some() || pair.1.is_some() {
            return pair;
        }
    }
    let plain = |a: &&Actor<'_>| a.role == Role::Plain;
    let subject: Option<&str> = flow
        .and_then(|v| {
            actors
                .iter()
                .rev()
                .filter(plain)
                .find(|a| a.span.end <= v.start)
        })
        // With no verb of flow, the subject is named before the figure or in its clause:
        // "8,000 of them moved into Kursk, where Ukrainian forces hold ..." is not Ukraine's.
        .or_else(|| {
            let clause = clause_of(inp.text, sentence, q.span);
            actors
                .iter()
                .filter(plain)
                .find(|a| a.span.end <= q.span.start || clause.contains(a.span))
        })
        .or_else(|| actors.iter().find(|a| a.role == Role::Source))
        .map(|a| a.name);
    let subject = subject
        .or_else(|| refers_to_country(inp, sentence, q.span, si))
        .map(str::to_string)
        .or_else(|| self_report(inp, attrs));
    let differs = |a: &&Actor<'_>| Some(a.name) != subject.as_deref();
    let recipient = |a: &&Actor<'_>| a.role == Role::Recipient;
    let mut object = actors
        .iter()
        .filter(recipient)
        .filter(differs)
        .find(|a| a.span.start >= q.span.end)
        .or_else(|| actors.iter().filter(recipient).rfind(differs))
        .or_else(|| {
            // "provided Russia with ...", "... that Moscow imports"
            flow.and_then(|v| {
                actors
                    .iter()
                    .filter(plain)
                    .filter(differs)
                    .find(|a| a.span.start >= v.end)
            })
        })
        .map(|a| a.name.to_string());
    if object.is_none() && subject.is_some() && refers_to_neighbour(inp.text, sentence) {
        object = previous_other_country(inp, si, subject.as_deref());
    }
    (subject, object)
}

/// "between X and Y" with two actors.
fn between_pair(
    text: &str,
    sentence: Span,
    actors: &[Actor<'_>],
) -> Option<(Option<String>, Option<String>)> {
    for pair in actors.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = text[a.span.end..b.span.start].trim();
        let before = text[sentence.start..a.span.start].trim_end();
        if (gap == "and" || gap == "&")
            && before.to_lowercase().ends_with("between")
            && a.name != b.name
        {
            // Trade "between" two countries has no direction: name them in a fixed order so that
            // "between Russia and China" and "between China and Russia" are one relation.
            let (x, y) = if a.name <= b.name { (a, b) } else { (b, a) };
            return Some((Some(x.name.to_string()), Some(y.name.to_string())));
        }
    }
    None
}

/// A government body reporting on its own country ("the Russian Ministry of Defense claimed
/// that its factories had delivered ...") makes that country the subject.
fn self_report(inp: &ClaimInputs<'_>, attrs: &[&Attribution]) -> Option<String> {
    attrs
        .iter()
        .filter(|a| {
            matches!(
                a.cue.as_str(),
                "claimed" | "claims" | "said" | "says" | "announced" | "reported" | "stated"
            )
        })
        .find_map(|a| {
            starting_within(inp.mentions, a.source_span, |m| m.span)
                .iter()
                .find(|m| m.span == a.source_span && m.entity_type == EntityType::GovernmentBody)
                .and_then(|m| m.country.clone())
        })
}

fn refers_to_neighbour(text: &str, sentence: Span) -> bool {
    let s = text[sentence.start..sentence.end].to_lowercase();
    [
        "its neighbor",
        "its neighbour",
        "its partner",
        "the neighboring country",
        "the neighbouring country",
    ]
    .iter()
    .any(|p| s.contains(p))
}

/// "the country fired over 50,000 shells": the last country named before the phrase, in
/// this sentence or the three before it.
fn refers_to_country<'a>(
    inp: &ClaimInputs<'a>,
    sentence: Span,
    q: Span,
    si: usize,
) -> Option<&'a str> {
    let before = inp.text[sentence.start..q.start].to_lowercase();
    let at = ["the country", "the nation"]
        .iter()
        .filter_map(|p| before.rfind(p))
        .max()?;
    let from = inp.sentences[si.saturating_sub(3)].span.start;
    let until = sentence.start + at;
    let mentions: &'a [Mention] = inp.mentions;
    starting_within(mentions, Span::new(from, until), |m| m.span)
        .iter()
        .rev()
        .find_map(actor_country)
}

/// The last country named before sentence `si` that is not `subject`.
fn previous_other_country(
    inp: &ClaimInputs<'_>,
    si: usize,
    subject: Option<&str>,
) -> Option<String> {
    let start = inp.sentences[si].span.start;
    let from = inp.sentences[si.saturating_sub(3)].span.start;
    starting_within(inp.mentions, Span::new(from, start), |m| m.span)
        .iter()
        .rev()
        .filter(|m| m.span.end <= start)
        .filter_map(actor_country)
        .find(|c| Some(*c) != subject)
        .map(str::to_string)
}

/// The time expression for a figure: the nearest in its clause, else the nearest in its
/// sentence that no other figure stands between ("By 2023, trade had reached $240 billion, a
/// 26.3% jump from the previous year": the previous year is the 26.3%'s baseline, not the
/// $240 billion's date) unless it opens the sentence ("In 2023, ...", which dates all of it);
/// durations, recurring times ("every month") and clock times without a date ("at 5 pm") are
/// not the time a figure refers to.
fn time_for(
    text: &str,
    times: &[TimeExpr],
    quantities: &[Quantity],
    sentence: Span,
    clause: Span,
    q: Span,
) -> Option<TimeExpr> {
    let candidates = times.iter().filter(|t| {
        let clock = matches!(t.grain, Grain::Hour | Grain::Minute) && t.start_date.is_none();
        !matches!(t.kind, TimeKind::Duration | TimeKind::Set)
            && !clock
            && sentence.contains(t.span)
            && !t.span.overlaps(q)
    });
    let in_clause = candidates
        .clone()
        .filter(|t| clause.contains(t.span))
        .min_by_key(|t| (distance(t.span, q), t.span.start < q.start));
    let opens_sentence = |t: &TimeExpr| {
        let lead = words(text, sentence.start, t.span.start);
        lead.len() <= 1
            && lead
                .iter()
                .all(|w| w.is_any(&["in", "by", "since", "during", "throughout", "until", "from"]))
            && text[t.span.end..sentence.end].starts_with(',')
    };
    let figure_between = |t: &TimeExpr| {
        let (a, b) = if t.span.end <= q.start {
            (t.span.end, q.start)
        } else {
            (q.end, t.span.start)
        };
        quantities.iter().any(|r| {
            !r.vague
                && a <= r.span.start
                && r.span.end <= b
                && !times.iter().any(|t| t.span.overlaps(r.span))
        })
    };
    in_clause
        .or_else(|| {
            candidates
                .filter(|t| opens_sentence(t) || !figure_between(t))
                .min_by_key(|t| (distance(t.span, q), t.span.start < q.start))
        })
        // "between 2021 and 2023" is two TIMEX3 dates; the figure takes the range they state
        .map(|t| crate::times::between_range(text, times, t).unwrap_or_else(|| t.clone()))
}
