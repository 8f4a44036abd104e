//! Coreference and actors' country and sector, on sentences written for these tests: short
//! forms and surnames after a full name, nominals ("the minister", "the regime", "the North")
//! and the cases that must not link, then the country and sector each actor gets.

use sinew_nlp::annotate;
use sinew_types::{DocId, EntityType, Mention, MentionKind, Sector};

fn mentions(text: &str) -> Vec<Mention> {
    annotate(text, None, &DocId("test".into())).mentions
}

/// The mentions whose words are `surface`, in order.
fn all<'a>(ms: &'a [Mention], surface: &str) -> Vec<&'a Mention> {
    ms.iter().filter(|m| m.text == surface).collect()
}

/// The canonical name every mention with these words links to; panics if there is none.
fn linked(ms: &[Mention], surface: &str) -> Vec<String> {
    let found = all(ms, surface);
    assert!(!found.is_empty(), "no mention {surface:?} in {ms:#?}");
    found.iter().map(|m| m.canonical.clone()).collect()
}

fn no_mention(ms: &[Mention], surface: &str) {
    assert!(
        all(ms, surface).is_empty(),
        "{surface:?} should not be a mention: {ms:#?}"
    );
}

/// Mentions never overlap and their words are their span.
fn well_formed(text: &str, ms: &[Mention]) {
    for w in ms.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "overlap: {:?} {:?}",
            w[0],
            w[1]
        );
    }
    for m in ms {
        assert_eq!(&text[m.span.start..m.span.end], m.text);
    }
}

#[test]
fn an_acronym_defined_after_a_name_links_to_it() {
    let text = "The Baltic Institute for Maritime Studies (BIMS) published a study. \
                BIMS said the shells were old.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let bims = all(&ms, "BIMS");
    assert_eq!(bims.len(), 2, "{ms:#?}");
    for m in bims {
        assert_eq!(m.canonical, "Baltic Institute for Maritime Studies");
        assert_eq!(m.kind, MentionKind::Name);
        assert_eq!(m.sector, Some(Sector::CivilSociety));
    }
}

#[test]
fn an_acronym_at_the_end_of_the_text_is_linked() {
    let text = "The study came from the Baltic Institute for Maritime Studies (BIMS)";
    let ms = mentions(text);
    assert_eq!(
        linked(&ms, "BIMS"),
        ["Baltic Institute for Maritime Studies"]
    );
}

#[test]
fn a_short_name_of_the_names_letters_in_parentheses_links_to_it() {
    let text = "Loans came from the Korvelan Development Bank (KorDev). KorDev said more would \
                follow.";
    let ms = mentions(text);
    well_formed(text, &ms);
    assert_eq!(
        linked(&ms, "KorDev"),
        ["Korvelan Development Bank", "Korvelan Development Bank"]
    );
    // Near-miss: letters out of the name's order, or one capital only, are another name.
    for (text, short) in [
        (
            "Loans came from the Korvelan Development Bank (DevKor).",
            "DevKor",
        ),
        (
            "Loans came from the Korvelan Development Bank (Kordev).",
            "Kordev",
        ),
    ] {
        let ms = mentions(text);
        assert!(
            all(&ms, short)
                .iter()
                .all(|m| m.canonical != "Korvelan Development Bank"),
            "{ms:#?}"
        );
    }
}

#[test]
fn an_acronym_that_does_not_spell_the_name_is_not_linked() {
    let text = "The Korea Institute for Defense Analyses (ABC) published a study.";
    let ms = mentions(text);
    assert!(all(&ms, "ABC")
        .iter()
        .all(|m| m.canonical != "Korea Institute for Defense Analyses"));
}

#[test]
fn a_company_without_its_designators_is_the_company() {
    let text = "Sanctions hit Korvelan Corporation in May. Korvelan said \
                exports would continue, and Korvelan's tankers sailed.";
    let ms = mentions(text);
    well_formed(text, &ms);
    assert_eq!(
        linked(&ms, "Korvelan Corporation"),
        ["Korvelan Corporation"]
    );
    assert_eq!(
        linked(&ms, "Korvelan"),
        ["Korvelan Corporation", "Korvelan Corporation"]
    );
    for m in all(&ms, "Korvelan") {
        assert_eq!(m.kind, MentionKind::Name);
        assert_eq!(m.entity_type, EntityType::Company);
        assert_eq!(m.sector, Some(Sector::Business));
    }
}

