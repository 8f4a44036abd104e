//! Companies as parties: acquisitions (buyer, then the company bought), employers, a
//! company's own accounts, "the company" and "it" referring back, and table rows naming the
//! company (its label), a giver named after "from", and "the fund" referring back. Near-misses: buying goods from a country is a flow, and a dummy "it" refers to
//! nothing.

use super::{check, only, pair};

#[test]
fn the_buyer_is_the_subject_and_the_company_bought_the_object() {
    check(&[
        (
            "Siemens is acquiring Altair Engineering for $10 billion in cash.",
            "$10 billion",
            pair("Siemens", "Altair Engineering"),
        ),
        (
            "Microsoft agreed to buy Activision Blizzard in a $69 billion deal.",
            "$69 billion",
            pair("Microsoft", "Activision Blizzard"),
        ),
        // who announces its own purchase is still the buyer
        (
            "Cloud provider Marbeck Systems has announced plans to acquire storage company \
             Dunlow AI for $1.2 billion in cash.",
            "$1.2 billion",
            pair("Marbeck Systems", "Dunlow AI"),
        ),
        // In the passive the agent after "by" buys.
        (
            "Tessaly Labs was acquired by Dataminr for $290 million in 2023.",
            "$290 million",
            pair("Dataminr", "Tessaly Labs"),
        ),
        // A relative clause describing the company bought does not end the buying clause.
        (
            "Halvard Systems has acquired Quillmark, which makes payroll software, for $12 million.",
            "$12 million",
            pair("Halvard Systems", "Quillmark"),
        ),
        // A company the tagger does not know is still the company bought.
        (
            "Orlen Digital acquired Vexwood for $8 million last year.",
            "$8 million",
            pair("Orlen Digital", "Vexwood"),
        ),
        // Near-miss: an analyst who speaks of another's purchase is not the buyer.
        (
            "Analysts at Corvane said Dataminr is acquiring Tessaly Labs for $290 million.",
            "$290 million",
            pair("Dataminr", "Tessaly Labs"),
        ),
        // Near-miss: goods bought from a country flow from it to the buyer.
        (
            "Kenya bought $400 million of fertiliser from Morocco.",
            "$400 million",
            pair("Morocco", "Kenya"),
        ),
        // Near-miss: a demonym after the verb names the goods' origin, not a company bought.
        (
            "India bought Russian oil worth $30 billion last year.",
            "$30 billion",
            pair("Russia", "India"),
        ),
        (
            "Egypt bought Canadian wheat worth $40 million in March.",
            "$40 million",
            pair("Canada", "Egypt"),
        ),
    ]);
}

#[test]
fn employers_and_their_own_accounts() {
    check(&[
        (
            "Toyota employs 70,000 people in Japan.",
            "70,000 people",
            only("Toyota"),
        ),
        // "at X" names the employer.
        (
            "The 2,400 workers at Boeing in Seattle went on strike.",
            "2,400 workers",
            only("Boeing"),
        ),
        // A company reporting its own accounts is their subject, not only their source.
        (
            "Samsung reported operating profit of $7 billion in the third quarter.",
            "$7 billion",
            only("Samsung"),
        ),
    ]);
}

#[test]
fn the_company_and_it_refer_back_to_the_last_one_named() {
    check(&[
        (
            "Nestle opened a plant in Vietnam last year. It employs 1,200 workers there.",
            "1,200 workers",
            only("Nestle"),
        ),
        // Near-miss: "it was" is a dummy subject; the figure has no party.
        (
            "Nestle opened a plant in Brazil. It was a year in which coffee prices rose 30%.",
            "30%",
            (None, None),
        ),
    ]);
}

#[test]
fn a_table_row_is_about_the_company_in_its_first_cell() {
    check(&[
        (
            "Unilever | $120 billion | 3.2% | Consumer goods",
            "$120 billion",
            only("Unilever"),
        ),
        (
            "Unilever | $120 billion | 3.2% | Consumer goods",
            "3.2%",
            only("Unilever"),
        ),
    ]);
}

#[test]
fn a_giver_after_from_is_the_subject() {
    check(&[
        (
            "Pixar won a $50,000 grant from Microsoft for its short film.",
            "$50,000",
            pair("Microsoft", "Pixar"),
        ),
        // Near-miss: with no giver named, the winner is the subject.
        (
            "Pixar won a $50,000 grant for its short film.",
            "$50,000",
            only("Pixar"),
        ),
    ]);
}

