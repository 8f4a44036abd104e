//! The network the figures describe: actors, flows between them by kind with their volumes
//! over time, and dependency shares; and what-if: cut or scale a flow and see which
//! dependencies fall below a threshold.
//!
//! Built from the ledger, so that each volume and share is a reconciled figure (one group of
//! claims, with its verdict), not a single source's number. A flow is directed from supplier
//! to recipient; trade goes either way and is kept once, its two actors in alphabetical order.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sinew_types::{Claim, DocId, EntityType, MeasureKind, QuantityKind};

use crate::concept::{Concept, FlowKind};
use crate::fmt::format_value;
use crate::hash::FastMap;
use crate::ledger::{Ledger, LedgerGroup, Verdict};
use crate::politics::{PoliticalTie, TieKind};
use crate::words::content_stems;
pub use measure_words::names_aim;
use measure_words::{goods_kinds, goods_of, names_tie};

/// What the network needs to know about a named entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorInfo {
    /// Canonical name, as claims give it.
    pub name: String,
    /// Its type.
    pub entity_type: EntityType,
    /// The state it belongs to or acts for, when known (a company's, a person's): what
    /// [`build_network_by_state`] rolls it up to. Ignored for a country.
    pub country: Option<String>,
}

/// A node: someone who sends, receives or depends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Stable node id (`china`, `north-korea`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Its type, when the store knows it (claims name countries unless told otherwise).
    pub entity_type: EntityType,
    /// The state it belongs to, when the store knows it (`None` for a country).
    pub country: Option<String>,
    /// Claims naming it as subject or object.
    pub claims: usize,
}

/// One figure on a flow: a reconciled group of claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Volume {
    /// The ledger group it comes from.
    pub group: String,
    /// The consensus value, `None` when the sources conflict.
    pub value: Option<f64>,
    /// Least value the sources allow (or state, for a conflict).
    pub low: f64,
    /// Greatest.
    pub high: f64,
    /// Unit.
    pub unit: Option<String>,
    /// Rate period.
    pub per: Option<String>,
    /// What is measured.
    pub measure: String,
    /// When.
    pub period: Option<(NaiveDate, Option<NaiveDate>)>,
    /// How the sources relate.
    pub verdict: Verdict,
    /// Independent sources behind it.
    pub sources: usize,
    /// True when no source gives the figure a number, only a vague amount ("several",
    /// "thousands of"): `text` is then the sources' words, and `value`, `low` and `high` are
    /// only those words' conventional range, never to be shown as a figure.
    pub vague: bool,
    /// The figure in words ("$240.1 billion", "11,000 containers"; for a vague figure the
    /// sources' own, "thousands of workers").
    pub text: String,
}

/// An edge: something moving from one actor to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Stable edge id (`china->russia:dual_use`).
    pub id: String,
    /// Supplier (for trade, the first of the two in alphabetical order).
    pub from: String,
    /// Recipient.
    pub to: String,
    /// What moves.
    pub kind: FlowKind,
    /// True for trade, which goes both ways.
    pub symmetric: bool,
    /// Figures on the flow, earliest first (undated last).
    pub volumes: Vec<Volume>,
    /// Every claim behind the flow (volumes and dependency shares), as indexes into the claims.
    pub claims: Vec<usize>,
    /// Pacts, visits and sanctions (political flows), or, on a goods flow, the unquantified
    /// supplies read from sentences (an exchange's sides), each citing its sentence.
    pub ties: Vec<PoliticalTie>,
    /// Independent sources behind it.
    pub sources: usize,
}

/// One actor's reliance on another for some goods: "China supplies ~90% of Russia's
/// high-priority imports".
#[derive(Debug, Clone, PartialEq)]
pub struct Dependency {
    /// Who depends.
    pub dependent: String,
    /// On whom.
    pub supplier: String,
    /// What kind of goods.
    pub kind: FlowKind,
    /// What the share is of, in the sources' words ("share of Russia's imports of ...").
    pub scope: String,
    /// The goods, without the share's wording ("high-priority products").
    pub goods: String,
    /// True for the latest figure of its kind; false for an earlier one ("32% in 2021"
    /// when "89% in 2023" is known).
    pub current: bool,
    /// The share in percent: the consensus, or the middle of a conflict's range.
    pub share: f64,
    /// Least share the sources allow.
    pub low: f64,
    /// Greatest.
    pub high: f64,
    /// The ledger group it comes from.
    pub group: String,
    /// When.
    pub period: Option<(NaiveDate, Option<NaiveDate>)>,
    /// How the sources relate.
    pub verdict: Verdict,
    /// Independent sources behind it.
    pub sources: usize,
    /// The claims behind it.
    pub claims: Vec<usize>,
}

