//! The source list: each source with its outlet, date, address and kind, written once.

use sinew_report::{render_html, render_markdown, ReportConfig};

use crate::support::analysis::briefing_of;
use crate::support::fixtures::bundles;

#[test]
fn a_source_named_by_its_address_is_listed_under_its_host() {
    // a page read from a feed is named by its address and names no site: its outlet is the
    // address's host, and the address is written once
    let mut docs = bundles();
    let url = "https://www.kesra-wire.example/2024/06/ports";
    docs[0].doc.source = url.into();
    docs[0].doc.url = Some(url.into());
    docs[0].doc.site = None;
    let b = briefing_of(&docs, &ReportConfig::default());
    let s = b.sources.iter().find(|s| s.doc == docs[0].doc.id).unwrap();
    assert_eq!(s.site.as_deref(), Some("kesra-wire.example"));
    let md = render_markdown(&b);
    let line = md
        .lines()
        .find(|l| l.contains("**Title of doc-a**"))
        .unwrap();
    assert_eq!(line.matches("kesra-wire.example/2024").count(), 1, "{line}");
    assert!(line.contains(", kesra-wire.example, "), "{line}");
    assert!(line.contains("; original reporting; cited"), "{line}");
    let html = render_html(&b);
    let item = html
        .lines()
        .find(|l| l.starts_with(&format!("<li id=\"src-{}\"", s.number)))
        .unwrap();
    assert_eq!(item.matches("kesra-wire.example/2024").count(), 1, "{item}");
}
