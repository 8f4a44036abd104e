//! Claims: the kind of quantity a figure is (change, share, running total, flow, price,
//! other) and figures restated in another currency or unit. Sentences written for these
//! tests.

use sinew_nlp::annotate;
use sinew_types::{Claim, DocId, MeasureKind};

fn claim(text: &str, quote: &str) -> Claim {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
}

fn kind(text: &str, quote: &str) -> MeasureKind {
    claim(text, quote).kind
}

#[test]
fn changes() {
    use MeasureKind::Change;
    assert_eq!(
        kind("Trade between Peru and Chile rose 8.5% in 2023.", "8.5%"),
        Change
    );
    assert_eq!(
        kind("Exports grew by 64.2% between 2021 and 2023.", "64.2%"),
        Change
    );
    assert_eq!(
        kind("Revenue was up $5 billion on the year.", "$5 billion"),
        Change
    );
    assert_eq!(
        kind("It was a 26.3% jump from the previous year.", "26.3%"),
        Change
    );
    assert_eq!(
        kind("The total was 12% higher than in 2022.", "12%"),
        Change
    );
    // Near-miss: "rose to" gives the level reached, not a change.
    assert_ne!(
        kind("Trade rose to $240 billion in 2023.", "$240 billion"),
        Change
    );
}

#[test]
fn shares() {
    use MeasureKind::Share;
    assert_eq!(
        kind("China supplies 90% of Russia's imports of chips.", "90%"),
        Share
    );
    assert_eq!(
        kind("In 2023, Brazil accounted for 37% of the total.", "37%"),
        Share
    );
    // The measure says it: a dependence is a share.
    assert_eq!(
        kind(
            "Egyptian dependence on Ukraine for wheat fell from 80% in 2020.",
            "80%"
        ),
        Share
    );
    // Near-miss: a growth rate is no share.
    assert_ne!(kind("Imports of chips grew 90% last year.", "90%"), Share);
}

#[test]
fn running_totals_are_stocks() {
    use MeasureKind::Stock;
    assert_eq!(
        kind(
            "Iran has shipped 6,700 containers to Russia since August.",
            "6,700"
        ),
        Stock
    );
    assert_eq!(
        kind("So far, Norway has sent 40 tanks to Ukraine.", "40 tanks"),
        Stock
    );
    // A verb of supply in the present perfect with no period: everything up to now.
    assert_eq!(
        kind(
            "Belarus has quietly transferred two jets and more than 900 trucks to the Russian army.",
            "900 trucks"
        ),
        Stock
    );
    // Near-miss: a period named makes it that period's flow.
    assert_ne!(
        kind(
            "Belarus has transferred more than 900 trucks to the Russian army in 2023.",
            "900 trucks"
        ),
        Stock
    );
    // "since" is a signal outside the time's span (TIMEX3): the time's kind carries it.
    assert_eq!(
        kind(
            "Poland gave 310 tanks to Ukraine since March 2022, officials said.",
            "310 tanks"
        ),
        Stock
    );
    assert_eq!(
        kind(
            "Germany has delivered 300 trucks to Kenya in total.",
            "300 trucks"
        ),
        Stock
    );
    // Near-miss: one year's amount is a flow.
    assert_eq!(
        kind(
            "Germany delivered 300 trucks to Kenya in 2023.",
            "300 trucks"
        ),
        MeasureKind::Flow
    );
}

#[test]
fn amounts_over_a_period_are_flows() {
    use MeasureKind::Flow;
    assert_eq!(
        kind(
            "Chinese exports to Russia reached $111 billion in 2023.",
            "$111 billion"
        ),
        Flow
    );
    assert_eq!(
        kind(
            "Belarus exports 300 million dollars a month to Russia.",
            "300 million"
        ),
        Flow
    );
}

#[test]
fn prices_and_rates() {
    use MeasureKind::Price;
    assert_eq!(
        kind("Urals crude sold below the $60 a barrel cap.", "$60"),
        Price
    );
    assert_eq!(
        kind("Each drone costs less than $500 per unit.", "$500"),
        Price
    );
    assert_eq!(
        kind("The central bank raised its interest rate to 16%.", "16%"),
        Price
    );
    // Near-miss: a monthly amount is a flow, not a price.
    assert_ne!(
        kind(
            "Belarus exports 300 million dollars a month to Russia.",
            "300 million"
        ),
        Price
    );
}

#[test]
fn other_when_nothing_says() {
    // A speed is a property of a thing, not an amount over a period.
    assert_eq!(
        kind(
            "The drone flies at 160 kilometers per hour.",
            "160 kilometers"
        ),
        MeasureKind::Other
    );
    assert_eq!(
        kind("The plan lists 40 goals for the decade.", "40 goals"),
        MeasureKind::Other
    );
}