#[test]
fn a_company_name_opening_with_a_role_word_is_the_company_without_its_designator() {
    // "State" alone is a role word and names no one; "Public Harvest" after "Public Harvest
    // Group" is the group, whatever class the tagger gives the shorter words, and "The
    // company" then refers to it.
    let text = "Public Harvest Group sells crop insurance in Iowa. Public Harvest has kept its \
                mutual structure for decades. The company has about 9,000 agents.";
    let ms = mentions(text);
    well_formed(text, &ms);
    assert_eq!(linked(&ms, "Public Harvest"), ["Public Harvest Group"]);
    for m in all(&ms, "Public Harvest") {
        assert_eq!(m.entity_type, EntityType::Company);
    }
    assert_eq!(linked(&ms, "The company"), ["Public Harvest Group"]);
}

#[test]
fn a_role_word_alone_is_no_short_form() {
    let text = "Regulators fined State Group in May. State officials said the fine was fair.";
    let ms = mentions(text);
    assert!(
        ms.iter()
            .all(|m| m.text != "State" || m.canonical != "State Group"),
        "{ms:#?}"
    );
}

#[test]
fn a_short_form_inside_a_longer_name_is_left_alone() {
    let text = "Sanctions hit Korvelan Corporation in May. Then Korvelan Trading \
                bought the cargo, and composer Igor Korvelan wrote about it.";
    let ms = mentions(text);
    well_formed(text, &ms);
    assert!(
        ms.iter()
            .filter(|m| m.text.contains("Korvelan") && m.canonical == "Korvelan Corporation")
            .count()
            == 1,
        "{ms:#?}"
    );
}

#[test]
fn a_short_form_before_its_full_name_is_not_linked() {
    let text = "Korvelan said exports would continue. Sanctions hit Korvelan \
                Corporation in May.";
    let ms = mentions(text);
    // The tagger may find the word as a name of its own; it is not linked back.
    assert!(
        all(&ms, "Korvelan")
            .iter()
            .all(|m| m.canonical != "Korvelan Corporation"),
        "{ms:#?}"
    );
}

#[test]
fn a_surname_after_a_full_name_links_to_it() {
    let text = "Analyst Olga Petrenko, a researcher at Chatham House, spoke on Monday. \
                Petrenko later added that prices would rise.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let p = all(&ms, "Petrenko");
    assert_eq!(p.len(), 1, "{ms:#?}");
    assert_eq!(p[0].canonical, "Olga Petrenko");
    assert_eq!(p[0].sector, Some(Sector::CivilSociety));
    // The think tank's country, whatever the knowledge base says it is.
    assert_eq!(p[0].country, all(&ms, "Chatham House")[0].country);
}

#[test]
fn the_minister_is_the_one_minister_named_before() {
    let text = "Defence Minister Oleg Marchenko visited the plant on Monday. \
                The minister promised more funding.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let n = all(&ms, "The minister");
    assert_eq!(n.len(), 1, "{ms:#?}");
    assert_eq!(n[0].kind, MentionKind::Nominal);
    assert_eq!(n[0].canonical, "Oleg Marchenko");
    assert_eq!(n[0].entity_type, EntityType::Person);
    assert_eq!(n[0].sector, Some(Sector::Government));
}

#[test]
fn the_minister_with_two_ministers_named_is_not_linked() {
    let text = "Foreign Minister Oleg Marchenko met Trade Minister Ivan Sokolov. \
                The minister promised more funding.";
    let ms = mentions(text);
    no_mention(&ms, "The minister");
}

