//! The figures ledger over the seed articles: the groups an analyst expects, read the way an
//! analyst reads them.

use sinew_engine::{LedgerFilter, LedgerGroup, LedgerView, Verdict};

use crate::common::{ingest, memory_engine, sample_corpus, shared};

/// The seed ledger, or `None` when ../shared is absent.
fn seed_ledger() -> Option<LedgerView> {
    let shared = shared()?;
    let engine = memory_engine();
    let summary = ingest(&engine, &[shared.join("seeds")]);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    Some(engine.ledger(&LedgerFilter::default()).expect("ledger"))
}

/// The quotes of a group's claims, in order.
fn quotes(view: &LedgerView, g: &LedgerGroup) -> Vec<String> {
    g.claims
        .iter()
        .map(|c| view.claims[c.claim].quote.clone())
        .collect()
}

/// The group holding the claim whose quote is `quote` (in the document named `doc`).
fn group_of<'a>(view: &'a LedgerView, doc: &str, quote: &str) -> &'a LedgerGroup {
    view.ledger
        .groups
        .iter()
        .find(|g| {
            g.claims.iter().any(|c| {
                let v = &view.claims[c.claim];
                v.source.starts_with(doc) && v.quote == quote
            })
        })
        .unwrap_or_else(|| panic!("no group holds {quote:?} of {doc}"))
}

fn print(view: &LedgerView) {
    for g in &view.ledger.groups {
        eprintln!(
            "[{}] {} → {} · {} · {} · {}",
            g.verdict.as_str(),
            g.subject.as_deref().unwrap_or("?"),
            g.object.as_deref().unwrap_or("?"),
            g.measure,
            g.sources,
            g.explanation
        );
        for c in &g.claims {
            let v = &view.claims[c.claim];
            eprintln!("      {:<10} {:<36} {}", &v.source[..3], v.quote, c.note);
        }
    }
}

#[test]
fn seed_figures_reconcile_as_an_analyst_reads_them() {
    let Some(view) = seed_ledger() else { return };
    print(&view);

    // North Korean containers: one group, a running total read as updates over time.
    let containers = group_of(&view, "000", "approximately 6,700 containers");
    let q = quotes(&view, containers);
    for quote in [
        "approximately 6,700 containers",
        "over 10,000 containers",
        "more than 11,000 containers",
    ] {
        assert!(q.iter().any(|x| x == quote), "{quote} missing from {q:?}");
    }
    assert_eq!(
        containers.verdict,
        Verdict::Update,
        "{}",
        containers.explanation
    );
    assert_eq!(containers.subject.as_deref(), Some("North Korea"));
    assert_eq!(containers.object.as_deref(), Some("Russia"));
    assert_eq!(containers.consensus.value, Some(11_000.0));

    // China–Russia trade in 2023: one group. Besides 001, only the AI-written daily report
    // (004) states it, and a derivative digest is no independent source: one source, shown
    // with the digest's figures beside it.
    let trade = group_of(&view, "001", "$240 billion");
    let q = quotes(&view, trade);
    for quote in ["$240 billion", "$240.1 billion", "$241 billion"] {
        assert!(q.iter().any(|x| x == quote), "{quote} missing from {q:?}");
    }
    assert!(
        !q.iter().any(|x| x == "$147 billion"),
        "2021 is another figure: {q:?}"
    );
    assert_eq!(trade.verdict, Verdict::Single, "{}", trade.explanation);
    assert_eq!(trade.sources, 1);
    for c in &trade.claims {
        let digest = view.claims[c.claim].source.starts_with("004");
        assert_eq!(c.note.contains("derivative digest"), digest, "{}", c.note);
    }
    // One-source groups are single, never agreement.
    for g in &view.ledger.groups {
        assert!(
            g.sources >= 2 || g.verdict != Verdict::Agree,
            "{}",
            g.explanation
        );
    }

    // Russia's dependence on China for high-priority goods: "approximately 90%" and "89% in
    // 2023" are one figure, and the 37% of all imports is another.
    let dependence = group_of(&view, "000", "Approximately 90%");
    let q = quotes(&view, dependence);
    assert!(q.iter().any(|x| x == "89%"), "{q:?}");
    assert!(!q.iter().any(|x| x == "37%" || x == "32%"), "{q:?}");
    assert_eq!(
        dependence.verdict,
        Verdict::Agree,
        "{}",
        dependence.explanation
    );
    assert_eq!(
        (dependence.subject.as_deref(), dependence.object.as_deref()),
        (Some("China"), Some("Russia")),
        "the supplier first"
    );

    // No group mixes the $300 million a month with the $600 million peak.
    for g in &view.ledger.groups {
        let q = quotes(&view, g);
        let monthly = q.iter().any(|x| x.contains("300 million"));
        let peak = q.iter().any(|x| x.contains("600 million"));
        assert!(!(monthly && peak), "{q:?}");
    }

    // Every group explains itself in one line, and every claim is in exactly one group.
    let mut seen: Vec<usize> = Vec::new();
    for g in &view.ledger.groups {
        assert!(!g.explanation.is_empty() && !g.explanation.contains('\n'));
        for c in &g.claims {
            assert!(!c.note.is_empty() && !c.note.contains('\n'));
            seen.push(c.claim);
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..view.claims.len()).collect::<Vec<_>>());
}

