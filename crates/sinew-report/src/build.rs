//! From documents and annotations to a [`Briefing`].
//!
//! Nothing is written that no span supports: article sentences are quoted verbatim with their
//! span; generated lines are assembled from claim fields, each figure followed by its span.
//! Every span is checked against its document before use, so bad annotations drop items
//! instead of producing broken citations.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sinew_analysis::{
    build_ledger, build_network, format_value, group_figures, political_ties, sentence_actors,
    Ledger, LedgerClaim, LedgerGroup, SourceDoc, Verdict,
};
use sinew_types::{Citation, Claim, DocId, EntityType, Modality, Span};

use crate::model::{
    Briefing, CitedSentence, DocBundle, FigureCell, FigureRow, GlossaryEntry, ReportConfig,
    Section, SourceEntry, Voice,
};
use crate::text::{cut_at_word, near_duplicate, signature, squash, trim_span, words};
use crate::themes::{theme_of, THEMES};

/// Longest article sentence quoted whole, in bytes; longer ones are cut at a word.
const MAX_QUOTE: usize = 360;
const MAX_FIGURE_ROWS: usize = 60;
const MAX_DISAGREEMENTS: usize = 12;
const MAX_NETWORK_FLOWS: usize = 8;
const MAX_NETWORK_DEPENDENCIES: usize = 5;
const MAX_NETWORK_TIES: usize = 4;
const MAX_SECTIONS: usize = 8;
const MAX_SECTION_SENTENCES: usize = 6;
const MAX_SECTION_FIGURES: usize = 5;
const MAX_SUMMARY: usize = 7;
const MAX_SUMMARY_FIGURES: usize = 3;
const MAX_VOICES: usize = 8;
const MAX_VOICE_SENTENCES: usize = 3;
const MAX_GLOSSARY: usize = 24;
const MAX_APPOSITIVE: usize = 240;

/// Builds the briefing over `docs`. Documents are numbered by publication date, then source
/// name; the same document given twice counts once.
pub fn build_briefing(docs: &[DocBundle], config: &ReportConfig) -> Briefing {
    let corpus = Corpus::new(docs);
    let actors = corpus.actor_ranking();
    let top: Vec<&str> = actors.iter().take(3).map(|(n, _)| n.as_str()).collect();

    let title = config
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| derive_title(&top, &corpus));

    let mut used = Used::default();
    let figures = corpus.figure_rows();
    let summary = corpus.summary(&figures, &top, &mut used);
    let sections = corpus.sections(&figures, &actors, &mut used);
    let ledger = corpus.ledger();
    let network = corpus.network_lines(&ledger);
    let disagreements = corpus.disagreements(&ledger);
    let voices = corpus.voices();
    let glossary = corpus.glossary();

    let dates: Vec<_> = corpus.docs.iter().filter_map(|d| d.doc.published).collect();
    let period = dates.iter().min().copied().zip(dates.iter().max().copied());
    let sources = corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, b)| SourceEntry {
            number: i + 1,
            doc: b.doc.id.clone(),
            source: b.doc.source.clone(),
            title: b.doc.title.clone(),
            site: b.doc.site.clone(),
            published: b.doc.published,
            url: b.doc.url.clone(),
        })
        .collect();

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
        sources,
    }
}

fn derive_title(top: &[&str], corpus: &Corpus<'_>) -> String {
    let mut names: Vec<&str> = top.to_vec();
    if names.is_empty() {
        names = corpus
            .entity_ranking()
            .into_iter()
            .take(3)
            .map(|e| e.name)
            .collect();
    }
    if names.is_empty() {
        return "Briefing".to_string();
    }
    names.sort_unstable();
    format!("Briefing: {}", names.join(", "))
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
    /// Documents in source-number order.
    docs: Vec<&'a DocBundle>,
    /// Sentences of each document, ordered by position.
    sents: Vec<Vec<Sent>>,
    /// Every claim whose spans are valid, with `doc` set to its bundle's document.
    claims: Vec<Claim>,
    /// For each claim: (document, sentence index in that document, if any).
    claim_at: Vec<(usize, Option<usize>)>,
    /// Document number (0-based) by identity.
    numbers: HashMap<DocId, usize>,
}

