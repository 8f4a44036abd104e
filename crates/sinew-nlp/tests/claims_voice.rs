//! Claims: subject (giver) and object (getter) from verbs of supply, receipt and payment in
//! active and passive voice, nouns of export and import, and across "in exchange for".
//! Sentences written for these tests.

use sinew_nlp::annotate;
use sinew_types::DocId;

fn parties(text: &str, quote: &str) -> (Option<String>, Option<String>) {
    let c = annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"));
    (c.subject, c.object)
}

fn pair(a: &str, b: &str) -> (Option<String>, Option<String>) {
    (Some(a.to_string()), Some(b.to_string()))
}

#[test]
fn verbs_of_receipt_put_the_getter_first() {
    let cases = [
        (
            "Serbia received 20,000 shells from Belarus last year.",
            "20,000 shells",
            pair("Belarus", "Serbia"),
        ),
        (
            "India imported 1.5 million barrels of crude from Iraq every day.",
            "1.5 million",
            pair("Iraq", "India"),
        ),
        (
            "Egypt bought $2 billion of wheat from Argentina in 2023.",
            "$2 billion",
            pair("Argentina", "Egypt"),
        ),
        // Near-miss: a verb of supply keeps the giver first.
        (
            "Argentina sold $2 billion of wheat to Egypt in 2023.",
            "$2 billion",
            pair("Argentina", "Egypt"),
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(parties(text, quote), want, "{text}");
    }
}

#[test]
fn the_passive_agent_gives() {
    let cases = [
        (
            "About 2,000 drones were supplied to Sudan by Iran.",
            "2,000 drones",
            pair("Iran", "Sudan"),
        ),
        (
            "Venezuela was supplied with 300 trucks by Belarus.",
            "300 trucks",
            pair("Belarus", "Venezuela"),
        ),
        (
            "More than 5,000 rifles were reportedly sold to Myanmar by Serbia.",
            "5,000 rifles",
            pair("Serbia", "Myanmar"),
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(parties(text, quote), want, "{text}");
    }
    // Near-miss: a passive without "by" keeps the actor named as the giver.
    assert_eq!(
        parties(
            "Around 3,000 North Korean workers were sent to Russia.",
            "3,000"
        ),
        pair("North Korea", "Russia")
    );
}

#[test]
fn nouns_of_import_make_the_actor_the_getter() {
    assert_eq!(
        parties(
            "Turkish imports from Azerbaijan reached $4 billion.",
            "$4 billion"
        ),
        pair("Azerbaijan", "Turkey")
    );
    // Near-miss: a noun of export keeps the exporter first.
    assert_eq!(
        parties(
            "Turkish exports to Azerbaijan reached $4 billion.",
            "$4 billion"
        ),
        pair("Turkey", "Azerbaijan")
    );
}

#[test]
fn the_far_side_of_an_exchange_goes_back() {
    assert_eq!(
        parties(
            "Belarus sent tractors to Cuba in exchange for $80 million.",
            "$80 million"
        ),
        pair("Cuba", "Belarus")
    );
    assert_eq!(
        parties(
            "Laos shipped timber to Vietnam in return for $12 million in credit.",
            "$12 million"
        ),
        pair("Vietnam", "Laos")
    );
    // Near-miss: the figure before the cue keeps the verb's direction.
    assert_eq!(
        parties(
            "Belarus sent 400 tractors to Cuba in exchange for sugar.",
            "400 tractors"
        ),
        pair("Belarus", "Cuba")
    );
    // The giver of what comes back ("from Thailand") gets the figure's goods.
    assert_eq!(
        parties(
            "Laos provides 200,000 tonnes of timber in exchange for fuel from Thailand.",
            "200,000 tonnes"
        ),
        pair("Laos", "Thailand")
    );
}

#[test]
fn a_host_or_target_of_a_tie_is_no_recipient() {
    // "a visit to Norway" makes Norway a host, not the getter of the $3 billion.
    let (s, o) = parties(
        "During a visit to Norway, Canada announced $3 billion in new contracts.",
        "$3 billion",
    );
    assert_ne!(o.as_deref(), Some("Norway"), "{s:?} -> {o:?}");
    // Who states a figure is no party to it.
    let (s, _) = parties(
        "On Monday Ukrainian President Volodymyr Zelensky put the number at 11,000.",
        "11,000",
    );
    assert_eq!(s, None);
}