/// Actors, flows and dependencies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    /// Actors, most claimed first.
    pub actors: Vec<Actor>,
    /// Flows, by id.
    pub flows: Vec<Flow>,
    /// Dependencies, largest share first.
    pub dependencies: Vec<Dependency>,
}

/// A node id from a name: lower case, words joined by `-`.
pub fn node_id(name: &str) -> String {
    let mut out = String::new();
    for w in sinew_types::text::words(name) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

/// Builds the network from a ledger over `claims` and the political `ties` read from the
/// same documents; `actors` gives entity types (names it does not list are taken for
/// countries, which is what claims name).
pub fn build_network(
    ledger: &Ledger,
    claims: &[Claim],
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> Network {
    let traits: Vec<GroupTraits> = ledger
        .groups
        .iter()
        .map(|g| GroupTraits::of(g.claims.iter().map(|m| &claims[m.claim])))
        .collect();
    let mut spelled: BTreeMap<String, usize> = BTreeMap::new();
    for c in claims {
        for name in [&c.subject, &c.object].into_iter().flatten() {
            *spelled.entry(name.clone()).or_default() += 1;
        }
    }
    fold_network(ledger, &traits, &spelled, ties, actors)
}

/// [`build_network`] with every actor that belongs to a state (a company, a state
/// enterprise, an armed force, a person: anything `actors` gives a `country` and that is not a
/// country itself) replaced by that state, so that "Rosneft -> India" and "Russia -> India"
/// are one flow of Russia's. The figures are not summed: each stays a volume of its own on
/// the merged flow, with its ledger group; a flow from an actor to its own state disappears.
/// Sources and claim counts are recounted from the claims, so they stay exact.
pub fn build_network_by_state(
    ledger: &Ledger,
    claims: &[Claim],
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> Network {
    let traits: Vec<GroupTraits> = ledger
        .groups
        .iter()
        .map(|g| GroupTraits::of(g.claims.iter().map(|m| &claims[m.claim])))
        .collect();
    let mut spelled: BTreeMap<String, usize> = BTreeMap::new();
    for c in claims {
        for name in [&c.subject, &c.object].into_iter().flatten() {
            *spelled.entry(name.clone()).or_default() += 1;
        }
    }
    fold_network_by_state(ledger, &traits, &spelled, ties, actors)
}

/// The state each actor rolls up to, by lower-cased name.
fn states_of(actors: &[ActorInfo]) -> BTreeMap<String, &str> {
    actors
        .iter()
        .filter(|a| a.entity_type != EntityType::Country)
        .filter_map(|a| Some((a.name.to_lowercase(), a.country.as_deref()?)))
        .collect()
}

/// [`fold_network`] after replacing every actor that belongs to a state by that state.
pub(crate) fn fold_network_by_state(
    ledger: &Ledger,
    traits: &[GroupTraits],
    spelled: &BTreeMap<String, usize>,
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> Network {
    let states = states_of(actors);
    let state = |name: &str| -> String {
        states
            .get(&name.to_lowercase())
            .map_or_else(|| name.to_string(), |s| s.to_string())
    };
    let mut rolled = ledger.clone();
    for g in &mut rolled.groups {
        g.subject = g.subject.as_deref().map(state);
        g.object = g.object.as_deref().map(state);
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (name, n) in spelled {
        *counts.entry(state(name)).or_default() += n;
    }
    let ties: Vec<PoliticalTie> = ties
        .iter()
        .map(|t| PoliticalTie {
            from: state(&t.from),
            to: state(&t.to),
            ..t.clone()
        })
        .filter(|t| !t.from.eq_ignore_ascii_case(&t.to))
        .collect();
    fold_network(&rolled, traits, &counts, &ties, actors)
}

/// What the network needs to know of a ledger group's claims, kept with the group in the
/// stored analysis (`state.rs`) so that the network is folded without the claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GroupTraits {
    /// Its first claim is a percentage (a share rather than a volume).
    pub(crate) percent: bool,
    /// One of its claims says something moves or is held for another: extraction read a
    /// verb of movement or holding in its clause (`MeasureKind::Flow`/`Stock`: "shipped",
    /// "donated", "has provided"), or its measure names movement or trade. A count of
    /// things that merely exist between two actors ("poses several risks", "faces dozens of
    /// lawsuits") does neither.
    pub(crate) moves: bool,
    /// Every one of its claims is the earlier value of a change its sentence states
    /// (`Claim::changed_to`: "risen from less than 2% ... to more than a third"): a
    /// dependency it gives is never the current one while another of the same goods is.
    pub(crate) earlier: bool,
}

impl GroupTraits {
    /// The traits of a group with these claims, first claim first.
    pub(crate) fn of<'c>(mut claims: impl Iterator<Item = &'c Claim>) -> GroupTraits {
        let Some(first) = claims.next() else {
            return GroupTraits {
                percent: false,
                moves: false,
                earlier: false,
            };
        };
        let moves_in = |c: &Claim| {
            matches!(c.kind, MeasureKind::Flow | MeasureKind::Stock)
                || crate::concept::names_movement(&c.measure)
        };
        let (mut moves, mut earlier) = (moves_in(first), first.changed_to.is_some());
        for c in claims {
            moves = moves || moves_in(c);
            earlier = earlier && c.changed_to.is_some();
        }
        GroupTraits {
            // A fraction is a share in other words (`reading.rs`).
            percent: matches!(
                first.quantity.kind,
                QuantityKind::Percent | QuantityKind::Fraction
            ),
            moves,
            earlier,
        }
    }
}

/// [`build_network`] from what it needs of the claims: for each ledger group its
/// [`GroupTraits`], and how many claims name each actor spelling. This is what the stored
/// per-bucket analysis keeps (`state.rs`), so the network is rebuilt without the claims.
pub(crate) fn fold_network(
    ledger: &Ledger,
    traits: &[GroupTraits],
    spelled: &BTreeMap<String, usize>,
    ties: &[PoliticalTie],
    actors: &[ActorInfo],
) -> Network {
    let types: BTreeMap<String, (EntityType, Option<&String>)> = actors
        .iter()
        .map(|a| {
            let country = a
                .country
                .as_ref()
                .filter(|_| a.entity_type != EntityType::Country);
            (a.name.to_lowercase(), (a.entity_type, country))
        })
        .collect();
    let mut flows: BTreeMap<(String, String, FlowKind), Flow> = BTreeMap::new();
    let mut flow_sources: BTreeMap<(String, String, FlowKind), FastMap<&DocId, ()>> =
        BTreeMap::new();
    let mut dependencies = Vec::new();
    // For each dependency, whether its group is only earlier values (`GroupTraits::earlier`).
    let mut earlier_deps: Vec<bool> = Vec::new();
    // Names that differ only in case are one actor, under the first spelling in order.
    let mut named: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (name, &n) in spelled {
        named
            .entry(name.to_lowercase())
            .or_insert_with(|| (name.to_string(), 0))
            .1 += n;
    }

    // Whether a measure (with its unit) names a tie, an aim or losses, read once per
    // measure: a large ledger's groups share a few thousand measures, and the word lists'
    // reading was a tenth of the fold.
    let mut not_moved: FastMap<(&String, &Option<String>), bool> = FastMap::default();
    for (gi, g) in ledger.groups.iter().enumerate() {
        let (Some(from), Some(to)) = (&g.subject, &g.object) else {
            continue;
        };
        // A figure about a visit, a summit, a pact or sanctions ("500 new sanctions", "a
        // visit worth $2 billion in deals") is about a political tie between the two, which
        // `ties` carries from its sentences; it moves no goods.
        // Losses ("4,000 soldiers killed or wounded") are the actor's own, never a flow.
        if from.eq_ignore_ascii_case(to)
            || *not_moved.entry((&g.measure, &g.unit)).or_insert_with(|| {
                names_tie(&g.measure)
                    || names_aim(&g.measure)
                    || crate::concept::names_losses(&g.measure, g.unit.as_deref())
            })
        {
            continue;
        }
        let members: Vec<usize> = g.claims.iter().map(|m| m.claim).collect();
        let kind = g.kind;
        let GroupTraits {
            percent: is_percent,
            moves,
            earlier,
        } = traits.get(gi).copied().unwrap_or(GroupTraits {
            percent: false,
            moves: true,
            earlier: false,
        });
        let volume = match g.concept {
            // A volume needs a sign that something moves: a clause or measure of movement
            // (`GroupTraits::moves`), goods its words name (the kind) or money (whose kind is
            // trade). A count of something that merely exists between two actors ("poses
            // several risks", "faces dozens of lawsuits") has none: it stays in the ledger and
            // is no flow.
            Concept::Trade | Concept::Flow | Concept::Other
                if !is_percent && (moves || g.kind != FlowKind::Other) =>
            {
                Some(volume(g))
            }
            Concept::Share if is_percent => {
                let Some(goods) = goods_of(&g.measure, to) else {
                    continue;
                };
                let share = g
                    .consensus
                    .value
                    .unwrap_or((g.consensus.low + g.consensus.high) / 2.0);
                dependencies.push(Dependency {
                    dependent: to.clone(),
                    supplier: from.clone(),
                    kind,
                    scope: g.measure.clone(),
                    goods,
                    current: true,
                    share,
                    low: g.consensus.low,
                    high: g.consensus.high,
                    group: g.id.clone(),
                    period: g.period,
                    verdict: g.verdict,
                    sources: g.sources,
                    claims: members.clone(),
                });
                earlier_deps.push(earlier);
                None
            }
            _ => continue,
        };
        let symmetric = g.concept == Concept::Trade;
        let key = (from.to_lowercase(), to.to_lowercase(), kind);
        flow_sources
            .entry(key.clone())
            .or_default()
            .extend(g.claims.iter().map(|m| (&m.source, ())));
        let flow = flows.entry(key).or_insert_with(|| Flow {
            id: format!("{}->{}:{}", node_id(from), node_id(to), kind.as_str()),
            from: from.clone(),
            to: to.clone(),
            kind,
            symmetric,
            volumes: Vec::new(),
            claims: Vec::new(),
            ties: Vec::new(),
            sources: 0,
        });
        flow.symmetric |= symmetric;
        flow.claims.extend(&members);
        if let Some(v) = volume {
            flow.volumes.push(v);
        }
    }

    for t in ties.iter().filter(|t| t.kind == TieKind::Supply) {
        // An unquantified supply ("food, oil and technology" in return for shells): a goods
        // flow of each kind its goods name, citing the sentence, with no volume.
        for kind in goods_kinds(t.goods.as_deref().unwrap_or("")) {
            let key = (t.from.to_lowercase(), t.to.to_lowercase(), kind);
            flow_sources
                .entry(key.clone())
                .or_default()
                .insert(&t.doc, ());
            let flow = flows.entry(key).or_insert_with(|| Flow {
                id: format!("{}->{}:{}", node_id(&t.from), node_id(&t.to), kind.as_str()),
                from: t.from.clone(),
                to: t.to.clone(),
                kind,
                symmetric: false,
                volumes: Vec::new(),
                claims: Vec::new(),
                ties: Vec::new(),
                sources: 0,
            });
            if !flow.ties.contains(t) {
                flow.ties.push(t.clone());
            }
        }
        for name in [&t.from, &t.to] {
            named
                .entry(name.to_lowercase())
                .or_insert_with(|| (name.clone(), 0));
        }
    }
    for t in ties.iter().filter(|t| t.kind != TieKind::Supply) {
        let key = (
            t.from.to_lowercase(),
            t.to.to_lowercase(),
            FlowKind::Political,
        );
        flow_sources
            .entry(key.clone())
            .or_default()
            .insert(&t.doc, ());
        let flow = flows.entry(key).or_insert_with(|| Flow {
            id: format!("{}->{}:political", node_id(&t.from), node_id(&t.to)),
            from: t.from.clone(),
            to: t.to.clone(),
            kind: FlowKind::Political,
            symmetric: true,
            volumes: Vec::new(),
            claims: Vec::new(),
            ties: Vec::new(),
            sources: 0,
        });
        // Pacts go both ways; a visit or sanctions have a direction.
        flow.symmetric &= t.kind == TieKind::Pact;
        if !flow.ties.contains(t) {
            flow.ties.push(t.clone());
        }
        for name in [&t.from, &t.to] {
            named
                .entry(name.to_lowercase())
                .or_insert_with(|| (name.clone(), 0));
        }
    }
    let mut flows: Vec<Flow> = flows
        .into_iter()
        .map(|(key, mut f)| {
            f.sources = flow_sources.get(&key).map_or(0, FastMap::len);
            f
        })
        .collect();
    for f in &mut flows {
        f.claims.sort_unstable();
        f.claims.dedup();
        f.volumes.sort_by(|a, b| {
            let start = |v: &Volume| v.period.map(|p| p.0);
            match (start(a), start(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| a.group.cmp(&b.group))
        });
    }
    mark_current(&mut dependencies, &earlier_deps);
    dependencies.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then_with(|| a.dependent.cmp(&b.dependent))
            .then_with(|| a.supplier.cmp(&b.supplier))
            .then_with(|| a.group.cmp(&b.group))
    });

    let mut actors: Vec<Actor> = named
        .into_values()
        .map(|(name, claims)| {
            let (entity_type, country) = types
                .get(&name.to_lowercase())
                .copied()
                .unwrap_or((EntityType::Country, None));
            Actor {
                id: node_id(&name),
                entity_type,
                country: country.cloned(),
                name,
                claims,
            }
        })
        .collect();
    actors.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.name.cmp(&b.name)));
    Network {
        actors,
        flows,
        dependencies,
    }
}

