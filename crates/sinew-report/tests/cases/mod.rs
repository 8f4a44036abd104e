//! The briefing an analyst reads (issue 16): quoted sentences that stand alone with their
//! speaker, sections by theme whose sentences name it, key judgments whose numbers are the
//! ledger's and never rest on a derivative digest alone, citations that lead to their words,
//! JSON for other tools, and a briefing focused by date, entity or theme.

use sinew_analysis::format_value;
use sinew_report::{
    build_briefing, render_html, render_json, render_markdown, theme_words, Briefing, DocBundle,
    ReportConfig,
};
use sinew_types::{Citation, EntityType, QuantityKind, SourceKind};

use crate::support::analysis::{briefing_of, Analysed};
use crate::support::fixtures::{bundles, Builder, Fig, FIG};

fn cited<'a>(docs: &'a [DocBundle], c: &Citation) -> &'a str {
    let doc = docs.iter().find(|d| d.doc.id == c.doc).expect("cited doc");
    c.span.slice(&doc.doc.text).expect("valid span")
}

const L1: &str = "But North Korea shipped 2,000 more artillery shells to Russia in May.";
const L2: &str = "It sent another 3,000 artillery shells to Russia by rail in June.";
const L3: &str = "Moreover, Russia paid for the artillery shells with oil and wheat.";
const L4: &str = "These shells were fired at Ukraine within weeks of arriving, officials said.";
const L5: &str = "North Korea shipped more artillery shells to Russia, according to the ...";
const L6: &str = "Russia fired the shells at Ukraine all winter (source: go-public-web-kor-1-0-0).";
const L7: &str = "“We will send as many artillery shells as our friends need for the war.”";
const L8: &str =
    "SEOUL - North Korea shipped 5,000 artillery shells to Russia in July, officials said.";
const L9: &str = "“The artillery shells trade is built on deception,” said Fyodor Tertitskiy of the war in Ukraine.";

/// A page of sentences that do not stand alone, each weighty (a figure, theme words), and
/// two that do once read right: a dateline to leave out, a quote whose speaker is a person
/// the attribution reader mistook for the country he talks about.
fn leaning() -> DocBundle {
    let text = [L1, L2, L3, L4, L5, L6, L7, L8, L9].join(" ");
    let mut b = Builder::new("lean", "lean.txt", Some("2024-07-01"), &text);
    for s in [L1, L2, L3, L4, L5, L6, L7, L8, L9] {
        b.sentence(s);
    }
    b.country("North Korea", "North Korea");
    b.country("Russia", "Russia");
    b.country("Ukraine", "Ukraine");
    b.mention("Fyodor Tertitskiy", "Fyodor Tertitskiy", EntityType::Person);
    b.attribution(
        "said Fyodor Tertitskiy of the war in Ukraine",
        "Fyodor Tertitskiy",
        "Ukraine",
        "said",
    );
    for words in [
        "2,000 more artillery shells",
        "3,000 artillery shells",
        "5,000 artillery shells",
    ] {
        b.figure(Fig {
            words,
            value: words
                .split(' ')
                .next()
                .unwrap()
                .replace(',', "")
                .parse()
                .unwrap(),
            unit: "shell",
            subject: Some("North Korea"),
            object: Some("Russia"),
            measure: "shipments of artillery shells",
            ..FIG
        });
    }
    b.finish()
}

#[test]
fn quoted_sentences_stand_alone_with_their_speaker() {
    let docs = vec![leaning()];
    let b = briefing_of(&docs, &ReportConfig::default());
    let quoted: Vec<&str> = b
        .sentences()
        .filter(|s| s.verbatim)
        .map(|s| s.text.as_str())
        .collect();
    for bad in [L1, L2, L3, L4, L5, L6, L7] {
        assert!(!quoted.contains(&bad), "quoted: {bad}");
    }
    for q in &quoted {
        assert!(!q.starts_with("SEOUL"), "dateline kept: {q}");
        assert!(!q.ends_with("...") && !q.ends_with('…'), "cut off: {q}");
        assert!(!q.contains("(source:"), "page junk: {q}");
    }
    let stripped = L8.trim_start_matches("SEOUL - ");
    assert!(quoted.contains(&stripped), "{quoted:#?}");
    let quote = b
        .sentences()
        .find(|s| s.text == L9)
        .expect("the attributed quote is quoted");
    assert_eq!(quote.speaker.as_deref(), Some("Fyodor Tertitskiy"));
    assert_eq!(cited(&docs, &quote.citations[0]), L9);
    let voices: Vec<&str> = b.voices.iter().map(|v| v.source.as_str()).collect();
    assert!(voices.contains(&"Fyodor Tertitskiy"), "{voices:?}");
    assert!(
        !voices.contains(&"Ukraine"),
        "the country spoken about is no speaker"
    );
}

