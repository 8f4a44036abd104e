//! HTML pages written for these tests (`tests/fixtures/html/`), and hostile or broken pages
//! made in the test: what the article is, what its metadata are, and that nothing panics.

use sinew_ingest::{parse_bytes, Format, IngestConfig};
use sinew_types::Document;

use crate::fixtures::{check_doc, date, Doc, NONE};
use crate::{assert_tidy, fixture, read_ok};

/// The fixture pages and what each must give (`fixtures::Doc`, checked by
/// `fixtures::check_doc`).
fn pages() -> Vec<(&'static str, Doc)> {
    vec![
        // A list of item cards is one article, not its longest card; the sidebar's teasers
        // are not part of it.
        (
            "html/cards.html",
            Doc {
                source: "cards.html",
                title: Some("Five Ports to Watch in 2025"),
                author: None,
                published: None,
                site: Some("Harbour Review"),
                contains: &[
                    "Container traffic shifted east",
                    "1. Rajin",
                    "Rajin handled more ships",
                    "Vostochny is the largest",
                    "Chongjin appeared in satellite images",
                ],
                absent: &[
                    "Recent posts",
                    "freight rates",
                    "rail bridge",
                    "All rights",
                    "Ports\n",
                ],
                ..NONE
            },
        ),
        // The headline is metadata; the byline and dateline give author and date; a table of
        // contents and a caption are not the article's text.
        (
            "html/toc.html",
            Doc {
                source: "toc.html",
                title: Some("How Sanctions Lists Are Built"),
                author: Some("Jane Doe"),
                published: date(2024, 3, 3),
                // The `<title>` sets the site's name beside the OpenGraph title.
                site: Some("Policy Desk"),
                contains: &[
                    "Who decides",
                    "In most countries a ministry",
                    "rarely succeeds",
                ],
                absent: &[
                    "How Sanctions Lists Are Built",
                    "Contents",
                    "How names are added\n\nWho",
                    "Photo: archive",
                    "By Jane Doe",
                    "Home",
                ],
                ..NONE
            },
        ),
        // JSON-LD metadata; a data table reads a row a line; share bars and related stories go.
        (
            "html/table.html",
            Doc {
                source: "table.html",
                title: Some("Trade Between the Two Countries in Figures"),
                author: Some("Ivan Petrov"),
                published: date(2024, 2, 10),
                site: None,
                contains: &[
                    "Year | Trade ($bn)",
                    "2023 | 240.1",
                    "do not include services",
                ],
                absent: &["Facebook", "Related", "Another article about trade"],
                ..NONE
            },
        ),
        // Unclosed paragraphs and list items, stray end tags, '>' inside a quoted attribute,
        // markup inside a script string and a comment, character references with and without
        // their semicolon, and a comment that never ends.
        (
            "html/unclosed.html",
            Doc {
                source: "unclosed.html",
                title: Some("Unclosed & Stray Tags"),
                author: None,
                published: None,
                site: None,
                contains: &[
                    "The first paragraph is never closed",
                    "The second paragraph starts",
                    "this third paragraph",
                    "one item\n\nanother item\n\na third item",
                    "Caf\u{e9} & bar \u{2014} \"quoted\" \u{a9} 2024",
                    "AT&T <tag>",
                ],
                absent: &["not text", "commented out", "hidden", "color: red"],
                ..NONE
            },
        ),
    ]
}

#[test]
fn fixture_pages() {
    for (file, want) in pages() {
        let parsed = read_ok(&fixture(file));
        assert_eq!(parsed.docs.len(), 1, "{file}");
        check_doc(&parsed.docs[0], &want);
    }
}