#[test]
fn a_headcount_with_no_verb_of_flow_is_a_stock() {
    assert_eq!(
        kind("Thirteen of the council's 15 members voted.", "15 members"),
        MeasureKind::Stock
    );
    assert_eq!(
        kind(
            "The airline employs 9,000 workers in Lisbon.",
            "9,000 workers"
        ),
        MeasureKind::Stock
    );
    // Near-miss: troops sent are a flow.
    assert_eq!(
        kind(
            "Chad sent 1,000 troops to Mali in May 2023.",
            "1,000 troops"
        ),
        MeasureKind::Flow
    );
}

#[test]
fn a_bracketed_figure_in_another_currency_restates_the_one_before() {
    let cases = [
        (
            "The deal reached 600 million dollars (about 561 million euros) last year.",
            "600 million dollars",
            "561 million euros",
        ),
        (
            "The fund paid $1bn (£790m) to the builder.",
            "$1bn",
            "£790m",
        ),
        (
            "Brussels pledged €5 billion ($5.4 billion) for roads.",
            "€5 billion",
            "$5.4 billion",
        ),
        // ", or" restates as a bracket does.
        (
            "Iraq shipped about 50 million tonnes, or roughly 1 million barrels a day, to India.",
            "50 million tonnes",
            "1 million barrels",
        ),
        // The same amount over another period restates it as a rate.
        (
            "Chile's copper sales to Japan reached $24 billion, or $2 billion a month.",
            "$24 billion",
            "$2 billion a month",
        ),
    ];
    for (text, first, second) in cases {
        let a = claim(text, first);
        let b = claim(text, second);
        assert_eq!(b.restates, Some(a.span), "{text}");
        assert_eq!(a.restates, None, "{text}");
    }
    // Near-misses: the same currency, a figure not in brackets, another kind of figure.
    for (text, second) in [
        (
            "The loan grew from $1bn ($1.2bn with interest) to more.",
            "$1.2bn",
        ),
        ("The fund paid $1bn and £790m to the builders.", "£790m"),
        // "or" between two amounts of one unit is a range or a choice, not a restatement.
        ("Tickets cost $40, or $55 at the door.", "$55"),
        (
            "The fund paid $1bn (12% of its budget) to the builder.",
            "12%",
        ),
    ] {
        assert_eq!(claim(text, second).restates, None, "{text}");
    }
}

#[test]
fn a_percentage_is_a_share_unless_it_is_a_price_a_change_or_over_100() {
    assert_eq!(
        kind("About 34% of the voters backed the plan.", "34%"),
        MeasureKind::Share
    );
    assert_eq!(
        kind("Exports of valves to Armenia, 410% from 2021.", "410%"),
        MeasureKind::Change
    );
    assert_eq!(
        kind("The telecom will cut prices by up to 25% next year.", "25%"),
        MeasureKind::Change
    );
    assert_eq!(
        kind("Coffee prices rose 30% in March.", "30%"),
        MeasureKind::Change
    );
    // Near-miss: an interest rate is a price.
    assert_eq!(
        kind("The bank set its interest rate at 7%.", "7%"),
        MeasureKind::Price
    );
}

#[test]
fn what_a_company_is_bought_for_is_a_price() {
    assert_eq!(
        kind(
            "Siemens is acquiring Altair Engineering for $10 billion.",
            "$10 billion"
        ),
        MeasureKind::Price
    );
    assert_eq!(
        kind(
            "Microsoft agreed to buy Activision Blizzard in a $69 billion deal.",
            "$69 billion"
        ),
        MeasureKind::Price
    );
    // Near-miss: goods bought over a year are a flow.
    assert_eq!(
        kind(
            "Kenya bought $400 million of fertiliser from Morocco in 2023.",
            "$400 million"
        ),
        MeasureKind::Flow
    );
}

#[test]
fn a_total_of_counted_things_is_a_running_total_and_one_of_money_is_not() {
    assert_eq!(
        kind(
            "Ghana has sent tractors to Togo. Officials put the total at 3,000 tractors.",
            "3,000 tractors"
        ),
        MeasureKind::Stock
    );
    // Near-miss: a total of money is the period's amount, not a running total.
    let text = "Trade between Ghana and Togo reached $2 billion in 2023. Customs put the total \
                at $2 billion.";
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    let claims = annotate(text, published, &DocId("test".into())).claims;
    let total = claims.last().expect("two claims");
    assert!(text[..total.span.start].ends_with("total at "), "{total:?}");
    assert_ne!(total.kind, MeasureKind::Stock);
}