#[test]
fn the_minister_does_not_link_to_a_president_or_a_deputy() {
    for text in [
        "President Oleg Marchenko visited the plant. The minister promised more funding.",
        "Deputy Minister Oleg Marchenko visited the plant. The minister promised more funding.",
        "Prime Minister Oleg Marchenko visited the plant. The minister promised more funding.",
    ] {
        no_mention(&mentions(text), "The minister");
    }
}

#[test]
fn the_minister_does_not_reach_back_past_three_sentences() {
    let text = "Defence Minister Oleg Marchenko visited the plant. It rained. The roads were \
                closed. Trains were late. The minister promised more funding.";
    no_mention(&mentions(text), "The minister");
}

#[test]
fn a_country_word_narrows_the_nominal() {
    let text = "President Oleg Marchenko of Belarus met Russian President Vladimir Putin. \
                The Russian president said talks went well.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let p = all(&ms, "president");
    assert_eq!(p.len(), 1, "{ms:#?}");
    assert_eq!(p[0].canonical, "Vladimir Putin");
    assert_eq!(p[0].kind, MentionKind::Nominal);
}

#[test]
fn a_role_word_before_a_name_is_a_title_not_a_nominal() {
    let text = "Defence Minister Oleg Marchenko spoke. Then the minister Ivan Sokolov replied.";
    let ms = mentions(text);
    no_mention(&ms, "the minister");
}

#[test]
fn the_former_president_is_not_linked() {
    let text = "President Oleg Marchenko spoke. The former president disagreed.";
    no_mention(&mentions(text), "The former president");
}

#[test]
fn the_company_is_the_one_company_named_before() {
    let text = "Rosneft signed the deal in March. The company said deliveries start soon.";
    let ms = mentions(text);
    let c = all(&ms, "The company");
    assert_eq!(c.len(), 1, "{ms:#?}");
    assert_eq!(c[0].canonical, linked(&ms, "Rosneft")[0]);
    assert_eq!(c[0].sector, Some(Sector::Business));
}

#[test]
fn the_company_with_another_organisation_named_between_is_not_linked() {
    // The tagger may not know what kind of organisation the institute is: any organisation
    // is a candidate for "the company".
    let text = "Korvelan Corporation hired staff from the Baltic Institute for Maritime \
                Studies. The company said deliveries start soon.";
    no_mention(&mentions(text), "The company");
}

#[test]
fn the_company_does_not_reach_back_two_sentences() {
    let text = "Korvelan Corporation bought a stake. Profits were hurt by changeovers. \
                The company said deliveries start soon.";
    no_mention(&mentions(text), "The company");
}

#[test]
fn an_adjective_is_no_short_form() {
    let text = "Police blamed the Islamic Group for the attack. It wants an Islamic state.";
    let ms = mentions(text);
    assert!(
        all(&ms, "Islamic")
            .iter()
            .all(|m| m.canonical != "Islamic Group"),
        "{ms:#?}"
    );
}

#[test]
fn the_company_with_no_company_named_is_not_linked() {
    let text = "Russia signed the deal in March. The company said deliveries start soon.";
    no_mention(&mentions(text), "The company");
}

#[test]
fn the_regime_is_the_one_country_named_before() {
    let text = "North Korea fired two missiles on Sunday. The regime called it a test.";
    let ms = mentions(text);
    let r = all(&ms, "The regime");
    assert_eq!(r.len(), 1, "{ms:#?}");
    assert_eq!(r[0].canonical, "North Korea");
    assert_eq!(r[0].sector, Some(Sector::Government));
    assert_eq!(r[0].kind, MentionKind::Nominal);
}

#[test]
fn the_regime_between_two_countries_is_not_linked() {
    let text = "Russia received missiles from Iran. The regime called it trade.";
    no_mention(&mentions(text), "The regime");
}

