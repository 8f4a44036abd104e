//! Language identification: one news-like paragraph per language (written for these tests),
//! short text, and a page whose template declares the wrong language.

use sinew_ingest::{identify_lang, Format, IngestConfig};

/// (expected ISO 639-1 code, text)
const SAMPLES: &[(&str, &str)] = &[
    (
        "en",
        "The government announced on Tuesday that exports of machine tools to the region had \
         fallen by a third since the spring, as new controls took effect at the border.",
    ),
    (
        "fr",
        "Le gouvernement a annoncé mardi que les exportations de machines-outils vers la région \
         avaient chuté d'un tiers depuis le printemps, avec l'entrée en vigueur des contrôles.",
    ),
    (
        "de",
        "Die Regierung teilte am Dienstag mit, dass die Ausfuhren von Werkzeugmaschinen in die \
         Region seit dem Frühjahr um ein Drittel gesunken seien, weil neue Kontrollen gelten.",
    ),
    (
        "es",
        "El gobierno anunció el martes que las exportaciones de máquinas herramienta hacia la \
         región habían caído un tercio desde la primavera, con la entrada en vigor de controles.",
    ),
    (
        "ru",
        "Правительство объявило во вторник, что экспорт станков в регион сократился на треть с \
         весны, после того как на границе вступили в силу новые меры контроля.",
    ),
    (
        "zh",
        "政府星期二宣布，自春季以来，对该地区的机床出口下降了三分之一，因为边境实施了新的管制措施。\
         官员表示，这一趋势可能会持续到明年。",
    ),
    (
        "ko",
        "정부는 화요일 새로운 국경 통제가 시행되면서 봄 이후 이 지역으로의 공작기계 수출이 3분의 1 \
         감소했다고 발표했다. 관계자들은 이러한 추세가 내년까지 이어질 수 있다고 말했다.",
    ),
    (
        "ar",
        "أعلنت الحكومة يوم الثلاثاء أن صادرات الآلات إلى المنطقة انخفضت بمقدار الثلث منذ الربيع، \
         مع دخول إجراءات الرقابة الجديدة على الحدود حيز التنفيذ.",
    ),
];

#[test]
fn each_sample_language_is_identified() {
    for (code, text) in SAMPLES {
        assert_eq!(identify_lang(text), Some(*code), "{text}");
    }
}

#[test]
fn short_or_empty_text_gives_none() {
    for text in ["", "Moscow, Tuesday.", "OK", "12 345 678", "Putin Kim Xi"] {
        assert_eq!(identify_lang(text), None, "{text:?}");
    }
}

#[test]
fn documents_of_every_format_get_a_language() {
    let config = IngestConfig::default();
    let parse = |name: &str, bytes: &[u8]| {
        let parsed = sinew_ingest::parse_bytes(name, bytes, Format::Auto, &config)
            .unwrap_or_else(|e| panic!("{e}"));
        parsed.docs.into_iter().next().expect("one document").lang
    };
    let german = SAMPLES[2].1;
    assert_eq!(parse("a.txt", german.as_bytes()).as_deref(), Some("de"));
    let line = serde_json::json!({ "text": german }).to_string();
    assert_eq!(parse("a.jsonl", line.as_bytes()).as_deref(), Some("de"));
    // A record's own field is taken as given.
    let line = serde_json::json!({ "text": german, "lang": "gsw" }).to_string();
    assert_eq!(parse("a.jsonl", line.as_bytes()).as_deref(), Some("gsw"));
}

#[test]
fn a_confident_detection_overrides_the_template_lang_attribute() {
    let page = |body: &str| {
        format!(
            "<!doctype html><html lang=\"en-US\"><head><title>Actualités</title></head>\
             <body><article><p>{body}</p></article></body></html>"
        )
    };
    let config = IngestConfig::default();
    let lang_of = |html: &str| {
        sinew_ingest::parse_bytes("page.html", html.as_bytes(), Format::Html, &config)
            .unwrap_or_else(|e| panic!("{e}"))
            .docs[0]
            .lang
            .clone()
    };
    assert_eq!(lang_of(&page(SAMPLES[1].1)).as_deref(), Some("fr"));
    // Too short to tell: the declaration stands.
    assert_eq!(lang_of(&page("Paris, mardi.")).as_deref(), Some("en"));
}

/// WARC records, feed items and gzip'd inputs are built like single files: each document
/// gets a language and a fingerprint of its own clean text.
#[test]
fn warc_feed_and_gzip_documents_get_a_language_and_a_fingerprint() {
    let config = IngestConfig::default();
    let wire = std::fs::read_to_string(crate::manifest_dir().join("tests/near_dups/wire.txt"))
        .expect("near-duplicate fixture");
    let paragraphs: String = wire
        .split("\n\n")
        .map(|p| format!("<p>{}</p>", p.trim()))
        .collect();
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><body><article>{paragraphs}</article></body></html>"
    );
    let warc = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://wire.example/rail\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let rss = format!(
        "<rss version=\"2.0\"><channel><title>Wire</title><language>en-us</language><item>\
         <link>https://wire.example/rail</link><description><![CDATA[{paragraphs}]]></description>\
         </item></channel></rss>"
    );
    let cases: [(&str, Vec<u8>); 4] = [
        ("crawl.warc", warc.clone().into_bytes()),
        ("crawl.warc.gz", crate::gzip::gzip(warc.as_bytes())),
        ("feed.rss", rss.clone().into_bytes()),
        ("wire.txt.gz", crate::gzip::gzip(wire.as_bytes())),
    ];
    for (name, bytes) in cases {
        let parsed = sinew_ingest::parse_bytes(name, &bytes, Format::Auto, &config)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(parsed.errors.is_empty(), "{name}: {:?}", parsed.errors);
        let doc = parsed
            .docs
            .first()
            .unwrap_or_else(|| panic!("{name}: no document"));
        assert_eq!(doc.lang.as_deref(), Some("en"), "{name}");
        assert!(doc.fingerprint.is_some(), "{name}: no fingerprint");
        assert_eq!(
            doc.fingerprint,
            sinew_ingest::fingerprint(&doc.text),
            "{name}"
        );
        assert_eq!(doc.duplicate_of, None, "{name}: linking is the engine's");
    }
}

/// A feed's `<language>` is a declaration like `<html lang>`: a confident detection of the
/// item's text wins, and the declaration (primary subtag only) stands for short text.
#[test]
fn a_feeds_declared_language_yields_to_the_text() {
    let feed = |declared: &str, text: &str| {
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>Wire</title><language>{declared}</language>\
             <item><link>https://wire.example/1</link><description>{text}</description></item>\
             </channel></rss>"
        );
        sinew_ingest::parse_bytes(
            "feed.rss",
            rss.as_bytes(),
            Format::Feed,
            &IngestConfig::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .docs[0]
            .lang
            .clone()
    };
    assert_eq!(feed("en-us", SAMPLES[2].1).as_deref(), Some("de"));
    assert_eq!(feed("de-DE", "Berlin, Dienstag.").as_deref(), Some("de"));
    assert_eq!(feed("not a tag", "Berlin, Dienstag.").as_deref(), None);
}
