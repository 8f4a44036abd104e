//! The network without its citations: what a page listing one actor's flows and dependency
//! shares reads (`Engine::network_outline`), apart from the full network view that cuts the
//! words of everything it cites; and the part of it about one actor
//! (`Engine::actor_outline`), read from the buckets that name the actor alone.
//!
//! A flow is keyed by its two actors' names (lower-cased) and kind, and a dependency is one
//! group's share, marked current among those of the same two actors and goods: every group
//! and political tie that makes or changes a flow or dependency of an actor names that actor.
//! So the network folded from those groups and ties alone has the actor's flows and
//! dependencies exactly as the whole network has them (the same spellings, volumes, sources,
//! shares and marks), and the store's flows' index (`AnalysisStore::flow_buckets`) says which
//! buckets hold them. At 100k articles the whole fold took 39 s and 3.8 GB for the first
//! entity page; the actor's read keeps one bucket's state in memory at a time, and of each
//! only the groups naming the actor, which are the only ones parsed: the others are scanned
//! as raw JSON and skipped when their text cannot name the actor
//! (`sinew_analysis::RawState::naming`; a country is party to a third of the buckets, most of
//! them other actors' with a few groups naming it).

use std::collections::BTreeSet;

use sinew_analysis::{node_id, BucketState, Network};

use crate::{Engine, EngineError};

impl Engine {
    /// The stored network's actors, flows and dependency shares alone: [`Engine::network`]
    /// without what cites them (the claims' words, the political ties' sentences, the event
    /// layer), which reads the text of nearly every document. `Flow::claims` and
    /// `Dependency::claims` are left empty, since no claim list comes with it.
    pub fn network_outline(&self) -> Result<Network, EngineError> {
        let analysis = self.analysis()?;
        let actors = self.actor_infos()?;
        let (mut network, _) = sinew_analysis::network_of(analysis.states, &analysis.ties, &actors);
        for f in &mut network.flows {
            f.claims.clear();
        }
        for d in &mut network.dependencies {
            d.claims.clear();
        }
        Ok(network)
    }

    /// The flows and dependency shares of the actor named `actor` (in any case), as
    /// [`Engine::network_outline`] has them: each flow whose two names include the actor's
    /// (lower-cased), each dependency whose dependent or supplier is it, in the same order
    /// and with the same fields. Read from the buckets whose flows name the actor (their
    /// summaries where kept, which hold every group naming two actors) and the political
    /// ties naming it, with pending work laid over them as every reader does. Its `actors`
    /// lists the names its flows and ties give, every actor typed as a country: what the
    /// network's own list says of them needs every actor's claims, which this does not read.
    pub fn actor_outline(&self, actor: &str) -> Result<Network, EngineError> {
        let wanted = actor.to_lowercase();
        let is_it =
            |name: &Option<String>| name.as_ref().is_some_and(|n| n.to_lowercase() == wanted);
        let among = self.store.flow_buckets(&node_id(actor))?;
        let mut states: Vec<BucketState> = Vec::new();
        // Every stored bucket in `among` is read as its summary where kept, with only its
        // groups naming the actor parsed; those recomputed in memory come whole.
        let none = BTreeSet::new();
        let ties = self.each_kept_among(Some(among), Some(&none), Some(actor), |kept| {
            let mut state = kept.into_pairs();
            state.groups.retain(|g| {
                g.group.subject.is_some()
                    && g.group.object.is_some()
                    && (is_it(&g.group.subject) || is_it(&g.group.object))
            });
            if !state.groups.is_empty() {
                state.groups.shrink_to_fit();
                states.push(state);
            }
            Ok(())
        })?;
        let ties: Vec<_> = ties
            .into_iter()
            .filter(|t| t.from.to_lowercase() == wanted || t.to.to_lowercase() == wanted)
            .collect();
        // The order `Engine::analysis` gives: the fold's ledger order breaks no ties by it,
        // but its sort is stable, so the same input order gives the same spellings.
        states.sort_by(|a, b| a.key.cmp(&b.key));
        let (mut network, _) = sinew_analysis::network_of(states, &ties, &[]);
        network
            .flows
            .retain(|f| f.from.to_lowercase() == wanted || f.to.to_lowercase() == wanted);
        network.dependencies.retain(|d| {
            d.dependent.to_lowercase() == wanted || d.supplier.to_lowercase() == wanted
        });
        for f in &mut network.flows {
            f.claims.clear();
        }
        for d in &mut network.dependencies {
            d.claims.clear();
        }
        Ok(network)
    }

    /// Every stored entity as the network reads an actor: name, type and state.
    pub(crate) fn actor_infos(&self) -> Result<Vec<sinew_analysis::ActorInfo>, EngineError> {
        Ok(self
            .store
            .entities_without_aliases()?
            .into_iter()
            .map(|e| sinew_analysis::ActorInfo {
                name: e.canonical,
                entity_type: e.entity_type,
                country: e.country,
            })
            .collect())
    }
}
