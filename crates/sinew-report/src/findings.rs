//! What analysis found over the whole store, as the briefing reads it.
//!
//! The briefing never groups, reconciles or builds a network itself: the engine hands it the
//! ledger and the network it keeps (the same ones `sinew ledger` and `sinew graph` show), the
//! claims those point into, and entity counts over every stored mention with each entity's
//! chosen description. Only the documents the briefing quotes are read whole
//! ([`cited_documents`] says which the figures, disagreements, network lines and glossary
//! need), so its cost is bounded by what it shows, not by the size of the store.

use std::collections::BTreeSet;

use sinew_analysis::{Ledger, Network};
use sinew_types::{Citation, Claim, DocId, EntityType};

use crate::build::{glossary, picks};

/// Analysis results over the whole store, with the claims they index.
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    /// Every ledger group (unfiltered), in the ledger's order: most documents first.
    pub ledger: &'a Ledger,
    /// The claims [`LedgerClaim::claim`](sinew_analysis::LedgerClaim::claim) indexes.
    pub ledger_claims: &'a [Claim],
    /// Actors, flows, dependencies.
    pub network: &'a Network,
    /// The claims `Flow::claims` and `Dependency::claims` index.
    pub network_claims: &'a [Claim],
    /// Entities named in the store with their mention counts, from the store's aggregates.
    pub entities: &'a [EntityCount],
    /// How many documents the store holds (the briefing says how many it quotes of them).
    pub documents: usize,
}

/// How often one entity is mentioned across the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCount {
    /// Stable identifier (`country:china`), as mentions carry it.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Fine-grained type.
    pub entity_type: EntityType,
    /// Mentions across every stored document.
    pub mentions: usize,
    /// What the articles say it is, when one says: the glossary's line for it.
    pub description: Option<Described>,
}

/// An entity's description in an article's words ("Russia's defence minister"), as the store
/// chose it among all that describe the entity, and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// The words as shown (a role title in lower case: "defence minister").
    pub text: String,
    /// The words in their document.
    pub citation: Citation,
}

/// The documents whose words the briefing's figures table, disagreements and network lines
/// cite: pass them (with any others worth quoting) to
/// [`build_briefing`](crate::build_briefing). Their number is bounded by the briefing's own
/// limits on rows, lines and statements per line, whatever the size of the store.
pub fn cited_documents(findings: &Findings<'_>) -> BTreeSet<DocId> {
    let mut out = BTreeSet::new();
    let from_ledger = |i: usize| findings.ledger_claims.get(i).map(|c| c.doc.clone());
    for g in picks::figure_groups(findings.ledger) {
        out.extend(picks::statements(g).into_iter().filter_map(from_ledger));
    }
    for g in picks::disagreement_groups(findings.ledger).take(picks::MAX_DISAGREEMENTS) {
        for camp in picks::camps(g) {
            out.extend(camp.into_iter().filter_map(|m| from_ledger(m.claim)));
        }
    }
    let from_network = |&i: &usize| findings.network_claims.get(i).map(|c| c.doc.clone());
    for f in picks::headline_flows(findings.network) {
        let group = f.headline().map(|v| v.group.as_str());
        if let Some(g) = findings
            .ledger
            .groups
            .iter()
            .find(|g| Some(g.id.as_str()) == group)
        {
            out.extend(picks::statements(g).into_iter().filter_map(from_ledger));
        }
    }
    for f in picks::political_flows(findings.network) {
        out.extend(picks::ties(f).iter().map(|t| t.doc.clone()));
    }
    for d in picks::current_dependencies(findings.network) {
        out.extend(picks::capped(&d.claims).iter().filter_map(from_network));
    }
    out.extend(glossary::described(findings).map(|(_, d)| d.citation.doc.clone()));
    out
}
