//! Linking against the knowledge base: role phrases resolved on the publication date, native
//! scripts and transliterations, namesakes told apart by the document, abbreviations, the
//! country and sector every KB-linked mention carries, and the entities of seeds 000 and 001.

use chrono::NaiveDate;
use sinew_nlp::{country_adjective, country_name, find_mentions, iso_codes};
use sinew_types::{EntityType, Mention, MentionKind, Sector};

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date"))
}

/// The mention whose text is `surface` (the first one).
fn find<'a>(ms: &'a [Mention], surface: &str) -> Option<&'a Mention> {
    ms.iter().find(|m| m.text == surface)
}

fn canonical_of(text: &str, published: Option<NaiveDate>, surface: &str) -> Option<String> {
    let ms = find_mentions(text, published);
    find(&ms, surface).map(|m| m.canonical.clone())
}

/// (sentence, title surface, canonical on 2023-06-01, canonical on 2025-08-01)
const ROLES: &[(&str, &str, &str, &str)] = &[
    (
        "Russia's defence minister arrived in Pyongyang on Tuesday.",
        "defence minister",
        "Sergei Shoigu",
        "Andrei Belousov",
    ),
    (
        "The Russian defense minister met his hosts.",
        "defense minister",
        "Sergei Shoigu",
        "Andrei Belousov",
    ),
    (
        "Talks with the foreign minister of China ended early.",
        "foreign minister",
        "Qin Gang",
        "Wang Yi",
    ),
    (
        "The US Secretary of State flew to Seoul.",
        "Secretary of State",
        "Antony Blinken",
        "Marco Rubio",
    ),
    (
        "South Korea’s president vowed a firm response.",
        "president",
        "Yoon Suk Yeol",
        "Lee Jae-myung",
    ),
    (
        "The British prime minister said little.",
        "prime minister",
        "Rishi Sunak",
        "Keir Starmer",
    ),
    (
        "Britain's leader spoke to Kyiv.",
        "leader",
        "Rishi Sunak",
        "Keir Starmer",
    ),
    (
        "Japan's defense minister inspected the base.",
        "defense minister",
        "Yasukazu Hamada",
        "Gen Nakatani",
    ),
    (
        "The German chancellor travelled to Washington.",
        "chancellor",
        "Olaf Scholz",
        "Friedrich Merz",
    ),
    (
        "Iran's president addressed the assembly.",
        "president",
        "Ebrahim Raisi",
        "Masoud Pezeshkian",
    ),
    (
        "Ukraine's defence minister asked for more shells.",
        "defence minister",
        "Oleksii Reznikov",
        "Denys Shmyhal",
    ),
];

