//! What a ledger group's measure words say to the network: a political tie rather than goods
//! ("new sanctions", "visit"), an aim or bound rather than a volume that moved ("the $200
//! billion goal", "a price cap"), the kinds of goods a supply names, and what a share is a
//! share of.

use crate::concept::FlowKind;
use crate::words::content_stems;

/// Words of a political tie: a figure whose measure holds one is about the tie, not goods.
const TIE_STEMS: &[&str] = &[
    "visit",
    "summit",
    "sanction",
    "pact",
    "treaty",
    "agreement",
    "accord",
    "alliance",
    "talk",
    "meet",
    "delegat",
    "embass",
];

/// Does a measure name a political tie ("new sanctions", "visit")?
pub(super) fn names_tie(measure: &str) -> bool {
    content_stems(measure)
        .iter()
        .any(|w| TIE_STEMS.iter().any(|t| w.starts_with(t)))
}

/// The kinds of goods a supply tie's words name, one per kind ("food, oil and technology"
/// -> food, energy, technology), in a fixed order; `Other` when none is known.
pub(super) fn goods_kinds(goods: &str) -> Vec<FlowKind> {
    let mut kinds: Vec<FlowKind> = goods
        .split([',', ';', '/'])
        .flat_map(|part| part.split(" and ").flat_map(|p| p.split(" or ")))
        .map(crate::concept::flow_kind_of_words)
        .collect();
    if kinds.iter().any(|k| *k != FlowKind::Other) {
        kinds.retain(|k| *k != FlowKind::Other);
    }
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        kinds.push(FlowKind::Other);
    }
    kinds
}

/// What a share is a share of, when it says a dependence: the goods, without the share's
/// wording and the dependent's name ("Russian dependence on China for high-priority products"
/// -> "high-priority products", "share of Russia's imports" -> "imports"). `None` for a share
/// of someone's exports (what they sell, not what they rely on) or of nothing named.
pub(super) fn goods_of(measure: &str, dependent: &str) -> Option<String> {
    let lower = measure.to_lowercase();
    let stems = content_stems(measure);
    let says = |w: &str| stems.iter().any(|s| s.starts_with(w));
    if says("export") && !says("import") && !says("depend") && !says("relian") {
        return None;
    }
    let rest = if let Some(p) = lower
        .find(" for ")
        .filter(|_| says("depend") || says("relian"))
    {
        &measure[p + 5..]
    } else if lower.starts_with("share of ") {
        &measure[9..]
    } else {
        measure
    };
    let prefix: String = dependent.to_lowercase().chars().take(4).collect();
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| w.to_lowercase().starts_with(&prefix) && prefix.len() == 4)
    {
        words.remove(0);
    }
    let goods = words.join(" ");
    let meaningful = content_stems(&goods)
        .iter()
        .any(|w| !matches!(w.as_str(), "share" | "dependence" | "reliance" | "percent"));
    meaningful.then_some(goods)
}

/// Words of an aim, a bound or a forecast: a figure whose measure is one ("the $200 billion
/// goal set for 2024", "a price cap of $60", "an export quota", "forecast") says what was
/// meant, allowed or expected, not what moved, so it is no volume of a flow (it stays in
/// the ledger).
const AIM_STEMS: &[&str] = &[
    "goal",
    "target",
    "aim",
    "objectiv",
    "ambition",
    "cap",
    "ceil",
    "limit",
    "quota",
    "forecast",
    "projectio",
    "outlook",
];

/// Does a measure name an aim, a bound or a forecast rather than an amount that moved?
pub fn names_aim(measure: &str) -> bool {
    content_stems(measure).iter().any(|w| {
        AIM_STEMS
            .iter()
            .any(|t| w == t || (t.len() >= 5 && w.starts_with(t)))
    })
}

#[cfg(test)]
mod tests {
    use super::names_aim;

    #[test]
    fn an_aim_a_bound_or_a_forecast_is_named_and_goods_are_not() {
        for m in [
            "goal",
            "trade goals",
            "export target",
            "price cap",
            "ceiling",
            "import quotas",
            "limits on sales",
            "forecast of exports",
            "projections",
        ] {
            assert!(names_aim(m), "{m}");
        }
        for m in [
            "shipments of capacitors",
            "capital flows",
            "plant equipment",
            "infrastructure projects",
            "shipments of drones",
            "aid",
        ] {
            assert!(!names_aim(m), "{m}");
        }
    }
}