#[test]
fn a_miscellaneous_name_is_no_party() {
    check(&[
        // "Atlanta-based" is an adjective: no one is named, so no one is the subject.
        (
            "The Atlanta-based utility will spend $2 billion on new power lines.",
            "$2 billion",
            (None, None),
        ),
        // Near-miss: the company it describes still is.
        (
            "Toyota, the Tokyo-based carmaker, will spend $2 billion on new plants.",
            "$2 billion",
            only("Toyota"),
        ),
    ]);
}

#[test]
fn the_company_with_modifiers_refers_back_too() {
    check(&[
        (
            "Savanna Power Company expanded its grid this year. The Atlanta-based utility \
             offers customers $100 off a smart thermostat.",
            "$100",
            only("Savanna Power Company"),
        ),
        (
            "Korvelan Bakeries Inc opened in Texas. The Korea-born bakery chain opened about \
             80 new outlets this year.",
            "80 new outlets",
            only("Korvelan Bakeries Inc"),
        ),
    ]);
}

#[test]
fn a_figure_naming_no_one_is_about_its_sections_heading() {
    let text = "The largest insurers, ranked.\n\n1. Korvelan Mutual Group\n\nMarket share: \
                12.9%\n\nKorvelan Mutual is based in Ohio. Net income was $2.3 billion.\n\n\
                2. Savanna Insurance Group\n\nMarket share: 6.1%\n\nSavanna Insurance sells \
                car cover.";
    check(&[
        (text, "12.9%", only("Korvelan Mutual Group")),
        (text, "$2.3 billion", only("Korvelan Mutual Group")),
        (text, "6.1%", only("Savanna Insurance Group")),
    ]);
    // Near-miss: a heading the section never names again is no topic.
    let text = "Ways to save.\n\nEnergy Rebates Group\n\nRebates average $150 a year.";
    check(&[(text, "$150", (None, None))]);
}

#[test]
fn we_in_a_companys_own_release_is_the_company() {
    let text = "Brindlewood Labs announces new prices for its cloud service.\n\n\
                Brindlewood Labs has heard its customers. Brindlewood Labs will keep the free \
                tier for open projects.\n\n\
                We are cutting storage prices by up to 25% on March 1.\n\n\
                Our new data centre handles 40 million requests per day.\n\n\
                We expect demand to grow 18% next year.\n\n\
                Based on our analysis, 70% of customers will pay less.";
    check(&[
        (text, "25%", only("Brindlewood Labs")),
        (text, "40 million requests", only("Brindlewood Labs")),
        // Near-misses: "we" weighing a figure, and "our analysis" as a source, own nothing.
        (text, "18%", (None, None)),
        (text, "70%", (None, None)),
    ]);
}

#[test]
fn the_company_far_from_its_name_is_the_documents_company() {
    let text = "Quillon Energy opens its third solar plant.\n\n\
                Quillon Energy said on Monday that the plant in the desert is finished. \
                Quillon Energy builds plants in four states.\n\n\
                Farmers near the site had asked for new roads. The county paved two of them. \
                Local schools got new buses. The mayor praised the work.\n\n\
                The company employs 900 people.";
    check(&[(text, "900 people", only("Quillon Energy"))]);
    // Near-miss: a market report naming several firms is about none of them, and a dummy
    // "it" refers to nothing.
    let text = "Pump makers had a good year.\n\n\
                Quillon Energy and Marrow Pumps Inc. sold more pumps than ever. Quillon Energy \
                also makes valves. Marrow Pumps Inc. sells abroad.\n\n\
                Buyers like steel pumps. Prices rose. Dealers are busy. Stocks are low.\n\n\
                The company employs 900 people.\n\n\
                It isn't surprising that 40% of buyers want steel.";
    check(&[
        (text, "900 people", (None, None)),
        (text, "40%", (None, None)),
    ]);
    // Near-miss: a firm named often but first far down the page is not what it is about.
    let text = "Pump makers had a good year.\n\n\
                Buyers like steel pumps and dealers are busy this spring. Prices rose in most \
                regions. Stocks are low in every warehouse.\n\n\
                Quillon Energy sold more pumps than ever. Quillon Energy also makes valves. \
                Quillon Energy sells abroad.\n\n\
                Farmers asked for roads. The county paved two. Schools got buses. The mayor \
                praised it.\n\n\
                The company employs 900 people.";
    check(&[(text, "900 people", (None, None))]);
}

