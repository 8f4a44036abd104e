//! Quantities: a table of sentences and the figures expected in them (news prose like the
//! seed articles, the examples, negatives), a fixture of news sentences
//! (`fixtures/quantities/news.txt`), kinds and vagueness, and property tests: any string in,
//! no panic, every span on char boundaries inside the input.

use proptest::prelude::*;
use sinew_nlp::find_quantities;
use sinew_types::{Quantity, QuantityKind};

/// One expected figure: surface, value, upper bound, unit, qualifier, rate ("" for none).
pub(crate) type Want = (
    &'static str,
    f64,
    Option<f64>,
    &'static str,
    &'static str,
    &'static str,
);

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn show(found: &[Quantity]) -> String {
    let rows: Vec<String> = found
        .iter()
        .map(|q| {
            format!(
                "({:?}, {}, {:?}, {:?}, {:?}, {:?})",
                q.text,
                q.value,
                q.value_max,
                q.unit.as_deref().unwrap_or(""),
                q.qualifier.as_deref().unwrap_or(""),
                q.per.as_deref().unwrap_or("")
            )
        })
        .collect();
    rows.join("\n")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

pub(crate) fn check(input: &str, want: &[Want]) {
    let found = find_quantities(input);
    assert_spans_sound(input, &found);
    let ok = found.len() == want.len()
        && found.iter().zip(want).all(|(q, w)| {
            q.text == w.0
                && close(q.value, w.1)
                && match (q.value_max, w.2) {
                    (Some(a), Some(b)) => close(a, b),
                    (None, None) => true,
                    _ => false,
                }
                && q.unit == opt(w.3)
                && q.qualifier == opt(w.4)
                && q.per == opt(w.5)
        });
    assert!(
        ok,
        "input: {input:?}\nexpected:\n{want:?}\nfound:\n{}",
        show(&found)
    );
}

/// Every span lies on char boundaries, quotes its text, and follows the previous one.
fn assert_spans_sound(text: &str, found: &[Quantity]) {
    let mut last_end = 0;
    for q in found {
        assert!(q.span.start < q.span.end, "empty span {q:?}");
        assert!(
            q.span.start >= last_end,
            "overlap or disorder at {q:?} in {text:?}"
        );
        assert_eq!(
            q.span.slice(text),
            Some(q.text.as_str()),
            "span text in {text:?}"
        );
        assert!(q.value.is_finite(), "{q:?}");
        last_end = q.span.end;
    }
}

/// One figure expected by a fixture line: text, value, upper bound, unit, qualifier, rate.
type OwnedWant = (String, f64, Option<f64>, String, String, String);

/// Reads a fixture of sentences and the figures expected in them (the format is described
/// at the top of the file).
fn read_fixture(text: &str) -> Vec<(String, Vec<OwnedWant>)> {
    let mut cases: Vec<(String, Vec<OwnedWant>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(sentence) = line.strip_prefix("> ") {
            cases.push((sentence.to_string(), Vec::new()));
        } else if line.trim().is_empty() || line.starts_with('#') {
            continue;
        } else {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 6, "line {}: six fields: {line:?}", n + 1);
            let num = |s: &str| {
                s.parse::<f64>()
                    .unwrap_or_else(|_| panic!("line {}: {s:?}", n + 1))
            };
            let want = (
                f[0].to_string(),
                num(f[1]),
                (!f[2].is_empty()).then(|| num(f[2])),
                f[3].to_string(),
                f[4].to_string(),
                f[5].to_string(),
            );
            cases
                .last_mut()
                .unwrap_or_else(|| panic!("line {}: a figure before any sentence", n + 1))
                .1
                .push(want);
        }
    }
    cases
}