#[test]
fn the_ministry_alliance_and_bloc() {
    let text = "Japan's Ministry of Defense issued a warning. The ministry said more.";
    let ms = mentions(text);
    if let Some(body) = ms
        .iter()
        .find(|m| m.entity_type == EntityType::GovernmentBody)
    {
        let n = all(&ms, "The ministry");
        assert_eq!(n.len(), 1, "{ms:#?}");
        assert_eq!(n[0].canonical, body.canonical);
    }
    let ms =
        mentions("Finland joined NATO in 2023. The alliance now borders Russia on a long front.");
    assert_eq!(linked(&ms, "The alliance"), ["NATO"]);
    let ms = mentions("ASEAN met in Jakarta. The bloc agreed on a statement.");
    assert_eq!(linked(&ms, "The bloc"), ["ASEAN"]);
    // An alliance is not a bloc.
    no_mention(
        &mentions("Finland joined NATO in 2023. The bloc grew."),
        "The bloc",
    );
}

#[test]
fn the_north_in_a_korean_context() {
    let text = "Seoul says North Korea sent shells to Russia. The North denies it.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let n = all(&ms, "The North");
    assert_eq!(n.len(), 1, "{ms:#?}");
    assert_eq!(n[0].canonical, "North Korea");
    assert_eq!(n[0].kind, MentionKind::Nominal);
    let text = "North Korea fired a missile, Seoul said. The South raised its alert level.";
    assert_eq!(linked(&mentions(text), "The South"), ["South Korea"]);
}

#[test]
fn the_north_outside_a_korean_context_is_not_linked() {
    for text in [
        "The Union army marched. The North won the war.",
        // North Korea alone, with no second Korea, does not make "the North" Korean.
        "North Korea was mentioned once. Winters in the North are long.",
        "Seoul says North Korea sent shells. Ships crossed the North Sea.",
    ] {
        let ms = mentions(text);
        assert!(
            ms.iter().all(|m| m.kind == MentionKind::Name),
            "{text}: {ms:#?}"
        );
    }
}

#[test]
fn people_get_country_and_sector_from_their_titles() {
    let cases: &[(&str, &str, Option<&str>, Option<Sector>)] = &[
        (
            "North Korean General Ri Chang-ho inspected the troops.",
            "Ri Chang-ho",
            Some("North Korea"),
            Some(Sector::Military),
        ),
        (
            "Chinese Foreign Ministry spokesperson Guo Wenlan said no.",
            "Guo Wenlan",
            Some("China"),
            Some(Sector::Government),
        ),
        (
            "Rosneft chief executive Igor Sechin said output rose.",
            "Igor Sechin",
            Some("Russia"),
            Some(Sector::Business),
        ),
        (
            "Markus Hale, an adviser at the US State Department, said the data were thin.",
            "Markus Hale",
            Some("United States"),
            Some(Sector::Government),
        ),
        (
            "Markus Hale, an analyst at a Seoul bank, said the data were thin.",
            "Markus Hale",
            Some("South Korea"),
            Some(Sector::CivilSociety),
        ),
        (
            "Kim Yong-bok, a North Korean general, led the delegation.",
            "Kim Yong-bok",
            Some("North Korea"),
            Some(Sector::Military),
        ),
        (
            "Anton Belyakov, the chief executive of Rosneft, said output rose.",
            "Anton Belyakov",
            Some("Russia"),
            Some(Sector::Business),
        ),
        (
            "Journalist Maria Lindqvist said the port was busy.",
            "Maria Lindqvist",
            None,
            Some(Sector::Media),
        ),
    ];
    for &(text, who, country, sector) in cases {
        let ms = mentions(text);
        let p = all(&ms, who);
        assert_eq!(p.len(), 1, "{text}: {ms:#?}");
        assert_eq!(p[0].country.as_deref(), country, "{text}: {:#?}", p[0]);
        assert_eq!(p[0].sector, sector, "{text}: {:#?}", p[0]);
    }
}

#[test]
fn an_analyst_at_a_think_tank_is_civil_society_of_its_country() {
    let text = "Markus Hale, an analyst at CSIS, said the data were thin.";
    let ms = mentions(text);
    let p = all(&ms, "Markus Hale");
    assert_eq!(p[0].sector, Some(Sector::CivilSociety));
    assert_eq!(p[0].country, all(&ms, "CSIS")[0].country);
}

