//! Quantities: the general cases news writes (issue 14), each on sentences from finance,
//! defence, sport and science, with near-misses that must keep their reading: counted nouns
//! across modifiers, a unit stated once for "X or Y", vague amounts as ranges, fraction
//! words, signed changes, currency prefixes, unit abbreviations, ages, and numbers that name
//! rather than count.

use sinew_nlp::find_quantities;

use super::quantities::{check, Want};

fn each(cases: &[(&str, &[Want])]) {
    for (input, want) in cases {
        check(input, want);
    }
}

fn none(cases: &[&str]) {
    for input in cases {
        let found = find_quantities(input);
        assert!(found.is_empty(), "{input:?} gave {found:?}");
    }
}

#[test]
fn counted_nouns_across_modifiers() {
    each(&[
        (
            "The bank hired seven more analysts in Frankfurt.",
            &[("seven more analysts", 7.0, None, "analyst", "", "")],
        ),
        (
            "Moscow received two new Chinese-made drones.",
            &[("two new Chinese-made drones", 2.0, None, "drone", "", "")],
        ),
        (
            "The navy commissioned three other frigates this year.",
            &[("three other frigates", 3.0, None, "frigate", "", "")],
        ),
        (
            "Kyiv asked for 40 US-built air defence systems.",
            &[(
                "40 US-built air defence systems",
                40.0,
                None,
                "air defence system",
                "",
                "",
            )],
        ),
    ]);
    // Near-misses: "more" with no noun after it, and "more than" as a qualifier.
    each(&[
        (
            "Five more were killed on Sunday.",
            &[("Five", 5.0, None, "", "", "")],
        ),
        (
            "More than 300 people fled.",
            &[(
                "More than 300 people",
                300.0,
                None,
                "person",
                "more than",
                "",
            )],
        ),
    ]);
}

#[test]
fn or_ranges_state_the_unit_once() {
    each(&[
        (
            "A coffee in Paris costs eight or nine euros.",
            &[("eight or nine euros", 8.0, Some(9.0), "EUR", "", "")],
        ),
        (
            "Economists expect growth of 2 or 3 percent.",
            &[("2 or 3 percent", 2.0, Some(3.0), "percent", "", "")],
        ),
        (
            "The striker will be out for five or six weeks.",
            &[("five or six weeks", 5.0, Some(6.0), "week", "", "")],
        ),
        (
            "The probe flew 10 or 12 km above the surface.",
            &[("10 or 12 km", 10.0, Some(12.0), "km", "", "")],
        ),
        (
            "Inflation will be 5 to 7 per cent next year.",
            &[("5 to 7 per cent", 5.0, Some(7.0), "percent", "", "")],
        ),
    ]);
    // A list joined by "and" keeps its figures apart, each with the unit.
    each(&[
        (
            "Doses of 45 and 50 mg were tested.",
            &[
                ("45", 45.0, None, "mg", "", ""),
                ("50 mg", 50.0, None, "mg", "", ""),
            ],
        ),
        (
            "Tariffs of 2, 3 and 5 per cent apply.",
            &[
                ("2", 2.0, None, "percent", "", ""),
                ("3", 3.0, None, "percent", "", ""),
                ("5 per cent", 5.0, None, "percent", "", ""),
            ],
        ),
        (
            "Lifts of 10, 15 and 20 kg were logged.",
            &[
                ("10", 10.0, None, "kg", "", ""),
                ("15", 15.0, None, "kg", "", ""),
                ("20 kg", 20.0, None, "kg", "", ""),
            ],
        ),
    ]);
    // Near-miss: a comma between clauses is no list.
    each(&[(
        "In the end 12, the rest 30 km away, stayed.",
        &[
            ("12", 12.0, None, "", "", ""),
            ("30 km", 30.0, None, "km", "", ""),
        ],
    )]);
}