#[test]
fn a_running_total_dated_by_its_report_is_still_a_running_total() {
    use MeasureKind::Stock;
    // The month dates the saying, not a window the count covers.
    assert_eq!(
        kind(
            "In March the ministry said Norway had delivered more than 400 trucks to Poland.",
            "400 trucks"
        ),
        Stock
    );
    assert_eq!(
        kind(
            "Officials said in May that Chile had shipped over 2,000 tractors to Peru.",
            "2,000 tractors"
        ),
        Stock
    );
    // The passive counts the same way.
    assert_eq!(
        kind(
            "The ministry said some 300 engineers had already been sent to Laos by Vietnam.",
            "300 engineers"
        ),
        Stock
    );
    // Near-miss: a month after the figure names the window it was delivered in.
    assert_ne!(
        kind(
            "The ministry said Norway had delivered 400 trucks to Poland in March.",
            "400 trucks"
        ),
        Stock
    );
}

#[test]
fn what_an_actor_means_to_send_is_no_running_total() {
    assert_ne!(
        kind(
            "Ghana had decided to send about 2,500 nurses to Britain.",
            "2,500 nurses"
        ),
        MeasureKind::Stock
    );
    assert_ne!(
        kind(
            "Canada has pledged to deliver 80 buses to Chile.",
            "80 buses"
        ),
        MeasureKind::Stock
    );
    // Near-miss: what it has sent is.
    assert_eq!(
        kind(
            "Ghana has sent about 2,500 nurses to Britain.",
            "2,500 nurses"
        ),
        MeasureKind::Stock
    );
}

/// Issue 14: growth rates, shares, stocks, flows and prices are told apart by the words
/// around the figure, not only by the verb right before it.
#[test]
fn growth_rates_money_and_multipliers() {
    use MeasureKind::{Change, Flow, Price, Share, Stock};
    // Growth rates named around the figure.
    for (s, q) in [
        (
            "The market will grow at a 7.5% compound annual growth rate to 2030.",
            "7.5%",
        ),
        (
            "Analysts expect a growth rate of 4.2% for the sector.",
            "4.2%",
        ),
        ("Wheat may see a decrease of 12% by 2050.", "12%"),
        (
            "The app raised its bookings on the platform by 84% since last year.",
            "84%",
        ),
        ("Households could save an average of 9% on heating.", "9%"),
        ("Listings are about 20% above last year's level.", "20%"),
        ("Farmers earned 35% more this season.", "35%"),
    ] {
        assert_eq!(kind(s, q), Change, "{s}");
    }
    // A multiplier compares.
    assert_eq!(
        kind("The new chip runs 4x faster than the old one.", "4x"),
        Change
    );
    // Near misses: a plain part of a whole stays a share, a level reached stays no change.
    assert_eq!(kind("About 40% of voters backed the plan.", "40%"), Share);
    assert_eq!(kind("The growth team grew to 35% of staff.", "35%"), Share);
    // Money: held or owed is a stock, earned or spent a flow, anything else a price.
    assert_eq!(
        kind(
            "The average borrower carries a balance of $21,400.",
            "$21,400"
        ),
        Stock
    );
    assert_eq!(
        kind(
            "The firm generates close to $3 billion in annual revenue.",
            "$3 billion"
        ),
        Flow
    );
    assert_eq!(
        kind(
            "Card fraud drains $4 billion annually from small banks.",
            "$4 billion"
        ),
        Flow
    );
    assert_eq!(
        kind("A basic smart thermostat sells for about $130.", "$130"),
        Price
    );
    // A fraction kept as a figure is a part of some whole.
    assert_eq!(kind("Half of the members voted against.", "Half"), Share);
}

#[test]
fn a_total_of_money_is_a_flow_like_the_figure_it_sums() {
    let text = "Imports from Norway reached $31 billion in 2023, the agency said. Customs put \
                the total at $31 billion.";
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    let kinds: Vec<MeasureKind> = annotate(text, published, &DocId("test".into()))
        .claims
        .iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds, vec![MeasureKind::Flow, MeasureKind::Flow]);
}

#[test]
fn people_an_actor_has_are_a_stock_whatever_verb_holds_them() {
    use MeasureKind::{Flow, Stock};
    assert_eq!(
        kind(
            "Volvo uses 3,200 workers at its Ghent plant.",
            "3,200 workers"
        ),
        Stock
    );
    assert_eq!(
        kind("The Ghent plant provides 4,100 jobs.", "4,100 jobs"),
        Stock
    );
    // a verb of sending moves them; a period makes a hiring a flow
    assert_eq!(
        kind("Belarus sent 900 soldiers to the border.", "900 soldiers"),
        Flow
    );
}