#[test]
fn every_section_sentence_names_its_theme() {
    let mut docs = bundles();
    docs.push(leaning());
    let b = briefing_of(&docs, &ReportConfig::default());
    assert!(
        b.sections.len() >= 2,
        "{:?}",
        b.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
    );
    for s in &b.sections {
        let entries = theme_words(&s.theme);
        assert!(!entries.is_empty(), "a theme of the lexicon: {}", s.theme);
        for q in &s.sentences {
            let words: Vec<String> = sinew_types::text::words(&q.text).collect();
            let padded = format!(" {} ", words.join(" "));
            assert!(
                entries.iter().any(|e| padded.contains(&format!(" {e} "))),
                "{} holds no word of {}",
                q.text,
                s.theme
            );
        }
    }
    // by theme, not by pair of actors
    let themes: Vec<&str> = b.sections.iter().map(|s| s.theme.as_str()).collect();
    let unique: std::collections::BTreeSet<&&str> = themes.iter().collect();
    assert_eq!(
        unique.len(),
        themes.len(),
        "one section per theme: {themes:?}"
    );
}

/// Each number a key judgment writes is a stated value or the consensus of the ledger group
/// it reads, and is written in its text.
fn check_judgment_numbers(b: &Briefing, analysed: &Analysed) {
    let mut checked = 0;
    for j in &b.judgments {
        let Some(id) = &j.group else { continue };
        let g = analysed
            .ledger()
            .groups
            .iter()
            .find(|g| &g.id == id)
            .expect("the group it cites");
        let allowed: Vec<f64> = g
            .claims
            .iter()
            .map(|m| m.bounds.stated)
            .chain(g.consensus.value)
            .collect();
        assert!(!j.values.is_empty(), "{}", j.sentence.text);
        for v in &j.values {
            assert!(
                allowed
                    .iter()
                    .any(|a| (a - v).abs() <= 1e-9 * v.abs().max(1.0)),
                "{v} is not the ledger's ({allowed:?}): {}",
                j.sentence.text
            );
            let n = format_value(*v, None, None);
            assert!(
                j.sentence.text.contains(&n),
                "{n} not written: {}",
                j.sentence.text
            );
            checked += 1;
        }
        // each figure cited is a statement of that group
        let members: Vec<&sinew_types::Claim> = g
            .claims
            .iter()
            .filter_map(|m| analysed.claims().get(&m.claim))
            .collect();
        for c in &j.sentence.citations {
            assert!(
                members.iter().any(|m| m.doc == c.doc && m.span == c.span),
                "{} cites what its group does not hold",
                j.sentence.text
            );
        }
    }
    assert!(checked > 0, "some judgment states a figure");
}

#[test]
fn key_judgments_state_the_ledgers_numbers() {
    let docs = bundles();
    let analysed = Analysed::of(&docs);
    let b = build_briefing(&docs, &analysed.findings(), &ReportConfig::default());
    check_judgment_numbers(&b, &analysed);
    let texts: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("11,000 containers")),
        "{texts:#?}"
    );
    assert!(texts.iter().any(|t| t.contains("$240")), "{texts:#?}");
}

/// Two digests repeat a wheat figure no one else gives; one digest and one reporter give a
/// fertiliser figure. Only the second may carry a judgment, and it cites the reporter.
#[test]
fn a_derivative_digest_never_carries_a_judgment_alone() {
    let doc = |id: &str, kind: SourceKind, figures: &[(&'static str, f64, &'static str)]| {
        let text = figures
            .iter()
            .map(|(w, _, m)| format!("Russia sent {w} of {m} to Egypt last year, traders said."))
            .collect::<Vec<_>>()
            .join(" ");
        let mut b = Builder::new(id, &format!("{id}.txt"), Some("2024-03-01"), &text);
        for (w, value, measure) in figures {
            let sentence =
                format!("Russia sent {w} of {measure} to Egypt last year, traders said.");
            b.sentence(&sentence);
            b.figure(Fig {
                words: w,
                value: *value,
                kind: QuantityKind::Count,
                unit: "tonne",
                subject: Some("Russia"),
                object: Some("Egypt"),
                measure,
                ..FIG
            });
        }
        b.country("Russia", "Russia");
        b.country("Egypt", "Egypt");
        let mut bundle = b.finish();
        bundle.kind = kind;
        bundle
    };
    let docs = vec![
        doc(
            "digest-1",
            SourceKind::Derivative,
            &[
                ("500,000 tonnes", 5e5, "wheat"),
                ("2 million tonnes", 2e6, "fertiliser"),
            ],
        ),
        doc(
            "digest-2",
            SourceKind::Derivative,
            &[("500,000 tonnes", 5e5, "wheat")],
        ),
        doc(
            "reporter",
            SourceKind::Original,
            &[("2 million tonnes", 2e6, "fertiliser")],
        ),
    ];
    let b = briefing_of(&docs, &ReportConfig::default());
    let kind = |c: &Citation| docs.iter().find(|d| d.doc.id == c.doc).map(|d| d.kind);
    for j in &b.judgments {
        assert!(
            j.sentence
                .citations
                .iter()
                .any(|c| kind(c) != Some(SourceKind::Derivative)),
            "a digest alone: {}",
            j.sentence.text
        );
        assert!(!j.sentence.text.contains("wheat"), "{}", j.sentence.text);
    }
    assert!(
        b.judgments
            .iter()
            .any(|j| j.sentence.text.contains("fertiliser")),
        "{:#?}",
        b.judgments
    );
    let md = render_markdown(&b);
    assert!(
        md.contains("derivative digest"),
        "the source list says which are digests"
    );
}