#[test]
fn vague_amounts_are_ranges() {
    for (input, lo, hi) in [
        ("Thousands of people marched in Tbilisi.", 2e3, 1e4),
        ("Dozens of drones were shot down.", 24.0, 100.0),
        ("Hundreds of investors lost money.", 200.0, 1e3),
        ("Tens of thousands of fans filled the stadium.", 2e4, 1e5),
        ("Millions of barrels were stored.", 2e6, 1e7),
        ("Several ships were hit.", 3.0, 9.0),
    ] {
        let found = find_quantities(input);
        assert_eq!(found.len(), 1, "{input:?} gave {found:?}");
        let q = &found[0];
        assert!(q.vague, "{input:?} gave {q:?}");
        assert_eq!((q.value, q.value_max), (lo, Some(hi)), "{input:?}");
    }
}

#[test]
fn fraction_words() {
    each(&[
        (
            "Three fifths of voters backed the plan.",
            &[("Three fifths", 0.6, None, "", "", "")],
        ),
        (
            "Half of the budget goes to defence.",
            &[("Half", 0.5, None, "", "", "")],
        ),
        (
            "Nearly half of the samples were contaminated.",
            &[("Nearly half", 0.5, None, "", "nearly", "")],
        ),
        (
            "About a third of output is exported.",
            &[("About a third", 1.0 / 3.0, None, "", "about", "")],
        ),
    ]);
    // Near-misses: "half of them" (a pronoun's share), "the first half".
    none(&["Half of them left.", "in the first half of the match"]);
}

#[test]
fn signed_changes() {
    each(&[
        (
            "GDP grew +0.3% in the quarter.",
            &[("+0.3%", 0.3, None, "percent", "", "")],
        ),
        (
            "The index moved -1.5% on Friday.",
            &[("-1.5%", -1.5, None, "percent", "", "")],
        ),
        (
            "The reading was minus 20 degrees.",
            &[("minus 20 degrees", -20.0, None, "°", "", "")],
        ),
        (
            "The spread widened +25 bps.",
            &[("+25 bps", 25.0, None, "basis_point", "", "")],
        ),
    ]);
    // A phone number keeps its plus sign out of figures.
    none(&["Call +7 495 123 4567."]);
}

#[test]
fn currency_prefixes_and_minor_units() {
    each(&[
        (
            "The deal is worth US$3 billion.",
            &[("US$3 billion", 3e9, None, "USD", "", "")],
        ),
        (
            "Qantas raised A$500 million.",
            &[("A$500 million", 5e8, None, "AUD", "", "")],
        ),
        (
            "Temasek holds S$2.5bn.",
            &[("S$2.5bn", 2.5e9, None, "SGD", "", "")],
        ),
        (
            "The site sold for HK $3bn.",
            &[("HK $3bn", 3e9, None, "HKD", "", "")],
        ),
        (
            "Profit rose to C$120 million.",
            &[("C$120 million", 1.2e8, None, "CAD", "", "")],
        ),
        (
            "The NZ$40 million fund opened.",
            &[("NZ$40 million", 4e7, None, "NZD", "", "")],
        ),
        (
            "Petronas paid RM5 billion.",
            &[("RM5 billion", 5e9, None, "MYR", "", "")],
        ),
        (
            "Sales reached RM 2.3 billion.",
            &[("RM 2.3 billion", 2.3e9, None, "MYR", "", "")],
        ),
        (
            "A bar of chocolate costs 50p.",
            &[("50p", 50.0, None, "penny", "", "")],
        ),
        (
            "A stamp costs 85 pence.",
            &[("85 pence", 85.0, None, "penny", "", "")],
        ),
        (
            "A call costs 20 cents.",
            &[("20 cents", 20.0, None, "cent", "", "")],
        ),
    ]);
    // "720p" is a screen's lines, not pence.
    none(&["The match streams in 720p and 1080p."]);
}

