//! Speakers and sources are attribution, never parties: "X said", "X's ministry estimated
//! that", "according to X". Near-misses: the party the speaker names is the subject, and a
//! company reporting its own accounts is (in `companies.rs`).

use sinew_nlp::annotate;
use sinew_types::DocId;

use super::{check, only, pair};

#[test]
fn a_speaker_is_not_the_subject() {
    check(&[
        (
            "The State Department put the total at 10,000 containers, while Japan's defence \
             ministry estimated that about 6,000 containers had been shipped.",
            "6,000 containers",
            (None, None),
        ),
        (
            "Ukrainian President Volodymyr Zelensky said Russia fired 10,000 shells.",
            "10,000 shells",
            only("Russia"),
        ),
        (
            "Samsung reported that LG had shipped 3 million televisions.",
            "3 million televisions",
            only("LG"),
        ),
    ]);
}

#[test]
fn a_speaker_of_the_figures_clause_is_its_attribution() {
    let text = "The State Department put the total at 10,000 containers, while Japan's \
                defence ministry estimated that about 6,000 containers had been shipped.";
    let said = |quote: &str| {
        annotate(text, None, &DocId("test".into()))
            .claims
            .into_iter()
            .find(|c| text[c.span.start..c.span.end].contains(quote))
            .and_then(|c| c.attribution)
    };
    // the ministry speaks, not the country it belongs to
    assert_eq!(
        said("6,000 containers").as_deref(),
        Some("Japan's defence ministry")
    );
    assert!(
        said("10,000 containers").is_some_and(|s| s.contains("State Department")),
        "{:?}",
        said("10,000 containers")
    );
    // Near-miss: a speaker of another clause does not say a figure with no speaker of its
    // own (Japan's ministry states the first clause's figure only).
    let text =
        "Japan's ministry put the total at 100 tanks, and Korea shipped 4,000 cars to Chile.";
    let c = annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains("4,000"))
        .expect("a claim");
    assert_eq!(c.attribution, None, "{c:?}");
}

#[test]
fn a_speaker_in_a_relative_clause_speaks_for_that_clause_only() {
    let text = "The army moved about 8,000 reservists to the northern province, where local \
                officials say 1,200 of them have fallen ill.";
    let said = |quote: &str| {
        annotate(text, None, &DocId("test".into()))
            .claims
            .into_iter()
            .find(|c| text[c.span.start..c.span.end].contains(quote))
            .map(|c| c.attribution)
    };
    assert_eq!(
        said("8,000 reservists"),
        Some(None),
        "the main clause has no speaker"
    );
    // Near-miss: a speaker before the figure still speaks for it, whatever relative clause
    // follows.
    let text = "Chile's interior ministry said the storm destroyed 300 homes, which were built on \
                the flood plain.";
    let c = annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains("300 homes"))
        .expect("a claim");
    assert!(
        c.attribution
            .as_deref()
            .is_some_and(|a| a.contains("interior ministry")),
        "{c:?}"
    );
}

#[test]
fn a_speaker_of_a_later_clause_says_its_figure_not_the_one_saying_the_first() {
    let text = "Last week Peru's foreign minister Ana Rios said about 300 Chilean soldiers had \
                reached Lima, and Chilean officials now put the total in Peru at more than 900 \
                soldiers.";
    let said = |quote: &str| {
        annotate(text, None, &DocId("test".into()))
            .claims
            .into_iter()
            .find(|c| text[c.span.start..c.span.end].contains(quote))
            .and_then(|c| c.attribution)
    };
    let total = said("more than 900");
    assert!(
        total.as_deref().is_some_and(|a| a.contains("Chile")),
        "{total:?}"
    );
    assert_eq!(total.as_deref(), Some("Chilean officials"));
    // the same officials, whether a cue or the clause's own verb names them
    let text = "Copper sales to Peru reached 400 tonnes in May, the Chilean customs office \
                said. Chilean customs put the total at 400 tonnes.";
    let both: Vec<Option<String>> = annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .map(|c| c.attribution)
        .collect();
    assert_eq!(
        both,
        [
            Some("Chilean customs office".to_string()),
            Some("Chilean customs".to_string())
        ]
    );
    // Near-miss: the first clause's figure is still the minister's.
    let first = said("about 300");
    assert!(
        first.as_deref().is_some_and(|a| a.contains("Rios")),
        "{first:?}"
    );
}

#[test]
fn a_source_after_according_to_is_not_a_party() {
    check(&[(
        "According to Chinese customs data, Brazil exported $40 billion of soy to China.",
        "$40 billion",
        pair("Brazil", "China"),
    )]);
}

