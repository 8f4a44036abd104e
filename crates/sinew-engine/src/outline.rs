//! The network without its citations: what a page listing one actor's flows and dependency
//! shares reads (`Engine::network_outline`), apart from the full network view that cuts the
//! words of everything it cites.

use sinew_analysis::Network;

use crate::{Engine, EngineError};

impl Engine {
    /// The stored network's actors, flows and dependency shares alone: [`Engine::network`]
    /// without what cites them (the claims' words, the political ties' sentences, the event
    /// layer), which reads the text of nearly every document. What a page that lists an
    /// actor's flows and shares needs (the entity page); `Flow::claims` and
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

    /// Every stored entity as the network reads an actor: name, type and state.
    pub(crate) fn actor_infos(&self) -> Result<Vec<sinew_analysis::ActorInfo>, EngineError> {
        Ok(self
            .store
            .entities()?
            .into_iter()
            .map(|e| sinew_analysis::ActorInfo {
                name: e.canonical,
                entity_type: e.entity_type,
                country: e.country,
            })
            .collect())
    }
}
