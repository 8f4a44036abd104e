//! The network section: the main flows with their latest reconciled figure, the political
//! ties, and the current dependency shares; every line cites the claims or sentences behind it.

use std::collections::HashMap;

use sinew_analysis::{
    build_network, format_value, political_ties, sentence_actors, Ledger, LedgerGroup,
};

use super::Corpus;
use crate::model::CitedSentence;
use crate::text::squash;

const MAX_NETWORK_FLOWS: usize = 8;
const MAX_NETWORK_DEPENDENCIES: usize = 5;
const MAX_NETWORK_TIES: usize = 4;

impl<'a> Corpus<'a> {
    /// The main flows with their latest figure, then the current dependencies.
    pub(super) fn network_lines(&self, ledger: &Ledger) -> Vec<CitedSentence> {
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
}