#[test]
fn the_frame_of_reported_speech_names_no_party() {
    check(&[(
        "In an interview with the Brazilian news agency Agencia Brasil, Lula said that 80% of \
         trade between Brazil and Argentina was settled in reais.",
        "80%",
        pair("Argentina", "Brazil"),
    )]);
    // Near-miss: the speaker's words name a party after the verb of speech.
    check(&[(
        "Speaking to Japanese reporters, Macron said France exported $3 billion of wine to \
         Japan.",
        "$3 billion",
        pair("France", "Japan"),
    )]);
}

#[test]
fn a_cue_inside_a_name_is_no_speaker() {
    // "States" in "The United States" is no verb of speech.
    check(&[(
        "The United States on Monday sold 50 helicopters to Poland.",
        "50 helicopters",
        pair("United States", "Poland"),
    )]);
}

#[test]
fn an_estimated_figure_has_no_speaker() {
    // "an estimated" is an adjective: Poland emits, it does not estimate.
    check(&[(
        "Polish industry emitted an estimated 300 million tonnes of carbon dioxide in 2022.",
        "300 million tonnes",
        only("Poland"),
    )]);
}

#[test]
fn who_reports_a_finding_is_no_party() {
    // A survey's or a study's author states what it found: attribution, not the subject.
    check(&[
        (
            "A Veltmark Research survey found that 62% of dairy farmers plan to sell land.",
            "62%",
            (None, None),
        ),
        (
            "Orlen Analytics found that 38% of commuters cycle in summer.",
            "38%",
            (None, None),
        ),
    ]);
    let text = "A Veltmark Research survey found that 62% of dairy farmers plan to sell land.";
    let c = annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains("62%"))
        .expect("a claim");
    assert_eq!(c.attribution.as_deref(), Some("Veltmark Research"), "{c:?}");
    // Near-miss: "found" with no finding to report is the company's own deed.
    check(&[(
        "Brakeley Bank found 300 new customers in Peru last month.",
        "300 new customers",
        only("Brakeley Bank"),
    )]);
}

#[test]
fn an_organisation_stating_accounts_no_one_owns_states_its_own() {
    check(&[
        (
            "Norvik Marine said its revenue rose 12% to $450 million in 2024.",
            "$450 million",
            only("Norvik Marine"),
        ),
        (
            "Norvik Marine said on Tuesday that quarterly profit fell 8% to $31 million.",
            "8%",
            only("Norvik Marine"),
        ),
        // Near-misses: accounts another owns, a person's words, another actor named.
        (
            "Norvik Marine said industry revenue rose 4% in 2024.",
            "4%",
            (None, None),
        ),
        (
            "Jane Roe said revenue rose 12% in 2024.",
            "12%",
            (None, None),
        ),
        (
            "Norvik Marine said exports from Chile rose 12% in 2024.",
            "12%",
            only("Chile"),
        ),
    ]);
}

/// "according to two diplomats", "Four people familiar with the talks said": a count of who
/// gives the account moves nothing; it has no parties, though the sentence's other figure
/// does. Near-miss: people counted as what moved ("sent 200 workers") keep their parties.
#[test]
fn a_count_of_sources_has_no_parties() {
    let text = "Belarus sold Serbia about 60 tanks, according to two diplomats.";
    check(&[
        (text, "60 tanks", pair("Belarus", "Serbia")),
        (text, "two", (None, None)),
    ]);
    let text = "Four people familiar with the talks said Minsk had sold 30 trucks to Serbia.";
    check(&[
        (text, "Four people", (None, None)),
        (text, "30 trucks", pair("Belarus", "Serbia")),
    ]);
    check(&[(
        "Belarus sent 200 workers to Serbia, officials said.",
        "200 workers",
        pair("Belarus", "Serbia"),
    )]);
}

/// "President Boric said trade with Peru had exceeded $8 billion": trade with a state that
/// names no trader is the trade of the state whose official says so. Near-miss: a speaker
/// who is no official of a state (a bank's analyst) lends no state.
#[test]
fn trade_with_a_state_said_by_an_official_is_the_officials_states() {
    check(&[(
        "Chilean President Gabriel Boric said trade with Peru had exceeded $8 billion.",
        "$8 billion",
        pair("Chile", "Peru"),
    )]);
    let (subject, _) = super::parties(
        "An analyst at Banco Andino said trade with Peru had exceeded $8 billion.",
        "$8 billion",
    );
    assert_ne!(subject.as_deref(), Some("Chile"));
}
