//! The network section: the main flows with their latest reconciled figure, the political
//! ties, and the current dependency shares; every line cites the claims or sentences behind it.
//!
//! The flows are the engine's network (the one `sinew graph` shows), not one rebuilt here, so
//! the briefing and the graph never disagree on what flows exist or what they carry.

use std::collections::HashMap;

use sinew_analysis::{format_value, LedgerGroup, PoliticalTie};
use sinew_types::Claim;

use super::picks;
use super::Corpus;
use crate::model::CitedSentence;
use crate::text::squash;

impl Corpus<'_> {
    /// The main flows with their latest figure, the political ties, then the current
    /// dependencies.
    pub(super) fn network_lines(&self) -> Vec<CitedSentence> {
        let net = self.findings.network;
        let claims = self.findings.claims;
        let by_id: HashMap<&str, &LedgerGroup> = self
            .findings
            .ledger
            .groups
            .iter()
            .map(|g| (g.id.as_str(), g))
            .collect();
        let mut out = Vec::new();
        for f in picks::headline_flows(net) {
            let Some(v) = f.headline() else { continue };
            let Some(g) = by_id.get(v.group.as_str()) else {
                continue;
            };
            // A vague figure ("thousands of workers") has no number: it is quoted in the
            // sources' words, never written as one.
            let figure = if v.vague {
                format!("only “{}”, no figure given", v.text)
            } else {
                v.text.clone()
            };
            let mut text = format!(
                "{} {} {} ({}): {figure}",
                squash(&f.from),
                if f.symmetric { "↔" } else { "→" },
                squash(&f.to),
                f.kind.as_str().replace('_', "-"),
            );
            if let Some((start, end)) = v.period {
                match end {
                    Some(e) if e != start => text.push_str(&format!(", {start} to {e}")),
                    _ => text.push_str(&format!(", from {start}")),
                }
            }
            text.push_str(&format!(" ({}): ", g.verdict.as_str()));
            let members = picks::statements(g);
            if let Some(line) = self.claims_line(text, members.iter().map(|i| claims.get(i))) {
                out.push(line);
            }
        }
        for f in picks::political_flows(net) {
            let mut text = format!(
                "{} {} {} (political): ",
                squash(&f.from),
                if f.symmetric { "↔" } else { "→" },
                squash(&f.to)
            );
            // by source number, then position, whatever order the network lists them in
            let mut ties: Vec<(usize, &PoliticalTie)> = picks::ties(f)
                .iter()
                .filter_map(|t| {
                    let doc = *self.numbers.get(&t.doc)?;
                    t.span.slice(self.text(doc)).map(|_| (doc, t))
                })
                .collect();
            ties.sort_by_key(|&(doc, t)| (doc, t.span.start, t.span.end));
            let (mut citations, mut marks) = (Vec::new(), Vec::new());
            for (doc, t) in ties {
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
                speaker: None,
            });
        }
        for d in picks::current_dependencies(net) {
            let text = format!(
                "{} supplies {} of {}'s {}: ",
                squash(&d.supplier),
                format_value(d.share, Some("percent"), None),
                squash(&d.dependent),
                goods_words(&squash(&d.goods), &d.supplier, &d.dependent)
            );
            let members = picks::capped(&d.claims).iter();
            if let Some(line) = self.claims_line(text, members.map(|i| claims.get(i))) {
                out.push(line);
            }
        }
        out
    }

    /// `head` followed by each claim's words and citation, comma-separated, then a full stop;
    /// `None` when no claim's words are in the given documents.
    fn claims_line<'c>(
        &self,
        mut text: String,
        claims: impl Iterator<Item = Option<&'c Claim>>,
    ) -> Option<CitedSentence> {
        let (mut citations, mut marks) = (Vec::new(), Vec::new());
        for c in claims.flatten().filter(|c| self.locate(c).is_some()) {
            if !citations.is_empty() {
                text.push_str(", ");
            }
            self.cite_claim(c, &mut text, &mut citations, &mut marks);
        }
        if citations.is_empty() {
            return None;
        }
        text.push('.');
        Some(CitedSentence {
            text,
            citations,
            marks,
            verbatim: false,
            speaker: None,
        })
    }
}

/// The goods of a dependency line without the share's own wording, which the line says
/// already: "Russia's share of India's crude imports" is "crude imports" in "Russia supplies
/// 40% of India's crude imports".
fn goods_words(goods: &str, supplier: &str, dependent: &str) -> String {
    let mut rest = goods.trim();
    for name in [supplier, dependent] {
        for apostrophe in ["'s ", "’s "] {
            let owned = format!("{}{apostrophe}", name.trim());
            if rest.len() > owned.len()
                && rest
                    .get(..owned.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(&owned))
            {
                rest = rest[owned.len()..].trim_start();
            }
        }
        for lead in ["share of ", "the share of "] {
            if rest.len() > lead.len()
                && rest
                    .get(..lead.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(lead))
            {
                rest = rest[lead.len()..].trim_start();
            }
        }
    }
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::goods_words;

    #[test]
    fn a_dependency_line_names_the_goods_once() {
        assert_eq!(
            goods_words("Kenya's share of Uganda's fuel imports", "Kenya", "Uganda"),
            "fuel imports"
        );
        assert_eq!(
            goods_words("share of Peru's wheat imports", "Canada", "Peru"),
            "wheat imports"
        );
        // goods already plain are left as they are
        assert_eq!(
            goods_words("high-priority products", "China", "Russia"),
            "high-priority products"
        );
    }
}
