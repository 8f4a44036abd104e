//! Which sentences stand alone as quoted evidence: connectives, pronouns, leaning openers and
//! cut-offs, each with near-misses that must stay quotable.

use super::*;

fn check(s: &str) -> Option<&str> {
    standalone(s, Span::new(0, s.len())).and_then(|sp| sp.slice(s))
}

#[test]
fn sentences_that_stand_alone() {
    let whole = "The ministry said the convoy crossed the border on Tuesday.";
    assert_eq!(check(whole), Some(whole));
    for leaning in [
        "But the convoy crossed the border on Tuesday, officials said.",
        "Moreover, the convoy crossed the border on Tuesday evening.",
        "In addition, the convoy crossed the border on Tuesday evening.",
        "It explores the dynamics of defence agreements between the three.",
        "They crossed the border on Tuesday with forty trucks.",
        "These products are essential for the army's weapons production.",
        "On October 18 it said the convoy had crossed the border.",
        "“However, the convoy crossed the border on Tuesday,” he said.",
        "“The convoy crossed the border on Tuesday, and more will follow.",
        "The two leaders met at the border on Tuesday for talks.",
    ] {
        assert_eq!(check(leaning), None, "{leaning}");
    }
    let time = "This week the convoy crossed the border with forty trucks.";
    assert_eq!(check(time), Some(time));
    let named = "On Tuesday the ministry said it had counted forty trucks.";
    assert_eq!(check(named), Some(named));
}

#[test]
fn a_label_and_a_figure_is_no_sentence() {
    for fragment in [
        "Copper wire and cable, between 60% and 70% in 2021.",
        "Steel valves, 210% since 2019 by the ministry's count.",
        "Microchips and circuit boards, $1.2 billion over two years.",
        "Ball bearings, 120% from 2020 to Armenia and 900% toward Georgia, “most likely routed north,” according to figures compiled by the institute.",
        "Copper cable, 35% since 2019, officials reported.",
        "Drone motors, 40% in 2022, “largely re-exported,” the customs service estimated.",
    ] {
        assert_eq!(check(fragment), None, "{fragment}");
    }
    for whole in [
        "Exports of spare parts, up 20% on the year, reached $3 billion in May.",
        "In 2023, 80% of the spare parts came from the northern neighbour.",
        "Grain shipments, about 40% of the total, went by rail through the port.",
        "Norway, 12% of whose trade goes south, signed the accord in May.",
        "Pumps and valves, between them, account for most of the trade with Finland.",
        "Grain exports, 30% of the total, doubled in May, according to the ministry.",
        "Copper cable, 35% of the trade, “rose sharply last year,” officials said.",
        "Timber, 12% of the harvest, was shipped east, the ministry said.",
    ] {
        assert_eq!(check(whole), Some(whole), "{whole}");
    }
}

#[test]
fn a_sentence_needs_a_main_clause() {
    for fragment in [
        "Iceland, thanks to a surge in exports of dual-use goods, according to officials.",
        "The northern republic, by supplying fuel and spare parts to the army.",
        "Chancellor of the republic who is steering it towards closer ties with the north.",
        "Leader of the island who is closely engaged in drafting its fishing accords.",
        "Head of the bloc who is raising a combined force along the southern coast.",
        "Minister of trade which has led the talks with the neighbours since May.",
    ] {
        assert_eq!(check(fragment), None, "{fragment}");
    }
    for whole in [
        "Iceland, thanks to a surge in exports, became the main supplier last year.",
        "A senior official who was briefed on the talks said the trucks crossed on Tuesday.",
        "A man who is wanted by the police crossed the border on Tuesday night.",
        "Norway's ministry which is in charge of exports has denied the report this week.",
        "Norway, the largest supplier, shipped 40 tonnes of fish to the port.",
        "Officials who spoke to reporters described the shipments as routine.",
        "Narvik, which is the largest port in the region, handled most of the cargo.",
    ] {
        assert_eq!(check(whole), Some(whole), "{whole}");
    }
}