fn html_doc(name: &str, bytes: &[u8]) -> Document {
    let mut parsed = parse_bytes(name, bytes, Format::Html, &IngestConfig::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.docs.remove(0)
}

const PROSE: &str = "Officials said the shipments continued through the winter, and that the \
                     port had added cranes to handle the larger vessels now calling there.";

#[test]
fn legacy_and_mixed_encodings() {
    // Declared windows-1252: bytes 0x93/0x94 are curly quotes, 0xE9 is é.
    let mut page = b"<meta charset=\"windows-1252\"><p>\x93Caf\xe9\x94 ".to_vec();
    page.extend_from_slice(PROSE.as_bytes());
    let doc = html_doc("cp1252.html", &page);
    assert!(
        doc.text.starts_with("\u{201c}Caf\u{e9}\u{201d} Officials"),
        "{}",
        doc.text
    );

    // Declared UTF-8 with a stray Latin-1 byte: the rest survives, the byte is U+FFFD.
    let mut page = "<meta charset=utf-8><p>Putin\u{2019}s caf"
        .as_bytes()
        .to_vec();
    page.extend_from_slice(b"\xe9 ");
    page.extend_from_slice(PROSE.as_bytes());
    let doc = html_doc("mixed.html", &page);
    assert!(
        doc.text.starts_with("Putin\u{2019}s caf\u{fffd} Officials"),
        "{}",
        doc.text
    );

    // Undeclared and not UTF-8: read as windows-1252, as browsers do.
    let mut page = b"<p>M\xfcnchen ".to_vec();
    page.extend_from_slice(PROSE.as_bytes());
    let doc = html_doc("undeclared.html", &page);
    assert!(
        doc.text.starts_with("M\u{fc}nchen Officials"),
        "{}",
        doc.text
    );
}

#[test]
fn a_fifty_megabyte_page_is_read_whole() {
    let paragraph = format!("<div class=\"c\"><p>{PROSE}</p></div>\n");
    let count = 50 * 1024 * 1024 / paragraph.len() + 1;
    let mut page = String::with_capacity(count * paragraph.len() + 64);
    page.push_str("<html><body><article>");
    for _ in 0..count {
        page.push_str(&paragraph);
    }
    let doc = html_doc("big.html", page.as_bytes());
    // Repeated lines are template copies and are kept once.
    assert_eq!(doc.text, PROSE);
    // Distinct paragraphs are all kept.
    let mut page = String::from("<html><body><article>");
    for n in 0..20_000 {
        page.push_str(&format!("<p>Paragraph {n}: {PROSE}</p>"));
    }
    let doc = html_doc("big-distinct.html", page.as_bytes());
    assert_eq!(doc.text.matches("Officials said").count(), 20_000);
}

#[test]
fn hostile_markup_does_not_panic() {
    let deep = format!("{}<p>{PROSE}</p>", "<div><span><b>".repeat(100_000));
    let unclosed_attr = format!("<p>{PROSE}</p><div class=\"never closed");
    let many_attrs = format!("<p {}>{PROSE}</p>", "a=1 ".repeat(200_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("deep.html", deep.into_bytes()),
        ("unclosed-attr.html", unclosed_attr.into_bytes()),
        ("many-attrs.html", many_attrs.into_bytes()),
        ("lt.html", format!("<<<<p>>>{PROSE}<</").into_bytes()),
        (
            "raw.html",
            format!("<p>{PROSE}</p><script>{}", "x".repeat(1000)).into_bytes(),
        ),
        ("nul.html", format!("<p>{PROSE}\0\0</p>").into_bytes()),
        (
            "entities.html",
            format!("<p>{PROSE} {}</p>", "&#99999999999;&#x;&".repeat(1000)).into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let doc = html_doc(name, &bytes);
        assert!(
            doc.text.contains("Officials said"),
            "{name}: {:?}",
            doc.text
        );
        assert_tidy(&doc.text);
    }
    // Invalid UTF-8 everywhere, no markup: best effort, never a panic.
    let junk: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let _ = parse_bytes("noise.html", &junk, Format::Html, &IngestConfig::default());
}

#[test]
fn highlighted_code_is_text_not_furniture() {
    // Syntax highlighters class code spans "comment" or "tag", words that mark comment
    // sections and tag lists elsewhere.
    let page = format!(
        "<article><p>{PROSE}</p><pre><code><span class=\"hljs-comment\"># initialize git</span>\ngit init\n<span class=\"token tag\">&lt;div&gt;</span></code></pre><p>{PROSE}</p></article><div class=\"comments\"><p>Reader comment that is not part of the article at all.</p></div>"
    );
    let doc = html_doc("code.html", page.as_bytes());
    assert!(
        doc.text.contains("# initialize git git init <div>"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Reader comment"), "{}", doc.text);
}

/// A page of `head` metadata and a `body` around an article of two paragraphs of prose.
fn meta_page(head: &str, body_before: &str, body_after: &str) -> Vec<u8> {
    format!(
        "<html><head>{head}</head><body><nav><a href=/>Home</a></nav>{body_before}\
         <div class=entry><p>{PROSE}</p><p>{PROSE} {PROSE}</p></div>{body_after}\
         <footer>All rights reserved</footer></body></html>"
    )
    .into_bytes()
}

#[test]
fn publication_date_sources_in_order() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>"#;
    let og = r#"<meta property="article:published_time" content="2024-01-10T08:00:00Z">"#;
    let cases: Vec<(&str, Vec<u8>, Option<chrono::NaiveDate>)> =
        vec![
        // The CMS put the publication day in the canonical URL's path.
        (
            "url beats the rest",
            meta_page(
                &format!(
                    r#"<link rel=canonical href="https://news.example/2024/03/05/ports">{ld}{og}"#
                ),
                "<h1>Ports Reopen After the Storm</h1><p>March 3, 2025</p>",
                "",
            ),
            date(2024, 3, 5),
        ),
        // OpenGraph's publication time over a shown date (often the last refresh).
        (
            "og beats shown",
            meta_page(
                og,
                "<h1>Ports Reopen After the Storm</h1><p>March 3, 2025</p>",
                "",
            ),
            date(2024, 1, 10),
        ),
        // A dateline shown more than a day before OpenGraph's day is the first publication;
        // the metadata was stamped again when the post was moved.
        (
            "shown earlier than og",
            meta_page(
                og,
                "<h1>Ports Reopen After the Storm</h1><p>March 3, 2023</p>",
                "",
            ),
            date(2023, 3, 3),
        ),
        // A day before is a time zone's difference: the metadata stands.
        (
            "shown a day before og",
            meta_page(
                og,
                "<h1>Ports Reopen After the Storm</h1><p>January 9, 2024</p>",
                "",
            ),
            date(2024, 1, 10),
        ),
        // Each date on a line takes the label that stands nearest before it.
        (
            "labels within one line",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><p>Updated November 11, 2022 8:23 PM ET \
                 Originally published November 9, 2022 11:01 AM ET</p>",
                "",
            ),
            date(2022, 11, 9),
        ),
        // So too where the first is marked up as a `<time>`.
        (
            "labels within one line, one a time element",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><p>Updated <time datetime=\"2022-11-11\">\
                 November 11, 2022</time> Originally published November 9, 2022</p>",
                "",
            ),
            date(2022, 11, 9),
        ),
        // "Written by" names the author; the date after "Updated" is an update, and the
        // `<time>` in the article gives the publication.
        (
            "written by, then updated",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><p>Written by Ana Ruiz, MS \u{2014} \
                 Updated on March 7, 2025</p>",
                "<p>Filed <time datetime=\"2018-06-12\">in June</time></p>",
            ),
            date(2018, 6, 12),
        ),
        // Two dates on one line with no label: the earlier is the publication.
        (
            "two unlabelled dates",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><p>May 21, 2025 April 24, 2025 by The \
                 Ritualist</p>",
                "",
            ),
            date(2025, 4, 24),
        ),
        // The dateline the reader sees over JSON-LD.
        (
            "shown beats json-ld",
            meta_page(
                ld,
                "<h1>Ports Reopen After the Storm</h1><p>March 3, 2025</p>",
                "",
            ),
            date(2025, 3, 3),
        ),
        // Layout whitespace and separators do not make a dateline a sentence.
        (
            "spaced dateline",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><p>Dec 26, 2025            \
                 <span>&bull;</span>  <span>Mahua Das</span>            in\n   \
                 <a href=/pm>Project Management</a></p>",
                "",
            ),
            date(2025, 12, 26),
        ),
        // Fields set side by side in inline elements are separate fields.
        (
            "glued spans",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1>\
                 <div><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>",
                "",
            ),
            date(2025, 12, 17),
        ),
        // A blog's closing line after the article.
        (
            "trailer",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1>",
                "<div>Posted on the 15/12/2025 at 19:00 by <a href=/me>@writer</a></div>",
            ),
            date(2025, 12, 15),
        ),
        // The closing line inside the article, after a long text.
        (
            "trailer inside",
            format!(
                "<html><body><h1>Ports Reopen After the Storm</h1><article>{}\
                 <p>Posted on 2 March 2024 by the desk</p></article></body></html>",
                (0..30).map(|n| format!("<p>{PROSE} ({n})</p>")).collect::<String>()
            )
            .into_bytes(),
            date(2024, 3, 2),
        ),
        // A `<time>` far from the headline, labelled as the publication date.
        (
            "labelled time",
            meta_page(
                "",
                &format!(
                    "<div><h4>Updated</h4><time datetime=\"2019-01-02\">2 Jan 2019</time>\
                     <h4>Published</h4><time datetime=\"2018-11-15T12:00:00Z\">15 November 2018</time>\
                     </div>{}<h1>Ports Reopen After the Storm</h1>",
                    "<span>menu</span>".repeat(60)
                ),
                "",
            ),
            date(2018, 11, 15),
        ),
        // A sidebar (ARIA complementary) can hold the article's date.
        (
            "complementary sidebar",
            meta_page(
                "",
                "<aside role=\"complementary\"><p class=\"article-date\">May 25, 2023</p></aside>",
                "",
            ),
            date(2023, 5, 25),
        ),
        // The headline repeated in the body: its dateline is by the first one.
        (
            "repeated headline",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><div>March 17, 2025</div>",
                "",
            )
            .into_iter()
            .chain(
                format!(
                    "<article><h1>Ports Reopen After the Storm</h1><p>{}</p></article>",
                    PROSE.repeat(12)
                )
                .into_bytes(),
            )
            .collect(),
            date(2025, 3, 17),
        ),
        // A dateline in a `<span>` just after a long headline, in the same container: the
        // headline's block ends its line, so the date is a line of its own.
        (
            "dateline after the headline's block",
            format!(
                "<html><body><div><h1>Token-count batching: faster, cheaper embedding \
                 inference for the short queries of search traffic</h1>\
                 <span>December 18, 2025</span> <span>\u{30fb} 3 min read</span></div>\
                 <article>{}</article></body></html>",
                (0..12).map(|n| format!("<p>{PROSE} ({n})</p>")).collect::<String>()
            )
            .into_bytes(),
            date(2025, 12, 18),
        ),
        // A label in an element of its own labels the date after it: the shown update
        // gives way to the shown publication.
        (
            "labels apart from their dates",
            meta_page(
                "",
                "<h1>Ports Reopen After the Storm</h1><div><div>Page updated:</div>\
                 <div>12 November 2025</div><div>First published:</div>\
                 <div>3 March 2024</div></div>",
                "",
            ),
            date(2024, 3, 3),
        ),
        // JSON-LD that a framework put, entity-escaped, in a `<meta>`'s content.
        (
            "json-ld in a meta element",
            meta_page(
                r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">"#,
                "<h1>Ports Reopen After the Storm</h1>",
                "",
            ),
            date(2025, 11, 17),
        ),
        // A bare `WebPage` node's `datePublished` is when the CMS page was made, not a
        // publication: an evergreen page has none.
        (
            "json-ld web page",
            meta_page(
                r#"<script type="application/ld+json">{"@type":"WebPage","datePublished":"2020-01-01"}</script>"#,
                "<h1>Ports Reopen After the Storm</h1>",
                "",
            ),
            None,
        ),
        // Beside it an `Article` node is the article's.
        (
            "json-ld article beside a web page",
            meta_page(
                r#"<script type="application/ld+json">{"@graph":[
                    {"@type":"WebPage","datePublished":"2020-01-01"},
                    {"@type":"BlogPosting","datePublished":"2021-02-03"}]}</script>"#,
                "<h1>Ports Reopen After the Storm</h1>",
                "",
            ),
            date(2021, 2, 3),
        ),
    ];
    // Every case is checked before the test fails, so that one failure shows them all.
    let wrong: Vec<String> = cases
        .into_iter()
        .filter_map(|(what, page, want)| {
            let got = html_doc("page.html", &page).published;
            (got != want).then(|| format!("{what}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A slash date that reads either way is read as the page's locale writes it.
    for (lang, want) in [
        ("en-GB", date(2023, 10, 3)),
        ("fr", date(2023, 10, 3)),
        ("en-US", date(2023, 3, 10)),
        ("en", date(2023, 3, 10)),
    ] {
        let page = format!(
            "<html lang=\"{lang}\"><body><h1>Ports Reopen After the Storm</h1>\
             <p>Published 03/10/2023</p><article><p>{PROSE}</p><p>{PROSE} Again.</p>\
             </article></body></html>"
        );
        assert_eq!(
            html_doc("page.html", page.as_bytes()).published,
            want,
            "{lang}"
        );
    }
}

#[test]
fn headline_choice() {
    let og = r#"<meta property="og:title" content="Ports Reopen After the Storm">"#;
    // A headline in capitals is styling: the metadata's spelling is the title.
    let doc = html_doc(
        "caps.html",
        &meta_page(og, "<h1>PORTS REOPEN AFTER THE GREAT STORM</h1>", ""),
    );
    assert_eq!(doc.title.as_deref(), Some("Ports Reopen After the Storm"));
    // An `<h1>` button inside the article is not the headline the metadata names.
    let doc = html_doc(
        "pin.html",
        format!(
            "<html><head>{og}</head><body><h1>Ports Reopen After the Storm</h1>\
             <p>April 2, 2024</p><article><h1>Pin it here</h1><p>{PROSE}</p><p>{PROSE}</p>\
             </article></body></html>"
        )
        .as_bytes(),
    );
    assert_eq!(doc.title.as_deref(), Some("Ports Reopen After the Storm"));
    assert_eq!(doc.published, date(2024, 4, 2));
    // No `<h1>`: an `<h2>` worded a little longer than the metadata title stands where the
    // headline does, with its dateline above it, far from the article's body.
    let doc = html_doc(
        "no-h1.html",
        format!(
            "<html><head>{og}</head><body><div class=hero><h3><span>news | </span>\
             March 3, 2024</h3><h2>Ports Finally Reopen After the Winter Storm</h2></div>{}\
             <section><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></section></body></html>",
            "<div><a href=/x>menu</a></div>".repeat(30)
        )
        .as_bytes(),
    );
    assert_eq!(doc.title.as_deref(), Some("Ports Reopen After the Storm"));
    assert_eq!(doc.published, date(2024, 3, 3));
    // An aggregator's `<h1>` adds the source in brackets and a comment count.
    let doc = html_doc(
        "aggregator.html",
        &meta_page(
            og,
            "<h1>Ports Reopen After the Storm (reuters.com) <span>87</span></h1>",
            "",
        ),
    );
    assert_eq!(doc.title.as_deref(), Some("Ports Reopen After the Storm"));
    // A page that is itself double-encoded UTF-8 reads as the author wrote it.
    let doc = html_doc(
        "mojibake.html",
        &meta_page(
            "<title>A DIY Investor\u{e2}\u{80}\u{99}s Guide</title>",
            "",
            "",
        ),
    );
    assert_eq!(doc.title.as_deref(), Some("A DIY Investor\u{2019}s Guide"));
    // A headline set in an `<h2>` that the metadata names, above the `<h1>` section heads
    // of the body: its dateline is the one beside it.
    let doc = html_doc(
        "h2.html",
        format!(
            "<html><head>{og}</head><body><header><h2>Ports Reopen After the Storm</h2>\
             </header><div>Dec. 19, 2025 &middot; Niko Matsakis</div>{}<article>\
             <h1>But what they love is the cranes</h1><p>{PROSE}</p><p>{PROSE}</p>\
             <h1>The next winter</h1><p>{PROSE}</p></article></body></html>",
            "<p>menu</p>".repeat(30)
        )
        .as_bytes(),
    );
    assert_eq!(doc.title.as_deref(), Some("Ports Reopen After the Storm"));
    assert_eq!(doc.published, date(2025, 12, 19));
    // A blog whose `<h1>` is its own name, which the `<title>` sets beside the post's
    // title: the name is the site, and the post's `<h3>` the headline.
    let doc = html_doc(
        "blogger.html",
        format!(
            "<html><head><title>Harbour Notes: Ports Reopen After the Storm</title>{og}\
             </head><body><h1>Harbour Notes</h1><h2>Friday, December 19, 2025</h2>\
             <h3>Ports Reopen After the Storm</h3><div class=post-body><p>{PROSE}</p>\
             <h1>Small is the new large</h1><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
        )
        .as_bytes(),
    );
    assert_eq!(doc.title.as_deref(), Some("Ports Reopen After the Storm"));
    assert_eq!(doc.site.as_deref(), Some("Harbour Notes"));
    assert_eq!(doc.published, date(2025, 12, 19));
}

#[test]
fn a_table_of_contents_of_plain_entries_goes_with_its_label() {
    // Entries that link to full URLs (or not at all) are not caught as in-page links; that
    // they stand again, in order, as the section headings below is what gives them away.
    let page = format!(
        "<html><body><article><h1>Ports Reopen After the Storm</h1><p>{PROSE}</p>\
         <p>Table of Contents</p><ul>\
         <li><a href=\"https://news.example/ports#why\">Why the ports closed</a></li>\
         <li><a href=\"https://news.example/ports#who\">Who reopened them first</a></li>\
         <li>What the cargo lines expect next</li></ul>\
         <h2>Why the ports closed</h2><p>{PROSE} One.</p>\
         <h2>Who reopened them first</h2><p>{PROSE} Two.</p>\
         <h2>What the cargo lines expect next</h2><p>{PROSE} Three.</p></article></body></html>"
    );
    let doc = html_doc("toc.html", page.as_bytes());
    assert!(!doc.text.contains("Table of Contents"), "{}", doc.text);
    for heading in [
        "Why the ports closed",
        "Who reopened them first",
        "What the cargo lines expect next",
    ] {
        assert_eq!(
            doc.text.matches(heading).count(),
            1,
            "{heading}: {}",
            doc.text
        );
        // The heading stands before its section, not in a list at the top.
        let at = doc.text.find(heading).unwrap();
        assert!(doc.text[at..].contains("Officials said"), "{}", doc.text);
    }
    // A list whose entries are not repeated below is the article's.
    let page = format!(
        "<html><body><article><h1>Ports Reopen After the Storm</h1><p>{PROSE}</p>\
         <ul><li>Rajin</li><li>Vostochny</li><li>Nakhodka</li></ul><p>{PROSE} Again.</p>\
         </article></body></html>"
    );
    let doc = html_doc("list.html", page.as_bytes());
    assert!(
        doc.text.contains("Rajin\n\nVostochny\n\nNakhodka"),
        "{}",
        doc.text
    );
}

#[test]
fn a_dateline_can_name_the_author() {
    let cases = [
        (
            "<div><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>",
            Some("Julian K. Arni"),
        ),
        (
            "<div>Dec. 19, 2025 &middot; Niko Matsakis on behalf of <a href=/t>the team</a></div>",
            Some("Niko Matsakis"),
        ),
        // A label may stand before the date.
        (
            "<div><span>Published December 17, 2025</span> <span>by Nicole Burke</span></div>",
            Some("Nicole Burke"),
        ),
        // Not a person: words of the page's own.
        ("<div>Dec 17, 2025 Share this story</div>", None),
        ("<div>Dec 17, 2025 &middot; 5 min read</div>", None),
    ];
    for (dateline, want) in cases {
        let doc = html_doc(
            "byline.html",
            &meta_page(
                "",
                &format!("<h1>Ports Reopen After the Storm</h1>{dateline}"),
                "",
            ),
        );
        assert_eq!(doc.author.as_deref(), want, "{dateline}");
        assert_eq!(
            doc.published,
            date(
                2025,
                12,
                if want == Some("Niko Matsakis") {
                    19
                } else {
                    17
                }
            )
        );
    }
}

#[test]
fn a_link_to_the_authors_page_names_the_author() {
    let byline = |link: &str| {
        html_doc(
            "link.html",
            &meta_page(
                "",
                &format!("<h1>Ports Reopen After the Storm</h1><div>{link}</div>"),
                "",
            ),
        )
        .author
    };
    assert_eq!(
        byline("<a href=\"/authors/trevor-jackins\">Trevor Jackins</a>").as_deref(),
        Some("Trevor Jackins")
    );
    // The role set after the name inside the link is not part of it.
    assert_eq!(
        byline("<a href=\"https://news.example/author/harry-r/\"><span>Harry Rabinowitz</span><span>Tech Reporter</span></a>")
            .as_deref(),
        Some("Harry Rabinowitz")
    );
    // A menu link to the authors' index, or a name the address does not spell, is not a byline.
    assert_eq!(byline("<a href=\"/authors/\">Our Authors</a>"), None);
    assert_eq!(byline("<a href=\"/author/jdoe\">Mary Major</a>"), None);
}

#[test]
fn more_places_that_name_the_author() {
    let author = |head: &str, body: &str| {
        html_doc(
            "author.html",
            &meta_page(
                head,
                &format!("<h1>Ports Reopen After the Storm</h1>{body}"),
                "",
            ),
        )
        .author
    };
    // An SEO plugin's Twitter card field.
    assert_eq!(
        author(
            r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Nawaz Dhandala">"#,
            ""
        )
        .as_deref(),
        Some("Nawaz Dhandala")
    );
    // Metadata naming the publisher gives way to the person the byline shows; with no
    // byline, the publisher stands.
    let publisher = r#"<meta property="og:site_name" content="British Heart Foundation"><script type="application/ld+json">{"@type":"Article","headline":"Ports Reopen After the Storm","author":{"@type":"Organization","name":"British Heart Foundation"}}</script>"#;
    assert_eq!(
        author(publisher, "<p>By Tracy Parker, Dietitian</p>").as_deref(),
        Some("Tracy Parker, Dietitian")
    );
    assert_eq!(
        author(publisher, "").as_deref(),
        Some("British Heart Foundation")
    );
    // A trailing mark after the name is not part of it.
    assert_eq!(
        author("", "<p>By Meaghan Weeden \u{25cf}</p>").as_deref(),
        Some("Meaghan Weeden")
    );
    // The shown byline wins over the card (a guest author on a staff account).
    assert_eq!(
        author(
            r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Site Editor">"#,
            "<p>By Christian Dupuis</p>"
        )
        .as_deref(),
        Some("Christian Dupuis")
    );
    // "Text by", "Contributors:" labels.
    assert_eq!(
        author("", "<div>Text by <a href=/c/hd>Hunter Dukes</a></div>").as_deref(),
        Some("Hunter Dukes")
    );
    assert_eq!(
        author(
            "",
            "<div><strong>Contributors:</strong> Janet Loughrey</div>"
        )
        .as_deref(),
        Some("Janet Loughrey")
    );
    // A block theme's author-name class, far from the headline.
    let far = format!(
        "<p>{}</p><div class=\"wp-block-post-author-name has-text-color\">Shai Shmarel</div>",
        PROSE.repeat(20)
    );
    assert_eq!(author("", &far).as_deref(), Some("Shai Shmarel"));
}

#[test]
fn pages_in_other_languages() {
    // Russian, Chinese and German news pages: the dateline and byline in the language's own
    // form, a Chinese headline (no spaces between words) and a site name set after `_`.
    let page = |lang: &str, title: &str, h1: &str, dateline: &str, paras: &[&str]| {
        format!(
            "<html lang=\"{lang}\"><head><title>{title}</title></head><body><nav>\
             <a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><h1>{h1}</h1>\
             <div class=\"meta\">{dateline}</div><div class=\"article\">{}</div>\
             <footer>\u{a9} 2024</footer></body></html>",
            paras
                .iter()
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        )
    };
    let cases = [
        (
            page(
                "ru",
                "Экспорт станков сократился на треть — Новости",
                "Экспорт станков сократился на треть",
                "12 марта 2024, 14:05</div><div class=\"author\">Автор: Иван Петров",
                &[
                    "Министерство заявило во вторник, что экспорт станков в регион сократился \
                     на треть с весны, после того как на границе были введены новые меры контроля.",
                    "По словам официальных лиц, эта тенденция может сохраниться и в следующем \
                     году, хотя часть поставок переориентирована через третьи страны.",
                ],
            ),
            "ru",
            "Экспорт станков сократился на треть",
            "Иван Петров",
            "Министерство заявило во вторник",
        ),
        (
            page(
                "zh-CN",
                "机床出口下降三分之一_新闻",
                "机床出口下降三分之一",
                "2024年03月12日 10:15 来源：新华网</div><div class=\"author\">作者：王明",
                &[
                    "政府星期二宣布，自春季以来，对该地区的机床出口下降了三分之一，因为边境实施了\
                     新的管制措施。官员表示，这一趋势可能会持续到明年。",
                    "分析人士指出，去年两国之间的贸易额达到创纪录的2400亿美元，其中大部分是能源\
                     和机械产品。",
                ],
            ),
            "zh",
            "机床出口下降三分之一",
            "王明",
            "政府星期二宣布",
        ),
        (
            page(
                "de",
                "Werkzeugmaschinen-Exporte brechen ein",
                "Werkzeugmaschinen-Exporte brechen ein",
                "12. März 2024</div><div class=\"author\">Von Hans Müller",
                &[
                    "Die Regierung teilte am Dienstag mit, dass die Exporte von \
                     Werkzeugmaschinen in die Region seit dem Frühjahr um ein Drittel gesunken \
                     seien, nachdem an der Grenze neue Kontrollen eingeführt wurden.",
                    "Beamte erklärten, dass sich dieser Trend im nächsten Jahr fortsetzen könnte.",
                ],
            ),
            "de",
            "Werkzeugmaschinen-Exporte brechen ein",
            "Hans Müller",
            "Die Regierung teilte",
        ),
    ];
    for (html, lang, title, author, start) in cases {
        let doc = html_doc("page.html", html.as_bytes());
        assert_eq!(doc.lang.as_deref(), Some(lang), "{title}");
        assert_eq!(doc.title.as_deref(), Some(title));
        assert_eq!(doc.author.as_deref(), Some(author), "{title}");
        assert_eq!(doc.published, date(2024, 3, 12), "{title}");
        // The dateline is metadata, not the article's first line.
        assert!(doc.text.starts_with(start), "{title}: {}", doc.text);
    }
    // A Chinese text scrape: its headline has no capitals and no spaces.
    let text = "机床出口下降三分之一\n\n2024年03月12日 10:15 来源：新华网\n\n\
                政府星期二宣布，自春季以来，对该地区的机床出口下降了三分之一，因为边境实施了新的\
                管制措施。官员表示，这一趋势可能会持续到明年。\n";
    let mut parsed = parse_bytes(
        "page.txt",
        text.as_bytes(),
        Format::Text,
        &IngestConfig::default(),
    )
    .unwrap();
    let doc = parsed.docs.remove(0);
    assert_eq!(doc.title.as_deref(), Some("机床出口下降三分之一"));
    assert_eq!(doc.published, date(2024, 3, 12));
    assert!(!doc.text.contains("来源"), "{}", doc.text);
}

#[test]
fn a_script_shell_gives_its_json_ld_article_body() {
    // The HTML holds a spinner and a script; JSON-LD holds the article.
    let shell = |body: &str| {
        format!(
            "<html><head><title>Ports Reopen After the Storm</title>\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
             \"headline\":\"Ports Reopen After the Storm\",\"datePublished\":\"2024-03-05\",\
             \"articleBody\":{body}}}</script></head><body><div id=\"root\">Loading\u{2026}\
             </div><script src=\"/app.js\"></script></body></html>"
        )
    };
    let plain = serde_json::to_string(&format!("{PROSE}\n\n{PROSE} Cranes &amp; tugs.")).unwrap();
    let doc = html_doc("shell.html", shell(&plain).as_bytes());
    assert!(doc.text.starts_with("Officials said"), "{}", doc.text);
    assert!(doc.text.contains("Cranes & tugs."), "{}", doc.text);
    assert!(!doc.text.contains("Loading"), "{}", doc.text);
    assert_eq!(doc.published, date(2024, 3, 5));
    // A body given as HTML is rendered: paragraphs kept, markup gone, `&amp;lt;` once
    // decoded.
    let html = serde_json::to_string(&format!(
        "<p>{PROSE}</p><p>Tariffs &amp;lt; 5% <b>stayed</b>.</p><p>{PROSE}</p>"
    ))
    .unwrap();
    let doc = html_doc("shell-html.html", shell(&html).as_bytes());
    assert!(doc.text.contains("Tariffs &lt; 5% stayed."), "{}", doc.text);
    assert!(!doc.text.contains("<p>"), "{}", doc.text);
    // A page that shows its article keeps its own text, however short the JSON-LD's.
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"articleBody\":\"Officials said.\"}}</script></head><body><article><p>{PROSE}</p>\
         <p>{PROSE} Twice.</p></article></body></html>"
    );
    let doc = html_doc("page.html", page.as_bytes());
    assert!(doc.text.contains("Twice."), "{}", doc.text);
}

/// An article in sections side by side, furniture between them keeping their parent from
/// winning: a section between two of them is the article's even where a list of links
/// (the patches a release note names) makes it score low; a list that is all links is not.
#[test]
fn a_section_between_two_parts_of_the_article_is_kept() {
    let links = |n: usize, what: &str| {
        (0..n)
            .map(|i| {
                format!("<li><p><a href=/p/{i}>{what} number {i} for the compiler</a></p></li>")
            })
            .collect::<String>()
    };
    let page = format!(
        "<html><body><nav><a href=/>Home</a></nav><div id=main>\
         <div class=sect><h2>What it is</h2><p>{PROSE}</p><p>{PROSE} Again.</p></div>\
         <div class=sect><h2>Patches status</h2><p>There has been good progress on the \
         patches these past months, and several were sent for review.</p><p>Many were \
         sent:</p><ul>{}</ul></div>\
         <div class=links><ul>{}</ul></div>\
         <div class=sect><h2>How to help</h2><p>{PROSE}</p><p>{PROSE} Once more.</p></div>\
         <div class=sect><h2>More</h2><ul>{}</ul></div>\
         </div></body></html>",
        links(5, "Patch to fix volatile loads"),
        links(40, "Movers"),
        links(40, "Trailing"),
    );
    let doc = html_doc("sections.html", page.as_bytes());
    assert!(
        doc.text.contains("What it is") && doc.text.contains("How to help"),
        "{}",
        doc.text
    );
    assert!(
        doc.text.contains("good progress on the patches"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Movers number"), "{}", doc.text);
    assert!(!doc.text.contains("Trailing number"), "{}", doc.text);
}

/// A list of links inside the article is part of it, whatever its markup; one after the
/// article's last prose paragraph is a "related posts" list and is not.
#[test]
fn link_lists_inside_the_article_and_after_it() {
    let items = |what: &str, p: bool| {
        (0..4)
            .map(|i| {
                let link = format!("<a href=/{what}/{i}>{what} entry number {i} with a title</a>");
                if p {
                    format!("<li><p>{link}</p></li>")
                } else {
                    format!("<li>{link}</li>")
                }
            })
            .collect::<String>()
    };
    let prose = |n: usize| {
        (0..n)
            .map(|i| format!("<p>{PROSE} ({i})</p>"))
            .collect::<String>()
    };
    let page = format!(
        "<html><body><nav><a href=/>Home</a></nav><article><h1>Release Notes</h1>\
         {}<p>These patches were sent for review this month:</p><ul>{}</ul>\
         {}<p>And these were merged:</p><ul>{}</ul>{}\
         <h3>Related posts</h3><ul>{}</ul></article></body></html>",
        prose(4),
        items("Sent", true),
        prose(3),
        items("Merged", false),
        prose(3),
        items("Related", false),
    );
    let doc = html_doc("notes.html", page.as_bytes());
    assert!(doc.text.contains("Sent entry number 3"), "{}", doc.text);
    assert!(doc.text.contains("Merged entry number 3"), "{}", doc.text);
    assert!(!doc.text.contains("Related entry"), "{}", doc.text);
}

/// A page streamed by React: the shell holds `<template id="B:n">` placeholders (with a
/// "Loading" fallback), the parts come later in `<div hidden id="S:n">`, and a part can hold a
/// `P:m` placeholder of its own. The article reads in the shown order, each part once, and
/// the parts' text counts for the shell's article element when it is chosen.
#[test]
fn streamed_parts_are_read_where_they_are_shown() {
    let page = "<html><body><nav><a href=/>Home</a> <a href=/markets>Markets</a></nav>\
        <main><div class=story><h2>Port traffic</h2>\
        <p>The first paragraph is in the shell and says that the harbour handled more \
        ships this winter than in any winter before it.</p>\
        <template id=\"B:0\"></template><div>Loading paragraph...</div>\
        <p>A closing paragraph in the shell says the harbour master expects the growth to \
        continue into the spring, when the ice is gone.</p>\
        <template id=\"B:1\"></template></div></main>\
        <footer>All rights reserved</footer>\
        <div hidden id=\"S:1\"><p>Shipping agents said that the last part of the story \
        arrived after every other part, and it still closes the article.</p></div>\
        <div hidden id=\"S:0\"><p>The second paragraph was streamed and tells how cranes \
        were added so that larger vessels could unload their containers.</p>\
        <template id=\"P:2\"></template></div>\
        <div hidden id=\"S:2\"><p>A paragraph nested in the streamed part counts the \
        containers: the port took in more of them than it had room to store.</p></div>\
        <script>$RC(\"B:0\",\"S:0\")</script></body></html>";
    let doc = html_doc("streamed.html", page.as_bytes());
    let at = |s: &str| {
        assert_eq!(
            doc.text.matches(s).count(),
            1,
            "{s:?} once in:\n{}",
            doc.text
        );
        doc.text.find(s).unwrap_or_default()
    };
    let order = [
        at("The first paragraph"),
        at("The second paragraph was streamed"),
        at("A paragraph nested"),
        at("A closing paragraph"),
        at("Shipping agents said"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", doc.text);
    assert!(!doc.text.contains("Loading"), "{}", doc.text);
    assert!(!doc.text.contains("All rights"), "{}", doc.text);
}

/// A streamed part that names itself as its own placeholder, or placeholders nested past
/// any real page's depth, end without looping or losing the shell's text.
#[test]
fn streamed_parts_that_loop_end() {
    let mut page = String::from("<html><body><article><p>");
    page.push_str(PROSE);
    page.push_str("</p><template id=\"B:0\"></template><template id=\"P:1\"></template></article>");
    page.push_str("<div hidden id=\"S:0\"><p>Inside the looping part.</p><template id=\"B:0\"></template></div>");
    for k in 1..40 {
        page.push_str(&format!(
            "<div hidden id=\"S:{k}\"><p>Part {k} of a chain.</p><template id=\"P:{}\"></template></div>",
            k + 1
        ));
    }
    page.push_str("</body></html>");
    let doc = html_doc("loop.html", page.as_bytes());
    assert!(
        doc.text.contains("Officials said the shipments"),
        "{}",
        doc.text
    );
    assert_eq!(
        doc.text.matches("Inside the looping part").count(),
        1,
        "{}",
        doc.text
    );
    assert!(doc.text.contains("Part 1 of a chain"), "{}", doc.text);
    assert!(!doc.text.contains("Part 39 of a chain"), "{}", doc.text);
}