#[test]
fn unit_abbreviations() {
    each(&[
        (
            "The turbine spins at 7,000 rpm.",
            &[("7,000 rpm", 7000.0, None, "rpm", "", "")],
        ),
        (
            "Ozone reached 400 ppb.",
            &[("400 ppb", 400.0, None, "ppb", "", "")],
        ),
        (
            "The hybrid does 58 mpg.",
            &[("58 mpg", 58.0, None, "mpg", "", "")],
        ),
        (
            "The grid runs at 50 Hz.",
            &[("50 Hz", 50.0, None, "Hz", "", "")],
        ),
        (
            "A home uses 10 kWh.",
            &[("10 kWh", 10.0, None, "kWh", "", "")],
        ),
        (
            "Output rose to 9.5 million bpd.",
            &[("9.5 million bpd", 9.5e6, None, "barrel", "", "day")],
        ),
    ]);
}

#[test]
fn ages_are_not_durations() {
    each(&[
        (
            "A 34-year-old man was arrested.",
            &[("34-year-old", 34.0, None, "year_of_age", "", "")],
        ),
        (
            "The striker is 27 years old.",
            &[("27 years old", 27.0, None, "year_of_age", "", "")],
        ),
        (
            "The six-month-old foal won.",
            &[("six-month-old", 6.0, None, "month_of_age", "", "")],
        ),
    ]);
    // Near-miss: how long something lasted stays a duration.
    each(&[(
        "The war lasted 34 years.",
        &[("34 years", 34.0, None, "year", "", "")],
    )]);
}

#[test]
fn names_labels_and_date_fragments_are_not_figures() {
    none(&[
        "Apple launched the iPhone 15.",
        "The S&P 500 closed higher.",
        "The Boeing 737 landed safely.",
        "North Korea fired a KN-23 missile.",
        "The EU approved the 13th round of sanctions.",
        "Talks began on Aug. 12.",
        "2019 sales were strong.",
        "The 2024 budget passed.",
        "He owns a Glock 19.",
    ]);
    // Near-miss: a figure next to a label is still a figure.
    each(&[(
        "The S&P 500 rose 1%.",
        &[("1%", 1.0, None, "percent", "", "")],
    )]);
}

#[test]
fn added_and_summed_items_count_the_noun() {
    each(&[
        (
            "Washington announced more than 500 new sanctions.",
            &[(
                "more than 500 new sanctions",
                500.0,
                None,
                "sanction",
                "more than",
                "",
            )],
        ),
        (
            "The hashtag has over 1.3 million total posts.",
            &[(
                "over 1.3 million total posts",
                1.3e6,
                None,
                "post",
                "over",
                "",
            )],
        ),
        (
            "The State Department put the total at 10,000+ containers.",
            &[(
                "10,000+ containers",
                1e4,
                None,
                "container",
                "more than",
                "",
            )],
        ),
    ]);
    // Grading adjectives are read past too; classifying ones stay in the noun.
    each(&[
        (
            "The insurer has three main segments and two commercial carriers.",
            &[
                ("three main segments", 3.0, None, "segment", "", ""),
                (
                    "two commercial carriers",
                    2.0,
                    None,
                    "commercial carrier",
                    "",
                    "",
                ),
            ],
        ),
        (
            "Most of the 383 makers (89 or 23%) are in the Midwest.",
            &[
                ("383 makers", 383.0, None, "maker", "", ""),
                ("89", 89.0, None, "", "", ""),
                ("23%", 23.0, None, "percent", "", ""),
            ],
        ),
    ]);
    // Near-misses: "new" as the noun's own word, and a plus that starts a sum.
    each(&[
        (
            "They met 20 New Yorkers.",
            &[("20", 20.0, None, "", "", "")],
        ),
        ("It scored 3+4 points.", &[("3", 3.0, None, "", "", "")]),
    ]);
}