#[test]
fn seed_network_shows_the_supply_lines_and_what_a_cut_breaks() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    ingest(&engine, &[shared.join("seeds")]);
    let view = engine.network().expect("network");
    let net = &view.network;
    let arms = net
        .flows
        .iter()
        .find(|f| f.from == "North Korea" && f.to == "Russia")
        .expect("North Korea -> Russia");
    assert_eq!(arms.kind, sinew_engine::FlowKind::Arms);
    assert_eq!(
        arms.headline().map(|v| v.text.as_str()),
        Some("11,000 containers")
    );
    let trade = net
        .flows
        .iter()
        .find(|f| f.kind == sinew_engine::FlowKind::Trade)
        .expect("China-Russia trade");
    assert!(trade.symmetric && trade.volumes.len() >= 2, "{trade:?}");
    let high_priority = net
        .dependencies
        .iter()
        .find(|d| d.current && d.goods.contains("high-priority"))
        .expect("Russia's dependence on China for high-priority goods");
    assert_eq!(high_priority.supplier, "China");
    assert_eq!(high_priority.dependent, "Russia");
    assert!((88.0..=90.0).contains(&high_priority.share));

    // Political ties, each citing its sentence: the Russia–North Korea pact, Putin's visits.
    let pact = net
        .flows
        .iter()
        .find(|f| f.ties.iter().any(|t| t.kind == sinew_engine::TieKind::Pact))
        .expect("a pact");
    assert_eq!(
        (pact.from.as_str(), pact.to.as_str()),
        ("North Korea", "Russia")
    );
    assert!(pact.symmetric);
    assert!(net.flows.iter().any(|f| f.from == "Russia"
        && f.to == "North Korea"
        && f.ties
            .iter()
            .any(|t| t.kind == sinew_engine::TieKind::Visit)));
    for f in net.flows.iter().filter(|f| !f.ties.is_empty()) {
        for t in &f.ties {
            let (_, words) = &view.tie_words[&(t.doc.clone(), t.span)];
            assert!(!words.is_empty());
        }
    }

    let cut = sinew_engine::Cut {
        from: "China".into(),
        to: "Russia".into(),
        kind: Some(sinew_engine::FlowKind::DualUse),
        factor: 0.0,
    };
    let (w, claims) = engine.what_if(&cut, 50.0).expect("what-if");
    let broken: Vec<&str> = w.below().map(|a| a.dependency.goods.as_str()).collect();
    assert!(
        broken.iter().any(|g| g.contains("high-priority")),
        "{broken:?}"
    );
    // The 2021 figure (32%) is history, not a current dependency.
    assert!(
        w.affected.iter().all(|a| a.dependency.share > 50.0),
        "{:?}",
        w.affected
    );
    for a in w.below() {
        for &i in &a.dependency.claims {
            assert!(claims[i].quote.contains('%'));
        }
    }
}

