//! RSS and Atom feeds: each item a document; items without content and broken XML are named
//! errors while the other items are kept.

use sinew_ingest::{ErrorKind, Format, IngestConfig};

use crate::fixture;
use crate::fixtures::{check_doc, date, Doc, NONE};

/// (fixture, documents expected, errors expected after "PATH ")
type FeedCase = (&'static str, Vec<Doc>, Vec<String>);

#[test]
fn feed_fixtures() {
    let cases: Vec<FeedCase> = vec![
        (
            "rss.xml",
            vec![
                Doc {
                    source: "https://harbour.example/2024/03/04/port-traffic",
                    url: Some("https://harbour.example/2024/03/04/port-traffic"),
                    title: Some("Port Traffic Between Rajin and Vostochny Rises"),
                    author: Some("Mina Park"),
                    published: date(2024, 3, 5),
                    site: Some("The Harbour Times"),
                    // content:encoded wins over the teaser, through the HTML path.
                    contains: &["up from three or four last year, analysts said.\n\nThe ships carried containers north."],
                    absent: &["Short teaser", "Share on Facebook", "<p>"],
                },
                Doc {
                    source: "https://harbour.example/2024/03/06/cafe-talks",
                    url: Some("https://harbour.example/2024/03/06/cafe-talks"),
                    // ISO-8859-1 declared by the feed; entities resolved.
                    title: Some("Caf\u{e9} Talks & Trade"),
                    published: date(2024, 3, 6),
                    site: Some("The Harbour Times"),
                    contains: &["Officials met at the caf\u{e9} on Monday to discuss trade across the border."],
                    absent: &["<b>", "&lt;"],
                    ..NONE
                },
                Doc {
                    // No link: a permalink guid stands in.
                    source: "https://harbour.example/plain",
                    url: Some("https://harbour.example/plain"),
                    title: Some("Plain Text Item"),
                    published: date(2024, 3, 6),
                    site: Some("The Harbour Times"),
                    contains: &["reported 240 vessels in February & said traffic was rising."],
                    ..NONE
                },
            ],
            vec!["item 4 (https://harbour.example/empty): the item has no content".into()],
        ),
        (
            "atom.atom",
            vec![
                Doc {
                    source: "https://wire.example/2024/06/20/trade",
                    url: Some("https://wire.example/2024/06/20/trade"),
                    title: Some("Trade Hits a Record"),
                    author: Some("Ivan Petrov"),
                    published: date(2024, 6, 20),
                    site: Some("Example Wire"),
                    contains: &["reached $240 billion in 2023, customs data showed.\n\nBoth sides hailed the figure."],
                    absent: &["Teaser", "ivan@"],
                },
                Doc {
                    source: "https://wire.example/2024/06/21/xhtml",
                    url: Some("https://wire.example/2024/06/21/xhtml"),
                    title: Some("Inline XHTML Entry"),
                    published: date(2024, 6, 21),
                    site: Some("Example Wire"),
                    contains: &["signed a \u{201c}no limits\u{201d} partnership in February 2022.\n\nAnalysts called it unusual."],
                    ..NONE
                },
                Doc {
                    // No link and no web URL: the item is named by its place in the file.
                    source: "atom.atom#item3",
                    title: Some("Summary Only"),
                    site: Some("Example Wire"),
                    contains: &["about 6,700 containers"],
                    ..NONE
                },
            ],
            vec![],
        ),
        (
            "rdf.rss",
            vec![Doc {
                source: "https://old.example/a",
                url: Some("https://old.example/a"),
                title: Some("Sanctions Widen"),
                author: Some("Staff"),
                published: date(2024, 2, 1),
                site: Some("Old Style Wire"),
                contains: &["added twelve firms to the sanctions list"],
                ..NONE
            }],
            vec![],
        ),
        (
            "broken.rss",
            vec![
                Doc {
                    source: "https://broken.example/1",
                    url: Some("https://broken.example/1"),
                    title: Some("First Item Survives"),
                    site: Some("Broken Feed"),
                    contains: &["with text & a bare ampersand."],
                    ..NONE
                },
                Doc {
                    source: "https://broken.example/2",
                    url: Some("https://broken.example/2"),
                    title: Some("Second Item Also Fine"),
                    site: Some("Broken Feed"),
                    contains: &["The second item has unclosed markup in CDATA"],
                    ..NONE
                },
            ],
            vec![
                "item 3 (https://broken.example/3): the item has no content".into(),
                "XML is not well-formed at byte 545 (syntax error: tag not closed: `>` not found before end of input)".into(),
            ],
        ),
    ];
    for (file, wants, errors) in cases {
        let path = fixture(file);
        let parsed = crate::read_ok(&path);
        assert_eq!(
            parsed.docs.len(),
            wants.len(),
            "{file}: {:?}",
            parsed.errors
        );
        for (doc, want) in parsed.docs.iter().zip(&wants) {
            check_doc(doc, want);
        }
        let p = path.display().to_string();
        let got: Vec<String> = parsed
            .errors
            .iter()
            .map(|e| {
                let s = e.to_string();
                s.strip_prefix(&p)
                    .map_or(s.clone(), |r| r.trim_start_matches([' ', ':']).to_string())
            })
            .collect();
        assert_eq!(got, errors, "{file}");
        assert_eq!(parsed.skipped, 0);
    }
    let lang = crate::read_ok(&fixture("atom.atom")).docs[0].lang.clone();
    assert_eq!(lang.as_deref(), Some("en"));
}

#[test]
fn feeds_are_sniffed_and_xhtml_stays_html() {
    let rss = std::fs::read(fixture("rss.xml")).unwrap();
    let atom = std::fs::read(fixture("atom.atom")).unwrap();
    let xhtml = b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>An XHTML Page Title</title></head><body><p>Body text of the page.</p></body></html>";
    let bare_xhtml = b"<?xml version=\"1.0\"?><!-- saved --><html><body><p>Body text of the page.</p></body></html>";
    // (name, bytes, documents)
    let cases: &[(&str, &[u8], usize)] = &[
        ("-", &rss, 3),
        ("feed", &atom, 3),
        ("page.xml", xhtml, 1),
        ("page.xml", bare_xhtml, 1),
        ("-", xhtml, 1),
        ("page.html", xhtml, 1),
    ];
    for (name, bytes, n) in cases {
        let parsed = sinew_ingest::parse_bytes(name, bytes, Format::Auto, &IngestConfig::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(parsed.docs.len(), *n, "{name}");
    }
    let err = sinew_ingest::parse_bytes(
        "sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url><loc>https://a.example/</loc></url></urlset>",
        Format::Auto,
        &IngestConfig::default(),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "sitemap.xml: not an RSS or Atom feed");
    assert!(matches!(err.kind(), ErrorKind::Malformed(_)));
}

#[test]
fn broken_feeds_never_panic() {
    let inputs: &[&[u8]] = &[
        b"",
        b"<rss",
        b"<rss><channel><item>",
        b"<rss><channel><item><title>x</title></item></channel></rss></rss></rss>",
        b"<feed><entry><content type=\"xhtml\"><div><p>unclosed</div></content></entry></feed>",
        b"<rss><channel><item><description>&#0; &#xD800; &bogus; &</description></item></channel></rss>",
        b"<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><rss><channel><item><description>Text here.</description></item></channel></rss>",
        b"<rss><channel><item><description><![CDATA[unterminated",
        b"<feed><entry><link href='x' rel='alternate'><title>\xff\xfe</title></entry></feed>",
    ];
    for bytes in inputs {
        match sinew_ingest::parse_bytes("f.rss", bytes, Format::Feed, &IngestConfig::default()) {
            Ok(parsed) => {
                for e in parsed.errors {
                    assert!(e.to_string().starts_with("f.rss"), "{e}");
                }
                for d in parsed.docs {
                    crate::assert_tidy(&d.text);
                }
            }
            Err(e) => assert!(e.to_string().starts_with("f.rss"), "{e}"),
        }
    }
}