#[test]
fn shares_stated_as_n_out_of_m() {
    each(&[
        (
            "Four out of 5 members drive business decisions.",
            &[("Four out of 5", 0.8, None, "", "", "")],
        ),
        (
            "One in three adults skips breakfast.",
            &[("One in three", 1.0 / 3.0, None, "", "", "")],
        ),
        (
            "Nearly 3 in 10 voters were undecided.",
            &[("Nearly 3 in 10", 0.3, None, "", "nearly", "")],
        ),
    ]);
    // Near-misses: a year, a duration, and an odd denominator after "in" are no share.
    each(&[
        ("They won 5 in 2024.", &[("5", 5.0, None, "", "", "")]),
        (
            "She ran 2 in 45 minutes.",
            &[
                ("2", 2.0, None, "", "", ""),
                ("45 minutes", 45.0, None, "minute", "", ""),
            ],
        ),
    ]);
}

#[test]
fn multipliers_have_the_unit_times() {
    each(&[
        (
            "Daily jobs grew over 3x last year.",
            &[("over 3x", 3.0, None, "times", "over", "")],
        ),
        (
            "Emissions are 18 times higher than in the 1960s.",
            &[("18 times", 18.0, None, "times", "", "")],
        ),
        (
            "The gas is 300 times as potent as carbon dioxide.",
            &[("300 times", 300.0, None, "times", "", "")],
        ),
        (
            "Output rose three-fold in a decade.",
            &[("three-fold", 3.0, None, "times", "", "")],
        ),
    ]);
    // Near-misses: occasions are no multiplier, and a glued x that starts a word is no unit.
    for input in [
        "They post three times a week.",
        "He was arrested three times after the protest.",
    ] {
        let found = find_quantities(input);
        assert!(
            found.iter().all(|q| q.unit.as_deref() != Some("times")),
            "{input:?} gave {found:?}"
        );
    }
}

#[test]
fn glued_m_reads_by_context() {
    each(&[
        (
            "The club paid 35m for the striker.",
            &[("35m", 35e6, None, "", "", "")],
        ),
        (
            "The channel drew 12m viewers.",
            &[("12m viewers", 12e6, None, "viewer", "", "")],
        ),
        (
            "The company raised $35m in funding.",
            &[("$35m", 35e6, None, "USD", "", "")],
        ),
        ("The hull is 35m long.", &[("35m", 35.0, None, "m", "", "")]),
        (
            "She won the 100m sprint in Rome.",
            &[("100m", 100.0, None, "m", "", "")],
        ),
        (
            "A 20m-high wall cost the city dearly.",
            &[("20m", 20.0, None, "m", "", "")],
        ),
    ]);
}

#[test]
fn country_codes_do_not_stop_the_counted_noun() {
    each(&[(
        "About 150 more UK engineers arrived in Gdansk.",
        &[("About 150", 150.0, None, "engineer", "about", "")],
    )]);
}

#[test]
fn a_rate_before_what_is_paid_for() {
    each(&[(
        "The council spends £3bn a year on roads.",
        &[("£3bn a year", 3e9, None, "GBP", "", "year")],
    )]);
    // Near-miss: "a year on" that looks back is no rate.
    each(&[(
        "Prices were up 4% a year on, the survey found.",
        &[("4%", 4.0, None, "percent", "", "")],
    )]);
}

#[test]
fn glued_degrees_and_pence() {
    each(&[
        (
            "It reached 38C in Athens on Monday.",
            &[("38C", 38.0, None, "°C", "", "")],
        ),
        (
            "Forecasters expect temperatures of 95F across Texas.",
            &[("95F", 95.0, None, "°F", "", "")],
        ),
        (
            "Shares in the lender closed at 312p in London.",
            &[("312p", 312.0, None, "penny", "", "")],
        ),
        (
            "Fans paid 60 pounds for a ticket.",
            &[("60 pounds", 60.0, None, "GBP", "", "")],
        ),
        (
            "Iraq pumps 4.3m bpd from its southern fields.",
            &[("4.3m bpd", 4.3e6, None, "barrel", "", "day")],
        ),
    ]);
    // Near-misses: a screen's lines, a weight, a code.
    none(&["The phone films in 720p.", "The 3C plan won support."]);
    each(&[(
        "The dog weighs 60 pounds.",
        &[("60 pounds", 60.0, None, "lb", "", "")],
    )]);
}