#[test]
fn seed_briefing_says_what_changed_and_shows_the_network() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    ingest(&engine, &[shared.join("seeds")]);
    let md = engine
        .report(
            sinew_engine::ReportFormat::Markdown,
            &sinew_engine::BriefingConfig::default(),
        )
        .expect("report");
    let section = |heading: &str| {
        let heading = format!(". {heading}\n");
        let start = md.find(&heading).unwrap_or_else(|| panic!("no {heading}"));
        let rest = &md[start..];
        let end = rest[heading.len()..]
            .find("\n## ")
            .map_or(rest.len(), |e| e + heading.len());
        rest[..end].to_string()
    };
    let changed = section("What the sources disagree on");
    assert!(changed.contains("6,700 containers"), "{changed}");
    assert!(
        changed.contains("an update, not a contradiction"),
        "{changed}"
    );
    let network = section("The network");
    assert!(network.contains("North Korea → Russia (arms)"), "{network}");
    assert!(
        network.contains("China supplies 89% of Russia's high-priority products"),
        "{network}"
    );
}

/// The ledger as a table reads it (claims as citations, none decoded) is the ledger itself:
/// the same groups, each claim at the same document, span and words; with a measure filter,
/// which must read the claims, too.
#[test]
fn the_cited_ledger_is_the_ledger() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    let summary = ingest(&engine, &[shared.join("seeds")]);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let measure = LedgerFilter {
        measure: Some("trade".into()),
        ..LedgerFilter::default()
    };
    for filter in [LedgerFilter::default(), measure] {
        let full = engine.ledger(&filter).expect("ledger");
        let cited = engine.ledger_cited(&filter).expect("cited ledger");
        assert_eq!(full.ledger.groups.len(), cited.ledger.groups.len());
        assert!(!full.ledger.groups.is_empty(), "{filter:?} keeps no group");
        for (a, b) in full.ledger.groups.iter().zip(&cited.ledger.groups) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.claims.len(), b.claims.len());
            for (x, y) in a.claims.iter().zip(&b.claims) {
                let (v, c) = (&full.claims[x.claim], &cited.claims[y.claim]);
                assert_eq!(
                    (&v.claim.doc, v.claim.span, &v.source, &v.quote),
                    (&c.doc, c.span, &c.source, &c.quote)
                );
            }
        }
    }
}

/// True when `measure` names a date: a month or weekday name, or a year.
fn names_a_date(measure: &str) -> bool {
    use sinew_types::text::{word_runs, MONTH_NAMES, WEEKDAY_NAMES};
    word_runs(measure).any(|w| {
        MONTH_NAMES
            .iter()
            .chain(WEEKDAY_NAMES.iter())
            .any(|n| n.eq_ignore_ascii_case(w))
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    })
}

