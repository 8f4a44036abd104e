//! Tests of the attribution reader: speakers, placed sources, possessives, modality.

use sinew_types::DocId;

use crate::{annotate_with, Stages};

#[test]
fn the_month_may_hedges_nothing() {
    use super::modality;
    use sinew_types::Modality;
    let m = |t: &str| modality(t, 0, t.len());
    assert_eq!(
        m("Chile has shipped 40,000 tonnes of copper to Peru since May 2023."),
        Modality::Asserted
    );
    assert_eq!(
        m("May 2024 saw exports of 3,000 tonnes."),
        Modality::Asserted
    );
    assert_eq!(
        m("Chile may ship 40,000 tonnes of copper."),
        Modality::Hedged
    );
    assert_eq!(m("May Chile ship more copper?"), Modality::Hedged);
}

fn sources(text: &str) -> Vec<(String, String)> {
    let stages = Stages {
        entities: true,
        quantities: false,
        times: false,
        claims: false,
        events: false,
    };
    let ann = annotate_with(text, None, &DocId("t".into()), stages);
    ann.attributions
        .into_iter()
        .map(|a| (a.source, a.cue))
        .collect()
}

#[test]
fn a_dateline_and_a_name_are_not_speakers() {
    // "States" of "United States" is no speech verb, and the dateline is no speaker
    let found = sources("WASHINGTON (Reuters) - The United States sanctioned Chinese firms.");
    assert!(found.is_empty(), "{found:?}");
    let found = sources("SEOUL - Japan said on Friday it would send aid to Turkey.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "said");
    assert_eq!(found[0].0, "Japan");
}

#[test]
fn a_states_government_speaks_as_the_state_and_its_other_bodies_as_themselves() {
    // The government is the state's voice: "Iran said", as news and event coding read it.
    for (text, speaker) in [
        (
            "The government of Norway said it had sold 12 patrol boats to Chile in 2021.",
            "Norway",
        ),
        (
            "Timber exports rose to 4 million cubic metres, according to the government of Finland.",
            "Finland",
        ),
        // Any other body of a country is a speaker of its own.
        (
            "The central bank of Norway said reserves fell to $10 billion in 2022.",
            "central bank of Norway",
        ),
        (
            "Grain sales doubled in 2020, according to the farmers' union of Finland.",
            "farmers' union of Finland",
        ),
    ] {
        let found = sources(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, speaker, "{text}");
    }
}

#[test]
fn a_fronted_time_and_a_sentence_capital_are_not_the_speakers() {
    for (text, speaker) in [
        (
            "In November officials in Tbilisi said Azerbaijan had delivered 400 tankers.",
            "officials in Tbilisi",
        ),
        (
            "Last week customs officers in Yerevan said Armenia sold 900 tonnes of apricots.",
            "customs officers in Yerevan",
        ),
        (
            "Officials in Lima said Peru bought 30 trucks from Chile.",
            "officials in Lima",
        ),
    ] {
        let found = sources(text);
        assert!(found.iter().any(|(s, _)| s == speaker), "{text}: {found:?}");
    }
}

#[test]
fn a_source_placed_in_a_country_is_the_source_not_the_country() {
    let found = sources(
        "Exports of wheat from Kazakhstan to Egypt doubled in 2022, according to a \
         trade institute in Ankara.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "a trade institute in Ankara");
    let found =
        sources("A think tank in Warsaw said Belarus had sent 40 trucks of fuel to Russia.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "a think tank in Warsaw");
    assert_eq!(found[0].1, "said");
    // A country that speaks is still named as the speaker.
    let found = sources("Figures rose sharply, according to Germany.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Germany");
    let found = sources("Poland said the border would stay closed.");
    assert_eq!(found[0].0, "Poland");
}

#[test]
fn a_body_after_a_possessive_speaks_as_itself() {
    for (text, speaker) in [
        (
            "Chile bought 12 patrol boats in 2021, Norway's defence ministry said on Monday.",
            "Norway's defence ministry",
        ),
        (
            "Norway’s foreign ministry said the talks would resume in May.",
            "Norway’s foreign ministry",
        ),
        (
            "Timber exports fell by a third, Finland's state forestry agency told reporters.",
            "Finland's state forestry agency",
        ),
        // the government is the state's own voice
        (
            "Norway's government said it had sold 12 patrol boats to Chile.",
            "Norway",
        ),
    ] {
        let found = sources(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, speaker, "{text}");
    }
    // a thing after the possessive speaks for nobody, and the name before it neither
    for text in [
        "Its reliance on Norway's timber highlights a shift in its trade.",
        "Chile's copper shows how far prices have fallen.",
    ] {
        let found = sources(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // a role or an agent noun after the possessive speaks
    for (text, speaker) in [
        (
            "Norway's top diplomat said the talks would resume in May.",
            "Norway's top diplomat",
        ),
        (
            "Chile's leading economists warned that copper would fall.",
            "Chile's leading economists",
        ),
    ] {
        let found = sources(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, speaker, "{text}");
    }
    // a clause between the name and the verb: the possessive names no speaker
    let found = sources("Norway's exports rose, and analysts said the trend would hold.");
    assert!(
        found.iter().all(|(s, _)| !s.starts_with("Norway")),
        "{found:?}"
    );
}

#[test]
fn a_verb_joined_to_an_earlier_one_is_not_said_by_the_name_before_it() {
    let found =
        sources("The European Union fined several Turkish firms and warned of further measures.");
    assert!(found.iter().all(|(s, _)| s != "Turkey"), "{found:?}");
}

#[test]
fn a_body_named_by_a_country_word_speaks_as_itself_not_as_the_country() {
    for (text, speaker) in [
        (
            "Electricity imports rose 14% in 2023, the Moldovan energy ministry said.",
            "Moldovan energy ministry",
        ),
        (
            "Peruvian officials said 300 tonnes of copper had been seized.",
            "Peruvian officials",
        ),
        (
            "Wheat sales to Egypt doubled, Kazakh grain exporters said on Tuesday.",
            "Kazakh grain exporters",
        ),
        // an auxiliary or an adverb before the verb is not part of who speaks
        (
            "Peruvian officials have said 300 tonnes of copper were seized.",
            "Peruvian officials",
        ),
        (
            "Moldovan officials also warned that gas prices would rise.",
            "Moldovan officials",
        ),
        // the government is the state's own voice, and a head that cannot speak leaves the
        // country as the speaker
        (
            "The Moldovan government said it had bought 40 buses from Romania.",
            "Moldova",
        ),
        ("The Chilean side said the talks had ended.", "Chile"),
    ] {
        let found = sources(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, speaker, "{text}");
    }
}

#[test]
fn two_states_joined_by_and_speak_together() {
    let found = sources("Chile and the United Kingdom said they were seriously concerned.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Chile and the United Kingdom");
    // Near-miss: a name after a verb's object is no joint speaker
    let found = sources("Peru sold copper to Chile and Bolivia said nothing.");
    assert!(
        found.iter().all(|(s, _)| !s.contains("Chile and")),
        "{found:?}"
    );
}
