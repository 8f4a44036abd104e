//! From analysis results and the documents they cite to a [`Briefing`]: the corpus as the
//! builder sees it, and the order in which the briefing's parts are built (one file per part).
//!
//! The figures table, the disagreements and the network come from the ledger and network the
//! engine hands over ([`Findings`]); rankings (title, glossary order) from entity counts over
//! the whole store. The documents given are only those worth quoting: their sentences make the
//! judgments' evidence, sections, voices and glossary descriptions.
//!
//! Nothing is written that no span supports: article sentences are quoted verbatim with their
//! span; generated lines are assembled from claim fields, each figure followed by its span.
//! Every span is checked against its document before use, so bad annotations drop items
//! instead of producing broken citations.

mod changes;
mod disagreements;
mod figures;
pub(crate) mod glossary;
mod governments;
mod judgments;
mod network;
mod notes;
pub(crate) mod picks;
mod quotes;
mod sections;
mod sources;
mod timeline;
mod title;
mod trend;
mod voices;

use std::collections::{BTreeSet, HashMap};

use sinew_types::{Citation, Claim, DocId, EntityType, SourceKind, Span};

use crate::findings::Findings;
use crate::model::{Briefing, CitedSentence, DocBundle, ReportConfig};
use crate::text::{near_duplicate, signature, squash, time_as_written, trim_span, words};
use crate::themes::{
    theme_counts, theme_names, theme_of, tie_theme, topic_theme, without_body_names,
};

/// Builds the briefing from what analysis found and the documents it may quote. Documents are
/// numbered by publication date, then source name; the same document given twice counts once.
/// A claim or tie whose document is not among `docs` is not cited (and so not shown):
/// [`cited_documents`](crate::cited_documents) names the documents the findings need.
/// `config` may focus the briefing on a period, an entity or a theme.
pub fn build_briefing(
    docs: &[DocBundle],
    findings: &Findings<'_>,
    config: &ReportConfig,
) -> Briefing {
    let corpus = Corpus::new(docs, findings, config);
    let actors = corpus.actor_ranking();
    let top: Vec<&str> = actors.iter().take(3).map(|(n, _)| n.as_str()).collect();

    let title = config
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| title::derive_title(&top, &corpus));

    let mut used = Used::default();
    let figures = corpus.figure_rows();
    let judgments = corpus.judgments(&mut used);
    let sections = corpus.sections(&figures, &mut used);
    let network = corpus.network_lines();
    let disagreements = corpus.disagreements();
    let voices = corpus.voices();
    let timeline = corpus.timeline(&figures);
    let glossary = corpus.glossary();

    let period = corpus.period();
    let mut b = Briefing {
        title,
        generated: config.generated,
        period,
        focus: focus_line(config),
        changes_since: findings.changes.map(|c| c.since),
        judgments,
        sections,
        network,
        figures,
        disagreements,
        voices,
        timeline,
        glossary,
        stored: findings.documents.max(corpus.docs.len()),
        sources: corpus.sources(),
        notes: Vec::new(),
    };
    b.notes = corpus.notes(&b);
    corpus.count_citations(&mut b);
    b
}

