//! Descriptions: sentences written for these tests, each with the mentions a tagger would give
//! (so the rules are tested apart from which names the tagger finds), and the descriptions
//! they must give; then sentences that look alike and must give none; and one pass through
//! `annotate` with names the gazetteer knows.

use sinew_nlp::{annotate, find_descriptions, split_sentences};
use sinew_types::{DocId, EntityType, Mention, MentionKind, Span};

use EntityType::*;

/// The names a tagger finds in a sentence, with their types.
type Names<'a> = &'a [(&'a str, EntityType)];

/// A sentence, its names, and the (name, description) pairs it must give.
type Case<'a> = (&'a str, Names<'a>, &'a [(&'a str, &'a str)]);

/// A mention of `words` (its first occurrence) in `text`.
fn mention(text: &str, words: &str, ty: EntityType) -> Mention {
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} in {text:?}"));
    Mention {
        span: Span::new(start, start + words.len()),
        text: words.to_string(),
        entity_type: ty,
        canonical: words.to_string(),
        id: format!("{}:{}", ty.as_str(), words.to_lowercase()),
        country: None,
        coarse: ty.coarse(),
        sector: None,
        kind: MentionKind::Name,
    }
}

/// (described name, description as shown) for each description of `text`, whose mentions are
/// `names`, and checks that every span quotes the text.
fn describe(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, String)> {
    let mut mentions: Vec<Mention> = names.iter().map(|&(w, ty)| mention(text, w, ty)).collect();
    mentions.sort_by_key(|m| m.span.start);
    let sentences = split_sentences(text);
    find_descriptions(text, &sentences, &mentions)
        .into_iter()
        .map(|d| {
            let quoted = &text[d.span.start..d.span.end];
            assert_eq!(
                d.text.to_lowercase(),
                quoted
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
                "{text}"
            );
            let name = mentions
                .iter()
                .find(|m| m.id == d.entity)
                .map(|m| m.text.clone())
                .unwrap_or_default();
            (name, d.text)
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn appositives_titles_and_copular_sentences_give_descriptions() {
    let cases: &[Case<'_>] = &[
        (
            "Andrei Belousov, Russia's defence minister, visited the plant on Monday.",
            &[("Andrei Belousov", Person), ("Russia", Country)],
            &[("Andrei Belousov", "Russia's defence minister")],
        ),
        (
            "The figures come from CSIS, a Washington think tank, which tracks launches.",
            &[("CSIS", ThinkTank), ("Washington", Place)],
            &[("CSIS", "a Washington think tank")],
        ),
        (
            "Inspectors from the IAEA, the UN's nuclear watchdog.",
            &[("IAEA", InternationalOrg), ("UN", InternationalOrg)],
            &[("IAEA", "the UN's nuclear watchdog")],
        ),
        (
            "Defence Minister Maria Lindqvist signed the order.",
            &[("Maria Lindqvist", Person)],
            &[("Maria Lindqvist", "defence minister")],
        ),
        (
            "Talks with Brazilian President Carlos Mendes stalled.",
            &[("Carlos Mendes", Person)],
            &[("Carlos Mendes", "Brazilian president")],
        ),
        (
            "Nordvik Shipping is a Norwegian operator of bulk carriers, and it owns 40 ships.",
            &[("Nordvik Shipping", Company)],
            &[("Nordvik Shipping", "a Norwegian operator of bulk carriers")],
        ),
        (
            "Tomas Berg, a former adviser to the prime minister who now runs a consultancy, \
             disagreed.",
            &[("Tomas Berg", Person)],
            &[("Tomas Berg", "a former adviser to the prime minister")],
        ),
        (
            "A report from the think tank Nordic Policy Forum found gaps.",
            &[("Nordic Policy Forum", ThinkTank)],
            &[("Nordic Policy Forum", "think tank")],
        ),
        (
            "Cargo booked with Danish shipping giant Nordvik Lines rose.",
            &[("Nordvik Lines", Company)],
            &[("Nordvik Lines", "Danish shipping giant")],
        ),
        (
            // Too long: the first of two joined descriptions.
            "Ivan Petrov, a historian of the Arctic fleet and senior researcher at the \
             Institute of Naval Studies in the northern port city, said so.",
            &[("Ivan Petrov", Person)],
            &[("Ivan Petrov", "a historian of the Arctic fleet")],
        ),
        (
            // A title and an appositive for the same person: both are kept, to be counted.
            "Deputy Foreign Minister Li Wen, a career diplomat, arrived late.",
            &[("Li Wen", Person)],
            &[
                ("Li Wen", "deputy foreign minister"),
                ("Li Wen", "a career diplomat"),
            ],
        ),
    ];
    for (text, names, want) in cases {
        assert_eq!(describe(text, names), pairs(want), "{text}");
    }
}

#[test]
fn lookalikes_give_no_description() {
    let cases: &[(&str, Names<'_>)] = &[
        // Lists of names.
        (
            "Japan, the United States and Australia signed.",
            &[
                ("Japan", Country),
                ("United States", Country),
                ("Australia", Country),
            ],
        ),
        (
            "Officials from Acme Corp, Boreal Energy and Cygnus Ltd met.",
            &[
                ("Acme Corp", Company),
                ("Boreal Energy", Company),
                ("Cygnus Ltd", Company),
            ],
        ),
        (
            "Delegates from Mercosur, the EU and ASEAN met.",
            &[
                ("Mercosur", InternationalOrg),
                ("EU", InternationalOrg),
                ("ASEAN", InternationalOrg),
            ],
        ),
        // A fronted phrase and the clause after it.
        (
            "In Brussels, the commission said it would act.",
            &[("Brussels", Place)],
        ),
        (
            "According to Nordvik Shipping, the cargo was seized.",
            &[("Nordvik Shipping", Company)],
        ),
        // A clause, an age, a place, a relative clause.
        ("Tomas Berg, he said, was wrong.", &[("Tomas Berg", Person)]),
        ("Tomas Berg, 64, resigned.", &[("Tomas Berg", Person)]),
        // A lone noun, or words that are not a descriptor, before an organisation's name.
        (
            "Shares of the firm Acme Corp fell.",
            &[("Acme Corp", Company)],
        ),
        ("He said Acme Corp would pay.", &[("Acme Corp", Company)]),
        // Too long, with no joint to cut at.
        (
            "Ivan Petrov, a historian of the long decline of the northern fleet during the \
             years after the collapse, said so.",
            &[("Ivan Petrov", Person)],
        ),
        (
            "Acme Corp, Ohio, makes valves.",
            &[("Acme Corp", Company), ("Ohio", Place)],
        ),
        (
            "Tomas Berg, who resigned in May, declined to comment.",
            &[("Tomas Berg", Person)],
        ),
        // A lone title says too little; an honorific is no role.
        ("President Mendes arrived.", &[("Mendes", Person)]),
        ("Mr Tomas Berg arrived.", &[("Tomas Berg", Person)]),
        // Countries get no appositive: this one is a claim, not a definition.
        (
            "Brazil, the largest buyer of the fertiliser, objected.",
            &[("Brazil", Country)],
        ),
        // "is" not after the opening name, or not before an article.
        (
            "The plan by Acme Corp is a mistake.",
            &[("Acme Corp", Company)],
        ),
        ("Acme Corp is expanding fast.", &[("Acme Corp", Company)]),
        // A fronted clause whose main clause follows the name.
        (
            "Drawing on data from the Bureau of Labor Statistics, the report weighed the costs.",
            &[("Bureau of Labor Statistics", GovernmentBody)],
        ),
        (
            "When you hire in Acme Corp, the burden of staffing rests with you.",
            &[("Acme Corp", Company)],
        ),
        // An item of a list that goes on after the clause.
        (
            "Thanks go to the team at Acme Corp, the staff at Boreal Energy, and others.",
            &[("Acme Corp", Company), ("Boreal Energy", Company)],
        ),
        // An opening name with a clause that runs to the end: a sentence, not an appositive.
        (
            "Acme Corp, the report weighed many factors.",
            &[("Acme Corp", Company)],
        ),
    ];
    for (text, names) in cases {
        assert_eq!(describe(text, names), [], "{text}");
    }
}

#[test]
fn nominal_mentions_describe_nothing() {
    let text = "The minister, a former general, spoke.";
    let mut m = mention(text, "The minister", Person);
    m.kind = MentionKind::Nominal;
    let sentences = split_sentences(text);
    assert!(find_descriptions(text, &sentences, &[m]).is_empty());
}

#[test]
fn annotate_describes_known_names_and_cites_their_words() {
    let text = "Andrei Belousov, Russia's defence minister, met officials from CSIS, a \
                Washington think tank, on Tuesday.";
    let ann = annotate(text, None, &DocId("d".into()));
    let shown: Vec<(&str, &str)> = ann
        .descriptions
        .iter()
        .map(|d| (&text[d.span.start..d.span.end], d.text.as_str()))
        .collect();
    assert!(
        shown.contains(&("Russia's defence minister", "Russia's defence minister")),
        "{shown:?}"
    );
    let belousov = ann
        .descriptions
        .iter()
        .find(|d| d.text == "Russia's defence minister")
        .map(|d| d.entity.as_str());
    let id = ann
        .mentions
        .iter()
        .find(|m| m.text == "Andrei Belousov")
        .map(|m| m.id.as_str());
    assert_eq!(belousov, id);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever the text, every description quotes words of the text on character
    /// boundaries, its entity is one the mentions name, and its shown text is those words
    /// up to case and spacing.
    #[test]
    fn descriptions_quote_the_text_on_char_boundaries(
        pieces in proptest::collection::vec(
            proptest::prop_oneof![
                4 => proptest::strategy::Just("Andrei Belousov"),
                4 => proptest::strategy::Just("CSIS"),
                3 => proptest::strategy::Just(", "),
                3 => proptest::strategy::Just("a think tank"),
                2 => proptest::strategy::Just("Russia's defence minister"),
                2 => proptest::strategy::Just(" Defence Minister "),
                2 => proptest::strategy::Just(" is a "),
                2 => proptest::strategy::Just(" and "),
                1 => proptest::strategy::Just(". "),
                1 => proptest::strategy::Just("Élan’s"),
                1 => proptest::strategy::Just("—"),
                1 => proptest::strategy::Just("\n"),
                4 => proptest::strategy::Just(" "),
            ],
            0..80,
        ),
    ) {
        let text: String = pieces.concat();
        let ann = annotate(&text, None, &DocId("p".into()));
        for d in &ann.descriptions {
            let words = text.get(d.span.start..d.span.end);
            proptest::prop_assert!(words.is_some(), "{:?} in {text:?}", d.span);
            let words = words.unwrap_or_default();
            proptest::prop_assert_eq!(
                words.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
                d.text.to_lowercase()
            );
            proptest::prop_assert!(ann.mentions.iter().any(|m| m.id == d.entity));
        }
    }
}