#[test]
fn a_number_put_at_a_count_of_people_is_a_stock() {
    use MeasureKind::Stock;
    let text = "Officials said 1,200 Chadian soldiers had reached Niger. The army put the number \
                in Niamey at 2,400.";
    let c = claim(text, "2,400");
    assert_eq!(c.kind, Stock, "{c:?}");
}

#[test]
fn things_held_or_served_are_a_stock() {
    use MeasureKind::Stock;
    assert_eq!(
        kind(
            "The archive holds about 12 million photographs.",
            "12 million"
        ),
        Stock
    );
    assert_eq!(
        kind(
            "Lidl serves roughly 9 million shoppers in Poland.",
            "9 million"
        ),
        Stock
    );
    assert_eq!(
        kind(
            "Veloway is popular with its 40,000 registered riders.",
            "40,000"
        ),
        Stock
    );
    assert_eq!(
        kind(
            "More than 700 clinics have adopted the form.",
            "700 clinics"
        ),
        Stock
    );
    // a handful describes parts, not a holding
    assert_ne!(
        kind("The plan has three tiers for small firms.", "three tiers"),
        Stock
    );
}

#[test]
fn a_fraction_word_stated_again_as_a_percentage_restates_it() {
    let text = "Almost a third of Dutch farmers (32%) rent their land.";
    let a = claim(text, "a third");
    let b = claim(text, "32%");
    assert_eq!(b.restates, Some(a.span), "{b:?}");
    // another share in the bracket is another figure
    let text = "Almost a third of Dutch farmers (12%) rent their land.";
    assert_eq!(claim(text, "12%").restates, None);
}

#[test]
fn goals_capacities_and_frequencies_are_other() {
    use MeasureKind::Other;
    assert_eq!(
        kind(
            "Peru and Chile passed the $30 billion goal their ministers set for 2025.",
            "$30 billion"
        ),
        Other
    );
    assert_eq!(
        kind(
            "Chile sells power to Peru over a line with a capacity of 4 billion kilowatt hours a year.",
            "4 billion"
        ),
        Other
    );
    assert_eq!(
        kind("Post short clips 2-4 times/week on the app.", "2-4 times"),
        Other
    );
}

#[test]
fn exports_that_rose_to_a_level_over_a_period_are_a_flow() {
    use MeasureKind::Flow;
    // The counted noun is a generic unit; the clause's subject names the movement.
    assert_eq!(
        kind(
            "Chilean exports of copper cathodes rose to 5,000 units in 2023.",
            "5,000 units"
        ),
        Flow
    );
    assert_eq!(
        kind(
            "Peruvian shipments of fishmeal climbed to 80,000 tonnes last year.",
            "80,000 tonnes"
        ),
        Flow
    );
    assert_eq!(
        kind(
            "Sales of electric buses to Chile reached 1,200 vehicles in the first half.",
            "1,200 vehicles"
        ),
        Flow
    );
}

#[test]
fn exports_named_before_a_generic_unit_are_a_flow_far_from_the_figure() {
    // "units" is also a headcount word ("a chain of 4,500 units"); the movement named by
    // the clause's subject, however far before the figure, makes it what moved.
    assert_eq!(
        kind(
            "Korean exports of electric scooters to Chile rose to 5,000 units.",
            "5,000 units"
        ),
        MeasureKind::Flow
    );
    // Near-miss: a chain's units with no movement are what it has.
    assert_eq!(
        kind(
            "The bakery chain runs 4,500 units worldwide.",
            "4,500 units"
        ),
        MeasureKind::Stock
    );
}

#[test]
fn now_is_no_period_for_what_an_actor_has() {
    assert_eq!(
        kind("The chain now has roughly 4,500 stores.", "4,500 stores"),
        MeasureKind::Stock
    );
}

#[test]
fn a_baseline_named_through_its_level_is_the_figure_it_changed_from() {
    let text = "Mortgage rates will average 6.1% in 2027, down from their 2026 average of 6.5%.";
    let level = claim(text, "6.1%");
    let baseline = claim(text, "6.5%");
    assert_ne!(baseline.kind, MeasureKind::Change, "{baseline:?}");
    assert_eq!(baseline.kind, level.kind);
    assert_eq!(baseline.measure, level.measure);
    // Near-miss: the change itself stays a change.
    assert_eq!(
        kind("Rates fell 0.4% from a record high of 7.2%.", "0.4%"),
        MeasureKind::Change
    );
}

