//! Builders for tiny documents and annotations, and a dump of a database's contents.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use sinew_types::{
    Annotations, Attribution, Claim, Diagnostic, DocId, Document, EntityType, Fingerprint, Grain,
    Mention, Modality, Quantity, QuantityKind, Sentence, Span, TimeExpr, TimeKind,
};

/// The span of the first `needle` in `text`.
pub(crate) fn sp(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn doc(id: &str, text: &str) -> Document {
    Document {
        id: DocId(id.to_string()),
        source: format!("{id}.txt"),
        url: None,
        title: None,
        author: None,
        published: None,
        site: None,
        lang: None,
        text: text.to_string(),
        fingerprint: None,
        duplicate_of: None,
    }
}

/// An actor of an event named by `words`.
pub(crate) fn actor(
    text: &str,
    words: &str,
    canonical: Option<&str>,
    country: Option<&str>,
) -> sinew_types::EventActor {
    sinew_types::EventActor {
        span: sp(text, words),
        text: words.to_string(),
        canonical: canonical.map(str::to_string),
        country: country.map(str::to_string),
        sector: None,
    }
}

/// A dual-use export from one actor to another, told by `sentence`, dated 2023 and said by
/// the US State Department.
pub(crate) fn event(
    text: &str,
    sentence: Span,
    trigger: &str,
    (source, target): (sinew_types::EventActor, sinew_types::EventActor),
) -> sinew_types::Event {
    sinew_types::Event {
        category: sinew_types::PloverCategory::Cooperate,
        mode: None,
        kind: Some(sinew_types::EventKind::DualUseExport),
        trigger: sp(text, trigger),
        sentence,
        source: vec![source],
        target: vec![target],
        date: date(2023, 1, 1),
        date_end: date(2023, 12, 31),
        location: None,
        attribution: Some("US State Department".to_string()),
        modality: sinew_types::EventModality::Asserted,
        negated: false,
    }
}

pub(crate) fn mention(
    text: &str,
    words: &str,
    ty: EntityType,
    canonical: &str,
    country: Option<&str>,
) -> Mention {
    Mention {
        span: sp(text, words),
        text: words.to_string(),
        entity_type: ty,
        canonical: canonical.to_string(),
        id: format!("{}:{}", ty.as_str(), canonical.to_lowercase()),
        country: country.map(str::to_string),
        coarse: ty.coarse(),
        sector: None,
        kind: sinew_types::MentionKind::Name,
    }
}

pub(crate) fn quantity(
    text: &str,
    words: &str,
    value: f64,
    unit: &str,
    kind: QuantityKind,
) -> Quantity {
    Quantity {
        span: sp(text, words),
        text: words.to_string(),
        value,
        value_max: None,
        unit: Some(unit.to_string()),
        kind,
        qualifier: None,
        per: None,
        vague: false,
    }
}

/// A claim about `q`, in the sentence covering the whole text.
pub(crate) fn claim(
    doc: &Document,
    q: &Quantity,
    subject: Option<&str>,
    object: Option<&str>,
    measure: &str,
) -> Claim {
    Claim {
        doc: doc.id.clone(),
        span: q.span,
        sentence: Span::new(0, doc.text.len()),
        quantity: q.clone(),
        subject: subject.map(str::to_string),
        object: object.map(str::to_string),
        measure: measure.to_string(),
        time: None,
        attribution: None,
        modality: Modality::Asserted,
        kind: sinew_types::MeasureKind::Other,
        restates: None,
        inferred: None,
        changed_to: None,
    }
}

/// A document exercising every annotation kind and every optional field, non-ASCII included.
pub(crate) fn rich() -> (Document, Annotations) {
    let text = "Beijing’s exports of dual-use goods to Russia rose 64% to $4.8 billion in 2023, \
                according to the U.S. State Department. Moscow may have paid “between 80 and 90 \
                million euros” since August 2023.";
    let mut d = doc("a1b2c3d4e5f60718", text);
    d.url = Some("https://example.org/news/1".to_string());
    d.title = Some("Beijing’s exports".to_string());
    d.author = Some("Zoë Müller".to_string());
    d.published = date(2024, 2, 29);
    d.site = Some("Example News".to_string());
    d.lang = Some("en".to_string());
    // Extremes of u32 check the byte order of the stored BLOB.
    d.fingerprint = Some(Fingerprint(vec![0, 1, 0x0102_0304, u32::MAX]));
    d.duplicate_of = Some(DocId("0011223344556677".to_string()));

    let first_end = text.find(" Moscow").unwrap_or(text.len());
    let sentences = vec![
        Sentence {
            span: Span::new(0, first_end),
        },
        Sentence {
            span: Span::new(first_end + 1, text.len()),
        },
    ];
    let mut mentions = vec![
        mention(text, "Beijing", EntityType::Country, "China", Some("China")),
        mention(
            text,
            "Russia",
            EntityType::Country,
            "Russia",
            Some("Russia"),
        ),
        mention(
            text,
            "U.S. State Department",
            EntityType::GovernmentBody,
            "US State Department",
            Some("United States"),
        ),
        mention(
            text,
            "Moscow",
            EntityType::Country,
            "Russia",
            Some("Russia"),
        ),
    ];
    // A demonym's own class, a sector and a nominal: what schema v6 keeps of a mention.
    mentions[0].coarse = sinew_types::Coarse::Misc;
    mentions[2].sector = Some(sinew_types::Sector::Government);
    mentions[3].kind = sinew_types::MentionKind::Nominal;
    let pct = quantity(text, "64%", 64.0, "percent", QuantityKind::Percent);
    let usd = quantity(text, "$4.8 billion", 4.8e9, "USD", QuantityKind::Money);
    let mut eur = quantity(
        text,
        "between 80 and 90 million euros",
        8.0e7,
        "EUR",
        QuantityKind::Money,
    );
    eur.value_max = Some(9.0e7);
    eur.qualifier = Some("between".to_string());
    eur.per = Some("year".to_string());
    let vague = Quantity {
        vague: true,
        unit: None,
        kind: QuantityKind::Number,
        value: 0.1,
        ..pct.clone()
    };
    let year = TimeExpr {
        span: sp(text, "2023"),
        text: "2023".to_string(),
        start_date: date(2023, 1, 1),
        end_date: date(2023, 12, 31),
        grain: Grain::Year,
        kind: TimeKind::Point,
        timex: Some("2023".to_string()),
    };
    let since = TimeExpr {
        span: sp(text, "since August 2023"),
        text: "since August 2023".to_string(),
        start_date: date(2023, 8, 1),
        end_date: None,
        grain: Grain::Month,
        kind: TimeKind::Since,
        timex: None,
    };
    let attribution = Attribution {
        span: sp(text, "according to the U.S. State Department"),
        source_span: sp(text, "U.S. State Department"),
        source: "US State Department".to_string(),
        cue: "according to".to_string(),
    };
    let mut c1 = claim(
        &d,
        &usd,
        Some("China"),
        Some("Russia"),
        "exports of dual-use goods",
    );
    c1.sentence = sentences[0].span;
    c1.time = Some(year.clone());
    c1.attribution = Some("US State Department".to_string());
    let mut c2 = claim(&d, &pct, Some("China"), Some("Russia"), "growth of exports");
    c2.sentence = sentences[0].span;
    let mut c3 = claim(&d, &eur, Some("Russia"), None, "payments");
    c3.sentence = sentences[1].span;
    c3.time = Some(since.clone());
    c3.modality = Modality::Hedged;
    let ann = Annotations {
        sentences,
        mentions,
        quantities: vec![pct, usd, eur, vague],
        times: vec![year, since],
        attributions: vec![attribution],
        // Deliberately not in span order: `claims()` sorts by span, `annotations()` keeps order.
        claims: vec![c1, c2, c3],
        diagnostics: vec![
            Diagnostic {
                span: Some(sp(text, "“")),
                message: "unbalanced quote".to_string(),
            },
            Diagnostic {
                span: None,
                message: "no byline".to_string(),
            },
        ],
        descriptions: vec![sinew_types::Description {
            entity: "government_body:us state department".to_string(),
            span: sp(text, "the U.S. State Department"),
            text: "the U.S. State Department".to_string(),
        }],
        events: vec![event(
            text,
            Span::new(0, first_end),
            "exports",
            (
                actor(text, "Beijing", Some("China"), Some("CHN")),
                actor(text, "Russia", Some("Russia"), Some("RUS")),
            ),
        )],
    };
    (d, ann)
}

/// A second, plainer document.
pub(crate) fn plain() -> (Document, Annotations) {
    let text = "NATO said Germany will spend 2% of GDP on defence.";
    let d = doc("0011223344556677", text);
    let q = quantity(text, "2%", 2.0, "percent", QuantityKind::Percent);
    let ann = Annotations {
        sentences: vec![Sentence {
            span: Span::new(0, text.len()),
        }],
        mentions: vec![
            mention(text, "NATO", EntityType::InternationalOrg, "NATO", None),
            mention(
                text,
                "Germany",
                EntityType::Country,
                "Germany",
                Some("Germany"),
            ),
        ],
        quantities: vec![q.clone()],
        claims: vec![claim(&d, &q, Some("Germany"), None, "defence spending")],
        ..Annotations::default()
    };
    (d, ann)
}

/// The tables a dump shows, each with the order of its rows.
const DUMPED: [(&str, &str); 14] = [
    ("documents", "seq"),
    ("doc_annotations", "seq"),
    ("doc_claims", "seq"),
    ("claim_keys", "key, seq"),
    ("alerts", "seq"),
    ("dup_bands", "band, key, doc"),
    ("analysis_pending", "seq"),
    ("entities", "id"),
    ("entity_aliases", "entity, text"),
    ("entity_descriptions", "entity, key"),
    ("doc_events", "seq"),
    ("event_keys", "key, seq"),
    ("events_pending", "seq"),
    ("briefings", "id"),
];

/// Every table of the database at `path`, rendered as text in a fixed order (ingest time
/// masked), for snapshot comparison.
pub(crate) fn dump(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("open for dump");
    let mut out = String::new();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    writeln!(out, "user_version = {version}").ok();
    for (table, order) in DUMPED {
        writeln!(out, "\n[{table}]").ok();
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
            .expect("select");
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let mut rows = stmt.query([]).expect("query");
        while let Some(row) = rows.next().expect("row") {
            let mut cells = Vec::new();
            for (i, name) in names.iter().enumerate() {
                let value = match row.get_ref(i).expect("cell") {
                    _ if name == "ingested_at" || name == "raised_at" => "<time>".to_string(),
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Real(x) => format!("{x:?}"),
                    rusqlite::types::ValueRef::Text(t) => {
                        format!("{:?}", String::from_utf8_lossy(t))
                    }
                    rusqlite::types::ValueRef::Blob(b) => blob_cell(table, name, b),
                };
                cells.push(format!("{name}={value}"));
            }
            writeln!(out, "{}", cells.join(" | ")).ok();
        }
    }
    out
}

/// A BLOB cell of `table` as text: packed annotations (`doc_annotations.body`), claims
/// (`doc_claims.body`) and events (`doc_events.body`) unpacked, so that a snapshot shows what they
/// hold (their layout byte, their JSON, spans and figures' bytes in hex) whatever the
/// compressor's output, and so are documents' packed texts (`documents.text`); any other
/// value in hex.
fn blob_cell(table: &str, column: &str, bytes: &[u8]) -> String {
    use std::io::Read;
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    if table == "doc_events" && column == "body" {
        // A layout byte, then deflate of the events' JSON.
        if let Some((layout, deflated)) = bytes.split_first() {
            let mut json = String::new();
            flate2::read::DeflateDecoder::new(deflated)
                .read_to_string(&mut json)
                .expect("packed events inflate");
            return format!("layout {layout} {json}");
        }
    }
    if table == "documents" && column == "text" {
        // Packed from v12 (a layout byte, then deflate).
        if let Some((layout, deflated)) = bytes.split_first() {
            let mut text = String::new();
            flate2::read::DeflateDecoder::new(deflated)
                .read_to_string(&mut text)
                .expect("packed text inflates");
            return format!("layout {layout} {text:?}");
        }
    }
    if table == "doc_claims" && column == "body" {
        // A layout byte, then deflate of the count, the spans, the figures and the JSON.
        if let Some((layout, deflated)) = bytes.split_first() {
            let mut raw = Vec::new();
            flate2::read::DeflateDecoder::new(deflated)
                .read_to_end(&mut raw)
                .expect("packed claims inflate");
            let count = u32::from_le_bytes(raw[..4].try_into().expect("count")) as usize;
            let spans = 4 + 8 * count;
            let mut at = spans;
            for _ in 0..count {
                at += 9 + if raw[at + 8] == 1 { 8 } else { 0 };
            }
            return format!(
                "layout {layout} count {count} spans x'{}' figures x'{}' {}",
                hex(&raw[4..spans]),
                hex(&raw[spans..at]),
                String::from_utf8_lossy(&raw[at..])
            );
        }
    }
    if table == "doc_annotations" && column == "body" {
        if let Some((layout, deflated)) = bytes.split_first() {
            let mut raw = Vec::new();
            flate2::read::DeflateDecoder::new(deflated)
                .read_to_end(&mut raw)
                .expect("packed annotations inflate");
            let len = u32::from_le_bytes(raw[..4].try_into().expect("length")) as usize;
            return format!(
                "layout {layout} {} figures x'{}'",
                String::from_utf8_lossy(&raw[4..4 + len]),
                hex(&raw[4 + len..])
            );
        }
    }
    format!("x'{}'", hex(bytes))
}

/// The same dump of a PostgreSQL store (the schema its URL chooses), in the same text: a
/// boolean is written as SQLite's 0 or 1, and the schema version as `user_version`, so both
/// stores compare with one snapshot.
#[cfg(feature = "postgres")]
pub(crate) fn dump_pg(url: &str) -> String {
    use postgres::types::Type;
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect for dump");
    let mut out = String::new();
    let version: String = client
        .query_one(
            "SELECT value FROM sinew_meta WHERE key = 'schema_version'",
            &[],
        )
        .expect("version")
        .get(0);
    writeln!(out, "user_version = {version}").ok();
    for (table, order) in DUMPED {
        writeln!(out, "\n[{table}]").ok();
        // PostgreSQL's v12 step put the packed text column last (it replaced the old one);
        // the dump lists it where SQLite has it.
        let columns = match table {
            "documents" => {
                "id, seq, source, url, title, author, published, site, lang, text, \
                            ingested_at, fingerprint, duplicate_of"
            }
            _ => "*",
        };
        let rows = client
            .query(
                &format!("SELECT {columns} FROM {table} ORDER BY {order}"),
                &[],
            )
            .expect("select");
        for row in rows {
            let mut cells = Vec::new();
            for (i, column) in row.columns().iter().enumerate() {
                let name = column.name();
                let ty = column.type_();
                let value = if name == "ingested_at" || name == "raised_at" {
                    "<time>".to_string()
                } else if *ty == Type::INT8 {
                    row.get::<_, Option<i64>>(i)
                        .map_or("NULL".into(), |n| n.to_string())
                } else if *ty == Type::FLOAT8 {
                    row.get::<_, Option<f64>>(i)
                        .map_or("NULL".into(), |x| format!("{x:?}"))
                } else if *ty == Type::BOOL {
                    row.get::<_, Option<bool>>(i)
                        .map_or("NULL".into(), |b| u8::from(b).to_string())
                } else if *ty == Type::BYTEA {
                    row.get::<_, Option<Vec<u8>>>(i)
                        .map_or("NULL".into(), |b| blob_cell(table, name, &b))
                } else {
                    row.get::<_, Option<String>>(i)
                        .map_or("NULL".into(), |t| format!("{t:?}"))
                };
                cells.push(format!("{name}={value}"));
            }
            writeln!(out, "{}", cells.join(" | ")).ok();
        }
    }
    out
}