#[test]
fn roles_resolve_on_the_publication_date() {
    let mut failures = Vec::new();
    for &(text, title, in_2023, in_2025) in ROLES {
        for (date, want) in [("2023-06-01", in_2023), ("2025-08-01", in_2025)] {
            let got = canonical_of(text, day(date), title);
            if got.as_deref() != Some(want) {
                failures.push(format!("{text:?} on {date}: want {want}, got {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_role_mention_is_a_nominal_person_of_its_country() {
    let text = "Chinese President said the talks went well.";
    let ms = find_mentions(text, day("2024-03-01"));
    let m = find(&ms, "President").expect("the role is linked");
    assert_eq!(m.entity_type, EntityType::Person);
    assert_eq!(m.canonical, "Xi Jinping");
    assert_eq!(m.id, "person:xi-jinping");
    assert_eq!(m.country.as_deref(), Some("China"));
    assert_eq!(m.sector, Some(Sector::Government));
    assert_eq!(m.kind, MentionKind::Nominal);
    // The country keeps its own mention.
    assert_eq!(
        find(&ms, "Chinese").map(|m| m.canonical.as_str()),
        Some("China")
    );
    let leader = find_mentions(
        "North Korea's leader watched the launch.",
        day("2024-01-05"),
    );
    assert_eq!(
        find(&leader, "leader").map(|m| m.canonical.as_str()),
        Some("Kim Jong Un")
    );
}

#[test]
fn roles_need_a_date_and_an_incumbent() {
    let text = "Russia's defence minister arrived.";
    assert_eq!(canonical_of(text, None, "defence minister"), None);
    // Someone out of office is not the incumbent.
    let former = "Russia's former defence minister spoke.";
    assert_eq!(
        canonical_of(former, day("2025-01-01"), "defence minister"),
        None
    );
    // A title before a name: the name speaks for itself.
    let named = "Russia's Defence Minister Andrei Belousov arrived.";
    let ms = find_mentions(named, day("2023-01-01"));
    assert!(find(&ms, "Defence Minister").is_none(), "{ms:?}");
    assert_eq!(
        find(&ms, "Andrei Belousov").map(|m| m.canonical.as_str()),
        Some("Andrei Belousov")
    );
    // Deputies, opposition leaders and presidents-elect are someone else.
    for text in [
        "the deputy prime minister of Russia",
        "the opposition leader of Russia",
        "Russia's deputy defence minister",
        "the US President-elect",
        "the vice president of the United States",
    ] {
        let ms = find_mentions(text, day("2024-01-01"));
        assert!(
            ms.iter().all(|m| m.kind == MentionKind::Name),
            "{text}: {ms:?}"
        );
    }
    // "Premier League" is no office.
    let football = "England's Premier League resumed.";
    assert!(find(&find_mentions(football, day("2024-01-01")), "Premier").is_none());
}

#[test]
fn a_title_before_a_surname_finds_the_office_holder_of_the_day() {
    let text = "Premier Li met the delegation in Beijing.";
    assert_eq!(
        canonical_of(text, day("2020-05-01"), "Li").as_deref(),
        Some("Li Keqiang")
    );
    assert_eq!(
        canonical_of(text, day("2024-05-01"), "Li").as_deref(),
        Some("Li Qiang")
    );
}

#[test]
fn native_scripts_and_transliterations_link_to_one_entity() {
    let cases: &[(&str, &str, &str)] = &[
        ("Шойгу прибыл в Пхеньян.", "Шойгу", "Sergei Shoigu"),
        ("Встреча с Путиным и Лавровым.", "Путиным", "Vladimir Putin"),
        ("Сергей Лавров заявил.", "Сергей Лавров", "Sergei Lavrov"),
        ("김정은 위원장이 말했다.", "김정은", "Kim Jong Un"),
        ("习近平会见了普京。", "习近平", "Xi Jinping"),
        ("习近平会见了普京。", "普京", "Vladimir Putin"),
        (
            "Defence minister Sergey Shoygu said.",
            "Sergey Shoygu",
            "Sergei Shoigu",
        ),
        ("Kim Jong-un and Kim Jong Un", "Kim Jong-un", "Kim Jong Un"),
        ("Zelenskyy and Zelenskiy", "Zelenskiy", "Volodymyr Zelensky"),
        ("Росія і Україна", "Україна", "Ukraine"),
        ("북한과 러시아", "북한", "North Korea"),
        (
            "Рособоронэкспорт поставил.",
            "Рособоронэкспорт",
            "Rosoboronexport",
        ),
    ];
    let mut failures = Vec::new();
    for &(text, surface, want) in cases {
        let got = canonical_of(text, None, surface);
        if got.as_deref() != Some(want) {
            failures.push(format!(
                "{text:?} / {surface:?}: want {want}, got {got:?}: {:?}",
                find_mentions(text, None)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn namesakes_are_told_apart_by_the_document() {
    let caucasus = "Georgia accused Russia of moving the border near Tbilisi.";
    let ms = find_mentions(caucasus, None);
    let m = find(&ms, "Georgia").expect("Georgia");
    assert_eq!(m.id, "country:georgia");
    let state = "Voters in Georgia lined up in Atlanta as the governor spoke.";
    let ms = find_mentions(state, None);
    let m = find(&ms, "Georgia").expect("Georgia");
    assert_eq!(m.id, "place:georgia-us-state");
    assert_eq!(m.country.as_deref(), Some("United States"));
    // Without any clue the country, the reading this domain needs most, wins.
    let bare = find_mentions("Georgia is small.", None);
    assert_eq!(
        find(&bare, "Georgia").map(|m| m.id.as_str()),
        Some("country:georgia")
    );
}

#[test]
fn country_names_inside_peoples_names_are_not_places() {
    let ms = find_mentions("Michael Jordan visited Amman, the capital of Jordan.", None);
    let jordans: Vec<&Mention> = ms.iter().filter(|m| m.text == "Jordan").collect();
    assert_eq!(jordans.len(), 1, "{ms:?}");
    assert_eq!(jordans[0].entity_type, EntityType::Country);
    let chad = find_mentions("Chad Smith said the talks were over.", None);
    assert!(
        chad.iter().all(|m| m.entity_type != EntityType::Country),
        "{chad:?}"
    );
    let katz = find_mentions("Israel Katz said Israel would respond.", None);
    assert_eq!(
        find(&katz, "Israel Katz").map(|m| m.entity_type),
        Some(EntityType::Person)
    );
    assert_eq!(
        find(&katz, "Israel").map(|m| m.entity_type),
        Some(EntityType::Country)
    );
    // Niger and Nigeria share a prefix, not a match.
    let ms = find_mentions("Niger and Nigeria, Nigerien and Nigerian troops.", None);
    let got: Vec<&str> = ms.iter().map(|m| m.canonical.as_str()).collect();
    assert_eq!(got, ["Niger", "Nigeria", "Niger", "Nigeria"]);
}

#[test]
fn abbreviations_link_to_their_entities() {
    let cases: &[(&str, &str)] = &[
        ("DPRK", "North Korea"),
        ("ROK", "South Korea"),
        ("PRC", "China"),
        ("UK", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("IAEA", "IAEA"),
        ("OPEC+", "OPEC+"),
        ("SCO", "SCO"),
        ("KOMID", "Korea Mining Development Trading Corporation"),
        ("SMIC", "SMIC"),
        ("CSTO", "CSTO"),
        ("EAEU", "Eurasian Economic Union"),
        ("AIIB", "Asian Infrastructure Investment Bank"),
    ];
    for &(abbr, want) in cases {
        let text = format!("Officials from the {abbr} met on Monday.");
        assert_eq!(
            canonical_of(&text, None, abbr).as_deref(),
            Some(want),
            "{text}"
        );
    }
}

#[test]
fn kb_mentions_carry_country_and_sector() {
    let text = "Rosoboronexport, Sberbank, the Wagner Group, NATO, the Kremlin, Huawei, TSMC, \
                Xinhua, CSIS and the IRGC.";
    let ms = find_mentions(text, None);
    let want: &[(&str, EntityType, Option<&str>, Option<Sector>)] = &[
        (
            "Rosoboronexport",
            EntityType::StateEnterprise,
            Some("Russia"),
            Some(Sector::Business),
        ),
        (
            "Sberbank",
            EntityType::StateEnterprise,
            Some("Russia"),
            Some(Sector::Business),
        ),
        (
            "Wagner Group",
            EntityType::ArmedForce,
            Some("Russia"),
            Some(Sector::Military),
        ),
        (
            "NATO",
            EntityType::InternationalOrg,
            None,
            Some(Sector::International),
        ),
        (
            "Kremlin",
            EntityType::Country,
            Some("Russia"),
            Some(Sector::Government),
        ),
        (
            "Huawei",
            EntityType::Company,
            Some("China"),
            Some(Sector::Business),
        ),
        (
            "TSMC",
            EntityType::Company,
            Some("Taiwan"),
            Some(Sector::Business),
        ),
        ("Xinhua", EntityType::Media, None, Some(Sector::Media)),
        (
            "CSIS",
            EntityType::ThinkTank,
            None,
            Some(Sector::CivilSociety),
        ),
        (
            "IRGC",
            EntityType::ArmedForce,
            Some("Iran"),
            Some(Sector::Military),
        ),
    ];
    for &(surface, ty, country, sector) in want {
        let m = find(&ms, surface).unwrap_or_else(|| panic!("{surface} in {ms:?}"));
        assert_eq!(
            (m.entity_type, m.country.as_deref(), m.sector),
            (ty, country, sector),
            "{surface}"
        );
    }
    // A minister of record acts for the government.
    let lavrov = find_mentions("Lavrov said so.", None);
    assert_eq!(
        find(&lavrov, "Lavrov").and_then(|m| m.sector),
        Some(Sector::Government)
    );
}

#[test]
fn iso_codes_of_countries_and_territories() {
    assert_eq!(iso_codes("North Korea"), Some(("KP", "PRK")));
    assert_eq!(iso_codes("United Kingdom"), Some(("GB", "GBR")));
    assert_eq!(iso_codes("Greenland"), Some(("GL", "GRL")));
    assert_eq!(iso_codes("Atlantis"), None);
    // And back, in any case.
    assert_eq!(country_name("PRK"), Some("North Korea"));
    assert_eq!(country_name("gbr"), Some("United Kingdom"));
    assert_eq!(country_name("XXX"), None);
}

#[test]
fn a_countrys_officials_are_named_with_its_adjective() {
    assert_eq!(country_adjective("United States"), Some("US"));
    assert_eq!(
        country_adjective("North Macedonia"),
        Some("North Macedonian")
    );
    assert_eq!(country_adjective("Atlantis"), None);
}

/// (surface, canonical, type) expected in a seed, written by reading it.
type SeedExpect<'a> = &'a [(&'a str, &'a str, EntityType)];

const SEED_000: SeedExpect<'_> = &[
    ("PUTIN", "Vladimir Putin", EntityType::Person),
    ("N. KOREA", "North Korea", EntityType::Country),
    ("Russia", "Russia", EntityType::Country),
    ("China", "China", EntityType::Country),
    ("North Korea", "North Korea", EntityType::Country),
    ("Ukraine", "Ukraine", EntityType::Country),
    (
        "European Union",
        "European Union",
        EntityType::InternationalOrg,
    ),
    ("Japan", "Japan", EntityType::Country),
    ("United Kingdom", "United Kingdom", EntityType::Country),
    ("G7", "G7", EntityType::InternationalOrg),
    ("Moscow", "Russia", EntityType::Country),
    ("Chinese", "China", EntityType::Country),
    ("Turkey", "Turkey", EntityType::Country),
    ("Malaysia", "Malaysia", EntityType::Country),
    ("Armenia", "Armenia", EntityType::Country),
    ("Shin Won-sik", "Shin Won-sik", EntityType::Person),
    ("North Korean", "North Korea", EntityType::Country),
];

const SEED_001: SeedExpect<'_> = &[
    ("Vladimir Putin", "Vladimir Putin", EntityType::Person),
    ("Kim Jong-un", "Kim Jong Un", EntityType::Person),
    ("Washington", "United States", EntityType::Country),
    ("Beijing", "China", EntityType::Country),
    ("Pyongyang", "North Korea", EntityType::Country),
    ("NATO", "NATO", EntityType::InternationalOrg),
    ("Jens Stoltenberg", "Jens Stoltenberg", EntityType::Person),
    ("Iran", "Iran", EntityType::Country),
    ("Kim", "Kim Jong Un", EntityType::Person),
    ("Cold War", "Cold War", EntityType::Other),
    (
        "London School of Economics",
        "London School of Economics",
        EntityType::ThinkTank,
    ),
    (
        "Vrije Universiteit Brussel",
        "Vrije Universiteit Brussel",
        EntityType::ThinkTank,
    ),
    ("Old Continent", "Europe", EntityType::Place),
];

fn check_seed(prefix: &str, expect: SeedExpect<'_>) {
    let Some(shared) = sinew_testkit::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let path = std::fs::read_dir(&dir)
        .expect("the seeds folder reads")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    let text = std::fs::read_to_string(&path).expect("the seed reads");
    let ms = find_mentions(&text, None);
    let mut missing = Vec::new();
    for &(surface, canonical, ty) in expect {
        let hit = ms
            .iter()
            .any(|m| m.text == surface && m.canonical == canonical && m.entity_type == ty);
        if !hit {
            missing.push(format!("{surface} -> {canonical} ({ty:?})"));
        }
    }
    assert!(
        missing.is_empty(),
        "{}: missing {}",
        path.display(),
        missing.join(", ")
    );
    // Every mention the KB knows carries the KB's country; people and bodies of a state too.
    for m in &ms {
        if m.entity_type == EntityType::Country {
            assert_eq!(m.country.as_deref(), Some(m.canonical.as_str()), "{m:?}");
        }
    }
}

#[test]
fn seed_000_entities() {
    check_seed("000_", SEED_000);
}

#[test]
fn seed_001_entities() {
    check_seed("001_", SEED_001);
}