#[test]
fn pointers_back_anywhere_in_the_opening_are_caught() {
    for leaning in [
        "The move drew protests from the neighbouring governments on Friday.",
        "The shipments began in August and continued through the winter.",
        "After the talks, the shipments resumed across the northern border.",
        "When asked about the convoy, he said the trucks carried grain only.",
        "The ministry paid for these shipments in its own currency last year.",
        "Analysts say such weapons would change the balance on the front.",
        "Officials said this would double the volume of trade by the summer.",
        "The northern republic also sent engineers to the border region.",
        "Officials say the two countries agreed on new payment channels.",
        "Diplomats said both sides wanted the port reopened before winter.",
        "There is concern about what the two authoritarian countries could do next.",
        "Chilean exports to its neighbour grew by 12% between 2021 and 2023.",
        "At the end of May, Chile's president said about 800 of them had reached Lima.",
        "Chile and the United Kingdom also said the port would stay closed.",
        "Morales, who met his guest at the airport, said the talks had gone well.",
        "Diplomats said both neighbouring states wanted the port reopened.",
        "The port handled most of the cargo, and the latter went by rail.",
    ] {
        let fits = check(leaning);
        let speaker = pronoun_speaker(leaning);
        assert!(
            fits.is_none() || speaker,
            "{leaning}: should lean on context"
        );
    }
    for whole in [
        "The deal between Norway and Iceland was signed in the capital on Monday.",
        "The visit to the capital ended with a joint statement on Tuesday.",
        "Norway and Sweden said the two countries would share the pipeline.",
        "This week the convoy crossed the border with forty trucks.",
        "Those who fled the fighting crossed the border with forty trucks.",
        "Exports such as grain and fertiliser crossed the border by rail.",
        "Ankara, also known as the capital, hosted the ministers on Tuesday.",
        "When the minister arrived, the convoy had already crossed the border.",
        "Ships carried the cargo to the port last month, officials said.",
        "Chile raised its copper exports to Peru by 12% in the year to May.",
        "Chile sent 900 engineers to Peru in May, and some of them stayed on in Lima.",
    ] {
        assert_eq!(check(whole), Some(whole), "{whole}");
        assert!(!pronoun_speaker(whole), "{whole}");
    }
    assert!(pronoun_speaker(
        "The trucks carried grain and fertiliser only, he said on Tuesday."
    ));
    assert!(pronoun_speaker(
        "She added that the trucks carried grain only."
    ));
}

#[test]
fn cut_offs_junk_and_datelines() {
    for bad in [
        "The convoy crossed the border according to the ...",
        "The convoy crossed the border according to the…",
        "The convoy crossed the border (source: go-public-web-kor-1-0-0).",
        "Read more about the convoy that crossed the border on Tuesday.",
        "the convoy crossed the border on Tuesday, officials said.",
    ] {
        assert_eq!(check(bad), None, "{bad}");
    }
    let long = format!(
        "The convoy crossed {}the border.",
        "the long road and ".repeat(30)
    );
    assert_eq!(check(&long), None, "too long to quote whole");
    assert_eq!(
        check("BRUSSELS - The European Union adopted its new package on Friday."),
        Some("The European Union adopted its new package on Friday.")
    );
    assert_eq!(
        check("PYONGYANG/SEOUL — Two leaders signed a pact in the capital today."),
        Some("Two leaders signed a pact in the capital today.")
    );
    let dash = "Officials in the capital - and abroad - watched the convoy cross.";
    assert_eq!(check(dash), Some(dash));
}

#[test]
fn quoted_shares() {
    assert!(quoted_share("“We will win this war,” the minister said.") > 0.4);
    assert!(quoted_share("He called it a “breakthrough” in relations with them.") < 0.4);
}

#[test]
fn closed_connectives_lean_only_when_a_comma_closes_them() {
    for leaning in [
        "Since then, the convoy has crossed the border every week.",
        "In return, the northern republic receives fuel and spare parts.",
        "In response, the ministry summoned the ambassador on Tuesday.",
        "For its part, the ministry denied sending any trucks at all.",
    ] {
        assert_eq!(check(leaning), None, "{leaning}");
    }
    for whole in [
        "In return for grain, the northern republic sent fuel and spare parts.",
        "Since then the port of Narvik has handled most of the cargo.",
        "In response to the blockade, Norway sent forty trucks of grain.",
    ] {
        assert_eq!(check(whole), Some(whole), "{whole}");
    }
}