/// What a focused briefing is limited to, in words.
fn focus_line(config: &ReportConfig) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(d) = config.since {
        parts.push(format!("published since {d}"));
    }
    if let Some(e) = config.entity.as_deref().filter(|e| !e.trim().is_empty()) {
        parts.push(format!("about {}", e.trim()));
    }
    if let Some(t) = config.topic.as_deref().filter(|t| !t.trim().is_empty()) {
        match topic_theme(t) {
            Some(i) => parts.push(format!("on {}", theme_names()[i])),
            None => parts.push(format!("on {} (no theme of that name)", t.trim())),
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// One sentence of one document, as the builder sees it.
struct Sent {
    doc: usize,
    /// The sentence's words, whitespace trimmed.
    span: Span,
    /// The words to quote when it stands alone (without a dateline); `None` when it does not
    /// (see `quotes.rs`), or when it is mostly a quotation whose speaker is not named.
    quote: Option<Span>,
    /// Countries named in it, canonical, in order of appearance, each once.
    actors: Vec<String>,
    /// Every entity named in it, canonical, lower case (for `--entity`).
    names: BTreeSet<String>,
    /// Indexes into `Corpus::claims`.
    claims: Vec<usize>,
    /// Extra weight per theme from political ties stated in it.
    tie_bonus: Vec<usize>,
    /// Who speaks in it, when someone is quoted or cited.
    speaker: Option<String>,
}

impl Sent {
    fn usable(&self) -> bool {
        self.quote.is_some()
    }
}

/// Sentences already quoted, so that none is quoted twice under the judgments and in the
/// sections: a sentence quoted with the one before it (when it leans on it) shows both.
#[derive(Default)]
struct Used {
    /// (document, start) of each sentence quoted.
    sentences: BTreeSet<(usize, usize)>,
    /// (document, words shown) of each quote, a passage when it holds the sentence before.
    passages: Vec<(usize, Span)>,
    signatures: Vec<BTreeSet<String>>,
}

impl Used {
    /// Whether `s`'s words are already shown: the sentence itself, a passage holding it, or a
    /// near-duplicate of it.
    fn seen(&self, s: &Sent, sig: &BTreeSet<String>) -> bool {
        self.sentences.contains(&(s.doc, s.span.start))
            || self
                .passages
                .iter()
                .any(|(d, q)| *d == s.doc && q.start <= s.span.start && s.span.end <= q.end)
            || self.signatures.iter().any(|o| near_duplicate(o, sig))
    }

    /// The start of a sentence already quoted that `s`'s passage would show again (the
    /// sentence before it, quoted with it because it leans on that one).
    fn overlapped(&self, s: &Sent) -> Option<usize> {
        let q = s.quote?;
        self.sentences
            .range((s.doc, q.start)..(s.doc, q.end))
            .map(|k| k.1)
            .find(|&start| start != s.span.start)
    }

    fn add(&mut self, s: &Sent, sig: BTreeSet<String>) {
        self.sentences.insert((s.doc, s.span.start));
        if let Some(q) = s.quote {
            self.passages.push((s.doc, q));
        }
        self.signatures.push(sig);
    }
}

struct Corpus<'a> {
    /// What analysis found over the whole store.
    findings: Findings<'a>,
    /// Documents in source-number order (those the focus keeps).
    docs: Vec<&'a DocBundle>,
    /// Sentences of each document, ordered by position.
    sents: Vec<Vec<Sent>>,
    /// Every claim of the documents whose spans are valid, with `doc` set to its bundle's
    /// document: what their sentences say, for choosing sentences to quote.
    claims: Vec<Claim>,
    /// Document number (0-based) by identity.
    numbers: HashMap<DocId, usize>,
    /// The entity the briefing is focused on, lower case.
    entity: Option<String>,
    /// The theme the briefing is focused on.
    topic: Option<usize>,
}

impl<'a> Corpus<'a> {
    pub(super) fn new(
        input: &'a [DocBundle],
        findings: &Findings<'a>,
        config: &ReportConfig,
    ) -> Corpus<'a> {
        let mut docs: Vec<&DocBundle> = input
            .iter()
            .filter(|b| {
                config
                    .since
                    .is_none_or(|s| b.doc.published.is_some_and(|p| p >= s))
            })
            .collect();
        docs.sort_by(|a, b| {
            (
                a.doc.published.is_none(),
                a.doc.published,
                &a.doc.source,
                &a.doc.id,
            )
                .cmp(&(
                    b.doc.published.is_none(),
                    b.doc.published,
                    &b.doc.source,
                    &b.doc.id,
                ))
        });
        docs.dedup_by(|a, b| a.doc.id == b.doc.id);
        let numbers: HashMap<DocId, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, b)| (b.doc.id.clone(), i))
            .collect();
        let entity = config
            .entity
            .as_deref()
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty());
        let topic = config.topic.as_deref().and_then(topic_theme);

        let n_themes = theme_names().len();
        let mut sents = Vec::with_capacity(docs.len());
        let mut claims = Vec::new();
        for (d, bundle) in docs.iter().enumerate() {
            let text = bundle.doc.text.as_str();
            let mut list = sentence_spans(bundle);
            for m in &bundle.ann.mentions {
                if m.span.slice(text) != Some(m.text.as_str()) {
                    continue;
                }
                let Some(i) = find_sentence(&list, m.span) else {
                    continue;
                };
                let name = m.canonical.trim();
                if name.is_empty() {
                    continue;
                }
                list[i].names.insert(name.to_lowercase());
                if m.entity_type == EntityType::Country && !list[i].actors.iter().any(|a| a == name)
                {
                    list[i].actors.push(name.to_string());
                }
            }
            for claim in &bundle.ann.claims {
                let Some(span) = trim_span(text, claim.span) else {
                    continue;
                };
                let mut claim = claim.clone();
                claim.doc = bundle.doc.id.clone();
                claim.span = span;
                if let Some(i) = find_sentence(&list, span) {
                    list[i].claims.push(claims.len());
                    claim.sentence = list[i].span;
                }
                claims.push(claim);
            }
            for s in &mut list {
                s.doc = d;
                s.tie_bonus = vec![0; n_themes];
                s.speaker = voices::speaker(bundle, s.span);
                // a sentence that is mostly a quotation is quoted only with its speaker named
                let words = s.span.slice(text).unwrap_or_default();
                // and one whose speaker is a bare pronoun ("..., he said") only when the
                // attribution names who
                if s.speaker.is_none()
                    && (quotes::quoted_share(words) >= quotes::QUOTATION_SHARE
                        || quotes::pronoun_speaker(words))
                {
                    s.quote = None;
                }
            }
            sents.push(list);
        }
        for f in &findings.network.flows {
            for t in &f.ties {
                let (Some(&d), Some(theme)) = (numbers.get(&t.doc), tie_theme(t.kind)) else {
                    continue;
                };
                if let Some(i) = find_sentence(&sents[d], t.span) {
                    sents[d][i].tie_bonus[theme] += 2;
                }
            }
        }
        Corpus {
            findings: *findings,
            docs,
            sents,
            claims,
            numbers,
            entity,
            topic,
        }
    }

    /// True when the focus keeps sentence `s`: it names the focused entity, if any.
    pub(super) fn in_focus(&self, s: &Sent) -> bool {
        self.entity.as_ref().is_none_or(|e| s.names.contains(e))
    }

    /// True when the focus keeps a figure about `subject` and `object` of theme `theme`.
    pub(super) fn figure_in_focus(
        &self,
        subject: Option<&str>,
        object: Option<&str>,
        theme: Option<usize>,
    ) -> bool {
        let entity_ok = self.entity.as_ref().is_none_or(|e| {
            [subject, object]
                .into_iter()
                .flatten()
                .any(|n| n.trim().to_lowercase() == *e)
        });
        let topic_ok = self.topic.is_none_or(|t| theme == Some(t));
        entity_ok && topic_ok
    }

    /// The theme sentence `s` is about, with its score; `None` when its own words name none.
    /// Its claims' measures and the ties stated in it add weight to themes its words name.
    pub(super) fn sentence_theme(&self, s: &Sent) -> Option<(usize, usize)> {
        let text = s
            .quote
            .and_then(|q| q.slice(self.text(s.doc)))
            .unwrap_or_default();
        let own: Vec<String> = without_body_names(&words(text).collect::<Vec<_>>());
        let mut measures = Vec::new();
        for &c in &s.claims {
            measures.extend(words(&self.claims[c].measure));
        }
        let bonus: Vec<usize> = theme_counts(&measures)
            .into_iter()
            .zip(&s.tie_bonus)
            .map(|(m, t)| m + t)
            .collect();
        theme_of(&own, &bonus)
    }

    /// True when document `doc` is a derivative digest.
    pub(super) fn derivative(&self, doc: usize) -> bool {
        self.docs[doc].kind == SourceKind::Derivative
    }

    pub(super) fn text(&self, doc: usize) -> &'a str {
        self.docs[doc].doc.text.as_str()
    }

    pub(super) fn citation(&self, doc: usize, span: Span) -> Citation {
        let d = &self.docs[doc].doc;
        Citation {
            doc: d.id.clone(),
            source: d.source.clone(),
            span,
        }
    }

    /// A verbatim quote of sentence `s`, whole (without a dateline), with its speaker; `None`
    /// when it does not stand alone.
    pub(super) fn quote(&self, s: &Sent) -> Option<CitedSentence> {
        let span = s.quote?;
        let text = squash(span.slice(self.text(s.doc))?);
        let mark = text.len();
        Some(CitedSentence {
            text,
            citations: vec![self.citation(s.doc, span)],
            marks: vec![mark],
            verbatim: true,
            speaker: s.speaker.clone(),
        })
    }

    pub(super) fn sentence_signature(&self, s: &Sent) -> BTreeSet<String> {
        signature(s.span.slice(self.text(s.doc)).unwrap_or_default())
    }

    /// Where a claim of the findings is in the given documents: its document's number and
    /// its words' span, trimmed; `None` when the document was not given or the span does not
    /// hold words of it.
    pub(super) fn locate(&self, c: &Claim) -> Option<(usize, Span)> {
        let doc = *self.numbers.get(&c.doc)?;
        Some((doc, trim_span(self.text(doc), c.span)?))
    }

    /// A claim's words as written, then a citation mark after them; false (nothing written)
    /// when its words are not in the given documents.
    pub(super) fn cite_claim(
        &self,
        c: &Claim,
        text: &mut String,
        citations: &mut Vec<Citation>,
        marks: &mut Vec<usize>,
    ) -> bool {
        let Some((doc, span)) = self.locate(c) else {
            return false;
        };
        let Some(words) = span.slice(self.text(doc)) else {
            return false;
        };
        text.push_str(&squash(words));
        let notes: Vec<String> = c
            .time
            .iter()
            .map(|t| time_as_written(self.text(doc), t))
            .chain(c.attribution.iter().map(|a| squash(a)))
            .collect();
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        marks.push(text.len());
        citations.push(self.citation(doc, span));
        true
    }

    pub(super) fn doc_number(&self, c: &Citation) -> Option<usize> {
        self.numbers.get(&c.doc).copied()
    }
}

