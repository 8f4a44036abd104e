//! Claims: what a figure measures is a noun phrase naming what is counted or paid for, never
//! a date, a name, a pronoun or a clause fragment. Sentences written for these tests.

use sinew_nlp::annotate;
use sinew_types::{Claim, DocId};

/// The claim stating `quote` in `text`.
pub(crate) fn claim_for(text: &str, quote: &str) -> Claim {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
}

fn measure(text: &str, quote: &str) -> String {
    claim_for(text, quote).measure
}

#[test]
fn the_subject_of_the_governing_verb_is_the_measure() {
    let cases = [
        (
            "Chinese exports to Brazil were worth about $31 billion last year.",
            "$31 billion",
            "Chinese exports",
        ),
        // A physical amount: the subject names the goods moving, not a "weight".
        (
            "Wheat shipments from Ukraine rose to a record 4.1 million tonnes.",
            "4.1 million tonnes",
            "wheat shipments",
        ),
        (
            "Exports of tin from Bolivia reached about 14,000 tonnes last year.",
            "about 14,000 tonnes",
            "exports of tin",
        ),
        (
            "Brazilian sales of tractors to Angola climbed to 3,000 units.",
            "3,000 units",
            "Brazilian sales of tractors",
        ),
        (
            "Bilateral trade between Kenya and Tanzania reached $1.2 billion in 2022.",
            "$1.2 billion",
            "bilateral trade between Kenya and Tanzania",
        ),
        (
            "Last year, Indian spending on defence hit $81 billion.",
            "$81 billion",
            "Indian spending on defence",
        ),
        // Through a relative pronoun to its antecedent; the participle is dropped.
        (
            "Officials cited increased cross-border trade which rose 12 percent in 2023.",
            "12 percent",
            "growth of cross-border trade",
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(measure(text, quote), want, "{text}");
    }
}

#[test]
fn a_figure_that_continues_another_is_about_the_same_thing() {
    let text = "Mexican exports to Canada came to about $40 billion, or more than $3 billion a \
                month on average.";
    assert_eq!(measure(text, "$3 billion"), "Mexican exports");
    let text = "Total turnover grew from $80 billion in 2020 to $95 billion in 2022.";
    assert_eq!(measure(text, "$80 billion"), "total turnover");
    assert_eq!(measure(text, "$95 billion"), "total turnover");
    // A list item keeps the phrase it opens with; an actor in between does not change it.
    let text = "Copper wire, 120% from 2021 to Serbia and 900% toward Albania.";
    assert_eq!(measure(text, "900%"), "copper wire");
    // A trade noun keeps its complements ("with", "from ... to").
    assert_eq!(
        measure(
            "Chile's trade with Peru hit $4.6 billion in 2023.",
            "$4.6 billion"
        ),
        "Chile's trade with Peru"
    );
    assert_eq!(
        measure(
            "Exports of crude oil from Oman to India reached $13 billion in 2022.",
            "$13 billion"
        ),
        "exports of crude oil"
    );
    // A clause on its verb after "while": the subject after "while".
    let text = "Exports were worth $20 billion, while imports from Chile, mostly copper, came \
                to about $12 billion.";
    assert_eq!(measure(text, "$12 billion"), "imports");
}

#[test]
fn names_dates_and_pronouns_are_never_the_measure() {
    // A date opening the sentence, then a pronoun: nothing names what is counted, and the
    // bare count takes what the figure before it in the sentence counted.
    let text = "On March 3 it said Minsk had sent about 4,000 troops, and that some 1,200 had \
                already arrived.";
    let got = measure(text, "some 1,200");
    assert!(!got.contains("March") && !got.contains("it"), "{got}");
    assert!(got.contains("troops"), "{got}");
    // A speaker's name and title are no measure; "of them" refers back.
    let text = "Around 3,000 Belarusian soldiers were sent to Russia. Foreign Minister Anna \
                Lindqvist said about 2,000 of them had reached the front.";
    assert_eq!(measure(text, "about 2,000"), "soldiers");
    // "put the total at": the figure before it, measured as that figure is ("the total"
    // is the same figure, so the same measure).
    let text = "About 3,000 Belarusian soldiers were sent to Russia. On Friday Defence Minister \
                Pavel Orlov put the total at 5,000.";
    let got = measure(text, "5,000");
    assert!(!got.contains("Orlov") && !got.contains("Friday"), "{got}");
    assert!(got.contains("soldiers"), "{got}");
    assert_eq!(got, measure(text, "About 3,000"));
}

#[test]
fn verbs_adverbs_and_list_debris_are_cut_or_rejected() {
    assert_eq!(
        measure(
            "Vantara reported free cash flow of $496.5 million.",
            "$496.5 million"
        ),
        "free cash flow"
    );
    // A noun-like verb form before an auxiliary is the subject's noun.
    assert_eq!(
        measure(
            "Brazil's share of Chile's copper imports has risen from less than 2% before 2020.",
            "2%"
        ),
        "Brazil's share of Chile's copper imports"
    );
    // Near-miss: the company's name is no part of the measure, nor is the verb.
    let got = measure(
        "Vantara posted revenue of $2 billion in 2023.",
        "$2 billion",
    );
    assert_eq!(got, "revenue");
    // A heading phrase that runs into its verb is a clause, never a measure.
    let got = measure(
        "Financial security prevents costly breaches averaging $4.9 million per incident.",
        "$4.9 million",
    );
    assert!(!got.contains("prevents"), "{got}");
}

#[test]
fn a_noun_the_figure_modifies_or_a_noun_before_of() {
    assert_eq!(
        measure(
            "The two sides set a $50 billion target for 2030.",
            "$50 billion"
        ),
        "target"
    );
    // A dateline is no sentence start: the phrase after it reads in lower case.
    assert_eq!(
        measure(
            "LIMA - Trade between Peru and Chile rose to $9 billion in 2023.",
            "$9 billion"
        ),
        "trade between Peru and Chile"
    );
    assert_eq!(
        measure(
            "The leaders agreed to aim for annual trade of $30 billion by 2030.",
            "$30 billion"
        ),
        "annual trade"
    );
    // Near-miss: a time after the figure is no noun it modifies.
    assert_ne!(
        measure("Revenue reached $2 billion last year.", "$2 billion"),
        "last"
    );
    assert_eq!(
        measure("Revenue reached $2 billion last year.", "$2 billion"),
        "revenue"
    );
    // Near-miss: a comparative is a change, not a thing.
    let m = measure("Sales were 12% higher than in 2022.", "12%");
    assert!(!m.contains("higher"), "{m}");
}

#[test]
fn a_figure_a_verb_of_flow_moved_takes_the_verbs_noun() {
    // The actor before "paid" is not what was paid.
    assert_eq!(
        measure(
            "The ministry paid $40 million to the shipyard.",
            "$40 million"
        ),
        "payments"
    );
    assert_eq!(
        measure("Norway sent 12 tanks to Ukraine.", "12 tanks"),
        "shipments of tanks"
    );
    // A visit is a political tie, never the measure.
    let text = "During Xi Jinping's visit to Paris, the deal reached $2 billion.";
    let got = measure(text, "$2 billion");
    assert!(!got.contains("visit"), "{got}");
}

#[test]
fn people_killed_or_hurt_are_counted_as_casualties_not_as_the_people() {
    let cases = [
        (
            "The navy sent 9,000 sailors to the strait, where about 1,200 of them have been \
             wounded.",
            "about 1,200",
            "sailor casualties",
        ),
        (
            "Nine firefighters were injured in the blaze.",
            "Nine firefighters",
            "firefighter casualties",
        ),
        (
            "Rescuers counted 45 dead after the flood.",
            "45 dead",
            "casualties",
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(measure(text, quote), want, "{text}");
    }
    // Near-misses: people who did the killing, and people sent, are counted as themselves.
    assert_eq!(
        measure(
            "The navy sent 9,000 sailors to the strait.",
            "9,000 sailors"
        ),
        "shipments of sailors"
    );
    assert_ne!(
        measure(
            "About 300 rebels killed two guards at the gate.",
            "300 rebels"
        ),
        "rebel casualties"
    );
}

#[test]
fn a_physical_amount_of_goods_measures_the_goods() {
    let cases = [
        (
            "Ghana sold 30,000 tonnes of cocoa beans to Malaysia.",
            "30,000 tonnes",
            "cocoa beans",
        ),
        (
            "The mine yielded 2 million ounces of silver.",
            "2 million ounces",
            "silver",
        ),
        // Near-misses: no goods named after the amount, nor moving in the clause's subject,
        // the dimension stands.
        (
            "The barge carried 4,100 tonnes when it ran aground.",
            "4,100 tonnes",
            "weight",
        ),
        ("The new crane can lift 900 tonnes.", "900 tonnes", "weight"),
    ];
    for (text, quote, want) in cases {
        let got = measure(text, quote);
        assert!(
            got == want || got.ends_with(&format!(" of {want}")),
            "{text}: {got}"
        );
    }
}

#[test]
fn the_baseline_of_a_change_is_an_earlier_value_of_the_same_figure() {
    let text = "Ghana has shipped about 4,000 tractors to Mali since May, up from 2,500 \
                tractors it counted in March.";
    let head = claim_for(text, "4,000 tractors");
    let base = claim_for(text, "2,500 tractors");
    assert_eq!(base.measure, head.measure);
    assert_eq!(base.kind, head.kind);
    // Near-miss: a second figure of another unit after "up from" is no earlier value.
    let text = "Ghana has shipped about 4,000 tractors to Mali, up from $2 million of parts.";
    assert_ne!(
        claim_for(text, "$2 million").measure,
        claim_for(text, "4,000 tractors").measure
    );
}

#[test]
fn a_fraction_of_something_is_a_share_of_it() {
    let cases = [
        (
            "Peru relies on Chile for roughly two-thirds of its imported fertiliser.",
            "roughly two-thirds",
            "share of its imported fertiliser",
        ),
        (
            "Three-quarters of the coffee went to Germany.",
            "Three-quarters",
            "share of coffee",
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(measure(text, quote), want, "{text}");
    }
    // Near-miss: "a third of them" names nothing; the share is not "of them".
    let got = measure("About a third of them came from Chile.", "About a third");
    assert!(!got.contains("them"), "{got}");
}

#[test]
fn a_figure_that_states_an_aim_or_a_bound_measures_it() {
    for (text, quote, want) in [
        (
            "Much of the oil was priced below the $60 a barrel cap set by the importers.",
            "$60 a barrel",
            "price cap",
        ),
        (
            "Chile and Peru passed the $50 billion goal they had set for their trade.",
            "$50 billion",
            "goal",
        ),
        (
            "Buyers paid under a $70 price cap agreed in Oslo.",
            "$70",
            "price cap",
        ),
    ] {
        assert_eq!(measure(text, quote), want, "{text}");
    }
    // near-miss: a price with no aim after it stays a price
    assert_eq!(
        measure(
            "The oil was priced at $60 a barrel in March.",
            "$60 a barrel"
        ),
        "unit cost"
    );
}

#[test]
fn an_amount_of_goods_a_verb_moves_measures_that_movement() {
    for (text, quote, want) in [
        (
            "Turkey has since become a big buyer, importing about 400,000 barrels a day from Iraq.",
            "about 400,000 barrels a day",
            "imports of oil",
        ),
        (
            "Kazakhstan is shipping roughly 3 million tonnes to Uzbekistan this year.",
            "roughly 3 million tonnes",
            "shipments",
        ),
    ] {
        assert_eq!(measure(text, quote), want, "{text}");
    }
    // near-miss: with no verb of movement the amount is what it weighs
    assert_eq!(
        measure(
            "The bridge can bear 40 tonnes, engineers in Astana said.",
            "40 tonnes"
        ),
        "weight"
    );
}

#[test]
fn a_figure_continuing_another_across_a_period_named_by_an_event_measures_the_same() {
    let text = "Chile's share of Peru's copper imports has risen from less than 5% before the \
                pandemic to more than a third.";
    assert_eq!(
        measure(text, "less than 5%"),
        measure(text, "more than a third"),
        "{text}"
    );
    assert!(measure(text, "more than a third").contains("share"));
}

#[test]
fn a_rate_after_the_goods_is_no_part_of_them() {
    let text = "The new line would carry up to 20 billion cubic metres of Kazakh gas a year to \
                Uzbekistan.";
    assert_eq!(measure(text, "20 billion cubic metres"), "Kazakh gas");
    let text = "The port handles 3 million tonnes of grain annually, officials in Odesa said.";
    assert_eq!(measure(text, "3 million tonnes"), "grain");
}

/// A counted noun that only portions something out ("rounds", "batches", "packages") keeps
/// what it portions, up to the first preposition: a round of sanctions is not a round of
/// ammunition (which is itself what is counted), and the party after "on" or "for" is no
/// part of the goods.
#[test]
fn portion_nouns_keep_what_they_portion() {
    let cases = [
        (
            "The bloc has now imposed 14 rounds of sanctions on Belgrade.",
            "14 rounds",
            "rounds of sanctions",
        ),
        (
            "The depot could hold more than 2 million rounds of 122mm artillery ammunition.",
            "2 million rounds",
            "rounds",
        ),
        (
            "Canberra approved three packages of flood relief for Fiji in May.",
            "three packages",
            "packages of flood relief",
        ),
        (
            "Norvik Marine delivered five consignments of copper wire to Chile.",
            "five consignments",
            "consignments of copper wire",
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(measure(text, quote), want, "{text}");
    }
    // Without its "of" phrase the noun is the measure, as any counted noun is.
    assert_eq!(
        measure(
            "Inspectors counted five consignments at the port.",
            "five consignments"
        ),
        "consignments"
    );
}

/// A physical amount that is the size of an attribute named before it ("a capacity of",
/// "a range of") measures that attribute, not its unit.
#[test]
fn an_amount_after_an_attribute_measures_the_attribute() {
    let cases = [
        (
            "The Baltic line has a design capacity of 27 billion cubic metres a year.",
            "27 billion cubic metres",
            "design capacity",
        ),
        (
            "The new drone has a range of 1,200 km, its maker said.",
            "1,200 km",
            "range",
        ),
        (
            "The smelter reached an annual output of 400,000 tonnes.",
            "400,000 tonnes",
            "annual output",
        ),
    ];
    for (text, quote, want) in cases {
        assert_eq!(measure(text, quote), want, "{text}");
    }
    // Goods named after the amount still win.
    assert_eq!(
        measure(
            "The port handled a volume of 3 million tonnes of grain.",
            "3 million tonnes"
        ),
        "grain"
    );
}

/// A count of a stock its clause puts in a named region or city that is none of its parties
/// names the place: the part of a deployment in one region is not the whole of it.
#[test]
fn a_stock_put_in_a_named_place_names_the_place() {
    let text = "The defence ministry said around 6,000 Belarusian engineers had been sent to \
                western Serbia for training. Last month the minister said about 2,000 of them \
                had moved into Serbia's northern Vojvodina region, and officials now put the \
                total in Serbia at more than 7,000. On Tuesday the Serbian president put the \
                number in Vojvodina at 3,500.";
    assert_eq!(measure(text, "about 2,000"), "engineers in Vojvodina");
    assert_eq!(measure(text, "3,500"), "engineers in Vojvodina");
    // The whole, in the country that is its party: no place of its own.
    assert_eq!(measure(text, "more than 7,000"), "engineers");
    assert!(!measure(text, "around 6,000").contains(" in "));
    // A city a count stands in, with a company as its owner.
    let text = "Torvald Mining now employs about 900 miners in Kiruna.";
    assert_eq!(measure(text, "about 900"), "miners in Kiruna");
}

/// A flow's destination is its counterpart, and a place two regions share names neither:
/// no place is added.
#[test]
fn a_flow_or_two_places_add_no_place() {
    let text = "Ghana shipped 40,000 tonnes of cocoa to Spain through the port in Tema.";
    assert!(!measure(text, "40,000 tonnes").contains("Tema"));
    let text = "About 1,200 volunteers were posted in Lviv and in Odesa last month.";
    let m = measure(text, "About 1,200");
    assert!(!m.contains("Lviv") && !m.contains("Odesa"), "{m}");
}

/// A date after the goods ends the measure: "last year" is when, never what.
#[test]
fn a_date_after_the_goods_is_no_part_of_the_measure() {
    let text = "Egypt imported 2 million tonnes of Ukrainian wheat last year.";
    assert_eq!(
        measure(text, "2 million tonnes"),
        "imports of Ukrainian wheat"
    );
    let text = "Vietnam shipped 40,000 tonnes of rice this month to the Philippines.";
    assert_eq!(measure(text, "40,000 tonnes"), "shipments of rice");
}

/// An interrupter between a subject and its verb ("dominated by cars, steel and
/// electronics", "mostly copper") describes the subject: the measure is the subject.
#[test]
fn an_interrupter_before_the_verb_is_not_the_measure() {
    let text = "Peruvian exports to Japan were worth about $11 billion last year, while imports \
                from Japan, dominated by cars, steel and electronics, came to about $9 billion.";
    let c = claim_for(text, "about $9 billion");
    assert!(c.measure.starts_with("imports"), "{}", c.measure);
    assert_eq!(
        (c.subject.as_deref(), c.object.as_deref()),
        (Some("Japan"), Some("Peru"))
    );
    let text = "Chilean exports, mostly copper and lithium, rose to $40 billion in 2023.";
    assert_eq!(measure(text, "$40 billion"), "Chilean exports");
    // Near-miss: a clause joined after the interrupter keeps its own count.
    let text = "Officials said Minsk had decided to send about 9,000 engineers, including \
                drone crews, and that some 1,500 had already been flown to Tabriz.";
    let c = claim_for(text, "some 1,500");
    assert_eq!(c.quantity.unit.as_deref(), Some("engineer"), "{c:?}");
}

/// Money "in" or "of" goods names what it pays for or is ("$2 billion in farm loans",
/// "€80 million of Iranian state assets"); a name between a verb of giving and the figure
/// is who gets it, never the measure ("will lend Ghana $750 million"). Near-misses: "in"
/// a place or a period, and "in total", are no goods.
#[test]
fn money_in_or_of_goods_is_measured_by_the_goods() {
    assert_eq!(
        measure(
            "Sweden will give Moldova another $90 million in energy aid.",
            "$90 million"
        ),
        "energy aid"
    );
    assert_eq!(
        measure(
            "Belgium has frozen about €80 million of Iranian state assets.",
            "€80 million"
        ),
        "Iranian state assets"
    );
    assert_eq!(
        measure("Brazil will lend Ghana $750 million.", "$750 million"),
        "loans"
    );
    for (text, quote) in [
        ("Brazil invested $750 million in Ghana.", "$750 million"),
        ("Tariffs cost importers $4 billion in total.", "$4 billion"),
    ] {
        let m = measure(text, quote);
        assert!(!m.contains("Ghana") && m != "total", "{text}: {m}");
    }
}

/// "aim to raise bilateral trade to $200 billion": the verb after an infinitive's "to"
/// governs the measure and is no part of it.
#[test]
fn an_infinitive_verb_is_cut_from_the_measure() {
    assert_eq!(
        measure(
            "Peru and Chile aim to double bilateral trade to $30 billion by 2030.",
            "$30 billion"
        ),
        "bilateral trade"
    );
    assert_eq!(
        measure(
            "Minsk plans to boost fertiliser sales to $12 billion.",
            "$12 billion"
        ),
        "fertiliser sales"
    );
}

/// "is set to rise to", "is expected to reach": the words of prospect belong to the verb,
/// and the measure is the subject before them. "cost Chile $2 billion in lost exports" is
/// measured by what was lost, not read as a unit cost.
#[test]
fn prospects_and_costs_keep_their_subject_and_goods() {
    assert_eq!(
        measure(
            "Chile's copper revenue is set to rise to $55 billion in 2025.",
            "$55 billion"
        ),
        "Chile's copper revenue"
    );
    assert_eq!(
        measure(
            "The strike cost Chile an estimated $2 billion in lost exports.",
            "$2 billion"
        ),
        "lost exports"
    );
}

/// "Peru earns about $40 million a day from copper exports": money earned from something is
/// the revenue from it; "a share of X comes from" keeps the verb out; a noun of supply with
/// "re-" ("Bolivia's re-exports") is one.
#[test]
fn earnings_shares_and_re_exports_are_measured_by_their_nouns() {
    assert_eq!(
        measure(
            "Peru earns about $40 million a day from copper exports.",
            "$40 million"
        ),
        "revenue from copper exports"
    );
    assert_eq!(
        measure(
            "A third of Peru's budget revenue comes from mining.",
            "A third"
        ),
        "share of Peru's budget revenue"
    );
    assert_eq!(
        measure(
            "Bolivia's re-exports to Chile surged to $700 million.",
            "$700 million"
        ),
        "Bolivia's re-exports"
    );
}

/// "Codelco cut copper output by 5%": a verb that changes an amount is no part of the
/// amount's measure, and neither is the company before it.
#[test]
fn a_verb_of_change_before_its_object_is_cut_from_the_measure() {
    assert_eq!(
        measure(
            "Codelco cut copper output by 5% in the second quarter.",
            "5%"
        ),
        "decline of copper output"
    );
}
