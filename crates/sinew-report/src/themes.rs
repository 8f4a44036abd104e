//! Kinds of flow a section is about, recognised by keywords over a sentence's words and its
//! claims' measures.

/// A kind of flow and the words that signal it (lower-case, whole words).
pub(crate) struct Theme {
    pub(crate) name: &'static str,
    words: &'static [&'static str],
}

/// In order of precedence when a sentence scores equally on two themes.
pub(crate) const THEMES: &[Theme] = &[
    Theme {
        name: "arms and munitions",
        words: &[
            "ammunition",
            "munition",
            "munitions",
            "shell",
            "shells",
            "artillery",
            "missile",
            "missiles",
            "rocket",
            "rockets",
            "weapon",
            "weapons",
            "weaponry",
            "arms",
            "drone",
            "drones",
            "tank",
            "tanks",
            "rounds",
            "projectile",
            "projectiles",
            "armored",
            "armoured",
            "military",
            "warplanes",
            "fighter",
            "jets",
            "nuclear",
            "ballistic",
            "troops",
            "soldiers",
            "battlefield",
        ],
    },
    Theme {
        name: "dual-use goods and technology",
        words: &[
            "dual",
            "technology",
            "technologies",
            "technological",
            "microelectronic",
            "microelectronics",
            "semiconductor",
            "semiconductors",
            "chip",
            "chips",
            "electronics",
            "components",
            "machine",
            "tools",
            "bearings",
            "optical",
            "sensors",
            "radars",
            "satellite",
            "satellites",
            "telecommunications",
            "nitrocellulose",
            "priority",
            "controls",
        ],
    },
    Theme {
        name: "trade and money",
        words: &[
            "trade",
            "trading",
            "traded",
            "export",
            "exports",
            "exported",
            "import",
            "imports",
            "imported",
            "economy",
            "economic",
            "customs",
            "billion",
            "dollars",
            "yuan",
            "ruble",
            "rubles",
            "roubles",
            "payment",
            "payments",
            "bank",
            "banks",
            "investment",
            "investments",
            "turnover",
            "market",
            "supplier",
            "suppliers",
            "goods",
        ],
    },
    Theme {
        name: "energy",
        words: &[
            "oil",
            "gas",
            "pipeline",
            "pipelines",
            "coal",
            "energy",
            "fuel",
            "fuels",
            "lng",
            "crude",
            "petroleum",
            "electricity",
            "refinery",
            "refineries",
        ],
    },
    Theme {
        name: "politics (pacts, sanctions, visits)",
        words: &[
            "pact",
            "agreement",
            "agreements",
            "treaty",
            "sanction",
            "sanctions",
            "sanctioned",
            "visit",
            "visits",
            "visited",
            "summit",
            "talks",
            "alliance",
            "partnership",
            "meeting",
            "met",
            "diplomatic",
            "diplomacy",
            "declaration",
            "signed",
            "signing",
            "cooperation",
            "condemned",
            "alignment",
            "ties",
        ],
    },
];

/// The theme `words` signal most, with its number of hits; `None` when none is signalled.
pub(crate) fn theme_of(words: &[String]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, theme) in THEMES.iter().enumerate() {
        let hits = words
            .iter()
            .filter(|w| theme.words.contains(&w.as_str()))
            .count();
        if hits > 0 && best.is_none_or(|(_, b)| hits > b) {
            best = Some((i, hits));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn themes_by_keywords() {
        for (sentence, expected) in [
            (
                "North Korea shipped 6,700 containers of artillery shells to Russia.",
                Some("arms and munitions"),
            ),
            (
                "China exports dual-use microelectronics and machine tools.",
                Some("dual-use goods and technology"),
            ),
            (
                "Bilateral trade reached $240 billion.",
                Some("trade and money"),
            ),
            ("Russia sells oil and gas to China.", Some("energy")),
            (
                "Putin and Kim signed a mutual defence pact during the visit.",
                Some("politics (pacts, sanctions, visits)"),
            ),
            ("The weather was fine.", None),
        ] {
            let ws: Vec<String> = words(sentence).collect();
            assert_eq!(
                theme_of(&ws).map(|(t, _)| THEMES[t].name),
                expected,
                "{sentence}"
            );
        }
    }
}
