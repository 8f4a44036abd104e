//! The five seed articles in `../shared/seeds`: junk gone, titles, dates and sites right.

use chrono::NaiveDate;

use crate::{assert_tidy, read_ok};

/// Phrases that must not survive cleaning in any seed.
const JUNK: &[&str] = &[
    "top of page",
    "bottom of page",
    "Subscribe",
    "Bình luận",
    "Join Morning Express",
    "Your browser does not support JavaScript",
    "lhpgop",
    "Follow all the international information",
    "Source: Al Jazeera",
    "Home »",
    "China Featured News North Korea Politics Russia",
];

struct Expect {
    file: &'static str,
    title: Option<&'static str>,
    published: Option<(i32, u32, u32)>,
    site: Option<&'static str>,
    starts_with: &'static str,
}

const EXPECT: &[Expect] = &[
    Expect {
        file: "000_7aa2dc1ccafbac9f.txt",
        title: Some("PUTIN'S DEADLY GAMBLE. TRADING CHINA AND N. KOREA WEAPONS FOR RESOURCES AND LAND?"),
        published: None,
        site: None,
        starts_with: "PUTIN'S DEADLY GAMBLE.",
    },
    Expect {
        file: "001_a491087e42b27aa0.txt",
        title: None,
        published: None,
        site: None,
        starts_with: "The signing of a \u{201c}mutual assistance",
    },
    Expect {
        file: "002_4a13886d702e7d2e.txt",
        title: Some("China Key to Preventing Possible Russia, North Korea Arms Deal, Expert Says"),
        published: None,
        site: Some("Al Jazeera"),
        starts_with: "China Key to Preventing Possible Russia, North Korea Arms Deal, Expert Says\n\nChina is the key",
    },
    Expect {
        file: "003_99c7175c0b854cca.txt",
        title: Some("Russia\u{2019}s Strategic Gains from Fueling North Korea's Military Expenditure"),
        published: None,
        site: None,
        starts_with: "Russia\u{2019}s Strategic Gains from Fueling North Korea's Military Expenditure\n\nIn recent years",
    },
    Expect {
        file: "004_f836de206c2cab78.txt",
        title: Some("Geopolitical Shifts: Russia, China, and North Korea's Strategic Alliances"),
        published: Some((2024, 6, 27)),
        site: None,
        starts_with: "Geopolitical Shifts: Russia, China, and North Korea's Strategic Alliances\n\nGOOVER DAILY REPORT",
    },
];

#[test]
fn seeds_are_cleaned() {
    let Some(shared) = sinew_testkit::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    for want in EXPECT {
        let parsed = read_ok(&dir.join(want.file));
        assert!(
            parsed.errors.is_empty(),
            "{}: {:?}",
            want.file,
            parsed.errors
        );
        let [doc] = parsed.docs.as_slice() else {
            panic!("{}: one document expected", want.file)
        };
        assert_eq!(doc.source, want.file);
        assert_eq!(doc.title.as_deref(), want.title, "{} title", want.file);
        let published = want
            .published
            .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        assert_eq!(doc.published, published, "{} published", want.file);
        assert_eq!(doc.site.as_deref(), want.site, "{} site", want.file);
        assert!(
            doc.text.starts_with(want.starts_with),
            "{} starts {:?}",
            want.file,
            &doc.text[..doc.text.len().min(120)]
        );
        for junk in JUNK {
            assert!(!doc.text.contains(junk), "{}: {junk:?} survived", want.file);
        }
        for line in doc.text.lines() {
            assert!(
                line != "." && line != "_" && line != "goover",
                "{}: junk line {line:?}",
                want.file
            );
        }
        assert_tidy(&doc.text);
        assert_eq!(doc.id, sinew_ingest::doc_id(&doc.text));
    }
}

#[test]
fn seed_prose_is_kept() {
    let Some(shared) = sinew_testkit::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let kept: &[(&str, &[&str])] = &[
        (
            "000_7aa2dc1ccafbac9f.txt",
            &[
                "over $300 million",
                "Introduction",
                "Conclusion",
                "approximately 6,700 containers",
            ],
        ),
        (
            "001_a491087e42b27aa0.txt",
            &[
                "more than 11,000 containers",
                "$240 billion",
                "70% of the machine tools",
            ],
        ),
        (
            "002_4a13886d702e7d2e.txt",
            &[
                "\u{2018}Longer-term hazards for the world\u{2019}",
                "Putin will",
            ],
        ),
        (
            "004_f836de206c2cab78.txt",
            &[
                "TABLE OF CONTENTS",
                "9-4. Kim Jong Un [person]",
                "10. Source Documents",
            ],
        ),
    ];
    for (file, phrases) in kept {
        let doc = &read_ok(&dir.join(file)).docs[0];
        for phrase in *phrases {
            assert!(doc.text.contains(phrase), "{file}: lost {phrase:?}");
        }
    }
}