#[test]
fn citations_lead_to_their_words() {
    let docs = bundles();
    let b = briefing_of(&docs, &ReportConfig::default());
    assert!(!b.notes.is_empty());
    for n in &b.notes {
        assert_eq!(
            n.marked,
            cited(&docs, &n.citation)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert_eq!(b.sources[n.source - 1].doc, n.citation.doc);
    }
    for s in b.sentences() {
        for c in &s.citations {
            assert!(
                b.note_number(c).is_some(),
                "no note for a citation of {}",
                s.text
            );
        }
    }
    let html = render_html(&b);
    // every citation opens its sentence in place, the words marked, with a link to its note
    let mut opened = 0;
    for (i, _) in html.match_indices("<sup class=\"cite\"><a href=\"#cite-") {
        let rest = &html[i + "<sup class=\"cite\"><a href=\"#cite-".len()..];
        let id = &rest[..rest.find('"').unwrap()];
        let note = &rest[rest.find("data-note=\"").unwrap() + "data-note=\"".len()..];
        let k = &note[..note.find('"').unwrap()];
        let target = format!("<span class=\"pop\" id=\"cite-{id}\">");
        let at = html.find(&target).unwrap_or_else(|| panic!("no pop {id}"));
        let pop = &html[at..at + html[at..].find("</span>").unwrap()];
        assert!(pop.contains("<mark>") && pop.contains("</q>"), "{pop}");
        assert!(pop.contains(&format!("href=\"#note-{k}\"")), "{pop}");
        let target = format!("<li id=\"note-{k}\"");
        let at = html.find(&target).unwrap_or_else(|| panic!("no note {k}"));
        let note = &html[at..at + html[at..].find("</li>").unwrap()];
        assert!(note.contains("<mark>") && note.contains("</q>"), "{note}");
        opened += 1;
    }
    assert_eq!(
        opened,
        html.matches("<sup class=\"cite\">").count(),
        "every citation opens in place"
    );
    assert_eq!(
        html.matches("<span class=\"pop\" id=\"cite-").count(),
        opened,
        "one place each"
    );
    let md = render_markdown(&b);
    assert!(
        md.contains("(#note-1 \"a\\_report.txt, 2024-06-20: “"),
        "{md}"
    );
    assert!(md.contains("<a id=\"note-1\"></a>"));
}

#[test]
fn json_holds_sections_sentences_and_citations() {
    let b = briefing_of(&bundles(), &ReportConfig::default());
    let v: serde_json::Value = serde_json::from_str(&render_json(&b)).expect("valid JSON");
    let j = &v["judgments"][0]["sentence"];
    assert!(j["text"].is_string());
    assert!(j["citations"][0]["span"]["start"].is_u64(), "{j}");
    assert!(v["sections"][0]["sentences"].is_array());
    assert!(v["sources"][0]["kind"].is_string());
    assert!(v["notes"][0]["marked"].is_string());
}

#[test]
fn a_briefing_focused_by_date_entity_or_theme() {
    let docs = bundles();
    let since = ReportConfig {
        since: chrono::NaiveDate::from_ymd_opt(2024, 6, 21),
        ..ReportConfig::default()
    };
    let b = briefing_of(&docs, &since);
    assert_eq!(b.sources.len(), 1, "only doc-b is that recent and dated");
    for s in b.sentences() {
        assert!(s.citations.iter().all(|c| c.doc.0 == "doc-b"), "{}", s.text);
    }
    assert!(render_markdown(&b).contains("Focused: published since 2024-06-21."));

    let china = ReportConfig {
        entity: Some("china".into()),
        ..ReportConfig::default()
    };
    let b = briefing_of(&docs, &china);
    for s in b.sections.iter().flat_map(|s| &s.sentences) {
        assert!(s.text.contains("China"), "{}", s.text);
    }
    for r in b.judgments.iter().filter(|j| j.group.is_some()) {
        assert!(
            !r.sentence.text.contains("containers"),
            "{}",
            r.sentence.text
        );
    }

    let trade = ReportConfig {
        topic: Some("trade".into()),
        ..ReportConfig::default()
    };
    let b = briefing_of(&docs, &trade);
    assert!(!b.sections.is_empty());
    assert!(b.sections.iter().all(|s| s.theme == "trade and payments"));
}

/// A glossary line that only repeats the entity's type ("think tank" for a think tank) says
/// nothing: no line. A description with more words than the type keeps its line.
#[test]
fn a_description_that_only_names_the_type_is_no_glossary_line() {
    let text = "The Lumen Institute, a think tank, and the Carver Forum, a Lisbon think tank \
                funded by shipping firms, both wrote on the trade.";
    let mut b = Builder::new("g", "g.txt", Some("2024-05-01"), text);
    b.sentence(text);
    b.mention("Lumen Institute", "Lumen Institute", EntityType::ThinkTank);
    b.mention("Carver Forum", "Carver Forum", EntityType::ThinkTank);
    b.describe(
        "Lumen Institute",
        EntityType::ThinkTank,
        "a think tank",
        None,
    );
    b.describe(
        "Carver Forum",
        EntityType::ThinkTank,
        "a Lisbon think tank funded by shipping firms",
        None,
    );
    let docs = vec![b.finish()];
    let briefing = briefing_of(&docs, &ReportConfig::default());
    let names: Vec<&str> = briefing.glossary.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Carver Forum"], "{:#?}", briefing.glossary);
}

/// A pact judgment counts the original reports; a digest that repeats them is named as such,
/// never counted as a report, and a digest with one original still makes no second report.
#[test]
fn a_tie_judgment_counts_reports_not_digests() {
    let doc = |id: &str, kind: SourceKind, text: &str| {
        let mut b = Builder::new(id, &format!("{id}.txt"), Some("2024-03-01"), text);
        b.sentence(text);
        b.country("Chile", "Chile");
        b.country("Peru", "Peru");
        let mut bundle = b.finish();
        bundle.kind = kind;
        bundle
    };
    let docs = vec![
        doc(
            "wire",
            SourceKind::Original,
            "Chile and Peru signed a fisheries pact on Monday, officials said.",
        ),
        doc(
            "digest",
            SourceKind::Derivative,
            "Chile and Peru signed a fisheries pact this week.",
        ),
    ];
    let b = briefing_of(&docs, &ReportConfig::default());
    let pacts: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .filter(|t| t.contains("pact"))
        .collect();
    assert_eq!(
        pacts,
        ["Chile and Peru have struck a pact, by one report and a digest repeating others."],
        "{:#?}",
        b.judgments
    );
    // Two originals are two reports.
    let mut docs = docs;
    docs.push(doc(
        "paper",
        SourceKind::Original,
        "Peru and Chile signed a pact on fisheries in Lima.",
    ));
    let b = briefing_of(&docs, &ReportConfig::default());
    assert!(
        b.judgments.iter().any(|j| j.sentence.text
            == "Chile and Peru have struck a pact, by two reports and a digest repeating others."),
        "{:#?}",
        b.judgments
    );
}

/// A section lists figures about its theme's flows: a count of things that are neither goods
/// nor moving between two actors ("several border disputes" settled by a pact) stays in the
/// figures table and out of the section, as it stays out of the network.
#[test]
fn a_section_leaves_out_a_count_of_things_that_do_not_move() {
    let text = "Chile and Peru signed a pact on Monday that settles several border disputes. \
                Chile shipped 400 tractors to Peru under the pact.";
    let mut b = Builder::new("s", "s.txt", Some("2024-05-01"), text);
    b.sentence("Chile and Peru signed a pact on Monday that settles several border disputes.");
    b.sentence("Chile shipped 400 tractors to Peru under the pact.");
    b.country("Chile", "Chile");
    b.country("Peru", "Peru");
    b.figure(Fig {
        words: "several border disputes",
        value: 3.0,
        unit: "border dispute",
        subject: Some("Chile"),
        object: Some("Peru"),
        measure: "border disputes",
        ..FIG
    });
    b.figure(Fig {
        words: "400 tractors",
        value: 400.0,
        unit: "tractor",
        subject: Some("Chile"),
        object: Some("Peru"),
        measure: "shipments of tractors",
        ..FIG
    });
    let docs = vec![b.finish()];
    let briefing = briefing_of(&docs, &ReportConfig::default());
    let in_sections: Vec<&str> = briefing
        .sections
        .iter()
        .flat_map(|s| s.figures.iter().map(|f| f.text.as_str()))
        .collect();
    assert!(
        in_sections.iter().all(|t| !t.contains("border disputes")),
        "{in_sections:#?}"
    );
    assert!(
        briefing
            .figures
            .iter()
            .any(|r| r.measure == "border disputes"),
        "the figures table keeps it: {:#?}",
        briefing.figures
    );
}

const P1: &str = "North Korea shipped 4,000 artillery shells to Russia by sea in March.";
const P2: &str = "The shells have reached Russian artillery units near the front within weeks.";
const P3: &str = "Russia sent North Korea 9,000 tonnes of wheat and fuel for the artillery shells.";

/// Every article sentence quoted under the key judgments and in the sections, each once: a
/// sentence quoted with the one before it (because it leans on it) shows that one too, so
/// the one before is not quoted again on its own.
fn quoted_sentences(b: &Briefing, docs: &[DocBundle]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let shown = b
        .judgments
        .iter()
        .flat_map(|j| j.evidence.iter())
        .chain(b.sections.iter().flat_map(|s| s.sentences.iter()))
        .filter(|s| s.verbatim);
    for s in shown {
        let c = &s.citations[0];
        let doc = docs.iter().position(|d| d.doc.id == c.doc).expect("doc");
        // the sentences of its document that the quote covers
        for sent in &docs[doc].ann.sentences {
            if sent.span.start < c.span.end && c.span.start < sent.span.end {
                out.push((s.text.clone(), doc * 1_000_000 + sent.span.start));
            }
        }
    }
    out
}

#[test]
fn no_sentence_is_quoted_twice_alone_and_with_the_one_after_it() {
    let text = [P1, P2, P3].join(" ");
    let mut b = Builder::new("twice", "twice.txt", Some("2024-07-01"), &text);
    for s in [P1, P2, P3] {
        b.sentence(s);
    }
    b.country("North Korea", "North Korea");
    b.country("Russia", "Russia");
    b.figure(Fig {
        words: "4,000 artillery shells",
        value: 4000.0,
        unit: "shell",
        subject: Some("North Korea"),
        object: Some("Russia"),
        measure: "shipments of artillery shells",
        ..FIG
    });
    let mut docs = vec![b.finish()];
    docs.extend(bundles());
    let brief = briefing_of(&docs, &ReportConfig::default());
    let quoted = quoted_sentences(&brief, &docs);
    let mut seen = std::collections::BTreeMap::new();
    for (text, key) in &quoted {
        if let Some(other) = seen.insert(*key, text.clone()) {
            panic!("a sentence is quoted twice:\n  {other}\n  {text}");
        }
    }
    // the leaning sentence is shown, with the one it leans on
    let texts: Vec<&str> = quoted.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        !texts.contains(&P2),
        "quoted alone though it leans: {texts:#?}"
    );
}

#[test]
fn a_vague_amount_under_ten_is_no_figure_but_dozens_is() {
    const S1: &str = "Finland and Estonia signed several accords on ferry links in May.";
    const S2: &str = "Finland sold dozens of icebreakers to Estonia in the decade to 2020.";
    let text = [S1, S2].join(" ");
    let mut b = Builder::new("vague", "vague.txt", Some("2024-07-01"), &text);
    b.sentence(S1);
    b.sentence(S2);
    b.country("Finland", "Finland");
    b.country("Estonia", "Estonia");
    b.figure(Fig {
        words: "several accords",
        value: 3.0,
        vague_max: Some(9.0),
        unit: "accord",
        subject: Some("Finland"),
        object: Some("Estonia"),
        measure: "accords",
        ..FIG
    });
    b.figure(Fig {
        words: "dozens of icebreakers",
        value: 24.0,
        vague_max: Some(100.0),
        unit: "icebreaker",
        subject: Some("Finland"),
        object: Some("Estonia"),
        measure: "sales of icebreakers",
        ..FIG
    });
    let docs = vec![b.finish()];
    let brief = briefing_of(&docs, &ReportConfig::default());
    let values: Vec<&str> = brief
        .figures
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.value.as_str()))
        .collect();
    assert!(values.contains(&"dozens of icebreakers"), "{values:?}");
    assert!(!values.contains(&"several accords"), "{values:?}");
}
