//! The briefing over a store: its network section is the engine's network (the one `sinew
//! graph` shows), and over a store larger than the briefing reads, it quotes a bounded set of
//! documents and still cites only their words.

use std::collections::BTreeSet;

use sinew_analysis::synth::{generate, SynthConfig};
use sinew_engine::{
    format_value, BriefingConfig, Engine, Format, IngestOptions, ReportFormat, REPORT_DOCUMENTS,
};

use crate::common::{ingest, memory_engine, sample_corpus, shared};

/// Flow lines the briefing may show, built from the engine's network: "from → to (kind):
/// headline figure"; political lines "from ↔ to (political):"; dependency lines "supplier
/// supplies share of dependent's goods:".
struct Expected {
    flows: Vec<String>,
    political: Vec<String>,
    dependencies: Vec<(String, String)>,
}

fn expected(engine: &Engine) -> Expected {
    let net = engine.network().expect("network").network;
    let arrow = |symmetric: bool| if symmetric { "↔" } else { "→" };
    let flows = net
        .flows
        .iter()
        .filter_map(|f| {
            let v = f.headline()?;
            Some(format!(
                "{} {} {} ({}): {}",
                f.from,
                arrow(f.symmetric),
                f.to,
                f.kind.as_str().replace('_', "-"),
                v.text
            ))
        })
        .collect();
    let political = net
        .flows
        .iter()
        .filter(|f| !f.ties.is_empty())
        .map(|f| format!("{} {} {} (political): ", f.from, arrow(f.symmetric), f.to))
        .collect();
    let dependencies = net
        .dependencies
        .iter()
        .filter(|d| d.current)
        .map(|d| {
            (
                format!(
                    "{} supplies {} of {}'s ",
                    d.supplier,
                    format_value(d.share, Some("percent"), None),
                    d.dependent,
                ),
                d.goods.clone(),
            )
        })
        .collect();
    Expected {
        flows,
        political,
        dependencies,
    }
}

/// Every line of the briefing's network section is a flow (with its headline figure), a
/// political flow or a current dependency of the engine's network, and the briefing shows as
/// many flows with figures as the network has, up to its limit of eight.
fn check_network_is_the_engines(engine: &Engine) {
    let want = expected(engine);
    assert!(!want.flows.is_empty(), "the corpus has flows with figures");
    let briefing = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    let mut shown = BTreeSet::new();
    for line in &briefing.network {
        let text = &line.text;
        if let Some(f) = want.flows.iter().find(|f| text.starts_with(f.as_str())) {
            assert!(shown.insert(f.clone()), "flow shown twice: {text}");
        } else {
            assert!(
                want.political.iter().any(|p| text.starts_with(p.as_str()))
                    || want.dependencies.iter().any(|(head, goods)| {
                        // the line names the goods once: "Russia's share of India's crude
                        // imports" is written "crude imports"
                        text.strip_prefix(head.as_str())
                            .and_then(|rest| rest.split(": ").next())
                            .is_some_and(|g| !g.is_empty() && goods.ends_with(g))
                    }),
                "a network line that is not in the engine's network: {text}\nflows: {:#?}",
                want.flows
            );
        }
    }
    assert_eq!(shown.len(), want.flows.len().min(8), "{:#?}", want.flows);
}

#[test]
fn briefing_network_is_the_engine_network_for_the_sample_corpus() {
    let engine = memory_engine();
    ingest(&engine, &[sample_corpus()]);
    check_network_is_the_engines(&engine);
}

#[test]
fn briefing_network_is_the_engine_network_for_the_seeds() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    ingest(&engine, &[shared.join("seeds")]);
    check_network_is_the_engines(&engine);
}

/// The glossary over the seeds: the described entities that `sinew entities` lists, most
/// mentioned first, each with the store's chosen description and its citation, which quotes
/// those words (a role title in lower case); an entity with no description gets no line.
#[test]
fn glossary_shows_the_stored_descriptions_with_their_citations() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    ingest(&engine, &[shared.join("seeds")]);
    let entities = engine.entities().expect("entities");
    let described: Vec<_> = entities
        .iter()
        .filter(|e| e.description.is_some())
        .collect();
    assert!(described.len() >= 3, "{described:?}");
    let briefing = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    assert!(!briefing.glossary.is_empty());
    let docs = engine.store().documents().expect("documents");
    for g in &briefing.glossary {
        let stored = described
            .iter()
            .find(|e| e.canonical == g.name)
            .and_then(|e| e.description.as_ref())
            .unwrap_or_else(|| panic!("{} has a stored description", g.name));
        assert_eq!(g.description.text, stored.text);
        let c = &g.description.citations[0];
        assert_eq!(
            (&c.doc, c.span),
            (&stored.citation.doc, stored.citation.span)
        );
        let doc = docs.iter().find(|d| d.id == c.doc).expect("cited document");
        let words = c.span.slice(&doc.text).expect("span");
        assert_eq!(words.to_lowercase(), g.description.text.to_lowercase());
    }
    let counts: Vec<usize> = briefing.glossary.iter().map(|g| g.mentions).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