/// Marks, among dependencies of one dependent on one supplier for the same goods, all but
/// the latest as earlier figures. One whose group holds only the earlier values of changes
/// (`earlier[i]`: "from less than 2% ... to more than a third") is never current: its
/// sentence states the later value.
fn mark_current(deps: &mut [Dependency], earlier: &[bool]) {
    let key = |d: &Dependency| {
        let words: Vec<String> = content_stems(&d.goods).into_iter().collect();
        (
            d.dependent.to_lowercase(),
            d.supplier.to_lowercase(),
            words.join(" "),
        )
    };
    let mut latest: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for (i, d) in deps.iter().enumerate() {
        let end = |d: &Dependency| d.period.map(|(s, e)| e.unwrap_or(s));
        latest
            .entry(key(d))
            .and_modify(|best| {
                let b = &deps[*best];
                let now = |k: usize| !earlier.get(k).copied().unwrap_or(false);
                if (now(i), end(d), d.claims.len(), std::cmp::Reverse(&d.group))
                    > (
                        now(*best),
                        end(b),
                        b.claims.len(),
                        std::cmp::Reverse(&b.group),
                    )
                {
                    *best = i;
                }
            })
            .or_insert(i);
    }
    let keep: Vec<usize> = latest.into_values().collect();
    for (i, d) in deps.iter_mut().enumerate() {
        d.current = keep.contains(&i) && !earlier.get(i).copied().unwrap_or(false);
    }
}