#[test]
fn the_country_a_scholar_studies_is_not_theirs() {
    let text = "Markus Hale, a historian of North Korea, said the data were thin.";
    let ms = mentions(text);
    let p = all(&ms, "Markus Hale");
    assert_eq!(p[0].country, None, "{ms:#?}");
    assert_eq!(p[0].sector, Some(Sector::CivilSociety));
}

#[test]
fn a_list_of_names_gives_no_country() {
    let text = "Markus Hale, China and Iran were named in the report.";
    let ms = mentions(text);
    for m in all(&ms, "Markus Hale") {
        assert_eq!(m.country, None, "{m:#?}");
    }
}

#[test]
fn organisations_get_sector_by_type_and_country_from_a_qualifier() {
    let ms = mentions("Russian oil giant Korvelan said exports rose, the Kremlin said.");
    for m in &ms {
        match m.entity_type {
            EntityType::Company | EntityType::StateEnterprise => {
                assert_eq!(m.sector, Some(Sector::Business));
                assert_eq!(m.country.as_deref(), Some("Russia"), "{m:#?}");
            }
            EntityType::Country if m.text == "Kremlin" => {
                assert_eq!(m.sector, Some(Sector::Government));
            }
            _ => {}
        }
    }
    let ms = mentions("CSIS and NATO and the US State Department and Reuters disagreed.");
    let sector = |s: &str| all(&ms, s)[0].sector;
    assert_eq!(sector("CSIS"), Some(Sector::CivilSociety));
    assert_eq!(sector("NATO"), Some(Sector::International));
    assert_eq!(sector("US State Department"), Some(Sector::Government));
    assert_eq!(sector("Reuters"), Some(Sector::Media));
}

#[test]
fn what_one_mention_says_holds_for_all_of_the_entity() {
    let text = "Defense Minister Shin Won-sik spoke on Monday. Shin said the shells were old.";
    let ms = mentions(text);
    let shin = all(&ms, "Shin");
    assert_eq!(shin.len(), 1, "{ms:#?}");
    assert_eq!(shin[0].sector, Some(Sector::Government));
}

#[test]
fn a_companys_first_word_after_its_full_name_links_to_it() {
    let text = "Drennock Marine Propulsion Systems Inc. opened a yard in Ohio last year. \
                Drennock now employs 900 people, and Drennock's order book is full.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let short = all(&ms, "Drennock");
    assert_eq!(short.len(), 2, "{ms:#?}");
    for m in short {
        assert_eq!(
            m.canonical, "Drennock Marine Propulsion Systems Inc.",
            "{ms:#?}"
        );
    }
}

#[test]
fn a_first_word_the_text_writes_in_lower_case_or_a_generic_opener_is_no_short_form() {
    // "Harbour" is a common word here; "National" and "Southern" open many names.
    let text = "Harbour Freight Lines Ltd said the harbour was full. National Grain Exports \
                and Southern Cask Brewing Co. reported losses. Harbour said 40 ships waited; \
                National said 12 mills closed; Southern said 3 plants shut.";
    let ms = mentions(text);
    well_formed(text, &ms);
    for (short, long) in [
        ("Harbour", "Harbour Freight Lines Ltd"),
        ("National", "National Grain Exports"),
        ("Southern", "Southern Cask Brewing Co."),
    ] {
        assert!(
            all(&ms, short).iter().all(|m| m.canonical != long),
            "{short:?} linked to {long:?}: {ms:#?}"
        );
    }
}

#[test]
fn a_word_of_a_web_address_does_not_count_as_written_in_lower_case() {
    // "kelvora" in the address is no prose use of the word; "harbour" in a sentence is.
    let text = "Kelvora U.S. Marine Systems, Inc. builds tugs (see www.kelvora.com/about_us). \
                Kelvora employs 700 people.";
    let ms = mentions(text);
    well_formed(text, &ms);
    let short = all(&ms, "Kelvora");
    assert_eq!(short.len(), 1, "{ms:#?}");
    assert_eq!(
        short[0].canonical, "Kelvora U.S. Marine Systems, Inc.",
        "{ms:#?}"
    );
}