impl<'a> Corpus<'a> {
    fn new(input: &'a [DocBundle]) -> Corpus<'a> {
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
        let mut claim_at = Vec::new();
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
                let at = find_sentence(&list, span);
                if let Some(i) = at {
                    list[i].claims.push(claims.len());
                    claim.sentence = list[i].span;
                }
                claims.push(claim);
                claim_at.push((d, at));
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
            docs,
            sents,
            claims,
            claim_at,
            numbers,
        }
    }

    fn text(&self, doc: usize) -> &'a str {
        self.docs[doc].doc.text.as_str()
    }

    fn citation(&self, doc: usize, span: Span) -> Citation {
        let d = &self.docs[doc].doc;
        Citation {
            doc: d.id.clone(),
            source: d.source.clone(),
            span,
        }
    }

    /// Countries by number of mentions, most first (ties: by name).
    fn actor_ranking(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for b in &self.docs {
            for m in &b.ann.mentions {
                if m.entity_type == EntityType::Country && !m.canonical.trim().is_empty() {
                    *counts.entry(m.canonical.trim()).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(n, c)| (n.to_string(), c))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// A verbatim quote of sentence `s`, cut at a word with an ellipsis when long; the citation
    /// covers exactly the words shown.
    fn quote(&self, s: &Sent) -> Option<CitedSentence> {
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

    fn sentence_signature(&self, s: &Sent) -> BTreeSet<String> {
        signature(s.span.slice(self.text(s.doc)).unwrap_or_default())
    }

    fn figure_rows(&self) -> Vec<FigureRow> {
        let groups = group_figures(&self.claims);
        let mut rows = Vec::new();
        for g in groups.into_iter().take(MAX_FIGURE_ROWS) {
            let mut members = g.members.clone();
            members.sort_by_key(|&i| (self.claim_at[i].0, self.claims[i].span.start, i));
            let cells: Vec<FigureCell> = members
                .iter()
                .filter_map(|&i| self.figure_cell(i))
                .collect();
            if cells.is_empty() {
                continue;
            }
            rows.push(FigureRow {
                subject: g.subject,
                object: g.object,
                measure: g.measure,
                unit: g.unit,
                per: g.per,
                cells,
            });
        }
        rows
    }

    /// The ledger over the corpus's claims: near-duplicates count once, publication dates
    /// order running totals.
    fn ledger(&self) -> Ledger {
        let docs: Vec<SourceDoc> = self
            .docs
            .iter()
            .map(|b| SourceDoc {
                id: b.doc.id.clone(),
                name: b.doc.source.clone(),
                published: b.doc.published,
                duplicate_of: b.doc.duplicate_of.clone(),
            })
            .collect();
        build_ledger(&self.claims, &docs)
    }

    /// True when the claim's span holds words of its document.
    fn quotable_claim(&self, i: usize) -> bool {
        let doc = self.claim_at[i].0;
        self.claims[i].span.slice(self.text(doc)).is_some()
    }

    /// A claim's words as written, then a citation mark after them.
    fn cite_claim(
        &self,
        i: usize,
        text: &mut String,
        citations: &mut Vec<Citation>,
        marks: &mut Vec<usize>,
    ) -> bool {
        let c = &self.claims[i];
        let doc = self.claim_at[i].0;
        let Some(words) = c.span.slice(self.text(doc)) else {
            return false;
        };
        text.push_str(&squash(words));
        let notes: Vec<String> = c
            .time
            .iter()
            .map(|t| squash(&t.text))
            .chain(c.attribution.iter().map(|a| squash(a)))
            .collect();
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        marks.push(text.len());
        citations.push(self.citation(doc, c.span));
        true
    }

    /// "North Korea → Russia, supplies of containers: " for a group.
    fn group_head(g: &LedgerGroup) -> String {
        let mut text = String::new();
        match (&g.subject, &g.object) {
            (Some(s), Some(o)) => text.push_str(&format!("{} → {}, ", squash(s), squash(o))),
            (Some(s), None) => text.push_str(&format!("{}, ", squash(s))),
            (None, Some(o)) => text.push_str(&format!("→ {}, ", squash(o))),
            (None, None) => {}
        }
        text.push_str(&squash(&g.measure));
        if let Some(per) = &g.per {
            text.push_str(&format!(" (per {})", squash(per)));
        }
        text.push_str(": ");
        text
    }

    /// Conflicts, then running totals that changed: each figure cited, each line saying which.
    fn disagreements(&self, ledger: &Ledger) -> Vec<CitedSentence> {
        let mut out = Vec::new();
        for verdict in [Verdict::Conflict, Verdict::Update] {
            for g in ledger.groups.iter().filter(|g| g.verdict == verdict) {
                if out.len() >= MAX_DISAGREEMENTS {
                    return out;
                }
                let mut text = Self::group_head(g);
                let (mut citations, mut marks) = (Vec::new(), Vec::new());
                let camps = g.claims.iter().map(|m| m.camp).max().unwrap_or(0) + 1;
                for camp in 0..camps {
                    if camp > 0 {
                        text.push_str(if verdict == Verdict::Conflict {
                            " vs "
                        } else {
                            " → "
                        });
                    }
                    let mut members: Vec<&LedgerClaim> = g
                        .claims
                        .iter()
                        .filter(|m| m.camp == camp && self.quotable_claim(m.claim))
                        .collect();
                    members.sort_by(|a, b| a.bounds.stated.total_cmp(&b.bounds.stated));
                    for (k, m) in members.into_iter().enumerate() {
                        if k > 0 {
                            text.push_str(", ");
                        }
                        self.cite_claim(m.claim, &mut text, &mut citations, &mut marks);
                    }
                }
                if citations.is_empty() {
                    continue;
                }
                text.push_str(match verdict {
                    Verdict::Conflict => ". The sources contradict each other beyond rounding.",
                    _ => ". A running total that grew between reports: an update, not a contradiction.",
                });
                out.push(CitedSentence {
                    text,
                    citations,
                    marks,
                    verbatim: false,
                });
            }
        }
        out
    }

    /// The main flows with their latest figure, then the current dependencies.
    fn network_lines(&self, ledger: &Ledger) -> Vec<CitedSentence> {
        let mut sentences = Vec::new();
        for b in &self.docs {
            sentences.extend(sentence_actors(&b.doc.id, &b.doc.text, &b.ann));
        }
        let ties = political_ties(&sentences);
        let net = build_network(ledger, &self.claims, &ties, &[]);
        let by_id: HashMap<&str, &LedgerGroup> =
            ledger.groups.iter().map(|g| (g.id.as_str(), g)).collect();
        let mut out = Vec::new();
        let mut flows: Vec<_> = net
            .flows
            .iter()
            .filter(|f| f.headline().is_some())
            .collect();
        flows.sort_by(|a, b| b.sources.cmp(&a.sources).then_with(|| a.id.cmp(&b.id)));
        for f in flows.into_iter().take(MAX_NETWORK_FLOWS) {
            let Some(v) = f.headline() else { continue };
            let Some(g) = by_id.get(v.group.as_str()) else {
                continue;
            };
            let mut text = format!(
                "{} {} {} ({}): {}",
                squash(&f.from),
                if f.symmetric { "↔" } else { "→" },
                squash(&f.to),
                f.kind.as_str().replace('_', "-"),
                v.text
            );
            if let Some((start, end)) = v.period {
                match end {
                    Some(e) if e != start => text.push_str(&format!(", {start} to {e}")),
                    _ => text.push_str(&format!(", from {start}")),
                }
            }
            text.push_str(&format!(" ({}): ", g.verdict.as_str()));
            let (mut citations, mut marks) = (Vec::new(), Vec::new());
            let members = g.claims.iter().filter(|m| self.quotable_claim(m.claim));
            for (k, m) in members.enumerate() {
                if k > 0 {
                    text.push_str(", ");
                }
                self.cite_claim(m.claim, &mut text, &mut citations, &mut marks);
            }
            if citations.is_empty() {
                continue;
            }
            text.push('.');
            out.push(CitedSentence {
                text,
                citations,
                marks,
                verbatim: false,
            });
        }
        let mut political: Vec<_> = net.flows.iter().filter(|f| !f.ties.is_empty()).collect();
        political.sort_by(|a, b| {
            b.ties
                .len()
                .cmp(&a.ties.len())
                .then_with(|| a.id.cmp(&b.id))
        });
        for f in political.into_iter().take(MAX_NETWORK_TIES) {
            let mut text = format!(
                "{} {} {} (political): ",
                squash(&f.from),
                if f.symmetric { "↔" } else { "→" },
                squash(&f.to)
            );
            let (mut citations, mut marks) = (Vec::new(), Vec::new());
            for t in &f.ties {
                let Some(&doc) = self.numbers.get(&t.doc) else {
                    continue;
                };
                if t.span.slice(self.text(doc)).is_none() {
                    continue;
                }
                if !citations.is_empty() {
                    text.push_str(", ");
                }
                text.push_str(t.kind.as_str());
                marks.push(text.len());
                citations.push(self.citation(doc, t.span));
            }
            if citations.is_empty() {
                continue;
            }
            text.push('.');
            out.push(CitedSentence {
                text,
                citations,
                marks,
                verbatim: false,
            });
        }
        for d in net
            .dependencies
            .iter()
            .filter(|d| d.current)
            .take(MAX_NETWORK_DEPENDENCIES)
        {
            let mut text = format!(
                "{} supplies {} of {}'s {}: ",
                squash(&d.supplier),
                format_value(d.share, Some("percent"), None),
                squash(&d.dependent),
                squash(&d.goods)
            );
            let (mut citations, mut marks) = (Vec::new(), Vec::new());
            let members = d.claims.iter().filter(|&&i| self.quotable_claim(i));
            for (k, &i) in members.enumerate() {
                if k > 0 {
                    text.push_str(", ");
                }
                self.cite_claim(i, &mut text, &mut citations, &mut marks);
            }
            if citations.is_empty() {
                continue;
            }
            text.push('.');
            out.push(CitedSentence {
                text,
                citations,
                marks,
                verbatim: false,
            });
        }
        out
    }

    fn figure_cell(&self, i: usize) -> Option<FigureCell> {
        let c = &self.claims[i];
        let doc = self.claim_at[i].0;
        let value = squash(c.span.slice(self.text(doc))?);
        let time = c
            .time
            .as_ref()
            .map(|t| squash(&t.text))
            .filter(|t| !t.is_empty());
        Some(FigureCell {
            value,
            time,
            attribution: c
                .attribution
                .as_ref()
                .map(|a| squash(a))
                .filter(|a| !a.is_empty()),
            hedged: c.modality == Modality::Hedged,
            citation: self.citation(doc, c.span),
        })
    }

    fn summary(&self, figures: &[FigureRow], top: &[&str], used: &mut Used) -> Vec<CitedSentence> {
        let mut out: Vec<CitedSentence> = Vec::new();
        let multi_doc = |r: &FigureRow| {
            r.cells
                .iter()
                .map(|c| &c.citation.doc)
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        };
        let mut lines: Vec<&FigureRow> = figures
            .iter()
            .filter(|r| multi_doc(r))
            .take(MAX_SUMMARY_FIGURES)
            .collect();
        if lines.is_empty() {
            lines = figures
                .iter()
                .filter(|r| r.cells.len() >= 2)
                .take(MAX_SUMMARY_FIGURES)
                .collect();
        }
        out.extend(lines.into_iter().filter_map(figure_line));

        // Extractive: sentences whose claims link top actors, else sentences naming two of
        // them on a theme; best first, taking documents in turn.
        let is_top = |n: &Option<String>| n.as_deref().is_some_and(|n| top.contains(&n));
        let mut scored: Vec<(usize, &Sent)> = Vec::new();
        for s in self.sents.iter().flatten().filter(|s| s.usable) {
            let linking = s
                .claims
                .iter()
                .filter(|&&c| is_top(&self.claims[c].subject) && is_top(&self.claims[c].object))
                .count();
            let named = s
                .actors
                .iter()
                .filter(|a| top.contains(&a.as_str()))
                .count();
            let theme = theme_of(&self.sentence_words(s)).is_some();
            if linking == 0 && !(named >= 2 && theme) {
                continue;
            }
            scored.push((linking * 4 + s.claims.len() + named + usize::from(theme), s));
        }
        scored.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.doc.cmp(&b.1.doc))
                .then(a.1.span.start.cmp(&b.1.span.start))
        });
        let mut by_doc: BTreeMap<usize, Vec<&Sent>> = BTreeMap::new();
        for (_, s) in scored {
            by_doc.entry(s.doc).or_default().push(s);
        }
        let mut queues: Vec<std::vec::IntoIter<&Sent>> =
            by_doc.into_values().map(Vec::into_iter).collect();
        while out.len() < MAX_SUMMARY && !queues.is_empty() {
            queues.retain(|q| q.len() > 0);
            for q in &mut queues {
                if out.len() >= MAX_SUMMARY {
                    break;
                }
                // the next sentence of this document that is not a repeat
                for s in q.by_ref() {
                    let sig = self.sentence_signature(s);
                    let key = (s.doc, s.span.start);
                    if used.seen(key, &sig) {
                        continue;
                    }
                    if let Some(q) = self.quote(s) {
                        used.add(key, sig);
                        out.push(q);
                        break;
                    }
                }
            }
        }
        out
    }

    /// Words a sentence is themed by: its own, plus its claims' measures.
    fn sentence_words(&self, s: &Sent) -> Vec<String> {
        let text = s.span.slice(self.text(s.doc)).unwrap_or_default();
        let mut w: Vec<String> = words(text).collect();
        for &c in &s.claims {
            w.extend(words(&self.claims[c].measure));
        }
        w
    }

    fn sections(
        &self,
        figures: &[FigureRow],
        actors: &[(String, usize)],
        used: &mut Used,
    ) -> Vec<Section> {
        let rank: HashMap<&str, usize> = actors
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.as_str(), i))
            .collect();
        // (pair, theme) -> sentences with their scores
        let mut buckets: BTreeMap<SectionKey, Vec<(usize, &Sent)>> = BTreeMap::new();
        for s in self.sents.iter().flatten().filter(|s| s.usable) {
            let ws = self.sentence_words(s);
            let Some((theme, hits)) = theme_of(&ws) else {
                continue;
            };
            let Some(pair) = self.pair_of(s, &rank) else {
                continue;
            };
            buckets
                .entry((pair, theme))
                .or_default()
                .push((s.claims.len() * 3 + hits, s));
        }
        let mut keys: Vec<(Vec<String>, usize, usize, usize)> = buckets
            .iter()
            .map(|((pair, theme), list)| {
                let docs = list
                    .iter()
                    .map(|(_, s)| s.doc)
                    .collect::<BTreeSet<_>>()
                    .len();
                (pair.clone(), *theme, docs, list.len())
            })
            .collect();
        keys.sort_by(|a, b| {
            b.2.cmp(&a.2)
                .then(b.3.cmp(&a.3))
                .then(a.0.cmp(&b.0))
                .then(a.1.cmp(&b.1))
        });
        // sections of one sentence only when nothing better exists
        if keys.iter().any(|k| k.3 >= 2) {
            keys.retain(|k| k.3 >= 2);
        }

        let mut sections = Vec::new();
        for (pair, theme, _, _) in keys {
            if sections.len() >= MAX_SECTIONS {
                break;
            }
            let mut list = buckets.remove(&(pair.clone(), theme)).unwrap_or_default();
            list.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(a.1.doc.cmp(&b.1.doc))
                    .then(a.1.span.start.cmp(&b.1.span.start))
            });
            let mut chosen: Vec<&Sent> = Vec::new();
            for (_, s) in list {
                if chosen.len() >= MAX_SECTION_SENTENCES {
                    break;
                }
                let sig = self.sentence_signature(s);
                let key = (s.doc, s.span.start);
                if !used.seen(key, &sig) {
                    used.add(key, sig);
                    chosen.push(s);
                }
            }
            if chosen.is_empty() {
                continue;
            }
            // by publication date, then document (numbered by date), then position
            chosen.sort_by_key(|s| (s.doc, s.span.start));
            let sentences: Vec<CitedSentence> =
                chosen.iter().filter_map(|s| self.quote(s)).collect();
            let figures: Vec<CitedSentence> = figures
                .iter()
                .filter(|r| row_pair(r).as_ref() == Some(&pair) && self.row_theme(r) == Some(theme))
                .take(MAX_SECTION_FIGURES)
                .filter_map(figure_line)
                .collect();
            let name = THEMES[theme].name;
            sections.push(Section {
                title: format!("{}: {}", pair.join(" and "), name),
                actors: pair,
                theme: name.to_string(),
                sentences,
                figures,
            });
        }
        sections
    }

    /// The pair of actors a sentence is about: from its claims when they name both, else the
    /// two best-ranked countries it names; sorted by name.
    fn pair_of(&self, s: &Sent, rank: &HashMap<&str, usize>) -> Option<Vec<String>> {
        for &c in &s.claims {
            let claim = &self.claims[c];
            if let (Some(a), Some(b)) = (&claim.subject, &claim.object) {
                let (a, b) = (a.trim(), b.trim());
                if !a.is_empty() && !b.is_empty() && a != b {
                    let mut pair = vec![a.to_string(), b.to_string()];
                    pair.sort();
                    return Some(pair);
                }
            }
        }
        let mut named: Vec<&String> = s.actors.iter().collect();
        named.sort_by_key(|a| {
            (
                rank.get(a.as_str()).copied().unwrap_or(usize::MAX),
                a.as_str(),
            )
        });
        if named.len() < 2 {
            return None;
        }
        let mut pair = vec![named[0].clone(), named[1].clone()];
        pair.sort();
        Some(pair)
    }

    fn row_theme(&self, r: &FigureRow) -> Option<usize> {
        let mut ws: Vec<String> = words(&r.measure).collect();
        for cell in &r.cells {
            if let Some((d, Some(i))) = self
                .doc_number(&cell.citation)
                .map(|d| (d, find_sentence(&self.sents[d], cell.citation.span)))
            {
                let s = &self.sents[d][i];
                ws.extend(words(s.span.slice(self.text(d)).unwrap_or_default()));
            }
        }
        theme_of(&ws).map(|(t, _)| t)
    }

    fn doc_number(&self, c: &Citation) -> Option<usize> {
        self.numbers.get(&c.doc).copied()
    }

    fn voices(&self) -> Vec<Voice> {
        let mut by_source: BTreeMap<String, Vec<&Sent>> = BTreeMap::new();
        for (d, b) in self.docs.iter().enumerate() {
            for a in &b.ann.attributions {
                let source = squash(&a.source);
                if !source.chars().next().is_some_and(char::is_uppercase)
                    || a.span.slice(self.text(d)).is_none()
                {
                    continue;
                }
                let Some(i) = find_sentence(&self.sents[d], a.span) else {
                    continue;
                };
                let s = &self.sents[d][i];
                if s.usable {
                    let list = by_source.entry(source).or_default();
                    if !list.iter().any(|x| x.doc == s.doc && x.span == s.span) {
                        list.push(s);
                    }
                }
            }
        }
        let mut voices: Vec<(String, Vec<&Sent>)> = by_source.into_iter().collect();
        voices.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        voices
            .into_iter()
            .take(MAX_VOICES)
            .filter_map(|(source, list)| {
                let mut sigs: Vec<BTreeSet<String>> = Vec::new();
                let mut sentences = Vec::new();
                for s in list {
                    if sentences.len() >= MAX_VOICE_SENTENCES {
                        break;
                    }
                    let sig = self.sentence_signature(s);
                    if sigs.iter().any(|x| near_duplicate(x, &sig)) {
                        continue;
                    }
                    if let Some(q) = self.quote(s) {
                        sigs.push(sig);
                        sentences.push(q);
                    }
                }
                (!sentences.is_empty()).then_some(Voice { source, sentences })
            })
            .collect()
    }

    /// Entities by mentions, most first; each with where its mentions are, in document order.
    fn entity_ranking(&self) -> Vec<EntityInfo<'a>> {
        let mut by_id: BTreeMap<String, EntityInfo<'a>> = BTreeMap::new();
        let mut first = 0usize;
        for (d, b) in self.docs.iter().enumerate() {
            let text = self.text(d);
            for m in &b.ann.mentions {
                let name = m.canonical.trim();
                if name.is_empty() || m.span.slice(text) != Some(m.text.as_str()) {
                    continue;
                }
                let id = if m.id.trim().is_empty() {
                    format!("{}:{}", m.entity_type.as_str(), name.to_lowercase())
                } else {
                    m.id.clone()
                };
                let e = by_id.entry(id).or_insert_with(|| {
                    first += 1;
                    EntityInfo {
                        name,
                        entity_type: m.entity_type,
                        count: 0,
                        first,
                        at: Vec::new(),
                    }
                });
                e.count += 1;
                if e.at.len() < 6 {
                    e.at.push((d, m.span));
                }
            }
        }
        let mut list: Vec<EntityInfo<'a>> = by_id.into_values().collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
        list
    }

    fn glossary(&self) -> Vec<GlossaryEntry> {
        let mut out = Vec::new();
        let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
        for e in self.entity_ranking() {
            if out.len() >= MAX_GLOSSARY {
                break;
            }
            let description =
                e.at.iter()
                    .filter(|_| !matches!(e.entity_type, EntityType::Country | EntityType::Place))
                    .find_map(|&(d, span)| self.appositive(d, span))
                    .or_else(|| {
                        e.at.iter().find_map(|&(d, span)| {
                            let i = find_sentence(&self.sents[d], span)?;
                            let s = &self.sents[d][i];
                            (s.usable && !used.contains(&(d, s.span.start)))
                                .then(|| self.quote(s))
                                .flatten()
                        })
                    });
            let Some(description) = description else {
                continue;
            };
            if let Some(c) = description.citations.first() {
                if let Some(d) = self.doc_number(c) {
                    if let Some(i) = find_sentence(&self.sents[d], c.span) {
                        used.insert((d, self.sents[d][i].span.start));
                    }
                }
            }
            out.push(GlossaryEntry {
                name: e.name.to_string(),
                entity_type: e.entity_type,
                mentions: e.count,
                description,
            });
        }
        out
    }

    /// "Daniel Salisbury, a visiting research fellow at King's College London": the name and
    /// the appositive clause after it, cited as one span.
    fn appositive(&self, d: usize, mention: Span) -> Option<CitedSentence> {
        let text = self.text(d);
        let i = find_sentence(&self.sents[d], mention)?;
        let sentence = self.sents[d][i].span;
        let rest = text.get(mention.end..sentence.end)?;
        let after = rest.strip_prefix(", ")?;
        let first = after.split_whitespace().next()?.to_lowercase();
        const OPENERS: &[&str] = &[
            "a",
            "an",
            "the",
            "who",
            "director",
            "head",
            "chief",
            "professor",
            "minister",
            "president",
            "leader",
            "secretary",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "senior",
            "former",
            "deputy",
            "founder",
        ];
        if !OPENERS.contains(&first.as_str()) {
            return None;
        }
        // "South Korea and Japan, the main allies ...": the clause describes the whole list
        let before = text.get(sentence.start..mention.start)?.trim_end();
        if [" and", " or"].iter().any(|w| before.ends_with(w)) || before == "and" || before == "or"
        {
            return None;
        }
        let stop = after
            .char_indices()
            .find(|&(_, c)| matches!(c, ',' | ';' | '(' | ')' | '—' | '–' | '“' | '”' | '"'))
            .map_or(after.len(), |(i, _)| i);
        let clause = after[..stop].trim_end().trim_end_matches(['.', '!', '?']);
        if clause.split_whitespace().count() < 2 || clause.len() > MAX_APPOSITIVE {
            return None;
        }
        // "the United States, the European Union, Japan": a list of names, not a description
        if clause
            .split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        {
            return None;
        }
        let end = mention.end + 2 + clause.len();
        let span = Span::new(mention.start, end);
        let shown = span.slice(text)?;
        let text = squash(shown);
        let mark = text.len();
        Some(CitedSentence {
            text,
            citations: vec![self.citation(d, span)],
            marks: vec![mark],
            verbatim: true,
        })
    }
}

