//! Fixture files in `tests/fixtures`, table-driven: what each must give.

use chrono::NaiveDate;
use sinew_ingest::{ErrorKind, IngestConfig};

use crate::{assert_tidy, fixture, read_ok};

pub(crate) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// One document expected from a fixture file.
pub(crate) struct Doc {
    pub(crate) source: &'static str,
    pub(crate) title: Option<&'static str>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) site: Option<&'static str>,
    pub(crate) author: Option<&'static str>,
    pub(crate) url: Option<&'static str>,
    pub(crate) contains: &'static [&'static str],
    pub(crate) absent: &'static [&'static str],
}

pub(crate) const NONE: Doc = Doc {
    source: "",
    title: None,
    published: None,
    site: None,
    author: None,
    url: None,
    contains: &[],
    absent: &[],
};

pub(crate) fn check_doc(doc: &sinew_types::Document, want: &Doc) {
    let s = want.source;
    assert_eq!(doc.source, s);
    assert_eq!(doc.title.as_deref(), want.title, "{s} title");
    assert_eq!(doc.published, want.published, "{s} published");
    assert_eq!(doc.site.as_deref(), want.site, "{s} site");
    assert_eq!(doc.author.as_deref(), want.author, "{s} author");
    assert_eq!(doc.url.as_deref(), want.url, "{s} url");
    for phrase in want.contains {
        assert!(
            doc.text.contains(phrase),
            "{s}: lost {phrase:?} in {:?}",
            doc.text
        );
    }
    for phrase in want.absent {
        assert!(
            !doc.text.contains(phrase),
            "{s}: {phrase:?} survived in {:?}",
            doc.text
        );
    }
    assert_tidy(&doc.text);
    assert_eq!(doc.id, sinew_ingest::doc_id(&doc.text));
}

#[test]
fn single_document_fixtures() {
    let cases = [
        (
            "article.html",
            Doc {
                source: "article.html",
                title: Some("Port Traffic Between Rajin and Vostochny Rises"),
                published: date(2024, 3, 5),
                site: Some("The Harbour Times"),
                author: Some("Mina Park and Ivan Petrov"),
                url: Some("https://harbour.example/2024/03/05/port-traffic"),
                contains: &[
                    "up from \u{201c}three or four\u{201d} a month last year, analysts said.\n\nThe ships carried",
                    "tracks the route closely.",
                    "Why it matters",
                    "the traffic & the cargo",
                    "Rajin is close to the Russian border.\n\nVostochny is a major Pacific port.",
                ],
                absent: &[
                    "cookies", "Accept", "World", "Asia", "Home", "Facebook", "Advertisement", "tracking",
                    "Join The Harbour Times", "Subscribe", "Another story", "Reader One", "Comments",
                    "All rights reserved", "color: red",
                ],
            },
        ),
        (
            "broken.html",
            Doc {
                source: "broken.html",
                title: Some("Unclosed Tags Everywhere"),
                contains: &[
                    "First paragraph with bold and italic text that never closes",
                    "Second paragraph after an implied close.",
                    "Cell one",
                    "Cell two",
                ],
                absent: &["<b>", "<p>"],
                ..NONE
            },
        ),
        (
            "latin1.txt",
            Doc {
                source: "latin1.txt",
                title: Some("Caf\u{e9} Talks in M\u{fc}nchen"),
                contains: &["at the caf\u{e9} on Monday to discuss \u{201c}trade\u{201d} across"],
                ..NONE
            },
        ),
    ];
    for (file, want) in cases {
        let parsed = read_ok(&fixture(file));
        assert!(parsed.errors.is_empty(), "{file}: {:?}", parsed.errors);
        assert_eq!(parsed.docs.len(), 1, "{file}");
        check_doc(&parsed.docs[0], &want);
    }
}

#[test]
fn bad_fixtures_name_the_file() {
    // (file, error message after "PATH: ", whether it is an I/O error)
    let cases = [
        ("empty.txt", "no article text"),
        ("junk_only.txt", "no article text"),
        ("binary.txt", "not valid UTF-8 at byte 39"),
        ("missing.txt", "no such file or folder"),
    ];
    for (file, message) in cases {
        let path = fixture(file);
        let err = sinew_ingest::read_file(&path, &IngestConfig::default()).expect_err(file);
        assert_eq!(err.to_string(), format!("{}: {message}", path.display()));
        assert_eq!(err.input(), path.display().to_string());
        assert!(!err.is_io(), "{file}");
    }
}

#[test]
fn jsonl_keeps_good_lines_and_names_bad_ones() {
    let path = fixture("feed.jsonl");
    let config = IngestConfig {
        published: date(2000, 1, 1),
        ..IngestConfig::default()
    };
    let parsed = sinew_ingest::read_file(&path, &config).unwrap();
    let wants = [
        Doc {
            source: "https://news.example/a",
            title: Some("Given Title"),
            published: date(2024, 6, 19),
            url: Some("https://news.example/a"),
            contains: &["state media said.\n\nThe pact covers mutual defence."],
            absent: &["Subscribe"],
            ..NONE
        },
        Doc {
            source: "feed.jsonl#4",
            title: Some("From HTML"),
            published: date(2024, 6, 20),
            contains: &["reached $240 billion in 2023"],
            ..NONE
        },
        Doc {
            source: "feed.jsonl#7",
            published: date(2024, 6, 21),
            site: Some("Example Wire"),
            contains: &["Plain line without URL"],
            ..NONE
        },
    ];
    assert_eq!(parsed.docs.len(), wants.len());
    for (doc, want) in parsed.docs.iter().zip(&wants) {
        check_doc(doc, want);
    }
    let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    let p = path.display();
    assert_eq!(
        errors,
        [
            format!("{p} line 2: not JSON (key must be a string at line 1 column 2)"),
            format!("{p} line 5: has neither a \"text\" nor an \"html\" string"),
            format!("{p} line 6: not a JSON object"),
        ]
    );
    assert!(parsed
        .errors
        .iter()
        .all(|e| matches!(e.kind(), ErrorKind::BadRecord(_))));
}