fn volume(g: &LedgerGroup) -> Volume {
    let text = match (&g.consensus.vague, g.consensus.value) {
        (Some(words), _) => words.clone(),
        (None, Some(v)) => format_value(v, g.unit.as_deref(), g.per.as_deref()),
        (None, None) => crate::fmt::format_range(
            g.consensus.low,
            g.consensus.high,
            g.unit.as_deref(),
            g.per.as_deref(),
        ),
    };
    Volume {
        group: g.id.clone(),
        value: g.consensus.value,
        low: g.consensus.low,
        high: g.consensus.high,
        unit: g.unit.clone(),
        per: g.per.clone(),
        measure: g.measure.clone(),
        period: g.period,
        verdict: g.verdict,
        sources: g.sources,
        vague: g.consensus.is_vague(),
        text,
    }
}

impl Flow {
    /// The figure that best stands for the flow now: one with a number before a vague one,
    /// then the latest dated, then the one most sources give.
    pub fn headline(&self) -> Option<&Volume> {
        self.volumes.iter().max_by(|a, b| {
            let end = |v: &Volume| v.period.map(|(s, e)| e.unwrap_or(s));
            b.vague
                .cmp(&a.vague)
                .then(end(a).cmp(&end(b)))
                .then(a.sources.cmp(&b.sources))
                .then_with(|| b.group.cmp(&a.group))
        })
    }
}