#[test]
fn a_definite_plural_subject_needs_its_antecedent() {
    for leaning in [
        "According to the ministry, the rockets have a range of about 300 kilometres.",
        "The trucks crossed the border at dawn with their lights off.",
        "The new rules will require every bank to report such payments.",
    ] {
        assert_eq!(check(leaning), None, "{leaning}");
        assert!(unresolved_definite(leaning).is_some(), "{leaning}");
    }
    for whole in [
        "The rockets that Norway fired on Tuesday had a range of about 300 kilometres.",
        "The trucks of the northern army crossed the border at dawn.",
        "The authorities in Oslo said forty trucks crossed the border.",
        "The Norwegian rockets have a range of about 300 kilometres.",
        "The ministry said forty trucks crossed the border on Tuesday.",
        "“The artillery shells trade is built on deception,” said a professor in Oslo.",
    ] {
        assert_eq!(unresolved_definite(whole), None, "{whole}");
    }
}

#[test]
fn a_leaning_sentence_is_quoted_with_the_one_before_when_that_resolves_it() {
    let at = |text: &str, s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let first = "Norway sent the port forty rockets of a new type in May.";
    let second = "According to the ministry, the rockets have a range of about 300 kilometres.";
    let text = format!("{first} {second}");
    let pair = with_previous(&text, at(&text, first), at(&text, second));
    assert_eq!(pair.and_then(|p| p.slice(&text)), Some(text.as_str()));

    // the sentence before does not name the rockets: no pair
    let other = "Norway sent forty trucks of grain to the port in May.";
    let text = format!("{other} {second}");
    assert_eq!(
        with_previous(&text, at(&text, other), at(&text, second)),
        None
    );

    // a connective: the pair reads whole when the first sentence does
    let opener = "Norway has shipped forty trucks of grain to Iceland since May.";
    let then = "Since then, Iceland has paid for the grain in fish and timber.";
    let text = format!("{opener} {then}");
    let pair = with_previous(&text, at(&text, opener), at(&text, then)).unwrap();
    assert_eq!(pair.slice(&text), Some(text.as_str()));
    assert!(!leans_on_context(pair.slice(&text).unwrap()));

    // the sentence before leans too: no pair
    let leaning = "But Norway has shipped forty trucks of grain to Iceland since May.";
    let text = format!("{leaning} {then}");
    assert_eq!(
        with_previous(&text, at(&text, leaning), at(&text, then)),
        None
    );

    // a pair the sentence before does not name either: no pair of sentences
    let pair = "According to officials, the two countries agreed on new payment channels.";
    let named = "Norway and Iceland met in the capital on Monday for the first time.";
    let text = format!("{named} {pair}");
    assert!(with_previous(&text, at(&text, named), at(&text, pair)).is_some());
    let unnamed = "Norway sent forty trucks of grain to the port in May.";
    let text = format!("{unnamed} {pair}");
    assert_eq!(
        with_previous(&text, at(&text, unnamed), at(&text, pair)),
        None
    );
    // nor a quotation, which is quoted only with its speaker named
    let quoted = "“The whole trade between Chile and Peru worries us a great deal.”";
    let text = format!("{quoted} {pair}");
    assert_eq!(
        with_previous(&text, at(&text, quoted), at(&text, pair)),
        None
    );
    // nor one that points back itself: a text's part, a debate's point
    for leaning in [
        "The article refers to the charter and to the laws of Chile and Peru.",
        "The argument matters because of the size of the grain trade.",
    ] {
        assert_eq!(check(leaning), None, "{leaning}");
    }

    // a sentence that stands alone is never paired
    let text = format!("{opener} {first}");
    assert_eq!(
        with_previous(&text, at(&text, opener), at(&text, first)),
        None
    );
}
