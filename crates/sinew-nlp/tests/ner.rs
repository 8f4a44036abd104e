//! The trained entity tagger on sentences written for these tests: CoNLL conventions
//! (nationality adjectives, a city inside a team name), names no list knows, the document
//! pass, and hostile input.

use sinew_nlp::{find_mentions, ner};
use sinew_types::{Coarse, EntityType, Mention};

fn find<'a>(ms: &'a [Mention], text: &str) -> &'a Mention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

#[test]
fn the_shipped_model_loads() {
    let info = ner::model_info().expect("the embedded model parses");
    assert!(info.bytes < 30_000_000, "{info:?}");
    assert!(info.features > 10_000 && info.clusters > 10_000, "{info:?}");
}

#[test]
fn nationality_adjectives_are_misc_and_link_to_their_country() {
    let text = "The French foreign minister met North Korean officials in Paris on Monday.";
    let ms = find_mentions(text, None);
    let french = find(&ms, "French");
    assert_eq!(french.coarse, Coarse::Misc);
    assert_eq!(french.country.as_deref(), Some("France"));
    let nk = find(&ms, "North Korean");
    assert_eq!(nk.coarse, Coarse::Misc);
    assert_eq!(nk.country.as_deref(), Some("North Korea"));
    assert_eq!(find(&ms, "Paris").coarse, Coarse::Loc);
}

#[test]
fn a_city_inside_a_team_name_is_part_of_the_organisation() {
    let text = "Real Madrid beat Valencia 2-1 in the Spanish league on Sunday, and Madrid \
                fans celebrated in the streets.";
    let ms = find_mentions(text, None);
    let real = find(&ms, "Real Madrid");
    assert_eq!(real.coarse, Coarse::Org);
    assert!(
        !ms.iter()
            .any(|m| m.text == "Madrid" && m.span.start == real.span.start + 5),
        "{ms:#?}"
    );
}

#[test]
fn names_no_list_knows_get_a_class_a_type_and_their_own_words() {
    let text = "Tomasz Wielicki, the chief executive of Brannock Shipping Lines, said on \
                Tuesday that freight rates from Gdansk would rise.";
    let ms = find_mentions(text, None);
    let person = find(&ms, "Tomasz Wielicki");
    assert_eq!(
        (person.coarse, person.entity_type),
        (Coarse::Per, EntityType::Person)
    );
    assert_eq!(person.canonical, "Tomasz Wielicki");
    let company = find(&ms, "Brannock Shipping Lines");
    assert_eq!(
        (company.coarse, company.entity_type),
        (Coarse::Org, EntityType::Company)
    );
    assert_eq!(find(&ms, "Gdansk").coarse, Coarse::Loc);
}

#[test]
fn the_document_pass_keeps_a_name_consistent() {
    // "Okonkwo" alone at a sentence start is ambiguous; earlier in the document it is a
    // person's surname.
    let text = "Opposition leader Chidi Okonkwo said the vote was rigged. Police detained \
                two of his aides. Okonkwo later called for calm.";
    let tagged = ner::tag(text);
    let classes: Vec<Coarse> = tagged
        .iter()
        .filter(|t| text[t.start..t.end].contains("Okonkwo"))
        .map(|t| t.coarse)
        .collect();
    assert_eq!(classes, [Coarse::Per, Coarse::Per], "{tagged:?}");
}

fn check(text: &str) {
    let tagged = ner::tag(text);
    let mut last = 0;
    for t in &tagged {
        assert!(t.start >= last && t.start < t.end, "{t:?} in {text:?}");
        assert!(
            text.get(t.start..t.end).is_some(),
            "{t:?} off a char boundary"
        );
        last = t.end;
    }
    for t in ner::tokenize(text) {
        assert!(text
            .get(t.start..t.end)
            .is_some_and(|w| !w.trim().is_empty()));
    }
}

#[test]
fn hostile_input_neither_panics_nor_splits_chars() {
    check("");
    check(" \n\t ");
    check(&"a".repeat(200_000));
    check(&"Ab".repeat(50_000));
    check(&"Kim Jong Un met Putin. ".repeat(2_000));
    check("Путин встретился с Ким Чен Ыном в Пхеньяне. 김정은 위원장이 말했다. 习近平在北京会见了普京。");
    check("«Putin» said—“no”… ’s 's ' \u{feff}\u{200b}İstanbul ǅemal \u{202e}Shin’s C$ U.S.");
    check(&"(((((((((([[[[[[".repeat(1_000));
    check(&"Mr. A. B. C. D. ".repeat(1_000));
}