/// A change to one flow: cut it (`factor` 0) or scale it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    /// Supplier.
    pub from: String,
    /// Recipient.
    pub to: String,
    /// Only this kind of flow; every kind between the two when `None`.
    pub kind: Option<FlowKind>,
    /// What is left of the flow: 0 cuts it, 0.5 halves it.
    pub factor: f64,
}

/// A dependency under a what-if.
#[derive(Debug, Clone, PartialEq)]
pub struct Affected {
    /// The dependency.
    pub dependency: Dependency,
    /// Share of the dependent's supply (of those goods) left, in percent, if other suppliers
    /// do not make up for it.
    pub supply_left: f64,
    /// True when that falls below the threshold.
    pub below: bool,
    /// Why, in one line.
    pub explanation: String,
}

/// What a cut does.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The change.
    pub cut: Cut,
    /// The threshold, in percent of supply left.
    pub threshold: f64,
    /// The flows the cut applies to, with their volumes.
    pub flows: Vec<Flow>,
    /// The dependencies on the cut flow, least supply left first.
    pub affected: Vec<Affected>,
}

impl WhatIf {
    /// The dependencies whose supply falls below the threshold.
    pub fn below(&self) -> impl Iterator<Item = &Affected> {
        self.affected.iter().filter(|a| a.below)
    }
}