/// The sentence list of a document: its annotated sentences, trimmed, in order, without
/// overlaps; the claims' sentences when none are annotated.
fn sentence_spans(bundle: &DocBundle) -> Vec<Sent> {
    let text = bundle.doc.text.as_str();
    let mut spans: Vec<Span> = bundle
        .ann
        .sentences
        .iter()
        .filter_map(|s| trim_span(text, s.span))
        .collect();
    if spans.is_empty() {
        spans = bundle
            .ann
            .claims
            .iter()
            .filter_map(|c| trim_span(text, c.sentence))
            .collect();
    }
    spans.sort();
    let mut out: Vec<Sent> = Vec::with_capacity(spans.len());
    for span in spans {
        if out.last().is_some_and(|p| p.span.end > span.start) {
            continue;
        }
        out.push(Sent {
            doc: 0,
            span,
            quote: quotes::standalone(text, span),
            actors: Vec::new(),
            names: BTreeSet::new(),
            claims: Vec::new(),
            tie_bonus: Vec::new(),
            speaker: None,
        });
    }
    // a sentence that leans on the one before is quoted with it when together they read whole
    // (`with_previous`, from what `standalone` said of the two)
    let alone: Vec<Option<Span>> = out.iter().map(|s| s.quote).collect();
    for i in 1..out.len() {
        if let (None, Some(first)) = (alone[i], alone[i - 1]) {
            out[i].quote = quotes::after_standalone(text, out[i - 1].span, first, out[i].span);
        }
    }
    out
}

/// The sentence holding `span`, by binary search over sentences ordered by start.
fn find_sentence(sents: &[Sent], span: Span) -> Option<usize> {
    let i = sents
        .partition_point(|s| s.span.start <= span.start)
        .checked_sub(1)?;
    sents[i].span.contains(span).then_some(i)
}