#[test]
fn a_heading_may_add_a_designator_and_a_subheading_keeps_the_topic() {
    let text = "The largest insurers, ranked.\n\n1. Korvelan Mutual Group\n\nMarket share: \
                12.9%\n\nKorvelan Mutual is based in Ohio.\n\n2. Orsolo Insurance Ltd Group\n\n\
                Market share: 6.1%\n\nOrsolo Insurance Ltd sells car cover.\n\n\
                Orsolo Insurance Ltd: what sets it apart\n\nThe firm sells through agents in \
                every state.\n\nShare of home cover: 9.4%";
    check(&[
        (text, "12.9%", only("Korvelan Mutual Group")),
        (text, "6.1%", only("Orsolo Insurance Ltd")),
        (text, "9.4%", only("Orsolo Insurance Ltd")),
    ]);
}

#[test]
fn a_table_rows_label_is_its_figures_subject() {
    let text = "Site | City | State | Staff\n\
                Quillon Pumps, Inc. | Dayton | OH | 4,100 workers\n\
                Marrow Foods | Akron | OH | 950 workers\n\n\
                Marrow Foods and Quillon Pumps are the largest employers.";
    check(&[
        // The name ends at the comma; the city in another cell is no party.
        (text, "4,100 workers", only("Quillon Pumps")),
        (text, "950 workers", only("Marrow Foods")),
    ]);
    // Near-miss: a year or a common word as the label names no one.
    let text = "Year | Staff\n2023 | 880 workers\n2024 | 950 workers\n";
    check(&[(text, "950 workers", (None, None))]);
    let text =
        "Item | Staff\nTotal | 880 workers\nNet | 950 workers\n\nThe total rose; net staff fell.";
    check(&[(text, "950 workers", (None, None))]);
}

#[test]
fn the_fund_refers_back_and_a_common_word_opening_a_sentence_is_no_party() {
    let text = "Orvand launched the Kestrel Growth Fund in May. The fund holds about $2.1 \
                billion in assets.";
    check(&[(text, "$2.1 billion", only("Kestrel Growth Fund"))]);
    let text = "Careful planning pays. Safe driving can earn discounts of up to 30%. Drivers \
                who stay safe pay less.";
    check(&[(text, "30%", (None, None))]);
}

#[test]
fn it_follows_the_chain_back_to_the_subject_not_the_last_name() {
    // "The company" continues the bakery's chain; the name in its predicate is no subject.
    let text = "Brightwell Foods Inc. opened a bakery in Ohio. The company embraces the Internet \
                of Things to run its ovens. It employs 640 bakers there.";
    check(&[(text, "640 bakers", only("Brightwell Foods Inc."))]);
    // The sentence's subject, not the rival named after it.
    let text = "Since its launch in 2019, Tarrow Capital has outperformed Halvern Partners. \
                The fund holds about $376 million in assets.";
    check(&[(text, "$376 million", only("Tarrow Capital"))]);
    // Near-miss: a party named earlier in the figure's own sentence is what "its" means.
    let text = "Orvand Motors supplied the engines. The Polish Ministry of Defence claimed \
                that its factories had built 400 tanks.";
    check(&[(text, "400 tanks", only("Poland"))]);
}

#[test]
fn a_name_in_the_predicate_of_a_sentence_that_refers_back_is_no_subject() {
    let text = "Corvane ranks among the five largest insurers. It is the only insurer listed \
                in the Marlow Composite Index and reported $12.5 billion in revenue.";
    check(&[(text, "$12.5 billion", only("Corvane"))]);
    let text = "Delmont Group writes home cover. The group operates in 31 countries and \
                sells Vantia policies.";
    check(&[(text, "31 countries", only("Delmont Group"))]);
}

#[test]
fn the_council_refers_back_to_a_council_named_before() {
    let text = "The Nordic Grain Council met in Oslo on Monday. Nine of the council's 12 \
                members voted for the plan.";
    check(&[
        (text, "12 members", only("Nordic Grain Council")),
        (text, "Nine", only("Nordic Grain Council")),
    ]);
    // Near-miss: a council never named is no one's.
    let text = "The city council met on Monday. Nine of the council's 12 members voted for \
                the plan.";
    check(&[(text, "12 members", (None, None))]);
}

#[test]
fn it_is_before_a_noun_phrase_refers_back() {
    let text = "Harbin Dairy Corp. opened its first plant in 1998. It is now the largest dairy \
                in the north and reported revenue of $2.1 billion last year.";
    let also = "Ostrander Mills Inc. makes paper. It is also a lender, and it reported loans of \
                $40 million in May.";
    check(&[
        (text, "$2.1 billion", only("Harbin Dairy Corp.")),
        (also, "$40 million", only("Ostrander Mills Inc.")),
    ]);
}