/// Cuts or scales a flow and works out, for each dependency on it, how much of the
/// dependent's supply is left: a supplier with share `s` whose flow keeps `factor` of itself
/// leaves `100 - s * (1 - factor)` percent, other suppliers unchanged.
pub fn what_if(network: &Network, cut: &Cut, threshold: f64) -> WhatIf {
    let factor = cut.factor.clamp(0.0, 1.0);
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b) || node_id(a) == node_id(b);
    let kind_ok = |k: FlowKind| cut.kind.is_none_or(|want| want == k);
    let flows: Vec<Flow> = network
        .flows
        .iter()
        .filter(|f| {
            let forward = is(&f.from, &cut.from) && is(&f.to, &cut.to);
            let back = f.symmetric && is(&f.from, &cut.to) && is(&f.to, &cut.from);
            (forward || back) && kind_ok(f.kind)
        })
        .cloned()
        .collect();
    let mut affected: Vec<Affected> = network
        .dependencies
        .iter()
        .filter(|d| {
            d.current && is(&d.supplier, &cut.from) && is(&d.dependent, &cut.to) && kind_ok(d.kind)
        })
        .map(|d| {
            let share = d.share.clamp(0.0, 100.0);
            let left = 100.0 - share * (1.0 - factor);
            let below = left < threshold;
            let change = if factor == 0.0 {
                "cut".to_string()
            } else {
                format!("scaled to {:.0}%", factor * 100.0)
            };
            let explanation = format!(
                "{} supplies {} of {}'s {} ({}); with that flow {change}, {} keeps {:.0}% of \
                 that supply{}",
                d.supplier,
                format_value(share, Some("percent"), None),
                d.dependent,
                d.goods,
                match (d.sources, d.verdict) {
                    (1, _) => "one source".to_string(),
                    (n, v) => format!("{n} sources, {}", v.as_str()),
                },
                d.dependent,
                left,
                if below {
                    format!(", below the {threshold:.0}% threshold")
                } else {
                    String::new()
                }
            );
            Affected {
                dependency: d.clone(),
                supply_left: left,
                below,
                explanation,
            }
        })
        .collect();
    affected.sort_by(|a, b| {
        a.supply_left
            .total_cmp(&b.supply_left)
            .then_with(|| a.dependency.group.cmp(&b.dependency.group))
    });
    WhatIf {
        cut: Cut {
            factor,
            ..cut.clone()
        },
        threshold,
        flows,
        affected,
    }
}

mod measure_words;
#[cfg(test)]
mod tests;
