//! How was this document made: reported, issued by an official body, written as analysis, or
//! compiled from other outlets? [`source_kind`] reads a document's own cues, so the ledger can
//! count a digest of other reports once instead of as one more independent source.
//!
//! The reader lives in ingest because the question is about the page as published (its
//! title, site, address, generator notes, byline, table of contents, source list and the
//! shape of its text), as junk and near-duplicate detection are, not about what the text
//! says of the world.
//!
//! # The rule
//! Each cue adds its weight to one kind (3: enough alone; 2: strong; 1: weak). A kind whose
//! weights sum to at least [`DECIDES`] is a candidate; the candidate with the greatest sum is
//! the document's kind, a tie going to derivative, then official, then analysis (the kind
//! that counts least as evidence wins a doubt). With no candidate the document is original
//! reporting. Phrase cues ([`cues`]) are read in the title, the address (URL, source, site)
//! and the first and last [`EDGE`] bytes of the text, where generator notes, mastheads,
//! bylines, contents and source lists sit; shape cues ([`shape`]) in one pass over the text.
//!
//! | kind | cue | weight |
//! |---|---|---|
//! | derivative | says it was generated or compiled ("AI-generated", "compiled from") | 3 |
//! | derivative | a digest title ("Daily Brief", "roundup") | 3 |
//! | derivative | a digest masthead in the text | 2 |
//! | derivative | a table of contents with a glossary or source list | 2 |
//! | derivative | three or more short items, half or more, crediting three or more outlets | 3 |
//! | derivative | names 6 or more outlets / 4 or 5 | 3 / 2 |
//! | derivative | credits unnamed reports ("according to reports"): 3 or more times / once | 2 / 1 |
//! | derivative | ends with a list of sources | 1 |
//! | official | a government or intergovernmental address (`.gov`, `gov.uk`, `.int/`) | 3 |
//! | official | a release title ("Press release", "Fact sheet", "Readout", "Statement by") | 3 |
//! | official | release furniture ("For immediate release", "Media contact", "-ENDS-") | 2 |
//! | official | speaks as "we" in a fifth of its sentences, an institution opening it | 2 |
//! | official | "said in a statement" | 1 |
//! | analysis | a commentary or research address (`/opinion/`, think tanks) | 3 |
//! | analysis | a title opening "Opinion:", "Analysis -" / the word elsewhere | 3 / 1 |
//! | analysis | an analyst's byline or closing biography ("X is a senior fellow at") | 3 |
//! | analysis | an opinion disclaimer ("the views expressed are the author's own") | 3 |
//! | analysis | names itself and what it does ("this article examines") | 2 |
//! | analysis | essay headings ("Introduction", "Conclusion"), one each, at most | 2 |
//! | analysis | ten or more sentences, under a tenth crediting anyone | 2 |
//! | analysis | speaks as "we" in a fifth of its sentences, no institution opening it | 1 |
//!
//! A news report quotes statements, names a wire or two and credits most of its sentences
//! to someone, so none of these cues adds up for it: "the ministry said in a statement" is
//! one point of official, an analyst quoted in the body is no byline. The cost is linear in
//! the text: the phrase cues read a bounded edge, the shape one pass.

mod cues;
mod shape;

use sinew_types::{Document, SourceKind};

use cues::*;
use shape::{citations, measure, Shape};

/// How many bytes at each end of the text are searched for phrase cues.
const EDGE: usize = 4096;

/// The weight a kind needs to be chosen over original reporting.
pub(crate) const DECIDES: u32 = 3;

/// Bytes at the text's start where an institution issuing a statement names itself.
const OPENING: usize = 300;

/// The weights each kind gathered and the cues that gave them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Reading {
    official: u32,
    analysis: u32,
    derivative: u32,
    cues: Vec<&'static str>,
}

impl Reading {
    fn add(&mut self, kind: SourceKind, weight: u32, cue: &'static str) {
        match kind {
            SourceKind::Official => self.official += weight,
            SourceKind::Analysis => self.analysis += weight,
            SourceKind::Derivative => self.derivative += weight,
            SourceKind::Original => return,
        }
        self.cues.push(cue);
    }

    /// The rule of the module doc.
    fn kind(&self) -> SourceKind {
        [
            (SourceKind::Derivative, self.derivative),
            (SourceKind::Official, self.official),
            (SourceKind::Analysis, self.analysis),
        ]
        .into_iter()
        .filter(|&(_, w)| w >= DECIDES)
        // the first of the greatest: ties go to the earlier kind
        .fold(None, |best: Option<(SourceKind, u32)>, (k, w)| match best {
            Some((_, b)) if b >= w => best,
            _ => Some((k, w)),
        })
        .map_or(SourceKind::Original, |(k, _)| k)
    }
}

/// How `doc` was made, from its own cues (see the module doc).
pub fn source_kind(doc: &Document) -> SourceKind {
    read(doc).kind()
}

