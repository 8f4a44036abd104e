//! Briefings over small hand-annotated documents: every sentence cited, citations valid, the
//! figures table lining sources up, escaping, determinism, and the HTML as a browser sees it.

mod cases;
mod events;
mod governments;
mod picks;
mod sources;
mod support;
mod trends;
mod wording;

use sinew_report::{render_html, render_markdown, Briefing, DocBundle, ReportConfig};
use sinew_types::{Annotations, Citation, Document, SourceKind, Span};

use support::analysis::briefing_of;
use support::fixtures::{self, bundles};

fn briefing() -> (Vec<DocBundle>, Briefing) {
    let docs = bundles();
    let b = briefing_of(&docs, &ReportConfig::default());
    (docs, b)
}

fn cited_text<'a>(docs: &'a [DocBundle], c: &Citation) -> &'a str {
    let doc = docs
        .iter()
        .find(|d| d.doc.id == c.doc)
        .expect("cited document exists");
    let words = c
        .span
        .slice(&doc.doc.text)
        .expect("citation span is a valid slice");
    assert_eq!(c.source, doc.doc.source);
    words
}

#[test]
fn every_sentence_is_cited_with_valid_spans() {
    let (docs, b) = briefing();
    let mut n = 0;
    for s in b.sentences() {
        n += 1;
        assert!(!s.citations.is_empty(), "uncited: {}", s.text);
        assert_eq!(s.marks.len(), s.citations.len());
        for c in &s.citations {
            assert!(!cited_text(&docs, c).trim().is_empty());
        }
        if s.verbatim {
            // the words shown are the words cited (whitespace squashed; an ellipsis marks a cut)
            let cited = cited_text(&docs, &s.citations[0]);
            let shown = s.text.trim_end_matches(" …");
            assert_eq!(
                shown,
                cited.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    assert!(n >= 6, "the briefing says something: {n} sentences");
    for row in &b.figures {
        for cell in &row.cells {
            assert_eq!(cited_text(&docs, &cell.citation), cell.value);
        }
    }
}

#[test]
fn key_judgments_come_first_with_evidence_under_them() {
    let (docs, b) = briefing();
    let containers = b
        .judgments
        .iter()
        .find(|j| j.sentence.text.contains("containers"))
        .unwrap_or_else(|| panic!("containers judgment: {:#?}", b.judgments));
    assert!(!containers.sentence.verbatim);
    assert!(
        containers.sentence.text.contains(" accounts put containers shipped from North Korea to Russia since August 2023 at 6,700 to 11,000 containers"),
        "{}",
        containers.sentence.text
    );
    let quoted: Vec<&str> = containers
        .sentence
        .citations
        .iter()
        .map(|c| cited_text(&docs, c))
        .collect();
    for figure in [
        "approximately 6,700 containers",
        "over 10,000 containers",
        "more than 11,000 containers",
    ] {
        assert!(quoted.contains(&figure), "{quoted:?}");
    }
    assert!(!containers.evidence.is_empty(), "quoted evidence under it");
    assert!(containers.evidence.iter().all(|e| e.verbatim));
    assert!(
        b.judgments.iter().any(|j| j.sentence.text.contains("$240")),
        "the trade figure: {:#?}",
        b.judgments
    );
}

#[test]
fn figures_table_lines_up_sources_per_figure() {
    let (docs, b) = briefing();
    let row_with = |value: &str| {
        b.figures
            .iter()
            .find(|r| r.cells.iter().any(|c| c.value == value))
            .unwrap_or_else(|| panic!("row with {value}"))
    };
    let containers = row_with("more than 11,000 containers");
    let values: Vec<&str> = containers.cells.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(
        values,
        [
            "approximately 6,700 containers",
            "over 10,000 containers",
            "more than 11,000 containers"
        ]
    );
    let doc_a = &docs[0].doc.id;
    let doc_b = &docs[1].doc.id;
    assert_eq!(containers.cells[0].citation.doc, *doc_a);
    assert_eq!(containers.cells[2].citation.doc, *doc_b);
    assert_eq!(
        containers.cells[0].time.as_deref(),
        Some("Since August 2023")
    );
    assert_eq!(
        containers.cells[2].attribution.as_deref(),
        Some("State Department")
    );

    let trade = row_with("$240 billion");
    assert_eq!(trade.cells.len(), 2, "{trade:#?}");
    assert_eq!(trade.subject.as_deref(), Some("China"));

    let monthly = row_with("over $300 million");
    let peak = row_with("over $600 million");
    assert_ne!(
        monthly, peak,
        "a monthly rate and a peak are different figures"
    );
    assert_eq!(monthly.per.as_deref(), Some("month"));

    let html = render_html(&b);
    let table = between(&html, "<table id=\"figures\">", "</table>");
    assert!(table.contains("<thead>"));
    let body = between(table, "<tbody>", "</tbody>");
    assert_eq!(body.matches("<tr>").count(), b.figures.len());
    let row = body
        .lines()
        .find(|l| l.contains("more than 11,000 containers"))
        .expect("row in HTML");
    assert!(
        row.contains("approximately 6,700 containers"),
        "both documents' figures in one row: {row}"
    );
    assert!(
        row.contains(">1</a></sup>") && row.contains(">2</a></sup>"),
        "{row}"
    );
}

#[test]
fn sections_group_sentences_by_theme() {
    let (_, b) = briefing();
    assert!(!b.sections.is_empty());
    let arms = b
        .sections
        .iter()
        .find(|s| s.theme == "arms and munitions")
        .unwrap_or_else(|| {
            panic!(
                "{:#?}",
                b.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
            )
        });
    assert_eq!(arms.title, "Arms and munitions");
    assert!(
        arms.actors.iter().any(|a| a == "North Korea"),
        "{:?}",
        arms.actors
    );
    // no sentence is quoted twice anywhere in judgments and sections
    let mut seen = std::collections::BTreeSet::new();
    for s in b
        .judgments
        .iter()
        .flat_map(|j| j.evidence.iter())
        .chain(b.sections.iter().flat_map(|s| s.sentences.iter()))
        .filter(|s| s.verbatim)
    {
        let c = &s.citations[0];
        assert!(
            seen.insert((c.doc.clone(), c.span)),
            "quoted twice: {}",
            s.text
        );
    }
}

#[test]
fn glossary_uses_descriptions_and_skips_undescribed_entities() {
    let (docs, b) = briefing();
    let salisbury = b
        .glossary
        .iter()
        .find(|g| g.name == "Daniel Salisbury")
        .expect("glossary entry");
    assert_eq!(
        salisbury.description.text,
        "a visiting research fellow at King's College London"
    );
    assert!(salisbury.description.verbatim);
    assert_eq!(
        cited_text(&docs, &salisbury.description.citations[0]),
        salisbury.description.text
    );
    // a person's role is the role at the time of the article describing them
    let cited = docs
        .iter()
        .find(|d| d.doc.id == salisbury.description.citations[0].doc)
        .expect("cited document");
    assert_eq!(salisbury.as_of, cited.doc.published);
    if let Some(d) = cited.doc.published {
        assert!(
            salisbury.label().starts_with("person, as of "),
            "{}",
            salisbury.label()
        );
        assert!(salisbury
            .label()
            .ends_with(&chrono::Datelike::year(&d).to_string()));
    }
    assert!(b
        .glossary
        .iter()
        .filter(|g| g.entity_type != sinew_types::EntityType::Person)
        .all(|g| g.as_of.is_none() && g.label() == g.entity_type.as_str()));
    assert!(
        b.glossary.iter().all(|g| g.name != "Nowhere Org"),
        "named but not described"
    );
    assert!(
        b.glossary.iter().all(|g| g.name != "Russia"),
        "named often but not described"
    );
    let counts: Vec<usize> = b.glossary.iter().map(|g| g.mentions).collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted, "most mentioned first");
}

#[test]
fn title_sources_and_date_line() {
    let (docs, b) = briefing();
    assert_eq!(b.title, "Briefing: China, North Korea, Russia");
    let numbers: Vec<usize> = b.sources.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(b.sources[0].doc, docs[0].doc.id, "oldest first");
    assert_eq!(b.sources[2].published, None, "undated last");

    let config = ReportConfig {
        title: Some("Weekly: <b>supply</b> & demand".into()),
        generated: chrono::NaiveDate::from_ymd_opt(2024, 6, 27),
        ..ReportConfig::default()
    };
    let b = briefing_of(&docs, &config);
    let html = render_html(&b);
    assert!(html.contains("<h1>Weekly: &lt;b&gt;supply&lt;/b&gt; &amp; demand</h1>"));
    assert!(html.contains("Generated 2024-06-27."));
    let md = render_markdown(&b);
    assert!(md.starts_with("# Weekly: \\<b\\>supply\\</b\\> \\& demand\n"));
    assert!(
        md.contains("<a id=\"src-1\"></a>**Title of doc-a** (a\\_report.txt)"),
        "{md}"
    );
}

#[test]
fn markdown_cites_every_content_line_and_escapes_articles() {
    let (_, b) = briefing();
    let md = render_markdown(&b);
    let at = md
        .find("<script>")
        .map(|i| &md[i.saturating_sub(200)..i + 20]);
    assert!(at.is_none(), "article HTML escaped: {at:?}");
    assert!(md.contains("\\<script\\>"));
    assert!(
        md.contains("\"a\\_report.txt, 2024-06-20: “"),
        "citation titles name the document, its date and the words"
    );
    let mut content = 0;
    for line in md.lines().filter(|l| l.trim_start().starts_with("- ")) {
        let toc = line.starts_with("- [") && !line.contains("(#note-");
        if !toc {
            content += 1;
            assert!(line.contains("](#note-"), "uncited line: {line}");
        }
    }
    assert!(content >= 6);
    // table rows cite each figure
    for row in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.chars().nth(2).is_some_and(|c| c.is_ascii_digit()))
    {
        assert!(row.contains("](#note-"), "{row}");
    }
}

#[test]
fn html_is_self_contained_escaped_and_cited() {
    let (_, b) = briefing();
    let html = render_html(&b);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script"),
        "no scripts, and article text escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("AT&amp;T"));
    assert!(
        !html.contains(" src=") && !html.contains("url("),
        "no external resources"
    );
    assert!(!html.contains("<link") && !html.contains("<img"));
    for li in html.split("<li").skip(1) {
        let item = li.split("</li>").next().unwrap_or_default();
        // contents entries link to parts, source entries and notes are the targets
        if item.starts_with("><a href=\"#")
            || item.starts_with(" id=\"src-")
            || item.starts_with(" id=\"note-")
        {
            continue;
        }
        assert!(
            item.contains("<sup class=\"cite\"><a href=\"#cite-"),
            "uncited item: {item}"
        );
    }
    for dd in html.split("<dd>").skip(1) {
        assert!(dd
            .split("</dd>")
            .next()
            .unwrap_or_default()
            .contains("class=\"cite\""));
    }
    let sup = between(&html, "<sup class=\"cite\">", "</sup>");
    assert!(
        sup.contains("data-doc=\"") && sup.contains("data-start=\"") && sup.contains("data-end=\"")
    );
}

#[test]
fn output_does_not_depend_on_input_order_or_duplicates() {
    let docs = bundles();
    let config = ReportConfig::default();
    let md = render_markdown(&briefing_of(&docs, &config));
    let html = render_html(&briefing_of(&docs, &config));
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(render_markdown(&briefing_of(&reversed, &config)), md);
    assert_eq!(render_html(&briefing_of(&reversed, &config)), html);
    let mut twice = docs.clone();
    twice.extend(docs.iter().cloned());
    assert_eq!(render_markdown(&briefing_of(&twice, &config)), md);
}

#[test]
fn bad_or_missing_annotations_never_panic_or_yield_bad_citations() {
    assert!(briefing_of(&[], &ReportConfig::default())
        .sentences()
        .next()
        .is_none());
    let empty = render_html(&briefing_of(&[], &ReportConfig::default()));
    assert!(empty.contains("<h1>Briefing</h1>"));

    let mut docs = bundles();
    // spans out of range, off char boundaries, reversed; a text with curly quotes
    let text = "“Ünïcode” text — with dashes. ".repeat(3);
    let off_boundary = Span { start: 1, end: 4 };
    let mut ann = docs[0].ann.clone();
    for s in &mut ann.sentences {
        s.span.end += 10_000;
    }
    for m in &mut ann.mentions {
        m.span = off_boundary;
    }
    for c in &mut ann.claims {
        c.span = Span {
            start: c.span.end,
            end: c.span.start.saturating_sub(1),
        };
        c.sentence = off_boundary;
    }
    docs.push(DocBundle {
        doc: Document {
            id: sinew_types::DocId("broken".into()),
            source: "broken.txt".into(),
            url: Some("https://example.org/a b<c>".into()),
            title: None,
            author: None,
            published: None,
            site: None,
            lang: None,
            text,
            fingerprint: None,
            duplicate_of: None,
        },
        ann,
        kind: SourceKind::Original,
    });
    // a document with no annotations at all
    docs.push(DocBundle {
        doc: fixtures::document("bare", "bare.txt", None, "Just text."),
        ann: Annotations::default(),
        kind: SourceKind::Original,
    });
    let b = briefing_of(&docs, &ReportConfig::default());
    for s in b.sentences() {
        for c in &s.citations {
            assert!(!cited_text(&docs, c).is_empty());
        }
    }
    let html = render_html(&b);
    assert!(!html.contains("<c>"));
    let _ = render_markdown(&b);
}

/// A sentence too long to quote whole is skipped, never cut: a cut quote hides what its
/// source went on to say.
#[test]
fn long_sentences_are_skipped_not_cut() {
    let long = format!(
        "North Korea sent shells to Russia {}and more.",
        "again and again ".repeat(40)
    );
    let short = "Russia thanked North Korea for the artillery shells and rockets.";
    let text = format!("{long} {short}");
    let mut doc = fixtures::Builder::new("long", "long.txt", Some("2024-01-01"), &text);
    doc.sentence(&long);
    doc.sentence(short);
    doc.country("North Korea", "North Korea");
    doc.country("Russia", "Russia");
    let docs = vec![doc.finish()];
    let b = briefing_of(&docs, &ReportConfig::default());
    assert!(
        b.sentences().any(|s| s.text == short),
        "the short one is quoted"
    );
    for s in b.sentences() {
        assert!(
            !s.text.ends_with('…') && !s.text.ends_with("..."),
            "{}",
            s.text
        );
        assert!(!s.text.starts_with("North Korea sent shells"), "{}", s.text);
    }
}

#[test]
fn chromium_shows_the_figures_table_and_citations_open_their_words() {
    let (_, b) = briefing();
    let html = render_html(&b);
    let Some(dom) = sinew_testkit::dump_dom(&html) else {
        return;
    };
    let table = between(&dom, "<table id=\"figures\">", "</table>");
    assert!(table.contains("<thead>"), "{table}");
    let body = between(table, "<tbody>", "</tbody>");
    assert_eq!(body.matches("<tr>").count(), b.figures.len(), "{body}");
    assert!(body.contains("more than 11,000 containers"));
    assert!(!dom.contains("<script>alert"), "article script stayed text");
    // a citation opens, in place, the cited words marked in their sentence, which link to
    // their note
    let sup = between(&dom, "<sup class=\"cite\">", "</sup>");
    let href = between(sup, "<a href=\"#", "\"");
    let k: usize = between(sup, "data-note=\"", "\"")
        .parse()
        .expect("note number");
    let at = dom
        .find(&format!("<span class=\"pop\" id=\"{href}\">"))
        .unwrap_or_else(|| panic!("no target {href}"));
    let pop = &dom[at..at + dom[at..].find("</span>").expect("end of the pop")];
    let marked = &b.notes[k - 1].marked;
    assert!(pop.contains(&format!("<mark>{marked}</mark>")), "{pop}");
    assert!(pop.contains(&format!("href=\"#note-{k}\"")), "{pop}");
    let at = dom
        .find(&format!("<li id=\"note-{k}\""))
        .unwrap_or_else(|| panic!("no note {k}"));
    let li = &dom[at..at + dom[at..].find("</li>").expect("end of note")];
    assert!(li.contains(&format!("<mark>{marked}</mark>")), "{li}");
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let start = s.find(open).unwrap_or_else(|| panic!("missing {open}")) + open.len();
    let end = s[start..]
        .find(close)
        .unwrap_or_else(|| panic!("missing {close}"))
        + start;
    &s[start..end]
}

#[test]
fn disagreements_and_the_network_are_cited_sections() {
    use fixtures::{Builder, Fig, FIG};
    use sinew_types::{QuantityKind, TimeKind};

    let mut docs = bundles();
    const D1: &str = "Trade between China and Russia reached $300 billion in 2023, a Moscow think \
                      tank claimed.";
    let mut d = Builder::new("doc-d", "d_claim.txt", Some("2024-06-22"), D1);
    d.sentence(D1);
    d.country("China", "China");
    d.country("Russia", "Russia");
    d.figure(Fig {
        words: "$300 billion",
        value: 300e9,
        kind: QuantityKind::Money,
        unit: "USD",
        subject: Some("China"),
        object: Some("Russia"),
        measure: "trade between China and Russia",
        time: Some(("2023", TimeKind::Point, "2023-01-01", "2023-12-31")),
        ..FIG
    });
    docs.push(d.finish());
    let b = briefing_of(&docs, &ReportConfig::default());

    let conflict = b
        .disagreements
        .iter()
        .find(|s| s.text.contains("contradict"))
        .expect("the trade figures contradict each other");
    let cited: Vec<&str> = conflict
        .citations
        .iter()
        .map(|c| cited_text(&docs, c))
        .collect();
    assert!(cited.contains(&"$300 billion"), "{cited:?}");
    assert!(cited.contains(&"$240.1 billion"), "{cited:?}");
    assert!(conflict.text.contains(" vs "), "{}", conflict.text);
    let update = b
        .disagreements
        .iter()
        .find(|s| s.text.contains("not a contradiction"))
        .expect("the container count grew");
    assert!(
        update.text.find("6,700") < update.text.find("11,000"),
        "{}",
        update.text
    );

    assert!(
        b.network
            .iter()
            .any(|s| s.text.starts_with("North Korea → Russia (arms)")),
        "{:?}",
        b.network.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
    for s in b.network.iter().chain(&b.disagreements) {
        assert!(!s.citations.is_empty() && !s.verbatim);
    }
    let md = render_markdown(&b);
    assert!(md.contains("What the sources disagree on"));
    assert!(md.contains("The network"));
    let html = render_html(&b);
    assert!(html.contains("id=\"disagreements\"") && html.contains("id=\"network\""));
}

/// Findings over the whole store, documents for some of it: the briefing cites only the
/// documents it is given, and `cited_documents` names those the findings' lines need.
#[test]
fn briefing_cites_only_the_documents_it_is_given() {
    use sinew_report::{build_briefing, cited_documents};
    use support::analysis::Analysed;

    let docs = bundles();
    let analysed = Analysed::of(&docs);
    let findings = analysed.findings();
    let cited = cited_documents(&findings);
    assert!(
        cited.contains(&docs[0].doc.id) && cited.contains(&docs[1].doc.id),
        "both documents state the container figures: {cited:?}"
    );
    let whole = build_briefing(&docs, &findings, &ReportConfig::default());
    let part = build_briefing(&docs[..1], &findings, &ReportConfig::default());
    assert_eq!(part.sources.len(), 1);
    for s in part.sentences() {
        for c in &s.citations {
            assert_eq!(c.doc, docs[0].doc.id, "{}", s.text);
        }
    }
    let containers = |b: &Briefing| {
        b.figures
            .iter()
            .find(|r| r.cells.iter().any(|c| c.value.contains("6,700")))
            .map(|r| r.cells.len())
    };
    assert_eq!(containers(&whole), Some(3));
    assert_eq!(
        containers(&part),
        Some(2),
        "the other document's cell is left out"
    );
    // rankings come from the store-wide counts, not from the documents given
    assert_eq!(part.title, whole.title);
    assert!(render_markdown(&part).contains("*1 source quoted of 3 stored documents"));
    assert!(render_markdown(&whole).contains("*3 sources, published"));
}

/// The engine loads only the claims `shown_claims` names (a few hundred over a store whose
/// ledger cites every claim): a briefing built from those alone is the briefing built from
/// every claim, over a corpus large enough that rows and lines cap their statements.
#[test]
fn briefing_reads_only_the_claims_shown_claims_names() {
    use sinew_analysis::synth::{generate, SynthConfig};
    use sinew_report::build_briefing;
    use sinew_types::{Annotations, DocId};
    use support::analysis::Analysed;

    let corpus = generate(&SynthConfig {
        documents: 150,
        ..SynthConfig::default()
    });
    let ids: Vec<DocId> = (0..corpus.documents.len())
        .map(|d| DocId(format!("synth-{d:05}")))
        .collect();
    let claims = corpus.claims(&ids);
    let docs: Vec<DocBundle> = corpus
        .documents
        .iter()
        .zip(&ids)
        .map(|(d, id)| {
            let mut doc = fixtures::document(&id.0, &d.name, None, &d.text);
            doc.published = Some(d.published);
            let ann = Annotations {
                claims: claims.iter().filter(|c| &c.doc == id).cloned().collect(),
                ..Annotations::default()
            };
            DocBundle {
                doc,
                ann,
                kind: SourceKind::Original,
            }
        })
        .collect();
    let all = Analysed::of(&docs);
    let (shown, left_out) = all.shown_only();
    assert!(
        left_out * 3 > claims.len(),
        "{left_out} of {} left out",
        claims.len()
    );
    let config = ReportConfig::default();
    let whole = build_briefing(&docs, &all.findings(), &config);
    assert!(
        whole.figures.iter().any(|r| r.cells.len() == 8)
            && !whole.disagreements.is_empty()
            && !whole.network.is_empty(),
        "the corpus fills every section: {whole:?}"
    );
    assert_eq!(build_briefing(&docs, &shown.findings(), &config), whole);
}

/// The report crate shows analysis results and computes none: no grouping, reconciling or
/// network building of its own, so the briefing cannot drift from `sinew ledger` and `sinew
/// graph`.
#[test]
fn report_source_calls_no_analysis() {
    fn visit(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                visit(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut files = Vec::new();
    visit(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 5);
    for (path, text) in files {
        for f in [
            "build_ledger",
            "build_network",
            "group_figures",
            "political_ties",
            "sentence_actors",
            "detect_alerts",
            "what_if",
        ] {
            assert!(!text.contains(f), "{path} calls sinew_analysis::{f}");
        }
    }
}

/// Link destinations a Markdown renderer would follow: inline links `[..](dest)` whose `]` is
/// not escaped, autolinks `<scheme:...>` and raw `href=` attributes whose `<` is not escaped.
fn markdown_links(md: &str) -> Vec<String> {
    let escaped = |i: usize| md[..i].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
    let mut out = Vec::new();
    for (i, _) in md.match_indices("](") {
        if !escaped(i) {
            let dest = &md[i + 2..];
            let end = dest.find([')', ' ']).unwrap_or(dest.len());
            out.push(dest[..end].to_string());
        }
    }
    for (i, _) in md.match_indices('<') {
        if escaped(i) {
            continue;
        }
        let rest = &md[i + 1..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(h) = tag.find("href=") {
            out.push(tag[h + 5..].trim_matches(['"', '\'']).to_string());
        } else if tag.contains(':') && !tag.contains(' ') {
            out.push(tag.to_string());
        }
    }
    out
}

/// A hostile feed or JSON Lines record: a `javascript:` URL, markup in the title, site and
/// source name. Markdown and HTML show them as text; the only links go to the briefing's own
/// anchors or to an `http`/`https` URL.
#[test]
fn hostile_urls_and_titles_are_shown_never_linked() {
    let mut docs = bundles();
    let mut hostile = fixtures::document(
        "hostile",
        "](javascript:alert(1))",
        Some("2024-06-01"),
        "Russia and North Korea signed a treaty on mutual defence in June, officials said.",
    );
    hostile.url = Some("javascript:alert(document.cookie)".into());
    hostile.title = Some("<img src=x onerror=alert(1)> [click](javascript:alert(2))".into());
    hostile.site = Some("<a href=\"javascript:alert(3)\">site</a>".into());
    docs.push(DocBundle {
        doc: hostile,
        ann: Annotations::default(),
        kind: SourceKind::Original,
    });
    let mut web = fixtures::document("web", "web.txt", None, "Just text.");
    web.url = Some("https://example.org/a b<c>\"d".into());
    docs.push(DocBundle {
        doc: web,
        ann: Annotations::default(),
        kind: SourceKind::Original,
    });
    let b = briefing_of(&docs, &ReportConfig::default());
    assert!(b.sources.iter().any(|s| s.doc.0 == "hostile"));

    let md = render_markdown(&b);
    let links = markdown_links(&md);
    assert!(links.iter().any(|l| l.starts_with("#src-")), "{links:?}");
    for l in &links {
        assert!(
            l.starts_with('#') || l.starts_with("https://example.org/"),
            "unexpected link {l:?} in\n{md}"
        );
    }
    assert!(links.contains(&"https://example.org/a%20b%3Cc%3E\"d".to_string()));
    assert!(
        md.contains("javascript:alert(document.cookie)"),
        "the URL is shown as text"
    );

    let html = render_html(&b);
    // text is escaped, so every raw `<` opens a tag: its href, if any, is an anchor
    for (i, _) in html.match_indices('<') {
        let tag = &html[i..i + html[i..].find('>').expect("tag closes")];
        if let Some(h) = tag.find(" href=") {
            assert!(tag[h..].starts_with(" href=\"#"), "{tag}");
        }
    }
    assert!(!html.contains("<img") && !html.contains("<a href=\"javascript"));
    assert!(html.contains("javascript:alert(document.cookie)"));
}
