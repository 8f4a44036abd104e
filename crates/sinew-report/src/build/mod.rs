//! From analysis results and the documents they cite to a [`Briefing`]: the corpus as the
//! builder sees it, and the order in which the briefing's parts are built (one file per part).
//!
//! The figures table, the disagreements and the network come from the ledger and network the
//! engine hands over ([`Findings`]); rankings (title, glossary order) from entity counts over
//! the whole store. The documents given are only those worth quoting: their sentences make the
//! summary, sections, voices and glossary descriptions.
//!
//! Nothing is written that no span supports: article sentences are quoted verbatim with their
//! span; generated lines are assembled from claim fields, each figure followed by its span.
//! Every span is checked against its document before use, so bad annotations drop items
//! instead of producing broken citations.

mod disagreements;
mod figures;
pub(crate) mod glossary;
mod network;
pub(crate) mod picks;
mod sections;
mod sources;
mod summary;
mod title;
mod voices;

use std::collections::{BTreeSet, HashMap};

use sinew_types::{Citation, Claim, DocId, EntityType, Span};

use crate::findings::Findings;
use crate::model::{Briefing, CitedSentence, DocBundle, ReportConfig};
use crate::text::{cut_at_word, near_duplicate, signature, squash, time_as_written, trim_span};

/// Longest article sentence quoted whole, in bytes; longer ones are cut at a word.
const MAX_QUOTE: usize = 360;

/// Builds the briefing from what analysis found and the documents it may quote. Documents are
/// numbered by publication date, then source name; the same document given twice counts once.
/// A claim or tie whose document is not among `docs` is not cited (and so not shown):
/// [`cited_documents`](crate::cited_documents) names the documents the findings need.
pub fn build_briefing(
    docs: &[DocBundle],
    findings: &Findings<'_>,
    config: &ReportConfig,
) -> Briefing {
    let corpus = Corpus::new(docs, findings);
    let actors = corpus.actor_ranking();
    let top: Vec<&str> = actors.iter().take(3).map(|(n, _)| n.as_str()).collect();

    let title = config
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| title::derive_title(&top, &corpus));

    let mut used = Used::default();
    let figures = corpus.figure_rows();
    let summary = corpus.summary(&figures, &top, &mut used);
    let sections = corpus.sections(&figures, &actors, &mut used);
    let network = corpus.network_lines();
    let disagreements = corpus.disagreements();
    let voices = corpus.voices();
    let glossary = corpus.glossary();

    let period = corpus.period();
    let sources = corpus.sources();

    Briefing {
        title,
        generated: config.generated,
        period,
        summary,
        sections,
        network,
        figures,
        disagreements,
        voices,
        glossary,
        stored: findings.documents.max(sources.len()),
        sources,
    }
}

/// One sentence of one document, as the builder sees it.
struct Sent {
    doc: usize,
    /// The sentence's words, whitespace trimmed.
    span: Span,
    /// Fit to be quoted: a real sentence, not a heading or scrape junk.
    usable: bool,
    /// Countries named in it, canonical, in order of appearance, each once.
    actors: Vec<String>,
    /// Indexes into `Corpus::claims`.
    claims: Vec<usize>,
}

/// Sentences already quoted, so that none is quoted twice in the summary and the sections.
#[derive(Default)]
struct Used {
    sentences: BTreeSet<(usize, usize)>,
    signatures: Vec<BTreeSet<String>>,
}

impl Used {
    fn seen(&self, key: (usize, usize), sig: &BTreeSet<String>) -> bool {
        self.sentences.contains(&key) || self.signatures.iter().any(|s| near_duplicate(s, sig))
    }

    fn add(&mut self, key: (usize, usize), sig: BTreeSet<String>) {
        self.sentences.insert(key);
        self.signatures.push(sig);
    }
}

struct Corpus<'a> {
    /// What analysis found over the whole store.
    findings: Findings<'a>,
    /// Documents in source-number order.
    docs: Vec<&'a DocBundle>,
    /// Sentences of each document, ordered by position.
    sents: Vec<Vec<Sent>>,
    /// Every claim of the documents whose spans are valid, with `doc` set to its bundle's
    /// document: what their sentences say, for choosing sentences to quote.
    claims: Vec<Claim>,
    /// Document number (0-based) by identity.
    numbers: HashMap<DocId, usize>,
}

impl<'a> Corpus<'a> {
    pub(super) fn new(input: &'a [DocBundle], findings: &Findings<'a>) -> Corpus<'a> {
        let mut docs: Vec<&DocBundle> = input.iter().collect();
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

        let mut sents = Vec::with_capacity(docs.len());
        let mut claims = Vec::new();
        for (d, bundle) in docs.iter().enumerate() {
            let text = bundle.doc.text.as_str();
            let mut list = sentence_spans(bundle);
            // countries named in each sentence
            for m in &bundle.ann.mentions {
                if m.entity_type != EntityType::Country
                    || m.span.slice(text) != Some(m.text.as_str())
                {
                    continue;
                }
                if let Some(i) = find_sentence(&list, m.span) {
                    let name = m.canonical.trim();
                    if !name.is_empty() && !list[i].actors.iter().any(|a| a == name) {
                        list[i].actors.push(name.to_string());
                    }
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
            }
            sents.push(list);
        }
        let numbers = docs
            .iter()
            .enumerate()
            .map(|(i, b)| (b.doc.id.clone(), i))
            .collect();
        Corpus {
            findings: *findings,
            docs,
            sents,
            claims,
            numbers,
        }
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

    /// A verbatim quote of sentence `s`, cut at a word with an ellipsis when long; the citation
    /// covers exactly the words shown.
    pub(super) fn quote(&self, s: &Sent) -> Option<CitedSentence> {
        let words = s.span.slice(self.text(s.doc))?;
        let shown = cut_at_word(words, MAX_QUOTE)?;
        let span = Span::new(s.span.start, s.span.start + shown.len());
        let mut text = squash(shown);
        if shown.len() < words.len() {
            text.push_str(" …");
        }
        let mark = text.len();
        Some(CitedSentence {
            text,
            citations: vec![self.citation(s.doc, span)],
            marks: vec![mark],
            verbatim: true,
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
        let usable = quotable(span.slice(text).unwrap_or_default());
        out.push(Sent {
            doc: 0,
            span,
            usable,
            actors: Vec::new(),
            claims: Vec::new(),
        });
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

/// A real sentence, fit to quote: enough words, starts like a sentence, ends like one, not a
/// shouted heading or two paragraphs run together.
fn quotable(s: &str) -> bool {
    let n_words = s.split_whitespace().count();
    if n_words < 6 || s.contains("\n\n") || s.contains("\r\n\r\n") {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '“' | '"' | '‘' | '\'' | '('))
    {
        return false;
    }
    let end = s.trim_end_matches(['”', '"', '’', '\'', ')', '»']);
    if !end.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    lower * 2 > letters
}