/// A section's pair of actors (sorted) and theme index.
type SectionKey = (Vec<String>, usize);

struct EntityInfo<'a> {
    name: &'a str,
    entity_type: EntityType,
    count: usize,
    first: usize,
    at: Vec<(usize, Span)>,
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

fn row_pair(r: &FigureRow) -> Option<Vec<String>> {
    let (a, b) = (r.subject.as_deref()?.trim(), r.object.as_deref()?.trim());
    let mut pair = vec![a.to_string(), b.to_string()];
    pair.sort();
    Some(pair)
}

/// "North Korea → Russia, containers: approximately 6,700 (since August 2023) [1]; over 10,000
/// [1]; more than 11,000 [2]." Every fact is a claim field; every figure is followed by its
/// citation.
fn figure_line(r: &FigureRow) -> Option<CitedSentence> {
    if r.cells.is_empty() {
        return None;
    }
    let mut text = String::new();
    match (&r.subject, &r.object) {
        (Some(s), Some(o)) => text.push_str(&format!("{} → {}, ", squash(s), squash(o))),
        (Some(s), None) => text.push_str(&format!("{}, ", squash(s))),
        (None, Some(o)) => text.push_str(&format!("→ {}, ", squash(o))),
        (None, None) => {}
    }
    let measure = squash(&r.measure);
    text.push_str(if measure.is_empty() {
        "figure"
    } else {
        &measure
    });
    if let Some(per) = &r.per {
        text.push_str(&format!(" (per {})", squash(per)));
    }
    text.push_str(": ");
    let mut citations = Vec::new();
    let mut marks = Vec::new();
    for (i, cell) in r.cells.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(&cell.value);
        let notes: Vec<&str> = cell
            .time
            .iter()
            .chain(cell.attribution.iter())
            .map(String::as_str)
            .chain(cell.hedged.then_some("hedged"))
            .collect();
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        marks.push(text.len());
        citations.push(cell.citation.clone());
    }
    text.push('.');
    Some(CitedSentence {
        text,
        citations,
        marks,
        verbatim: false,
    })
}
