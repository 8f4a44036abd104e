//! Political ties between actors: pacts, sanctions, visits. These come with no figures, so
//! they are read from sentences that name two countries (directly, or through a government
//! body, an armed force or a person in state office that speaks for one) and a word of the
//! tie, each tie citing its sentence. The same sentences give the unquantified sides of an
//! exchange ([`crate::exchange`]: "shells in exchange for food and oil"), kept here as
//! supply ties so that they are stored and cited the same way; the network makes goods
//! flows of those, and only those.

use sinew_types::{Annotations, DocId, EntityType, Sector, Span};

/// What kind of political tie.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum TieKind {
    /// A pact, treaty, agreement or alliance signed or struck: either way.
    Pact,
    /// One side visits the other.
    Visit,
    /// One side sanctions the other.
    Sanctions,
    /// Not political: goods, money or services sent one way with no figure, read from a
    /// sentence (both sides of an exchange). The network makes a goods flow of it.
    Supply,
}

impl TieKind {
    /// `pact`, `visit`, `sanctions` or `supply`.
    pub fn as_str(self) -> &'static str {
        match self {
            TieKind::Pact => "pact",
            TieKind::Visit => "visit",
            TieKind::Sanctions => "sanctions",
            TieKind::Supply => "supply",
        }
    }
}

/// A sentence and the countries it names, for [`political_ties`].
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceActors<'a> {
    /// The document.
    pub doc: &'a DocId,
    /// The document's clean text.
    pub text: &'a str,
    /// The sentence's span in it.
    pub sentence: Span,
    /// Each country named in the sentence (or that a named person or body speaks for), with
    /// the span of the naming words, in text order.
    pub actors: Vec<(String, Span)>,
}

/// A pact, visit or sanctions between two actors, as one sentence states it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PoliticalTie {
    /// The visitor, the side imposing sanctions, or (pacts) the first in alphabetical order.
    pub from: String,
    /// The host, the target, or the other party.
    pub to: String,
    /// What kind.
    pub kind: TieKind,
    /// The document.
    pub doc: DocId,
    /// The sentence stating it.
    pub span: Span,
    /// For a supply tie, what is sent, in the sentence's words ("food, oil and
    /// technology"); `None` for political ties (and in ties stored before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<String>,
}

const PACT: &[&str] = &[
    "pact",
    "treaty",
    "agreement",
    "alliance",
    "accord",
    "partnership",
];
/// A pact word alone may be hypothetical ("any agreement will be ..."); one of these says it
/// was made.
const MADE: &[&str] = &[
    "sign",
    "signed",
    "signing",
    "signs",
    "forged",
    "concluded",
    "struck",
    "ratified",
    "formed",
    "reached",
    "sealed",
];
const VISIT: &[&str] = &["visit", "visits", "visited", "visiting", "trip"];
/// How many words may stand between an actor and the word of the tie.
const NEAR_WORDS: usize = 6;
const SANCTION: &[&str] = &["sanction", "sanctions", "sanctioned", "sanctioning"];
/// Words after which the next country is the host or the target.
const TOWARD: &[&str] = &["to", "in", "on", "against", "visited", "visiting", "visit"];

/// The sentences of one annotated document that name two or more countries, each with the
/// countries named (directly, or by a person or body that speaks for one).
pub fn sentence_actors<'a>(
    doc: &'a DocId,
    text: &'a str,
    ann: &Annotations,
) -> Vec<SentenceActors<'a>> {
    let mut out = Vec::new();
    let mut mentions = ann.mentions.iter().peekable();
    for sentence in &ann.sentences {
        let span = sentence.span;
        let mut actors: Vec<(String, Span)> = Vec::new();
        while let Some(m) = mentions.next_if(|m| m.span.start < span.end) {
            if !span.contains(m.span) {
                continue;
            }
            // Only the state and those who act for it make political ties: a scholar, a
            // journalist or an executive with a country does not.
            let country = match (m.entity_type, m.sector) {
                (EntityType::Country, _) => Some(m.canonical.as_str()),
                (EntityType::GovernmentBody | EntityType::ArmedForce, _) => m.country.as_deref(),
                (EntityType::Person, None | Some(Sector::Government | Sector::Military)) => {
                    m.country.as_deref()
                }
                _ => None,
            };
            if let Some(c) = country.map(str::trim).filter(|c| !c.is_empty()) {
                actors.push((c.to_string(), m.span));
            }
        }
        let distinct = actors
            .iter()
            .map(|(n, _)| n)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if distinct >= 2 {
            out.push(SentenceActors {
                doc,
                text,
                sentence: span,
                actors,
            });
        }
    }
    out
}