#[test]
fn aged_is_an_age() {
    each(&[(
        "The driver, aged 52, was unhurt.",
        &[("52", 52.0, None, "year_of_age", "", "")],
    )]);
}

#[test]
fn a_product_number_before_a_noun_is_no_count() {
    none(&["A Windows 11 update broke printers overnight."]);
    // Near-misses: a month, a possessive.
    each(&[
        (
            "In May 300 people were evacuated.",
            &[("300 people", 300.0, None, "person", "", "")],
        ),
        (
            "NATO's 32 members met in Vilnius.",
            &[("32 members", 32.0, None, "member", "", "")],
        ),
    ]);
}

#[test]
fn people_named_by_origin_are_counted() {
    each(&[
        (
            "Nearly 2 million Sudanese and 600,000 Syrians have fled.",
            &[
                ("Nearly 2 million", 2e6, None, "", "nearly", ""),
                ("600,000 Syrians", 6e5, None, "syrian", "", ""),
            ],
        ),
        (
            "Roughly 150 Iraqis were repatriated.",
            &[("Roughly 150 Iraqis", 150.0, None, "iraqi", "roughly", "")],
        ),
    ]);
    // Near-miss: a news agency before the noun is read past.
    each(&[(
        "About 40 Reuters reporters covered it.",
        &[("About 40", 40.0, None, "reporter", "about", "")],
    )]);
}

#[test]
fn commodity_units() {
    each(&[
        (
            "Corn slipped to $4.10 a bushel in Chicago.",
            &[("$4.10 a bushel", 4.1, None, "USD", "", "bushel")],
        ),
        (
            "Henry Hub gas traded at $2.60 per MMBtu.",
            &[("$2.60 per MMBtu", 2.6, None, "USD", "", "MMBtu")],
        ),
        (
            "The terminal moved 3.2 million TEU last year.",
            &[("3.2 million TEU", 3.2e6, None, "TEU", "", "")],
        ),
    ]);
}

#[test]
fn half_without_of() {
    each(&[(
        "The rebels lost almost half their fighters.",
        &[("almost half", 0.5, None, "", "almost", "")],
    )]);
    // Near-miss: a half of a match or year is a period, not a share.
    none(&["In the second half the visitors pressed."]);
}

#[test]
fn people_named_by_what_befell_them() {
    each(&[
        (
            "The quake left 2,300 dead and 9,000 injured.",
            &[
                ("2,300 dead", 2300.0, None, "dead", "", ""),
                ("9,000 injured", 9000.0, None, "injured", "", ""),
            ],
        ),
        (
            "Officials counted between 40 and 50 missing.",
            &[(
                "between 40 and 50 missing",
                40.0,
                Some(50.0),
                "missing",
                "",
                "",
            )],
        ),
    ]);
    // Near-miss: a noun after the adjective is what is counted.
    each(&[(
        "Villagers buried 12 dead cows.",
        &[("12 dead cows", 12.0, None, "dead cow", "", "")],
    )]);
}

#[test]
fn fraction_words_as_the_size_of_a_change() {
    each(&[
        (
            "Output was cut by a fifth.",
            &[("a fifth", 0.2, None, "", "", "")],
        ),
        (
            "Fares rose by a third in March.",
            &[("a third", 1.0 / 3.0, None, "", "", "")],
        ),
    ]);
    // Near-miss: an ordinal before a noun.
    none(&["The case was heard by a third court."]);
}