#[test]
fn sample_trade_of_2023_is_one_figure_and_no_measure_is_a_date_or_a_name() {
    let engine = memory_engine();
    let summary = ingest(&engine, &[sample_corpus()]);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let view = engine.ledger(&LedgerFilter::default()).expect("ledger");
    print(&view);

    // The figure the corpus is built around: three articles, three wordings ("Trade between
    // China and Russia", "China-Russia trade", "trade between the two countries"), one group.
    let trade = group_of(&view, "2024-01-22", "$240.1 billion");
    let docs: Vec<&str> = trade
        .claims
        .iter()
        .map(|c| view.claims[c.claim].source.as_str())
        .collect();
    for doc in ["2024-01-22", "2024-04-27", "2024-05-17"] {
        assert!(
            docs.iter().any(|d| d.starts_with(doc)),
            "{doc} missing: {docs:?}"
        );
    }
    assert_eq!(trade.verdict, Verdict::Agree, "{}", trade.explanation);
    assert_eq!(trade.sources, 3);
    assert_eq!(
        (trade.subject.as_deref(), trade.object.as_deref()),
        (Some("China"), Some("Russia"))
    );
    // The 2024 goal of $200 billion is another figure.
    assert!(!trade
        .claims
        .iter()
        .any(|c| view.claims[c.claim].quote.contains("200 billion")));

    // No group's measure is a date or a name (a person, an organisation, a place).
    let entities = engine.entities().expect("entities");
    let names: Vec<String> = entities
        .iter()
        .flat_map(|e| {
            std::iter::once(e.canonical.clone()).chain(e.aliases.iter().map(|a| a.text.clone()))
        })
        .map(|n| n.to_lowercase())
        .collect();
    let people: Vec<String> = entities
        .iter()
        .filter(|e| e.entity_type.coarse() == sinew_types::Coarse::Per)
        .map(|e| e.canonical.to_lowercase())
        .collect();
    for g in &view.ledger.groups {
        let m = g.measure.to_lowercase();
        assert!(
            !names_a_date(&g.measure),
            "a date as measure: {:?}",
            g.measure
        );
        assert!(!names.contains(&m), "a name as measure: {:?}", g.measure);
        assert!(
            !people.iter().any(|p| m.contains(p.as_str())),
            "a person in the measure: {:?}",
            g.measure
        );
    }

    // Containers: a count "since last summer" published after the State Department's higher
    // count is a later, lower running total from another source: a conflict that says so.
    let containers = group_of(&view, "2024-03-29", "around 6,700 containers");
    assert_eq!(
        containers.verdict,
        Verdict::Conflict,
        "{}",
        containers.explanation
    );
    assert!(
        containers
            .explanation
            .contains("later report gives a lower running total"),
        "{}",
        containers.explanation
    );
    let r = containers.revised.expect("the fall is recorded");
    assert!(!r.same_source);
    // The latest of the lower counts: Seoul's "around 6,700" of March, or the June
    // article's "about 6,700" (whose sentence names no party: its pair comes from the
    // paragraph before).
    let later = &view.claims[containers.claims[r.later].claim].quote;
    assert!(later.ends_with("6,700 containers"), "{later}");
}

/// `sinew ledger`'s table reads the ledger a window of groups at a time: the groups and
/// claims it hands on, window after window, are the whole ledger's, filtered or not, over
/// the sample corpus (and the seeds, when present), whatever the window.
#[test]
fn the_ledger_read_window_by_window_is_the_whole_ledger() {
    use std::collections::BTreeSet;

    let engine = memory_engine();
    let mut paths = vec![sample_corpus()];
    paths.extend(shared().map(|s| s.join("seeds")));
    let summary = ingest(&engine, &paths);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let filters = [
        LedgerFilter::default(),
        LedgerFilter {
            entity: Some("China".to_string()),
            ..LedgerFilter::default()
        },
        LedgerFilter {
            verdict: Some(Verdict::Conflict),
            ..LedgerFilter::default()
        },
    ];
    for filter in filters {
        let whole = engine.ledger_cited(&filter).expect("ledger");
        let expected: Vec<(LedgerGroup, Vec<sinew_engine::CitedClaim>)> = whole
            .ledger
            .groups
            .iter()
            .map(|g| {
                let claims = g.claims.iter().map(|m| whole.claims[m.claim].clone());
                (g.clone(), claims.collect())
            })
            .collect();
        let cited: BTreeSet<(sinew_types::DocId, String)> = whole
            .claims
            .iter()
            .map(|c| (c.doc.clone(), c.source.clone()))
            .collect();
        for window in [1, 7, 4096] {
            let mut stream = engine
                .ledger_stream(&filter)
                .expect("stream")
                .window(window);
            assert_eq!(stream.len(), expected.len());
            let documents: BTreeSet<_> = stream.documents().iter().cloned().collect();
            assert_eq!(documents, cited);
            let mut read = Vec::new();
            stream
                .each(|groups, claims| -> Result<(), sinew_engine::EngineError> {
                    assert!(groups.len() <= window);
                    for g in groups {
                        let mine = g.claims.iter().map(|m| claims[m.claim].clone());
                        read.push((g.clone(), mine.collect::<Vec<_>>()));
                    }
                    Ok(())
                })
                .expect("read");
            // The claims' indexes differ (each window numbers its own); all else is equal.
            let plain = |v: &[(LedgerGroup, Vec<sinew_engine::CitedClaim>)]| {
                v.iter()
                    .map(|(g, c)| {
                        let mut g = g.clone();
                        g.claims.iter_mut().for_each(|m| m.claim = 0);
                        (g, c.clone())
                    })
                    .collect::<Vec<_>>()
            };
            assert!(!read.is_empty(), "{filter:?}: the corpus has groups");
            assert_eq!(
                plain(&read),
                plain(&expected),
                "{filter:?}, window {window}"
            );
        }
    }
}

