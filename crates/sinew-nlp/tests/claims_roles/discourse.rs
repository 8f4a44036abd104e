//! Parties carried over from the discourse: a figure whose sentence names no party but
//! continues its paragraph (a passive with no agent, "the total", "they", "of them", the same
//! counted thing) takes the paragraph's pair, marked as inferred; a figure in a new paragraph
//! that names no one at all takes the pair most of the document's claims name. Near-misses:
//! a new paragraph, a figure that names its own party, a thing's attribute, and a figure that
//! continues nothing keep what their sentence says.

use sinew_nlp::annotate;
use sinew_types::{Claim, DocId, Inferred};

use super::{check, pair};

fn claim(text: &str, quote: &str) -> Claim {
    annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
}

#[test]
fn a_figure_that_continues_a_verb_of_supply_takes_its_parties() {
    let text = "Since the spring, Belarus has sent large amounts of fertiliser to Serbia. \
                Officials in Minsk put the total at 40,000 tonnes, and about 300 wagons had \
                been shipped.";
    check(&[
        (text, "40,000 tonnes", pair("Belarus", "Serbia")),
        (text, "300 wagons", pair("Belarus", "Serbia")),
    ]);
    assert_eq!(
        claim(text, "40,000 tonnes").inferred,
        Some(Inferred::Discourse)
    );
}

#[test]
fn a_figure_that_refers_back_takes_the_last_claims_parties() {
    let text = "Kenya exported 1,200 tonnes of tea to Pakistan in May. Traders said they \
                expected another 900 tonnes in June.";
    check(&[(text, "900 tonnes", pair("Kenya", "Pakistan"))]);
    let text = "Chile sent 5,000 engineers to Peru in March. Local officials later put the \
                number in Lima at 3,500.";
    check(&[(text, "3,500", pair("Chile", "Peru"))]);
}

#[test]
fn parties_are_not_carried_into_a_new_paragraph_or_onto_a_named_party() {
    // Near-miss: a paragraph break ends the topic.
    let text = "Belarus has sent large amounts of fertiliser to Serbia.\n\
                Farmers said they paid $300 a tonne.";
    let c = claim(text, "$300");
    assert_eq!(c.inferred, None, "{c:?}");
    // Near-miss: a figure whose clause names its own party keeps it.
    let text = "Belarus has sent large amounts of fertiliser to Serbia. Hungary bought the \
                rest, some 12,000 tonnes.";
    let c = claim(text, "12,000 tonnes");
    assert_ne!(c.subject.as_deref(), Some("Belarus"), "{c:?}");
    assert_eq!(c.inferred, None, "{c:?}");
}

#[test]
fn a_figure_that_continues_nothing_takes_nothing() {
    // Near-miss: a plain figure after a verb of supply is no continuation.
    let text = "Belarus has sent large amounts of fertiliser to Serbia. A new warehouse \
                covers 2,000 square metres.";
    let c = claim(text, "2,000");
    assert_eq!(
        (c.subject.as_deref(), c.object.as_deref()),
        (None, None),
        "{c:?}"
    );
    assert_eq!(c.inferred, None);
}

#[test]
fn a_document_about_one_pair_gives_it_to_figures_that_name_no_one() {
    let text = "Egypt shipped 2 million tonnes of wheat to Sudan in 2022.\n\
                Egypt also shipped 500,000 tonnes of rice to Sudan in 2023.\n\
                By the end of the year about 40,000 lorries had been sent across the border.";
    check(&[(text, "40,000 lorries", pair("Egypt", "Sudan"))]);
    assert_eq!(
        claim(text, "40,000 lorries").inferred,
        Some(Inferred::Document)
    );
}

#[test]
fn a_definite_description_of_what_the_sentence_before_names_takes_its_actor() {
    let across = "Belarus quietly sent a fleet of grain barges to Serbia over the winter. \
                  The barges could have held as many as 90,000 sacks of wheat.";
    let new_line = "Egypt moved its cargo planes to Sudan in March.\n\
                    Those planes have flown about 300 supply missions since.";
    check(&[
        (across, "90,000 sacks", pair("Belarus", "Serbia")),
        (new_line, "300 supply missions", pair("Egypt", "Sudan")),
    ]);
}

#[test]
fn a_definite_description_of_something_not_named_before_takes_no_actor() {
    // The sentence before names no barges; in the second text the barges come before the
    // actor (they are what was inspected, not what Belarus sent).
    let unrelated = "Belarus hosted a trade fair in Minsk. The barges could have held as \
                     many as 90,000 sacks of wheat.";
    let after = "Old barges were inspected by Belarus on Monday. The barges could have \
                 held as many as 90,000 sacks of wheat.";
    check(&[
        (unrelated, "90,000 sacks", (None, None)),
        (after, "90,000 sacks", (None, None)),
    ]);
}

#[test]
fn a_source_described_again_lends_no_actor() {
    // The survey is who says it, not what Vietnam did.
    let text = "Vietnam's statistics office published a survey of farmers in May. The survey \
                shows that 40% of farmers sold less rice.";
    check(&[(text, "40%", (None, None))]);
}

/// "Minsk had decided to send about 900 wagons" in a document whose claims are about
/// Belarus's supplies to Serbia: a giver that sends with no recipient named sends to its
/// usual recipient, marked as the document's word. Near-misses: a giver other than the
/// pair's keeps no recipient, and so does a verb of paying.
#[test]
fn a_giver_with_no_recipient_takes_the_documents_recipient() {
    let text = "Belarus has delivered 40,000 tonnes of fertiliser to Serbia this year.\n\n\
                Belarus also shipped 120 tractors to Serbia in May.\n\n\
                Officials said Minsk had decided to send about 900 wagons.\n\n\
                Hungary sent 50 buses.\n\n\
                Belarus paid $3 million for port fees.";
    check(&[
        (text, "900 wagons", pair("Belarus", "Serbia")),
        (text, "50 buses", super::only("Hungary")),
        (text, "$3 million", super::only("Belarus")),
    ]);
    assert_eq!(claim(text, "900 wagons").inferred, Some(Inferred::Document));
}

/// "Quito and Lima give different numbers, but both say thousands of tractors have been
/// sent": a passive with no agent leaves its giver unnamed; the actors of the clause before
/// are not it. With no paragraph to continue, the document's pair is.
#[test]
fn an_agentless_passive_takes_no_giver_from_another_clause() {
    let alone = "Quito and Lima give different numbers, but both say thousands of tractors \
                 have been sent.";
    check(&[(alone, "thousands of tractors", (None, None))]);
    let text = "Vietnam has shipped 300 tractors to Peru.\n\n\
                Vietnam also sold 2,000 motorcycles to Peru.\n\n\
                Quito and Lima give different numbers, but both say thousands of tractors \
                have been sent.";
    check(&[(text, "thousands of tractors", pair("Vietnam", "Peru"))]);
}