#[test]
fn what_is_saved_of_a_whole_is_a_share_of_it() {
    assert_eq!(
        kind(
            "Planners advise that workers save 12% of their salary.",
            "12%"
        ),
        MeasureKind::Share
    );
    // Near-miss: saving on a price is a change.
    assert_eq!(
        kind("Members save 15% at the pump.", "15%"),
        MeasureKind::Change
    );
}

/// A percentage charged, paid or earned on an amount is a price; a percentage of a whole
/// near the same words stays a share, and money near them is no price.
#[test]
fn rates_charged_or_earned_are_prices() {
    use MeasureKind::{Price, Share};
    for (text, quote) in [
        (
            "The Larchfield bond fund has an expense ratio of 0.45%.",
            "0.45%",
        ),
        (
            "Savers who assumed a 7% yearly return would double their money.",
            "7%",
        ),
        (
            "Ostrava Energy is offering a 40-percent instant rebate on heat pumps.",
            "40-percent",
        ),
        ("The bank charges interest of 6.9% on such loans.", "6.9%"),
    ] {
        assert_eq!(kind(text, quote), Price, "{text}");
    }
    // Near-miss: a part of a whole, with a rate word further off.
    assert_eq!(
        kind(
            "About 35% of households in Tartu pay no interest at all.",
            "35%"
        ),
        Share
    );
}

/// An appositive after the company bought ("Brightloop, a startup based in Oslo,") does not
/// cut the price off its verb of buying.
#[test]
fn an_appositive_after_the_company_bought_keeps_the_price() {
    for text in [
        "Varonex bought Brightloop for $45 million.",
        "Varonex bought Brightloop, a startup based in Oslo, for $45 million.",
    ] {
        assert_eq!(kind(text, "$45 million"), MeasureKind::Price, "{text}");
    }
    // Near-miss: a list goes on with "and": no appositive, nothing reaches back.
    let text = "Exports to Japan, the EU, and Canada rose 4% in 2023.";
    assert_eq!(kind(text, "4%"), MeasureKind::Change);
}

/// "Argentine beef made up 22% of Chile's meat imports": "make up" forms a part; its "up"
/// is no rise. Near-miss: "was up 22%" is one. A verb of narrowing or widening is a verb of
/// change ("narrowed 4%"), and "narrowed to $9 billion" states a level.
#[test]
fn make_up_is_a_share_and_narrowing_is_a_change() {
    use MeasureKind::{Change, Share};
    assert_eq!(
        kind(
            "Argentine beef made up 22% of Chile's meat imports last year.",
            "22%"
        ),
        Share
    );
    assert_eq!(
        kind("Chile's meat imports were up 22% last year.", "22%"),
        Change
    );
    assert_eq!(
        kind("The deficit with Brazil narrowed 4% in 2023.", "4%"),
        Change
    );
    assert_eq!(
        claim(
            "Chile's trade deficit with Brazil narrowed to $9 billion in 2023.",
            "$9 billion"
        )
        .measure,
        "Chile's trade deficit with Brazil"
    );
}

/// The two values of one change in one sentence: the earlier one points at the later
/// ("from A ... to B", "to B from A", "B, up from A"). Near-misses: two figures of two
/// clauses joined by "and", and two of different units, are no change.
#[test]
fn the_earlier_value_of_a_change_points_at_the_later() {
    let to = |text: &str, quote: &str| {
        claim(text, quote)
            .changed_to
            .map(|s| text[s.start..s.end].to_string())
    };
    let text = "Peru's share of Chile's copper imports fell from 40% in 2019 to 9% last year.";
    assert_eq!(to(text, "40%").as_deref(), Some("9%"));
    assert_eq!(to(text, "9%"), None);
    let text = "Exports to Bolivia rose 12% to $3 billion from $2.7 billion a year earlier.";
    assert_eq!(to(text, "$2.7 billion").as_deref(), Some("$3 billion"));
    assert_eq!(to(text, "$3 billion"), None);
    let text = "Trade reached $8 billion in 2024, up from $6 billion.";
    assert_eq!(to(text, "$6 billion").as_deref(), Some("$8 billion"));
    let text = "Chile bought 5 million tonnes from Peru and 3 million tonnes from Bolivia.";
    assert_eq!(to(text, "5 million tonnes"), None);
    assert_eq!(to(text, "3 million tonnes"), None);
    let text = "Peru shipped 300 trucks from Lima to Arica, worth $9 million.";
    assert_eq!(to(text, "300 trucks"), None);
}