/// `sinew ledger --json`, CSV and a measure filter read the ledger a window at a time too:
/// the groups and whole claims `each_view` hands on, and the table's stream once
/// `keep_measure` has left out what measure words reject, are the whole ledger's, over the
/// sample corpus (and the seeds, when present), whatever the window.
#[test]
fn the_whole_ledger_read_window_by_window_is_the_whole_ledger() {
    use sinew_engine::{CitedClaim, ClaimView};
    use std::collections::BTreeSet;

    let engine = memory_engine();
    let mut paths = vec![sample_corpus()];
    paths.extend(shared().map(|s| s.join("seeds")));
    let summary = ingest(&engine, &paths);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let filters = [
        LedgerFilter::default(),
        LedgerFilter {
            measure: Some("trade".to_string()),
            ..LedgerFilter::default()
        },
        LedgerFilter {
            measure: Some("troops".to_string()),
            verdict: Some(Verdict::Single),
            ..LedgerFilter::default()
        },
    ];
    // A claim as the outputs print it: its JSON and its words.
    let shown = |v: &ClaimView| {
        (
            serde_json::to_string(&v.claim).expect("claim as JSON"),
            v.source.clone(),
            v.quote.clone(),
            v.sentence.clone(),
        )
    };
    let unpointed = |g: &LedgerGroup| {
        let mut g = g.clone();
        g.claims.iter_mut().for_each(|m| m.claim = 0);
        g
    };
    for filter in filters {
        let whole = engine.ledger(&filter).expect("ledger");
        let expected: Vec<_> = whole
            .ledger
            .groups
            .iter()
            .map(|g| {
                let claims = g.claims.iter().map(|m| shown(&whole.claims[m.claim]));
                (unpointed(g), claims.collect::<Vec<_>>())
            })
            .collect();
        let cited = engine.ledger_cited(&filter).expect("cited ledger");
        let cited_docs: BTreeSet<(sinew_types::DocId, String)> = cited
            .claims
            .iter()
            .map(|c| (c.doc.clone(), c.source.clone()))
            .collect();
        for window in [1, 5, 4096] {
            let mut read = Vec::new();
            engine
                .ledger_stream_whole(&filter)
                .expect("stream")
                .window(window)
                .each_view(|groups, claims| -> Result<(), sinew_engine::EngineError> {
                    for g in groups {
                        let mine = g.claims.iter().map(|m| shown(&claims[m.claim]));
                        read.push((unpointed(g), mine.collect::<Vec<_>>()));
                    }
                    Ok(())
                })
                .expect("read");
            assert_eq!(read, expected, "{filter:?}, window {window}");
            let mut stream = engine
                .ledger_stream(&filter)
                .expect("stream")
                .window(window);
            stream.keep_measure().expect("measure");
            let documents: BTreeSet<_> = stream.documents().iter().cloned().collect();
            assert_eq!(documents, cited_docs, "{filter:?}, window {window}");
            let mut table: Vec<(LedgerGroup, Vec<CitedClaim>)> = Vec::new();
            stream
                .each(|groups, claims| -> Result<(), sinew_engine::EngineError> {
                    for g in groups {
                        let mine = g.claims.iter().map(|m| claims[m.claim].clone());
                        table.push((unpointed(g), mine.collect()));
                    }
                    Ok(())
                })
                .expect("read");
            let want: Vec<(LedgerGroup, Vec<CitedClaim>)> = cited
                .ledger
                .groups
                .iter()
                .map(|g| {
                    let claims = g.claims.iter().map(|m| cited.claims[m.claim].clone());
                    (unpointed(g), claims.collect())
                })
                .collect();
            assert_eq!(table, want, "{filter:?}, window {window}");
        }
        assert!(
            !expected.is_empty() || filter.measure.as_deref() == Some("troops"),
            "{filter:?} keeps no group"
        );
    }
}
