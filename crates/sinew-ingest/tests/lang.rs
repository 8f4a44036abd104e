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