/// Every cue of `doc`, weighed.
fn read(doc: &Document) -> Reading {
    use SourceKind::{Analysis, Derivative, Official};
    let title = doc.title.as_deref().unwrap_or("").trim().to_lowercase();
    let place = [
        doc.url.as_deref(),
        Some(doc.source.as_str()),
        doc.site.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::to_lowercase)
    .collect::<Vec<_>>()
    .join(" ");
    let author = doc.author.as_deref().unwrap_or("").to_lowercase();
    let text = &doc.text;
    let head = text[..floor(text, EDGE.min(text.len()))].to_lowercase();
    let tail = text[floor(text, text.len().saturating_sub(EDGE))..].to_lowercase();
    let edges = format!("{head}\n{tail}");
    let has = |hay: &str, list: &[&str]| list.iter().any(|w| hay.contains(w));
    let count =
        |hay: &str, list: &[&str]| list.iter().map(|w| hay.matches(w).count()).sum::<usize>();
    let shape = measure(text);
    let mut r = Reading::default();

    // derivative
    if has(&edges, GENERATED) {
        r.add(Derivative, 3, "says it was generated or compiled");
    }
    if has(&title, DIGEST_TITLES) {
        r.add(Derivative, 3, "a digest title");
    } else if has(&edges, DIGEST_TITLES) {
        r.add(Derivative, 2, "a digest masthead");
    }
    if has(&edges, CONTENTS) && has(&edges, APPENDICES) {
        r.add(Derivative, 2, "contents with a glossary or source list");
    }
    // a report built on one or two wires credits them paragraph after paragraph; a digest
    // passes on what several outlets said
    if shape.items_citing >= 3 && shape.items_citing * 2 >= shape.items && shape.outlets_cited >= 3
    {
        r.add(Derivative, 3, "short items crediting other outlets");
    }
    match outlets_named(&edges) {
        n if n >= 6 => r.add(Derivative, 3, "names six or more outlets"),
        n if n >= 4 => r.add(Derivative, 2, "names four or five outlets"),
        _ => {}
    }
    match count(&edges, HEARSAY) {
        0 => {}
        1 | 2 => r.add(Derivative, 1, "credits unnamed reports"),
        _ => r.add(Derivative, 2, "credits unnamed reports again and again"),
    }
    if shape.source_list {
        r.add(Derivative, 1, "ends with a list of sources");
    }

    // official
    if has(&place, OFFICIAL_HOSTS) {
        r.add(Official, 3, "a government address");
    }
    if has(&title, OFFICIAL_TITLES) {
        r.add(Official, 3, "a release title");
    }
    let end_mark = text
        .lines()
        .rev()
        .take(12)
        .map(|l| l.trim().to_lowercase())
        .any(|l| l == "###" || l.trim_matches(['-', ' ']) == "ends");
    if has(&edges, RELEASE_MARKS) || end_mark {
        r.add(Official, 2, "press-release furniture");
    }
    if speaks_as_we(&shape) {
        let opening = &head[..floor(&head, OPENING.min(head.len()))];
        if has(&title, INSTITUTIONS) || has(opening, INSTITUTIONS) {
            r.add(Official, 2, "an institution speaking as we");
        } else {
            r.add(Analysis, 1, "an author speaking as we");
        }
    }
    if has(&edges, STATEMENT) {
        r.add(Official, 1, "a statement");
    }

    // analysis
    if has(&place, ANALYSIS_HOSTS) {
        r.add(Analysis, 3, "a commentary or research address");
    }
    if labelled(&title) {
        r.add(Analysis, 3, "a commentary label in the title");
    } else if has(&title, ANALYSIS_TITLES) {
        r.add(Analysis, 1, "a commentary word in the title");
    }
    if has(&author, ANALYST_ROLES) || analyst_byline(text) {
        r.add(Analysis, 3, "an analyst's byline or biography");
    }
    if has(&edges, VIEWS) {
        r.add(Analysis, 3, "an opinion disclaimer");
    }
    if names_itself(&edges) {
        r.add(Analysis, 2, "names itself as an essay");
    }
    if shape.essay_headings > 0 {
        let w = u32::try_from(shape.essay_headings.min(2)).unwrap_or(2);
        r.add(Analysis, w, "essay headings");
    }
    if shape.sentences >= 10 && shape.attributed * 10 < shape.sentences {
        r.add(Analysis, 2, "few sentences credit anyone");
    }
    r
}

/// A fifth or more of five or more sentences speak as "we".
fn speaks_as_we(shape: &Shape) -> bool {
    shape.sentences >= 5 && shape.first_plural * 5 >= shape.sentences
}

/// A title opening with a commentary label and a separator ("Opinion: ", "Analysis - ",
/// "Commentary | ").
fn labelled(title: &str) -> bool {
    ANALYSIS_LABELS.iter().any(|l| {
        title.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with([':', '|', '-', '–', '—'])
        })
    })
}

/// One of the first lines is a byline ("By Ana Ruiz, senior fellow"), or one of the last a
/// biography ("Ana Ruiz is a research fellow at ..."), naming an analyst's role.
fn analyst_byline(text: &str) -> bool {
    let role = |l: &str| ANALYST_ROLES.iter().any(|r| l.contains(r));
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let byline = lines().take(6).any(|l| {
        let lower = l.to_lowercase();
        lower.starts_with("by ") && l.len() <= 200 && role(&lower)
    });
    let bio = lines().rev().take(3).any(|l| {
        let lower = l.to_lowercase();
        let opening = &lower[..floor(&lower, 80.min(lower.len()))];
        [" is a ", " is an ", " is the ", " was a "]
            .iter()
            .any(|w| opening.contains(w))
            && l.len() <= 400
            && role(&lower)
    });
    byline || bio
}

/// "this article examines", "this paper argues": a self-name then, within a few words, what
/// it does.
fn names_itself(lower: &str) -> bool {
    SELF_NAMES.iter().any(|name| {
        lower.match_indices(name).any(|(at, _)| {
            let after = &lower[at + name.len()..];
            let near = &after[..floor(after, 40.min(after.len()))];
            ESSAY_VERBS.iter().any(|v| near.contains(v))
        })
    })
}

/// How many distinct outlets `text` (lower case) names as whole words.
fn outlets_named(text: &str) -> usize {
    let mut cited = vec![false; OUTLETS.len() + 1];
    citations(text, &mut cited);
    cited[..OUTLETS.len()].iter().filter(|&&c| c).count()
}

/// The greatest char boundary of `s` at or below `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