/// A store larger than the briefing reads: it reads the documents its figures and network
/// cite, then recent ones up to `REPORT_DOCUMENTS`, not the whole store; every citation is to one of its sources and holds the
/// words shown, and its network is still the engine's.
#[test]
fn briefing_over_a_large_store_reads_a_bounded_set_of_documents() {
    let corpus = generate(&SynthConfig {
        documents: REPORT_DOCUMENTS + 60,
        ..SynthConfig::default()
    });
    let mut lines = String::new();
    for d in &corpus.documents {
        let record = serde_json::json!({
            "doc": format!("https://synth.example/{}", d.name),
            "published": d.published.to_string(),
            "text": d.text,
        });
        lines.push_str(&format!("{record}\n"));
    }
    let engine = memory_engine();
    engine
        .ingest_bytes(
            "synth.jsonl",
            lines.as_bytes(),
            Format::Jsonl,
            &IngestOptions::default(),
        )
        .expect("ingest");
    let stored = engine.stats().expect("stats").documents;
    assert!(
        stored > REPORT_DOCUMENTS as u64,
        "{stored} documents stored"
    );

    let briefing = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    // the documents the figures, disagreements and network lines cite come first, the most
    // recent ones fill up to the limit
    let cited: BTreeSet<_> = briefing
        .figures
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| &c.citation.doc))
        .chain(
            briefing
                .network
                .iter()
                .chain(&briefing.disagreements)
                .flat_map(|s| s.citations.iter().map(|c| &c.doc)),
        )
        .collect();
    assert!(
        briefing.sources.len() as u64 <= (REPORT_DOCUMENTS.max(cited.len()) as u64).min(stored - 1),
        "{} sources, {} cited, {stored} stored",
        briefing.sources.len(),
        cited.len()
    );
    assert!(!briefing.figures.is_empty() && !briefing.network.is_empty());
    assert_eq!(briefing.stored as u64, stored);
    // figures stated by many documents show a bounded number of statements
    let ledger = engine.ledger(&Default::default()).expect("ledger").ledger;
    let most = ledger.groups.iter().map(|g| g.claims.len()).max();
    let camps = ledger
        .groups
        .iter()
        .flat_map(|g| g.claims.iter().map(|m| m.camp))
        .max();
    assert!(
        most > Some(8) && camps >= Some(4),
        "{most:?} claims, camp {camps:?}"
    );
    for r in &briefing.figures {
        assert!(r.cells.len() <= 8, "{} cells", r.cells.len());
    }
    for s in briefing.network.iter().chain(&briefing.disagreements) {
        assert!(s.citations.len() <= 8, "{}", s.text);
    }
    let docs = engine.store().documents().expect("documents");
    for s in briefing.sentences() {
        for c in &s.citations {
            assert!(briefing.source_number(&c.doc).is_some(), "{}", s.text);
            let doc = docs.iter().find(|d| d.id == c.doc).expect("cited document");
            assert!(c
                .span
                .slice(&doc.text)
                .is_some_and(|t| !t.trim().is_empty()));
        }
    }
    check_network_is_the_engines(&engine);
}

/// A JSON Lines record with a `javascript:` URL and markup in its title, ingested and
/// reported: the URL is shown as text, not as an autolink, and the title's markup is escaped.
#[test]
fn hostile_json_lines_record_is_shown_not_linked() {
    let record = serde_json::json!({
        "url": "javascript:alert(document.cookie)",
        "title": "<img src=x onerror=alert(1)> [click](javascript:alert(2))",
        "published": "2024-06-20",
        "text": "Russia and North Korea signed a treaty on mutual defence, officials said. \
                 North Korea has sent more than 11,000 containers of munitions to Russia, \
                 the State Department said.",
    });
    let engine = memory_engine();
    engine
        .ingest_bytes(
            "hostile.jsonl",
            format!("{record}\n").as_bytes(),
            Format::Jsonl,
            &IngestOptions::default(),
        )
        .expect("ingest");
    let docs = engine.store().documents().expect("documents");
    assert_eq!(
        docs[0].url.as_deref(),
        Some("javascript:alert(document.cookie)"),
        "the record's URL is kept"
    );
    let md = engine
        .report(ReportFormat::Markdown, &BriefingConfig::default())
        .expect("report");
    assert!(md.contains("javascript:alert(document.cookie)"), "{md}");
    assert!(!md.contains("<javascript:"), "{md}");
    // markup only ever escaped
    let only_escaped = |s: &str| md.matches(s).count() == md.matches(&format!("\\{s}")).count();
    assert!(only_escaped("<img") && only_escaped("[click"), "{md}");
    assert!(md.contains("\\[click\\](javascript:alert(2))"), "{md}");
    let html = engine
        .report(ReportFormat::Html, &BriefingConfig::default())
        .expect("report");
    assert!(!html.contains("href=\"javascript") && !html.contains("<img"));
}
