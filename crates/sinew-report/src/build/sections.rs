//! Sections by theme: each article sentence goes to the theme its own words are about (see
//! `themes.rs`), whoever the actors; themes are ordered by weight of evidence (independent
//! documents, then sentences), and so are the sentences within each (figures stated, theme
//! words, ties), with the figures of that theme from the ledger after them.
//!
//! A derivative digest's sentence weighs less than a reporter's, so a digest fills a section
//! only where nothing else says the same.

use std::collections::{BTreeMap, BTreeSet};

use super::figures::figure_line;
use super::{find_sentence, Corpus, Sent, Used};
use crate::model::{CitedSentence, FigureRow, Section};
use crate::text::words;
use crate::themes::{flow_theme, theme_names, theme_of};
use sinew_analysis::FlowKind;

const MAX_SECTION_SENTENCES: usize = 6;
const MAX_SECTION_FIGURES: usize = 5;

impl<'a> Corpus<'a> {
    pub(super) fn sections(&self, figures: &[FigureRow], used: &mut Used) -> Vec<Section> {
        let names = theme_names();
        // theme -> sentences with their weights
        let mut buckets: BTreeMap<usize, Vec<(usize, &Sent)>> = BTreeMap::new();
        for s in self.sents.iter().flatten() {
            if !s.usable() || !self.in_focus(s) {
                continue;
            }
            let Some((theme, score)) = self.sentence_theme(s) else {
                continue;
            };
            if self.topic.is_some_and(|t| t != theme) {
                continue;
            }
            let own = if self.derivative(s.doc) { 0 } else { 2 };
            buckets
                .entry(theme)
                .or_default()
                .push((s.claims.len() * 3 + score + own, s));
        }
        let mut order: Vec<(usize, usize, usize)> = buckets
            .iter()
            .map(|(theme, list)| {
                let docs = list
                    .iter()
                    .filter(|(_, s)| !self.derivative(s.doc))
                    .map(|(_, s)| s.doc)
                    .collect::<BTreeSet<_>>()
                    .len();
                (*theme, docs, list.len())
            })
            .collect();
        order.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));

        // the groups the network shows as a volume or a dependency
        let net = self.findings.network;
        let in_network: BTreeSet<&str> = net
            .flows
            .iter()
            .flat_map(|f| f.volumes.iter().map(|v| v.group.as_str()))
            .chain(net.dependencies.iter().map(|d| d.group.as_str()))
            .collect();
        let mut sections = Vec::new();
        for (theme, _, _) in order {
            let mut list = buckets.remove(&theme).unwrap_or_default();
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
                if used.seen(s, &sig) {
                    continue;
                }
                match used.overlapped(s) {
                    // its passage shows a sentence chosen here alone: the passage, which
                    // says more, takes that one's place
                    Some(start) => {
                        if let Some(at) = chosen
                            .iter()
                            .position(|c| c.doc == s.doc && c.span.start == start)
                        {
                            used.add(s, sig);
                            chosen[at] = s;
                        }
                        // else it was quoted in another part: not shown twice
                    }
                    None => {
                        used.add(s, sig);
                        chosen.push(s);
                    }
                }
            }
            if chosen.is_empty() {
                continue;
            }
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for s in &chosen {
                for a in &s.actors {
                    *counts.entry(a.as_str()).or_default() += 1;
                }
            }
            let mut actors: Vec<(&str, usize)> = counts.into_iter().collect();
            actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let sentences: Vec<CitedSentence> =
                chosen.iter().filter_map(|s| self.quote(s)).collect();
            // a figure without both actors, or an actor trading with itself, says too little
            // here; so does a count of things that neither are goods nor move between the two
            // ("two sovereign states", "several agreements"), which the network leaves out
            let figures: Vec<CitedSentence> = figures
                .iter()
                .filter(|r| r.subject.is_some() && r.object.is_some() && r.subject != r.object)
                .filter(|r| r.kind != FlowKind::Other || in_network.contains(r.group.as_str()))
                .filter(|r| self.row_theme(r) == Some(theme))
                .take(MAX_SECTION_FIGURES)
                .filter_map(figure_line)
                .collect();
            let name = names[theme];
            let mut title = name.to_string();
            if let Some(first) = title.get(..1) {
                title = first.to_uppercase() + &title[1..];
            }
            sections.push(Section {
                title,
                actors: actors
                    .into_iter()
                    .take(3)
                    .map(|(a, _)| a.to_string())
                    .collect(),
                theme: name.to_string(),
                sentences,
                figures,
            });
        }
        sections
    }

    /// The theme of a figures-table row: its measure's words when they name one, else the
    /// kind of flow the ledger gave its group, else the words of the sentences stating it.
    pub(super) fn row_theme(&self, r: &FigureRow) -> Option<usize> {
        let measure: Vec<String> = words(&r.measure).collect();
        if let Some((t, _)) = theme_of(&measure, &[]) {
            return Some(t);
        }
        if let Some(t) = flow_theme(r.kind) {
            return Some(t);
        }
        let mut ws = measure;
        for cell in &r.cells {
            if let Some((d, Some(i))) = self
                .doc_number(&cell.citation)
                .map(|d| (d, find_sentence(&self.sents[d], cell.citation.span)))
            {
                let s = &self.sents[d][i];
                ws.extend(words(s.span.slice(self.text(d)).unwrap_or_default()));
            }
        }
        theme_of(&ws, &[]).map(|(t, _)| t)
    }
}