/// Ties stated by `sentences`, in input order (an exchange's supply ties first in their
/// sentence). A sentence must name at least two countries.
pub fn political_ties(sentences: &[SentenceActors<'_>]) -> Vec<PoliticalTie> {
    let mut out = Vec::new();
    for s in sentences {
        let Some(text) = s.sentence.slice(s.text) else {
            continue;
        };
        let mut countries: Vec<&str> = Vec::new();
        for (name, _) in &s.actors {
            if !countries.contains(&name.as_str()) {
                countries.push(name);
            }
        }
        if countries.len() < 2 {
            continue;
        }
        out.extend(crate::exchange::exchange_ties(s));
        let words = words_at(text, s.sentence.start);
        let has = |list: &[&str]| words.iter().find(|(w, _)| list.contains(&w.as_str()));
        let mut tie = |from: &str, to: &str, kind: TieKind| {
            if from != to {
                out.push(PoliticalTie {
                    from: from.to_string(),
                    to: to.to_string(),
                    kind,
                    doc: s.doc.clone(),
                    span: s.sentence,
                    goods: None,
                });
            }
        };
        if has(PACT).is_some() && has(MADE).is_some() {
            let (a, b) = (countries[0], countries[1]);
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            tie(a, b, TieKind::Pact);
        }
        for (list, kind) in [(VISIT, TieKind::Visit), (SANCTION, TieKind::Sanctions)] {
            let Some(&(_, at)) = has(list) else {
                continue;
            };
            // The actor just before the word, in the same clause ("Putin's visit", "the US
            // imposed sanctions"), acts; the actor right after it and a word of direction
            // ("visit to North Korea", "sanctions on Iran") is acted on.
            let near = |a: usize, b: usize| {
                words.iter().filter(|(_, p)| (a..b).contains(p)).count() <= NEAR_WORDS
                    && !s.text[a..b].contains([',', ';', ':', '—', '(', ')'])
            };
            let before = s
                .actors
                .iter()
                .rfind(|(_, sp)| sp.end <= at && near(sp.end, at))
                .map(|(n, _)| n.as_str());
            let word_end = at
                + words
                    .iter()
                    .find(|(_, p)| *p == at)
                    .map_or(0, |(w, _)| w.len());
            let after = s
                .actors
                .iter()
                .find(|(_, sp)| sp.start >= word_end)
                .filter(|(_, sp)| {
                    near(word_end, sp.start)
                        && words
                            .iter()
                            .rev()
                            .find(|(_, p)| *p < sp.start)
                            .is_some_and(|(w, _)| TOWARD.contains(&w.as_str()))
                })
                .map(|(n, _)| n.as_str());
            if let (Some(from), Some(to)) = (before, after) {
                tie(from, to, kind);
            }
        }
    }
    out
}

/// Lower-cased words of `text` with their offsets (plus `base`).
fn words_at(text: &str, base: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inner = c.is_alphanumeric() || c == '-';
        match (start, inner) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((text[s..i].to_lowercase(), base + s));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ties(text: &str, actors: &[(&str, &str)]) -> Vec<(String, String, TieKind)> {
        let doc = DocId("d".into());
        let actors = actors
            .iter()
            .map(|(words, name)| {
                let at = text.find(words).expect("actor words in text");
                (name.to_string(), Span::new(at, at + words.len()))
            })
            .collect();
        let input = [SentenceActors {
            doc: &doc,
            text,
            sentence: Span::new(0, text.len()),
            actors,
        }];
        political_ties(&input)
            .into_iter()
            .map(|t| (t.from, t.to, t.kind))
            .collect()
    }

    #[test]
    fn only_the_state_and_its_officials_speak_for_a_country() {
        use sinew_types::{Coarse, Mention, MentionKind, Sentence};
        let text = "Minister Ana Ruiz, analyst Bo Li, Rosneft and Per Olsen met.";
        let person = |words: &str, country: &str, sector: Option<Sector>| {
            let at = text.find(words).expect("words in text");
            Mention {
                span: Span::new(at, at + words.len()),
                text: words.to_string(),
                entity_type: EntityType::Person,
                canonical: words.to_string(),
                id: format!("person:{words}"),
                country: Some(country.to_string()),
                coarse: Coarse::Per,
                sector,
                kind: MentionKind::Name,
            }
        };
        let company = Mention {
            entity_type: EntityType::Company,
            coarse: Coarse::Org,
            ..person("Rosneft", "Russia", Some(Sector::Business))
        };
        let ann = Annotations {
            sentences: vec![Sentence {
                span: Span::new(0, text.len()),
            }],
            mentions: vec![
                person("Ana Ruiz", "Spain", Some(Sector::Government)),
                person("Bo Li", "China", Some(Sector::CivilSociety)),
                company,
                // A person of no known sector acts for their state, as before sectors.
                person("Per Olsen", "Norway", None),
            ],
            ..Annotations::default()
        };
        let doc = DocId("d".into());
        let got = sentence_actors(&doc, text, &ann);
        let names: Vec<&str> = got[0].actors.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Spain", "Norway"]);
    }

    #[test]
    fn pacts_visits_and_sanctions() {
        let t = ties(
            "The signing of a mutual assistance agreement between Russian President Vladimir \
             Putin and North Korean leader Kim Jong-un",
            &[("Russian", "Russia"), ("North Korean", "North Korea")],
        );
        assert_eq!(t, [("North Korea".into(), "Russia".into(), TieKind::Pact)]);
        let t = ties(
            "Putin's visit to North Korea demonstrates the alignment.",
            &[("Putin", "Russia"), ("North Korea", "North Korea")],
        );
        assert_eq!(t, [("Russia".into(), "North Korea".into(), TieKind::Visit)]);
        let t = ties(
            "The United States imposed sanctions on Iran and Russia.",
            &[
                ("United States", "United States"),
                ("Iran", "Iran"),
                ("Russia", "Russia"),
            ],
        );
        assert_eq!(
            t,
            [("United States".into(), "Iran".into(), TieKind::Sanctions)]
        );
        // A hypothetical agreement is no pact; one country is no tie.
        assert!(ties(
            "Any agreement between China and Russia will be an alliance of convenience.",
            &[("China", "China"), ("Russia", "Russia")]
        )
        .is_empty());
        assert!(ties("Russia faces Western sanctions.", &[("Russia", "Russia")]).is_empty());
    }
}