/// News sentences written for these tests, with every figure in them (and sentences with
/// none: dates, years, times, codes, labels, scores): `tests/fixtures/quantities/news.txt`.
#[test]
fn news_sentences_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/quantities/news.txt"
    );
    let text = std::fs::read_to_string(path).expect("the fixture is in the repository");
    let cases = read_fixture(&text);
    assert!(cases.len() > 50, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (sentence, want) in &cases {
        let leaked: Vec<Want> = want
            .iter()
            .map(|w| {
                let s = |x: &String| -> &'static str { Box::leak(x.clone().into_boxed_str()) };
                (s(&w.0), w.1, w.2, s(&w.3), s(&w.4), s(&w.5))
            })
            .collect();
        let result = std::panic::catch_unwind(|| check(sentence, &leaked));
        if let Err(e) = result {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "panic".to_string());
            failures.push(msg);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} news cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn figures_in_news_prose() {
    let cases: &[(&str, &[Want])] = &[
        // Seed 000.
        (
            "Publicly available customs data reveals that China is exporting over $300 million worth of dual-use products to Russia every month.",
            &[("over $300 million", 3e8, None, "USD", "over", "month")],
        ),
        (
            "While monthly transactions have seen fluctuations, with a peak of over $600 million in December 2023, China remains Russia’s largest supplier.",
            &[("over $600 million", 6e8, None, "USD", "over", "")],
        ),
        (
            "Approximately 90% of Russia’s imports of goods covered under the G7’s high priority export control list are from China.",
            &[("Approximately 90%", 90.0, None, "percent", "approximately", "")],
        ),
        (
            "Chinese exports to Russia have surged by more than 60% since the invasion of Ukraine.",
            &[("more than 60%", 60.0, None, "percent", "more than", "")],
        ),
        (
            "Machine tools alone accounted for nearly 40% of the year-on-year rise in Chinese dual-use exports in 2023.",
            &[("nearly 40%", 40.0, None, "percent", "nearly", "")],
        ),
        (
            "Since August 2023, North Korea has shipped approximately 6,700 containers to Russia, equating to over 3 million rounds of 152 mm artillery shells or more than 500,000 rounds of 122 mm multiple rocket launchers.",
            &[
                ("approximately 6,700 containers", 6700.0, None, "container", "approximately", ""),
                ("over 3 million rounds", 3e6, None, "round", "over", ""),
                ("152 mm", 152.0, None, "mm", "", ""),
                ("more than 500,000 rounds", 5e5, None, "round", "more than", ""),
                ("122 mm", 122.0, None, "mm", "", ""),
            ],
        ),
        (
            "North Korea has delivered over 10,000 containers of munitions or related materials to Russia since September.",
            &[("over 10,000 containers", 1e4, None, "container", "over", "")],
        ),
        (
            "North Korea provides millions of rounds of artillery shells in exchange for food.",
            &[("millions of rounds", 2e6, Some(1e7), "round", "", "")],
        ),
        // Seed 001.
        (
            "“North Korea has illegally transferred dozens of ballistic missiles and more than 11,000 containers full of ammunition to contribute to the Russian war effort,” denounces the State Department.",
            &[
                ("dozens of ballistic missiles", 24.0, Some(100.0), "ballistic missile", "", ""),
                ("more than 11,000 containers", 11000.0, None, "container", "more than", ""),
            ],
        ),
        (
            "As many as 4.8 million North Korean projectiles may have been fired in the war in Ukraine.",
            &[("As many as 4.8 million", 4.8e6, None, "projectile", "as many as", "")],
        ),
        (
            "it reached a maximum of 600 million dollars (about 561 million euros) last December and now exceeds 300 million dollars a month, according to Nathaniel Sher.",
            &[
                ("600 million dollars", 6e8, None, "USD", "maximum", ""),
                ("about 561 million euros", 5.61e8, None, "EUR", "about", ""),
                ("300 million dollars a month", 3e8, None, "USD", "exceeds", "month"),
            ],
        ),
        (
            "“Russian dependence on China for high-priority products exploded from 32% in 2021 to 89% in 2023,” this expert writes.",
            &[("32%", 32.0, None, "percent", "", ""), ("89%", 89.0, None, "percent", "", "")],
        ),
        (
            "Beijing provides 70% of the machine tools and 90% of the microelectronic components that Moscow imports.",
            &[("70%", 70.0, None, "percent", "", ""), ("90%", 90.0, None, "percent", "", "")],
        ),
        (
            "Last December, the Russian Ministry of Defense claimed that its factories had delivered 1,500 tanks, 2,200 armored vehicles, 1,400 missiles and artillery weapons, and 22,000 drones.",
            &[
                ("1,500 tanks", 1500.0, None, "tank", "", ""),
                ("2,200 armored vehicles", 2200.0, None, "armored vehicle", "", ""),
                ("1,400 missiles", 1400.0, None, "missile", "", ""),
                ("22,000 drones", 22000.0, None, "drone", "", ""),
            ],
        ),
        (
            "a drone which “typically costs less than $500 per unit assemble, and can transport a series of weapons at 160 kilometers per hour towards its target,”",
            &[
                ("less than $500 per unit", 500.0, None, "USD", "less than", "unit"),
                ("160 kilometers per hour", 160.0, None, "km/h", "", ""),
            ],
        ),
        (
            "Ukrainian calculations indicate that Russia could manufacture close to 300,000 units per month.",
            &[("close to 300,000 units per month", 3e5, None, "unit", "close to", "month")],
        ),
        (
            "By 2023, trade between China and Russia had reached a record level of $240 billion, a 26.3% jump from the previous year.",
            &[("$240 billion", 2.4e11, None, "USD", "", ""), ("26.3%", 26.3, None, "percent", "", "")],
        ),
        (
            "Chinese exports to its neighbor grew by 64.2% between 2021 and 2023. Machine tool spare parts, between 80% and 90% in 2023.",
            &[
                ("64.2%", 64.2, None, "percent", "", ""),
                ("between 80% and 90%", 80.0, Some(90.0), "percent", "", ""),
            ],
        ),
        (
            "Bearings, 345% from 2021 to Russia and 2,500% toward Kyrgyzstan.",
            &[("345%", 345.0, None, "percent", "", ""), ("2,500%", 2500.0, None, "percent", "", "")],
        ),
        (
            "the collaboration of the two authoritarian countries could have on the battlefield",
            &[("two authoritarian countries", 2.0, None, "authoritarian country", "", "")],
        ),
        // Other seeds' prose.
        (
            "the country fired over 50,000 artillery shells per day, rapidly depleting its stockpiles.",
            &[("over 50,000 artillery shells per day", 5e4, None, "artillery shell", "over", "day")],
        ),
        (
            "increased bilateral trade which rose 26.3 percent between 2022 and 2023, reaching a record $240.1 billion.",
            &[
                ("26.3 percent", 26.3, None, "percent", "", ""),
                ("$240.1 billion", 2.401e11, None, "USD", "", ""),
            ],
        ),
        (
            "with total trade turnover increasing from $147 billion in 2021 to $241 billion in 2023.",
            &[("$147 billion", 1.47e11, None, "USD", "", ""), ("$241 billion", 2.41e11, None, "USD", "", "")],
        ),
        (
            "This is part of a 20-year trend of growing media partnerships.",
            &[("20-year", 20.0, None, "year", "", "")],
        ),
        (
            "With China only accounting for a small fraction of its global trade, around 4%, Beijing holds leverage.",
            &[("around 4%", 4.0, None, "percent", "around", "")],
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn money_scales_and_currencies() {
    let cases: &[(&str, &[Want])] = &[
        ("Profits hit $2bn.", &[("$2bn", 2e9, None, "USD", "", "")]),
        ("a $3m deal", &[("$3m", 3e6, None, "USD", "", "")]),
        (
            "bonds worth USD 5m",
            &[("USD 5m", 5e6, None, "USD", "", "")],
        ),
        (
            "a US$4.5 billion loan",
            &[("US$4.5 billion", 4.5e9, None, "USD", "", "")],
        ),
        (
            "€300 million in aid",
            &[("€300 million", 3e8, None, "EUR", "", "")],
        ),
        ("£5bn of gilts", &[("£5bn", 5e9, None, "GBP", "", "")]),
        ("¥100 coins", &[("¥100", 100.0, None, "JPY", "", "")]),
        (
            "₽5 million fine",
            &[("₽5 million", 5e6, None, "RUB", "", "")],
        ),
        (
            "₩700 billion",
            &[("₩700 billion", 7e11, None, "KRW", "", "")],
        ),
        (
            "It sold 5 billion won of bonds.",
            &[("5 billion won", 5e9, None, "KRW", "", "")],
        ),
        (
            "3 million yuan",
            &[("3 million yuan", 3e6, None, "CNY", "", "")],
        ),
        (
            "20 billion renminbi",
            &[("20 billion renminbi", 2e10, None, "CNY", "", "")],
        ),
        (
            "8 billion roubles",
            &[("8 billion roubles", 8e9, None, "RUB", "", "")],
        ),
        (
            "20 billion rubles",
            &[("20 billion rubles", 2e10, None, "RUB", "", "")],
        ),
        (
            "2 million rupees",
            &[("2 million rupees", 2e6, None, "INR", "", "")],
        ),
        (
            "400 pounds sterling",
            &[("400 pounds sterling", 400.0, None, "GBP", "", "")],
        ),
        (
            "50 billion yen",
            &[("50 billion yen", 5e10, None, "JPY", "", "")],
        ),
        (
            "5 billion Hong Kong dollars",
            &[("5 billion Hong Kong dollars", 5e9, None, "HKD", "", "")],
        ),
        (
            "The plant makes 600 million dollars a year.",
            &[("600 million dollars a year", 6e8, None, "USD", "", "year")],
        ),
        (
            "over $1.5 trillion",
            &[("over $1.5 trillion", 1.5e12, None, "USD", "over", "")],
        ),
        (
            "1,234.56 euros",
            &[("1,234.56 euros", 1234.56, None, "EUR", "", "")],
        ),
        ("It costs 5 USD.", &[("5 USD", 5.0, None, "USD", "", "")]),
        (
            "Il coûte 300 € ou 500 ₽.",
            &[
                ("300 €", 300.0, None, "EUR", "", ""),
                ("500 ₽", 500.0, None, "RUB", "", ""),
            ],
        ),
        (
            "1.5k users",
            &[("1.5k users", 1500.0, None, "user", "", "")],
        ),
        (
            "a $5-billion deal",
            &[("$5-billion", 5e9, None, "USD", "", "")],
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn ranges() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Output rose 80-90% last year.",
            &[("80-90%", 80.0, Some(90.0), "percent", "", "")],
        ),
        (
            "between 80% and 90%",
            &[("between 80% and 90%", 80.0, Some(90.0), "percent", "", "")],
        ),
        (
            "They sent 10-15 tanks.",
            &[("10-15 tanks", 10.0, Some(15.0), "tank", "", "")],
        ),
        (
            "It took 10-15 minutes.",
            &[("10-15 minutes", 10.0, Some(15.0), "minute", "", "")],
        ),
        ("pages 10-15", &[("10-15", 10.0, Some(15.0), "", "", "")]),
        (
            "trade grew from 147 to 241 billion dollars",
            &[(
                "from 147 to 241 billion dollars",
                1.47e11,
                Some(2.41e11),
                "USD",
                "",
                "",
            )],
        ),
        (
            "a $3-5 billion plan",
            &[("$3-5 billion", 3e9, Some(5e9), "USD", "", "")],
        ),
        (
            "$5 billion to $7 billion",
            &[("$5 billion to $7 billion", 5e9, Some(7e9), "USD", "", "")],
        ),
        (
            "3 to 5 million people",
            &[("3 to 5 million people", 3e6, Some(5e6), "person", "", "")],
        ),
        (
            "two to three days",
            &[("two to three days", 2.0, Some(3.0), "day", "", "")],
        ),
        // A fall is no range: two figures.
        (
            "it fell from 10% to 5%",
            &[
                ("10%", 10.0, None, "percent", "", ""),
                ("5%", 5.0, None, "percent", "", ""),
            ],
        ),
        // Something stands between the numbers: two figures.
        (
            "from $147 billion in 2021 to $241 billion in 2023",
            &[
                ("$147 billion", 1.47e11, None, "USD", "", ""),
                ("$241 billion", 2.41e11, None, "USD", "", ""),
            ],
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn units_rates_and_qualifiers() {
    let cases: &[(&str, &[Want])] = &[
        ("A 152mm shell", &[("152mm", 152.0, None, "mm", "", "")]),
        ("flies 30 km", &[("30 km", 30.0, None, "km", "", "")]),
        ("at 160 km/h", &[("160 km/h", 160.0, None, "km/h", "", "")]),
        ("at 100 kph", &[("100 kph", 100.0, None, "km/h", "", "")]),
        (
            "at 60 miles per hour",
            &[("60 miles per hour", 60.0, None, "mph", "", "")],
        ),
        ("weighs 45 kg", &[("45 kg", 45.0, None, "kg", "", "")]),
        ("5 tonnes of grain", &[("5 tonnes", 5.0, None, "t", "", "")]),
        ("3 tons", &[("3 tons", 3.0, None, "t", "", "")]),
        (
            "2 million barrels per day",
            &[("2 million barrels per day", 2e6, None, "barrel", "", "day")],
        ),
        (
            "a 2,000-kilometer border",
            &[("2,000-kilometer", 2000.0, None, "km", "", "")],
        ),
        (
            "over 1,000km",
            &[("over 1,000km", 1000.0, None, "km", "over", "")],
        ),
        (
            "fired 50,000 shells every month",
            &[("50,000 shells every month", 5e4, None, "shell", "", "month")],
        ),
        (
            "200 drones monthly.",
            &[("200 drones monthly", 200.0, None, "drone", "", "month")],
        ),
        (
            "$10 billion annually",
            &[("$10 billion annually", 1e10, None, "USD", "", "year")],
        ),
        (
            "$500 per capita",
            &[("$500 per capita", 500.0, None, "USD", "", "person")],
        ),
        (
            "5% each year",
            &[("5% each year", 5.0, None, "percent", "", "year")],
        ),
        (
            "Trade grew 5% a year.",
            &[("5% a year", 5.0, None, "percent", "", "year")],
        ),
        (
            "Prices rose 5% a year ago.",
            &[("5%", 5.0, None, "percent", "", "")],
        ),
        (
            "Nearly 1,000 people died",
            &[("Nearly 1,000 people", 1000.0, None, "person", "nearly", "")],
        ),
        (
            "some 300 troops",
            &[("some 300 troops", 300.0, None, "troop", "some", "")],
        ),
        (
            "up to 40 batteries",
            &[("up to 40 batteries", 40.0, None, "battery", "up to", "")],
        ),
        (
            "at least 12 people",
            &[("at least 12 people", 12.0, None, "person", "at least", "")],
        ),
        (
            "fewer than 20 ships",
            &[("fewer than 20 ships", 20.0, None, "ship", "fewer than", "")],
        ),
        (
            "as much as $1 billion",
            &[("as much as $1 billion", 1e9, None, "USD", "as much as", "")],
        ),
        (
            "almost 7%",
            &[("almost 7%", 7.0, None, "percent", "almost", "")],
        ),
        (
            "roughly 70 aircraft",
            &[("roughly 70 aircraft", 70.0, None, "aircraft", "roughly", "")],
        ),
        (
            "An estimated 4.8 million",
            &[(
                "An estimated 4.8 million",
                4.8e6,
                None,
                "",
                "an estimated",
                "",
            )],
        ),
        (
            "~300 units",
            &[("~300 units", 300.0, None, "unit", "approximately", "")],
        ),
        (
            "sales exceeded 1,000 tanks",
            &[("1,000 tanks", 1000.0, None, "tank", "exceeded", "")],
        ),
        (
            "a peak of 700 drones",
            &[("700 drones", 700.0, None, "drone", "peak", "")],
        ),
        (
            "Rates fell 0.25 percentage points",
            &[(
                "0.25 percentage points",
                0.25,
                None,
                "percentage_point",
                "",
                "",
            )],
        ),
        (
            "5.5 per cent",
            &[("5.5 per cent", 5.5, None, "percent", "", "")],
        ),
        (
            "a 2,500% surge",
            &[("2,500%", 2500.0, None, "percent", "", "")],
        ),
        (
            "North Korea sent 1,000 Russian-made drones.",
            &[("1,000 Russian-made drones", 1000.0, None, "drone", "", "")],
        ),
        (
            "1,500 newly built tanks",
            &[(
                "1,500 newly built tanks",
                1500.0,
                None,
                "newly built tank",
                "",
                "",
            )],
        ),
        (
            "50 churches and 3 boxes",
            &[
                ("50 churches", 50.0, None, "church", "", ""),
                ("3 boxes", 3.0, None, "box", "", ""),
            ],
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn numbers_in_words_and_vague_amounts() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Dozens of people",
            &[("Dozens of people", 24.0, Some(100.0), "person", "", "")],
        ),
        (
            "hundreds of homes",
            &[("hundreds of homes", 200.0, Some(1e3), "home", "", "")],
        ),
        (
            "thousands of soldiers",
            &[(
                "thousands of soldiers",
                2000.0,
                Some(1e4),
                "soldier",
                "",
                "",
            )],
        ),
        (
            "tens of thousands of refugees",
            &[(
                "tens of thousands of refugees",
                2e4,
                Some(1e5),
                "refugee",
                "",
                "",
            )],
        ),
        (
            "hundreds of thousands of people",
            &[(
                "hundreds of thousands of people",
                2e5,
                Some(1e6),
                "person",
                "",
                "",
            )],
        ),
        (
            "scores of villages",
            &[("scores of villages", 40.0, Some(100.0), "village", "", "")],
        ),
        (
            "millions of dollars",
            &[("millions of dollars", 2e6, Some(1e7), "USD", "", "")],
        ),
        (
            "a few hundred troops",
            &[("a few hundred troops", 300.0, Some(500.0), "troop", "", "")],
        ),
        (
            "several agreements were signed",
            &[("several agreements", 3.0, Some(9.0), "agreement", "", "")],
        ),
        (
            "a dozen tanks",
            &[("a dozen tanks", 12.0, None, "tank", "", "")],
        ),
        (
            "two dozen drones",
            &[("two dozen drones", 24.0, None, "drone", "", "")],
        ),
        (
            "a hundred days",
            &[("a hundred days", 100.0, None, "day", "", "")],
        ),
        (
            "half a million people",
            &[("half a million people", 5e5, None, "person", "", "")],
        ),
        (
            "Forty-two men",
            &[("Forty-two men", 42.0, None, "man", "", "")],
        ),
        (
            "twenty one guns",
            &[("twenty one guns", 21.0, None, "gun", "", "")],
        ),
        (
            "two hundred and fifty soldiers",
            &[(
                "two hundred and fifty soldiers",
                250.0,
                None,
                "soldier",
                "",
                "",
            )],
        ),
        (
            "three million euros",
            &[("three million euros", 3e6, None, "EUR", "", "")],
        ),
        ("one million", &[("one million", 1e6, None, "", "", "")]),
        (
            "one tank was hit",
            &[("one tank", 1.0, None, "tank", "", "")],
        ),
        (
            "the two leaders met",
            &[("two leaders", 2.0, None, "leader", "", "")],
        ),
        ("separate the two.", &[("two", 2.0, None, "", "", "")]),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn kinds_and_vagueness() {
    let cases: &[(&str, QuantityKind, bool)] = &[
        ("$300 million", QuantityKind::Money, false),
        ("600 million dollars", QuantityKind::Money, false),
        ("26.3%", QuantityKind::Percent, false),
        ("2 percentage points", QuantityKind::Percent, false),
        ("6,700 containers", QuantityKind::Count, false),
        ("152 mm", QuantityKind::Measure, false),
        ("20-year trend", QuantityKind::Measure, false),
        ("10-15", QuantityKind::Number, false),
        ("dozens of missiles", QuantityKind::Count, true),
        ("millions of dollars", QuantityKind::Money, true),
        ("a dozen eggs", QuantityKind::Count, false),
        ("several thousand", QuantityKind::Number, true),
        ("500 million pounds", QuantityKind::Money, false),
    ];
    for (input, kind, vague) in cases {
        let found = find_quantities(input);
        assert_eq!(found.len(), 1, "{input:?}: {}", show(&found));
        assert_eq!(found[0].kind, *kind, "{input:?}");
        assert_eq!(found[0].vague, *vague, "{input:?}");
    }
}

#[test]
fn not_figures() {
    let cases: &[&str] = &[
        "G7 and G20 summits",
        "the S-400 missile system and F-16 jets",
        "during COVID-19",
        "the Power of Siberia 2 gas pipeline",
        "B2B sales",
        "the post-1945 global order",
        "in 2023",
        "since 2022",
        "from 2021 to 2023",
        "between 2021 and 2023",
        "the 2024 elections",
        "Kim in 2019 won the vote; prices in 2023 dollars",
        "Russia's 2024 budget",
        "GOOVER DAILY REPORT June 27, 2024",
        "On May 16 and 17, Putin visited China.",
        "on 16 May",
        "the 5th of May",
        "1. Summary\n2. Russia-North Korea Defense Pact\n  • 2-1. Impact on China\n3.\n10. Source Documents",
        "at 10:30 and at 5 p.m. or 5pm",
        "call +7 495 123 4567",
        "on 2024-06-27 or 27/06/2024",
        "half of them, a third time",
        "the third time in the 21st century",
        "the 1990s and the '80s",
        "one of them, no one, one another",
        "a 3-2 win",
        "the 2022-23 season",
        "version 1.2.3 at 192.168.0.1",
        "(source: go-public-web-eng-2877220144866105163-0-0)",
        "5G networks and 3D printers",
        "See [3] and No. 5.",
        "",
        "a few",
        "several",
    ];
    for input in cases {
        let found = find_quantities(input);
        assert!(found.is_empty(), "{input:?} gave:\n{}", show(&found));
    }
}

/// Pieces that figures are made of, with their neighbours: digits in every convention,
/// signs, currencies, scales, units, number words, qualifiers, dates, codes, and multi-byte
/// text.
const PIECES: &[&str] = &[
    "1",
    "23",
    "4.8",
    "6,700",
    "1.234.567",
    "2023",
    "0",
    "00",
    "9999999999999999999",
    "$",
    "US$",
    "€",
    "£",
    "₽",
    "%",
    "％",
    "-",
    "–",
    "—",
    "~",
    ".",
    ",",
    ":",
    "/",
    "+",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    "\n",
    "\u{a0}",
    "\u{202f}",
    "million",
    "bn",
    "m",
    "k",
    "dozens",
    "of",
    "between",
    "and",
    "to",
    "from",
    "a",
    "an",
    "half",
    "one",
    "two",
    "forty",
    "hundred",
    "thousand",
    "several",
    "few",
    "over",
    "more",
    "than",
    "as",
    "many",
    "per",
    "every",
    "month",
    "day",
    "tanks",
    "Korean",
    "North",
    "people",
    "percent",
    "per cent",
    "km/h",
    "mm",
    "dollars",
    "euros",
    "won",
    "May",
    "June",
    "No",
    "Bình luận",
    "“",
    "”",
    "’s",
    "é",
    "日本",
    "🚀",
    "\u{301}",
    "G7",
    "S-400",
    "•",
    "−",
    "½",
    "⅓",
    "×10",
    "^",
    "e-3",
    "°C",
    "km/s2",
    "fb−1",
    "mGy",
    "nanometers",
    "square",
    "cubic",
    "+/-",
    "am",
    "pm",
    "in",
    "thick",
    "a",
    "gallon",
    "third",
    "thirds",
    "and a half",
    "year-on-year",
    "/hour",
    "times",
    "minus",
    "USD",
    "EUR5",
    "Rs",
    "crore",
];

/// Checks every invariant a caller relies on: spans in order, not overlapping, on char
/// boundaries inside the input and quoting the text; finite values and ordered ranges.
fn assert_sound(text: &str, found: &[Quantity]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in found {
        prop_assert!(q.span.start < q.span.end, "empty span {:?}", q);
        prop_assert!(q.span.start >= last_end, "overlap or disorder at {:?}", q);
        prop_assert!(q.span.end <= text.len(), "span past the end: {:?}", q);
        prop_assert!(
            text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
            "span off a char boundary: {:?}",
            q
        );
        prop_assert_eq!(&text[q.span.start..q.span.end], q.text.as_str());
        prop_assert!(q.value.is_finite(), "{:?}", q);
        if let Some(max) = q.value_max {
            prop_assert!(max.is_finite() && max >= q.value, "{:?}", q);
        }
        last_end = q.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any string at all: no panic, and every span sound.
    #[test]
    fn any_string_is_read_without_panic(text in any::<String>()) {
        let found = find_quantities(&text);
        assert_sound(&text, &found)?;
    }

    /// Text made of the pieces figures are made of, glued or spaced at random.
    #[test]
    fn figure_pieces_are_read_without_panic(
        parts in prop::collection::vec((prop::sample::select(PIECES), 0..4u8), 0..40)
    ) {
        let mut text = String::new();
        for (piece, gap) in parts {
            text.push_str(piece);
            match gap {
                0 => {}
                1 => text.push(' '),
                2 => text.push('\u{a0}'),
                _ => text.push_str(", "),
            }
        }
        let found = find_quantities(&text);
        assert_sound(&text, &found)?;
    }

    /// Digits, separators and signs in any order: the number reader's edge cases.
    #[test]
    fn number_shapes_are_read_without_panic(text in "[-−+0-9.,/ ^×xe%$€½]{0,30}") {
        let found = find_quantities(&text);
        assert_sound(&text, &found)?;
    }
}

#[test]
fn long_text_is_handled_in_one_pass() {
    let sentence = "China is exporting over $300 million worth of dual-use products to Russia every month, and 1,500 tanks. ";
    let text = sentence.repeat(20_000);
    let found = find_quantities(&text);
    assert_eq!(found.len(), 40_000);
    assert_spans_sound(&text, &found);
    let digits = "7".repeat(100_000);
    assert!(find_quantities(&digits).is_empty());
}

/// Issue 14's remaining news forms: percentage points as "ppt", oil output in millions or
/// thousands of barrels a day, vote tallies, and a rate with "on average" after it.
#[test]
fn points_oil_rates_and_vote_tallies() {
    check(
        "The jobless rate rose 0.3 ppt to 4.1% in March.",
        &[
            ("0.3 ppt", 0.3, None, "percentage_point", "", ""),
            ("4.1%", 4.1, None, "percent", "", ""),
        ],
    );
    check(
        "Inflation slowed by 1.2 ppts over the quarter.",
        &[("1.2 ppts", 1.2, None, "percentage_point", "", "")],
    );
    // Near miss: parts per trillion of something, as ppb and ppm are.
    let q = find_quantities("The well water held 4 ppt of lead.");
    assert_eq!(q.len(), 1);
    assert_eq!(
        (q[0].unit.as_deref(), q[0].kind),
        (Some("ppt"), QuantityKind::Measure)
    );
    check(
        "The cartel will lift output by 1.4 mb/d, and Iraq by 220 kb/d.",
        &[
            ("1.4 mb/d", 1_400_000.0, None, "barrel", "", "day"),
            ("220 kb/d", 220_000.0, None, "barrel", "", "day"),
        ],
    );
    check(
        "Shipments held at 0.8-0.9 mbpd.",
        &[(
            "0.8-0.9 mbpd",
            800_000.0,
            Some(900_000.0),
            "barrel",
            "",
            "day",
        )],
    );
    check(
        "Imports averaged $7 billion a month on average last year.",
        &[("$7 billion a month", 7e9, None, "USD", "", "month")],
    );
    // A tally is two counts of votes, never a range.
    check(
        "The assembly backed the budget by 301 votes to 117.",
        &[
            ("301 votes", 301.0, None, "vote", "", ""),
            ("117", 117.0, None, "vote", "", ""),
        ],
    );
    check(
        "Lawmakers voted 61 against 39 to lift the cap.",
        &[
            ("61", 61.0, None, "vote", "", ""),
            ("39", 39.0, None, "vote", "", ""),
        ],
    );
    // Near miss: two bare numbers with no word of voting stay a range.
    let q = find_quantities("Scores went from 40 to 55 on the test.");
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].value, q[0].value_max), (40.0, Some(55.0)));
}

/// A frequency counts occasions; an acronym is part of what is counted unless it names a
/// country or a body.
#[test]
fn frequencies_and_acronyms_in_counted_nouns() {
    check(
        "Staff should post 2-4 times/week and reply at least twice a day.",
        &[("2-4 times/week", 2.0, Some(4.0), "time", "", "week")],
    );
    check(
        "Inspectors logged 1,200 CCTV cameras and 40 EV chargers.",
        &[
            ("1,200 CCTV cameras", 1200.0, None, "cctv camera", "", ""),
            ("40 EV chargers", 40.0, None, "ev charger", "", ""),
        ],
    );
    check(
        "The group counts 150 NGOs among its members.",
        &[("150 NGOs", 150.0, None, "ngo", "", "")],
    );
    // Near misses: a country's or an alliance's code says whose, not what.
    let q = find_quantities("About 500 UK soldiers and 12 NATO ships took part.");
    let units: Vec<_> = q.iter().map(|q| q.unit.as_deref()).collect();
    assert_eq!(units, vec![Some("soldier"), Some("ship")], "{q:?}");
}