#[test]
fn a_part_of_a_named_set_counts_what_the_set_counts() {
    each(&[
        (
            "Nine of the board's 12 directors backed the merger.",
            &[
                ("Nine", 9.0, None, "director", "", ""),
                ("12 directors", 12.0, None, "director", "", ""),
            ],
        ),
        (
            "Several of the newly opened mines were closed in May.",
            &[("Several", 3.0, Some(9.0), "mine", "", "")],
        ),
        (
            "Police said 14 of their officers were hurt.",
            &[("14", 14.0, None, "officer", "", "")],
        ),
    ]);
    // Near-misses: a pronoun names no set's noun.
    each(&[(
        "Nine of them backed it.",
        &[("Nine", 9.0, None, "", "", "")],
    )]);
    none(&["Several of these were old."]);
    // Near-misses: a superlative ranks ("ten of the best insurers" is a list, not a count).
    each(&[(
        "We list ten of the best insurers and two of the largest brokers.",
        &[
            ("ten", 10.0, None, "", "", ""),
            ("two", 2.0, None, "", "", ""),
        ],
    )]);
}

#[test]
fn fraction_words_compared_at_the_end_of_a_phrase() {
    each(&[
        (
            "Its share of the market rose from 2% to more than a third.",
            &[
                ("2%", 2.0, None, "percent", "", ""),
                ("more than a third", 1.0 / 3.0, None, "", "more than", ""),
            ],
        ),
        (
            "Turnout fell to less than a quarter, the lowest on record.",
            &[("less than a quarter", 0.25, None, "", "less than", "")],
        ),
        (
            "Of the 60 firms, roughly a quarter were profitable.",
            &[
                ("60 firms", 60.0, None, "firm", "", ""),
                ("roughly a quarter", 0.25, None, "", "roughly", ""),
            ],
        ),
    ]);
    // Near-miss: an ordinal before a noun.
    none(&[
        "They hoped for nothing more than a third win.",
        "It was about a third round of talks.",
    ]);
}

#[test]
fn currencies_several_countries_name_alike() {
    each(&[
        (
            "Manila set aside 20 billion pesos for rice.",
            &[("20 billion pesos", 2e10, None, "PHP", "", "")],
        ),
        (
            "Buenos Aires will print 900 billion pesos, Argentina's bank said.",
            &[("900 billion pesos", 9e11, None, "ARS", "", "")],
        ),
        (
            "Remittances reached 4 billion pesos.",
            &[("4 billion pesos", 4e9, None, "MXN", "", "")],
        ),
        (
            "Iraqi officials paid 90 billion dinars.",
            &[("90 billion dinars", 9e10, None, "IQD", "", "")],
        ),
        (
            "Danish pension funds put 3 billion kroner into it.",
            &[("3 billion kroner", 3e9, None, "DKK", "", "")],
        ),
        (
            "Budapest fined the bank 2 billion forints.",
            &[("2 billion forints", 2e9, None, "HUF", "", "")],
        ),
        (
            "Jakarta approved Rp 75 trillion for food aid.",
            &[("Rp 75 trillion", 7.5e13, None, "IDR", "", "")],
        ),
    ]);
}

#[test]
fn index_points_abbreviated() {
    each(&[(
        "The Nikkei shed 420 pts on Friday.",
        &[("420 pts", 420.0, None, "point", "", "")],
    )]);
}

#[test]
fn crowns_by_country() {
    each(&[(
        "Czech households paid 40 billion crowns more for energy.",
        &[("40 billion crowns", 4e10, None, "CZK", "", "")],
    )]);
}

#[test]
fn a_unit_a_price_is_per_is_no_amount() {
    each(&[(
        "A tonne of cocoa cost $8,000 in London.",
        &[("$8,000", 8000.0, None, "USD", "", "")],
    )]);
    // Near-miss: "a tonne of" with no price is one tonne.
    each(&[(
        "The drone carried a tonne of explosives.",
        &[("a tonne", 1.0, None, "t", "", "")],
    )]);
}

#[test]
fn a_handful_is_vague() {
    check(
        "A handful of lawmakers walked out.",
        &[("A handful of lawmakers", 3.0, Some(5.0), "lawmaker", "", "")],
    );
    // Near-miss: a handful with nothing counted after it is no figure.
    none(&["He is a handful."]);
}
