//! Entity mentions: a table of sentences (many from the seed articles) and the mentions they
//! must give, names that must not be found, a whole-seed smoke test and a random-input
//! property test.

use sinew_nlp::find_mentions;
use sinew_types::{EntityType, Mention};

use EntityType::*;

/// (surface, type, canonical)
type Expected<'a> = &'a [(&'a str, EntityType, &'a str)];

fn show(ms: &[Mention]) -> Vec<(&str, EntityType, &str)> {
    ms.iter()
        .map(|m| (m.text.as_str(), m.entity_type, m.canonical.as_str()))
        .collect()
}

/// Input -> every mention found, in order.
const EXACT: &[(&str, Expected<'_>)] = &[
    // Countries: names, demonyms, capitals, seats, possessives, compounds, case.
    ("Beijing and Pyongyang’s support for Moscow’s war effort in Ukraine", &[
        ("Beijing", Country, "China"),
        ("Pyongyang", Country, "North Korea"),
        ("Moscow", Country, "Russia"),
        ("Ukraine", Country, "Ukraine"),
    ]),
    ("Chinese exports to Russia have surged, while North Korean shells flow east.", &[
        ("Chinese", Country, "China"),
        ("Russia", Country, "Russia"),
        ("North Korean", Country, "North Korea"),
    ]),
    ("The DPRK and the ROK; the PRC and the Russian Federation.", &[
        ("DPRK", Country, "North Korea"),
        ("ROK", Country, "South Korea"),
        ("PRC", Country, "China"),
        ("Russian Federation", Country, "Russia"),
    ]),
    ("The US, the U.S., the USA, America and the United States of America.", &[
        ("US", Country, "United States"),
        ("U.S.", Country, "United States"),
        ("USA", Country, "United States"),
        ("America", Country, "United States"),
        ("United States of America", Country, "United States"),
    ]),
    ("Britain, the UK and Great Britain; the British and Americans.", &[
        ("Britain", Country, "United Kingdom"),
        ("UK", Country, "United Kingdom"),
        ("Great Britain", Country, "United Kingdom"),
        ("British", Country, "United Kingdom"),
        ("Americans", Country, "United States"),
    ]),
    ("Many North Koreans and Ukrainians fled.", &[
        ("North Koreans", Country, "North Korea"),
        ("Ukrainians", Country, "Ukraine"),
    ]),
    ("Talks in Seoul, Tokyo, Kyiv, Kiev, Tehran and New Delhi.", &[
        ("Seoul", Country, "South Korea"),
        ("Tokyo", Country, "Japan"),
        ("Kyiv", Country, "Ukraine"),
        ("Kiev", Country, "Ukraine"),
        ("Tehran", Country, "Iran"),
        ("New Delhi", Country, "India"),
    ]),
    ("the Kremlin, the White House, Downing Street and Zhongnanhai", &[
        ("Kremlin", Country, "Russia"),
        ("White House", Country, "United States"),
        ("Downing Street", Country, "United Kingdom"),
        ("Zhongnanhai", Country, "China"),
    ]),
    ("It has caused consternation in Washington.", &[("Washington", Country, "United States")]),
    ("the Russia-North Korea relationship and China-Russia trade in the US-led order", &[
        ("Russia", Country, "Russia"),
        ("North Korea", Country, "North Korea"),
        ("China", Country, "China"),
        ("Russia", Country, "Russia"),
        // CoNLL convention: an adjective formed on a name ("US-led") is one MISC word.
        ("US-led", Other, "US-led"),
    ]),
    ("compatible with Soviet-era weaponry; the Soviet Union was an ally", &[
        ("Soviet-era", Other, "Soviet-era"),
        ("Soviet Union", Country, "Soviet Union"),
    ]),
    ("Let us go. He sat on a turkey, in a chad of fine china from jordan.", &[]),
    ("WILL CHINA AND NORTH KOREA CONSUME RUSSIA?", &[
        ("CHINA", Country, "China"),
        ("NORTH KOREA", Country, "North Korea"),
        ("RUSSIA", Country, "Russia"),
    ]),
    ("Turkey, Malaysia, and Armenia being notable exceptions", &[
        ("Turkey", Country, "Turkey"),
        ("Malaysia", Country, "Malaysia"),
        ("Armenia", Country, "Armenia"),
    ]),
    ("the United States' allies", &[("United States", Country, "United States")]),
    // Places.
    ("professor for Korea at the Vrije Universiteit Brussel", &[
        ("Korea", Place, "Korea"),
        ("Vrije Universiteit Brussel", ThinkTank, "Vrije Universiteit Brussel"),
    ]),
    ("instability on the Korean Peninsula and in Northeast Asia", &[
        ("Korean Peninsula", Place, "Korean Peninsula"),
        ("Northeast Asia", Place, "Northeast Asia"),
    ]),
    ("Europe, Asia, the Asia-Pacific, the Indo-Pacific, East Asia, the Far East, the Global South and the Middle East", &[
        ("Europe", Place, "Europe"),
        ("Asia", Place, "Asia"),
        ("Asia-Pacific", Place, "Asia-Pacific"),
        ("Indo-Pacific", Place, "Indo-Pacific"),
        ("East Asia", Place, "East Asia"),
        ("Far East", Place, "Far East"),
        ("Global South", Place, "Global South"),
        ("Middle East", Place, "Middle East"),
    ]),
    ("Putin’s meeting with Kim in Vladivostok in 2019", &[
        ("Putin", Person, "Vladimir Putin"),
        // A person the lists do not know, found by the tagger.
        ("Kim", Person, "Kim"),
        ("Vladivostok", Place, "Vladivostok"),
    ]),
    // International organisations.
    ("NATO, the G7, the G20, the EU, the European Union, the UN and BRICS", &[
        ("NATO", InternationalOrg, "NATO"),
        ("G7", InternationalOrg, "G7"),
        ("G20", InternationalOrg, "G20"),
        ("EU", InternationalOrg, "European Union"),
        ("European Union", InternationalOrg, "European Union"),
        ("UN", InternationalOrg, "United Nations"),
        ("BRICS", InternationalOrg, "BRICS"),
    ]),
    ("United Nations Security Council resolutions and U.N. Security Council votes", &[
        ("United Nations Security Council", InternationalOrg, "UN Security Council"),
        ("U.N. Security Council", InternationalOrg, "UN Security Council"),
    ]),
    ("the G7’s high priority export control list", &[("G7", InternationalOrg, "G7")]),
    ("IAEA, WTO, IMF, World Bank, OPEC+, ASEAN, SCO, African Union and the Warsaw Pact", &[
        ("IAEA", InternationalOrg, "IAEA"),
        ("WTO", InternationalOrg, "WTO"),
        ("IMF", InternationalOrg, "IMF"),
        ("World Bank", InternationalOrg, "World Bank"),
        ("OPEC+", InternationalOrg, "OPEC+"),
        ("ASEAN", InternationalOrg, "ASEAN"),
        ("SCO", InternationalOrg, "SCO"),
        ("African Union", InternationalOrg, "African Union"),
        ("Warsaw Pact", InternationalOrg, "Warsaw Pact"),
    ]),
    // Government bodies.
    ("In a fact sheet released by the US State Department, North Korea", &[
        ("US State Department", GovernmentBody, "US State Department"),
        ("North Korea", Country, "North Korea"),
    ]),
    ("denounces the State Department in Washington.", &[
        ("State Department", GovernmentBody, "US State Department"),
        ("Washington", Country, "United States"),
    ]),
    ("the U.S. Department of State and the Department of State", &[
        ("U.S. Department of State", GovernmentBody, "US State Department"),
        ("Department of State", GovernmentBody, "US State Department"),
    ]),
    ("Last December, the Russian Ministry of Defense claimed", &[
        ("Russian Ministry of Defense", GovernmentBody, "Russian Ministry of Defense"),
    ]),
    ("Russia's Defense Ministry said", &[
        ("Russia's Defense Ministry", GovernmentBody, "Russian Ministry of Defense"),
    ]),
    ("according to South Korea’s Defense Department.", &[
        ("South Korea’s Defense Department", GovernmentBody, "South Korean Ministry of Defense"),
    ]),
    ("China’s General Customs Administration continues to report", &[
        ("China’s General Customs Administration", GovernmentBody, "Chinese General Administration of Customs"),
    ]),
    ("the Pentagon and the Chinese Foreign Ministry", &[
        ("Pentagon", GovernmentBody, "US Department of Defense"),
        ("Chinese Foreign Ministry", GovernmentBody, "Chinese Ministry of Foreign Affairs"),
    ]),
    // CoNLL convention: "Chinese" is the name (MISC, linked to China); "government" is not.
    ("The Chinese government has refrained", &[
        ("Chinese", Country, "China"),
    ]),
    ("the US Treasury, the Commerce Department and the Joint Chiefs of Staff", &[
        ("US Treasury", GovernmentBody, "US Treasury Department"),
        ("Commerce Department", GovernmentBody, "US Department of Commerce"),
        ("Joint Chiefs of Staff", GovernmentBody, "US Joint Chiefs of Staff"),
    ]),
    // Think tanks, universities, media.
    ("according to Nathaniel Sher, of the think tank Carnegie Endowment.", &[
        ("Nathaniel Sher", Person, "Nathaniel Sher"),
        ("Carnegie Endowment", ThinkTank, "Carnegie Endowment for International Peace"),
    ]),
    ("a recent report from the think tank CSIS. The CSIS report", &[
        ("CSIS", ThinkTank, "CSIS"),
        ("CSIS", ThinkTank, "CSIS"),
    ]),
    ("in a talk at the think tankStimson.", &[("Stimson", ThinkTank, "Stimson Center")]),
    ("leading researcher at Kookmin University’s Institute for Korean Studies", &[
        ("Kookmin University", ThinkTank, "Kookmin University"),
        ("Institute for Korean Studies", ThinkTank, "Institute for Korean Studies"),
    ]),
    ("a fellow at Yonsei University and the University of Tokyo", &[
        ("Yonsei University", ThinkTank, "Yonsei University"),
        ("University of Tokyo", ThinkTank, "University of Tokyo"),
    ]),
    ("RAND, Brookings, Chatham House and the IISS", &[
        ("RAND", ThinkTank, "RAND Corporation"),
        ("Brookings", ThinkTank, "Brookings Institution"),
        ("Chatham House", ThinkTank, "Chatham House"),
        ("IISS", ThinkTank, "IISS"),
    ]),
    ("Russia Today and Xinhua News Agency signed a memorandum, and the Russian News Agency TASS agreed", &[
        ("Russia Today", Media, "RT"),
        ("Xinhua News Agency", Media, "Xinhua News Agency"),
        ("Russian News Agency TASS", Media, "TASS"),
    ]),
    ("Reuters, AP, AFP, the BBC and CNN reported", &[
        ("Reuters", Media, "Reuters"),
        ("AP", Media, "Associated Press"),
        ("AFP", Media, "Agence France-Presse"),
        ("BBC", Media, "BBC"),
        ("CNN", Media, "CNN"),
    ]),
    // Agreements.
    ("The signing of a “mutual assistance in case of external aggression” agreement between", &[
        ("“mutual assistance in case of external aggression” agreement", Agreement, "mutual assistance agreement"),
    ]),
    ("their 'no limits' partnership declared in February 2022; a 'no limits partnership'", &[
        ("'no limits' partnership", Agreement, "no limits partnership"),
        ("no limits partnership", Agreement, "no limits partnership"),
    ]),
    ("Despite a no limits partnership with Russia", &[
        ("no limits partnership", Agreement, "no limits partnership"),
        ("Russia", Country, "Russia"),
    ]),
    ("a mutual assistance agreement, a new defense pact and a comprehensive strategic partnership", &[
        ("mutual assistance agreement", Agreement, "mutual assistance agreement"),
        ("defense pact", Agreement, "defense pact"),
        ("comprehensive strategic partnership", Agreement, "comprehensive strategic partnership"),
    ]),
    ("2. Russia-North Korea Defense Pact", &[
        ("Russia-North Korea Defense Pact", Agreement, "Russia-North Korea Defense Pact"),
    ]),
    ("the Russia-North Korea defense pact is", &[
        ("Russia-North Korea defense pact", Agreement, "Russia-North Korea Defense Pact"),
    ]),
    ("the Treaty of Versailles and the Paris Agreement", &[
        ("Treaty of Versailles", Agreement, "Treaty of Versailles"),
        ("Paris Agreement", Agreement, "Paris Agreement"),
    ]),
    ("The agreement signed between them; the pact consolidates", &[]),
    // People.
    ("the alliances put Russian President Vladimir Putin in a precarious position", &[
        ("Russian", Country, "Russia"),
        ("Vladimir Putin", Person, "Vladimir Putin"),
    ]),
    ("North Korean leader Kim Jong-un this week", &[
        ("North Korean", Country, "North Korea"),
        ("Kim Jong-un", Person, "Kim Jong Un"),
    ]),
    ("Chinese leader Xi Jinping; later Xi said", &[
        ("Chinese", Country, "China"),
        ("Xi Jinping", Person, "Xi Jinping"),
        ("Xi", Person, "Xi Jinping"),
    ]),
    ("According to South Korea’s Defense Minister Shin Won-sik, factories run. Shin said so.", &[
        ("South Korea", Country, "South Korea"),
        ("Shin Won-sik", Person, "Shin Won-sik"),
        ("Shin", Person, "Shin Won-sik"),
    ]),
    ("NATO Secretary General Jens Stoltenberg declared. Later Stoltenberg demanded", &[
        ("NATO", InternationalOrg, "NATO"),
        ("Jens Stoltenberg", Person, "Jens Stoltenberg"),
        ("Stoltenberg", Person, "Jens Stoltenberg"),
    ]),
    ("said Undersecretary of State Kurt Campbell last week. Campbell added", &[
        ("Kurt Campbell", Person, "Kurt Campbell"),
        ("Campbell", Person, "Kurt Campbell"),
    ]),
    ("analyzes Professor Ramón Pacheco Pardo, from the London School of Economics. It is a threat, says Pacheco Pardo.", &[
        ("Ramón Pacheco Pardo", Person, "Ramón Pacheco Pardo"),
        ("London School of Economics", ThinkTank, "London School of Economics"),
        ("Pacheco Pardo", Person, "Ramón Pacheco Pardo"),
    ]),
    ("State Department spokesman Matthew Miller said he was unable to answer. Miller’s answer", &[
        ("State Department", GovernmentBody, "US State Department"),
        ("Matthew Miller", Person, "Matthew Miller"),
        ("Miller", Person, "Matthew Miller"),
    ]),
    ("My advice to President Biden", &[("Biden", Person, "Joe Biden")]),
    ("said Fyodor Tertitskiy, a historian of North Korea. Tertitskiy told Al Jazeera", &[
        ("Fyodor Tertitskiy", Person, "Fyodor Tertitskiy"),
        ("North Korea", Country, "North Korea"),
        ("Tertitskiy", Person, "Fyodor Tertitskiy"),
        ("Al Jazeera", Media, "Al Jazeera"),
    ]),
    ("said Daniel Salisbury, a visiting research fellow at King’s College London.", &[
        ("Daniel Salisbury", Person, "Daniel Salisbury"),
        ("King’s College London", ThinkTank, "King's College London"),
    ]),
    ("Ankit Panda, an expert on North Korea’s weapons programme. “I suppose,” Panda wrote.", &[
        ("Ankit Panda", Person, "Ankit Panda"),
        ("North Korea", Country, "North Korea"),
        ("Panda", Person, "Ankit Panda"),
    ]),
    ("Kim Jong Un arrived. Kim controls a vast domestic arms industry.", &[
        ("Kim Jong Un", Person, "Kim Jong Un"),
        ("Kim", Person, "Kim Jong Un"),
    ]),
    ("Putin risks turning Russia into a subordinate partner", &[
        ("Putin", Person, "Vladimir Putin"),
        ("Russia", Country, "Russia"),
    ]),
    ("PUTIN'S DEADLY GAMBLE", &[("PUTIN", Person, "Vladimir Putin")]),
    // Company names whose last word says so: the whole capitalised run, across initials
    // and a sentence's first word, with an abbreviated designator's period.
    ("The 900 workers at R. T. Halvorsen Pump Products Co. make valves.", &[
        ("R. T. Halvorsen Pump Products Co.", Company, "R. T. Halvorsen Pump Products Co."),
    ]),
    ("The market was led by Kelso Ridge Networks’ purchase of a rival.", &[
        ("Kelso Ridge Networks", Company, "Kelso Ridge Networks"),
    ]),
    ("Zorvia Energy sells window panels.", &[
        ("Zorvia Energy", Company, "Zorvia Energy"),
    ]),
    // Near-misses: a person before "of" and a "-based" word are not part of the company.
    ("Said Marta Okonjo of Delmar Freight Lines Inc. on Monday.", &[
        ("Marta Okonjo", Person, "Marta Okonjo"),
        ("Delmar Freight Lines Inc.", Company, "Delmar Freight Lines Inc."),
    ]),
    ("The Denver-based Ostrava Water Systems Inc. hired staff.", &[
        ("Denver-based", Other, "Denver-based"),
        ("Ostrava Water Systems Inc.", Company, "Ostrava Water Systems Inc."),
    ]),
    // Near-misses: inside a longer name the word is its subject, not its end.
    ("The Institute for Energy Research and the Energy Department met.", &[
        ("Institute for Energy Research", ThinkTank, "Institute for Energy Research"),
        ("Energy Department", GovernmentBody, "US Department of Energy"),
    ]),
    // Not names.
    ("However, The Conclusion. Monday and December came. Cold War-era supplies since World War II.", &[
        ("Cold War-era", Other, "Cold War-era"),
        ("World War II", Other, "World War II"),
    ]),
    ("TOP OF PAGE SUBSCRIBE NOW", &[]),
    ("", &[]),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for (input, expected) in EXACT {
        let got = find_mentions(input, None);
        if show(&got) != expected.to_vec() {
            failures.push(format!(
                "{input:?}\n  want {expected:?}\n  got  {:?}",
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// (input, surface, id, country) for a few mentions whose id and country matter downstream.
const IDS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "Pyongyang said",
        "Pyongyang",
        "country:north-korea",
        Some("North Korea"),
    ),
    (
        "the Kremlin said",
        "Kremlin",
        "country:russia",
        Some("Russia"),
    ),
    (
        "the US State Department",
        "US State Department",
        "government_body:us-state-department",
        Some("United States"),
    ),
    (
        "Russia's Defense Ministry said",
        "Russia's Defense Ministry",
        "government_body:russian-ministry-of-defense",
        Some("Russia"),
    ),
    (
        "Chinese leader Xi Jinping",
        "Xi Jinping",
        "person:xi-jinping",
        Some("China"),
    ),
    (
        "South Korea's Defense Minister Shin Won-sik",
        "Shin Won-sik",
        "person:shin-won-sik",
        Some("South Korea"),
    ),
    ("NATO", "NATO", "international_org:nato", None),
    (
        "a 'no limits' partnership",
        "'no limits' partnership",
        "agreement:no-limits-partnership",
        None,
    ),
];

#[test]
fn ids_and_countries() {
    for (input, surface, id, country) in IDS {
        let got = find_mentions(input, None);
        let m = got.iter().find(|m| m.text == *surface);
        let m = m.unwrap_or_else(|| panic!("{surface:?} not found in {input:?}: {got:?}"));
        assert_eq!(m.id, *id, "{input:?}");
        assert_eq!(m.country.as_deref(), *country, "{input:?}");
    }
}

fn check_invariants(text: &str, ms: &[Mention]) {
    let mut last_end = 0;
    for m in ms {
        assert!(m.span.start >= last_end, "overlap or unsorted at {m:?}");
        assert!(m.span.start < m.span.end, "empty span {m:?}");
        assert_eq!(
            text.get(m.span.start..m.span.end),
            Some(m.text.as_str()),
            "{m:?}"
        );
        assert!(!m.canonical.is_empty() && m.id.contains(':'), "{m:?}");
        last_end = m.span.end;
    }
}

/// Tiny deterministic generator, so the test needs no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_text_keeps_invariants() {
    const PIECES: &[&str] = &[
        "China",
        "’s",
        "'s",
        "'",
        "’",
        "-",
        " ",
        " ",
        " ",
        "\n",
        ".",
        ",",
        "“",
        "”",
        "\"",
        "US",
        "us",
        "Kim",
        "Shin",
        "Won-sik",
        "Defense",
        "Ministry",
        "of",
        "State",
        "Department",
        "President",
        "said",
        "agreement",
        "mutual",
        "assistance",
        "no limits",
        "University",
        "Institute",
        "for",
        "é",
        "日本",
        "🙂",
        "Ä",
        "ß",
        "İ",
        "ǅ",
        "North",
        "Korea",
        "the",
        "The",
        "Putin",
        "NATO",
        "Treaty",
        "Pact",
        "and",
        "\u{a0}",
        "x",
        "A",
        "\t",
        "U.S.",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
        }
        let ms = find_mentions(&text, None);
        check_invariants(&text, &ms);
    }
    // Long inputs and odd characters.
    let big = "Beijing’s ‘no limits’ partnership with Moscow. Shin said. ".repeat(2000);
    check_invariants(&big, &find_mentions(&big, None));
    let weird = "\u{0}\u{feff}İstanbul ǅemal 'Kim' \u{202e}Shin’".to_string();
    check_invariants(&weird, &find_mentions(&weird, None));
}

#[test]
fn seeds_smoke() {
    let Some(shared) = sinew_testkit::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let entries = std::fs::read_dir(&dir).expect("the seeds folder reads");
    let mut all = Vec::new();
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let ms = find_mentions(&text, None);
        check_invariants(&text, &ms);
        all.extend(ms.into_iter().map(|m| (m.entity_type, m.canonical)));
    }
    assert!(
        !all.is_empty(),
        "no mentions in the seeds of {}",
        dir.display()
    );
    for (ty, name) in [
        (Country, "North Korea"),
        (Person, "Kim Jong Un"),
        (Person, "Fyodor Tertitskiy"),
        (Person, "Shin Won-sik"),
        (GovernmentBody, "US State Department"),
        (GovernmentBody, "Russian Ministry of Defense"),
        (ThinkTank, "CSIS"),
        (Agreement, "no limits partnership"),
        (Agreement, "Russia-North Korea Defense Pact"),
        (Place, "Korean Peninsula"),
    ] {
        assert!(
            all.iter().any(|(t, n)| *t == ty && n == name),
            "seeds lack {ty:?} {name}"
        );
    }
    // Scrape junk and headings give no people.
    for junk in [
        "Bình luận",
        "Subscribe",
        "Introduction",
        "Conclusion",
        "Join Morning Express",
    ] {
        assert!(
            !all.iter().any(|(t, n)| *t == Person && n == junk),
            "{junk} taken for a person"
        );
    }
}
