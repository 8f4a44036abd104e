//! The findings a briefing is built from, computed here from hand-annotated documents the way
//! the engine computes them over a store (the report crate itself calls no analysis).

use std::collections::BTreeMap;

use sinew_analysis::{
    build_ledger, build_network, political_ties, sentence_actors, ActorInfo, Ledger, Network,
    SourceDoc,
};
use sinew_report::{
    build_briefing, shown_claims, Briefing, Described, DocBundle, EntityCount, Findings,
    ReportConfig,
};
use sinew_types::{Citation, Claim};

/// Ledger, network and entity counts over some documents, owned.
pub(crate) struct Analysed {
    ledger: Ledger,
    network: Network,
    claims: BTreeMap<usize, Claim>,
    entities: Vec<EntityCount>,
    documents: usize,
}

impl Analysed {
    /// Analyses `docs` (each document once, as a store keeps it).
    pub(crate) fn of(docs: &[DocBundle]) -> Analysed {
        let mut unique: Vec<&DocBundle> = Vec::new();
        for b in docs {
            if !unique.iter().any(|u| u.doc.id == b.doc.id) {
                unique.push(b);
            }
        }
        let mut claims = Vec::new();
        let mut counts: BTreeMap<String, EntityCount> = BTreeMap::new();
        // The first country a mention of each entity gives, as the store keeps it.
        let mut countries: BTreeMap<String, String> = BTreeMap::new();
        let mut sentences = Vec::new();
        for b in &unique {
            for c in &b.ann.claims {
                let mut c = c.clone();
                c.doc = b.doc.id.clone();
                claims.push(c);
            }
            for m in &b.ann.mentions {
                if let Some(c) = &m.country {
                    countries.entry(m.id.clone()).or_insert_with(|| c.clone());
                }
                let e = counts.entry(m.id.clone()).or_insert_with(|| EntityCount {
                    id: m.id.clone(),
                    name: m.canonical.clone(),
                    entity_type: m.entity_type,
                    mentions: 0,
                    description: None,
                    adjective: None,
                });
                e.mentions += 1;
            }
            sentences.extend(sentence_actors(&b.doc.id, &b.doc.text, &b.ann));
        }
        let sources: Vec<SourceDoc> = unique
            .iter()
            .map(|b| SourceDoc {
                id: b.doc.id.clone(),
                name: b.doc.source.clone(),
                published: b.doc.published,
                duplicate_of: b.doc.duplicate_of.clone(),
                kind: b.kind,
            })
            .collect();
        let ledger = build_ledger(&claims, &sources);
        // The store's rule: the description said most often (by lower-case text), then the
        // first said.
        let mut said: BTreeMap<(String, String), (usize, Described)> = BTreeMap::new();
        for b in &unique {
            for d in &b.ann.descriptions {
                let key = (d.entity.clone(), d.text.to_lowercase());
                said.entry(key)
                    .or_insert_with(|| {
                        let citation = Citation {
                            doc: b.doc.id.clone(),
                            source: b.doc.source.clone(),
                            span: d.span,
                        };
                        (
                            0,
                            Described {
                                text: d.text.clone(),
                                citation,
                            },
                        )
                    })
                    .0 += 1;
            }
        }
        for e in counts.values_mut() {
            let mut best: Option<&(usize, Described)> = None;
            for ((entity, _), candidate) in &said {
                if *entity == e.id && best.is_none_or(|b| candidate.0 > b.0) {
                    best = Some(candidate);
                }
            }
            e.description = best.map(|(_, d)| d.clone());
        }
        let entities: Vec<EntityCount> = counts.into_values().collect();
        let actors: Vec<ActorInfo> = entities
            .iter()
            .map(|e| ActorInfo {
                name: e.name.clone(),
                entity_type: e.entity_type,
                country: countries.get(&e.id).cloned(),
            })
            .collect();
        let network = build_network(&ledger, &claims, &political_ties(&sentences), &actors);
        Analysed {
            documents: unique.len(),
            ledger,
            network,
            claims: claims.into_iter().enumerate().collect(),
            entities,
        }
    }

    /// The same findings with only the claims [`shown_claims`] names, as the engine loads
    /// them; and how many claims were left out.
    pub(crate) fn shown_only(&self) -> (Analysed, usize) {
        let shown = shown_claims(&self.ledger, &self.network, None);
        let claims: BTreeMap<usize, Claim> = self
            .claims
            .iter()
            .filter(|(i, _)| shown.contains(i))
            .map(|(&i, c)| (i, c.clone()))
            .collect();
        let left_out = self.claims.len() - claims.len();
        let analysed = Analysed {
            ledger: self.ledger.clone(),
            network: self.network.clone(),
            claims,
            entities: self.entities.clone(),
            documents: self.documents,
        };
        (analysed, left_out)
    }

    /// The same findings with `adjective` as the country `country`'s (the entity layer's
    /// knowledge, which hand-annotated documents lack).
    pub(crate) fn with_adjective(mut self, country: &str, adjective: &str) -> Analysed {
        for e in &mut self.entities {
            if e.name == country {
                e.adjective = Some(adjective.to_string());
            }
        }
        self
    }

    /// The ledger the findings hold.
    pub(crate) fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The claims, by the index the ledger gives.
    pub(crate) fn claims(&self) -> &BTreeMap<usize, Claim> {
        &self.claims
    }

    pub(crate) fn findings(&self) -> Findings<'_> {
        Findings {
            ledger: &self.ledger,
            network: &self.network,
            claims: &self.claims,
            entities: &self.entities,
            documents: self.documents,
            changes: None,
            events: &[],
            event_citations: &[],
        }
    }
}

/// The briefing over `docs`, with findings computed from them.
pub(crate) fn briefing_of(docs: &[DocBundle], config: &ReportConfig) -> Briefing {
    build_briefing(docs, &Analysed::of(docs).findings(), config)
}
