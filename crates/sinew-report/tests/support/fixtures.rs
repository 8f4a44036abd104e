//! Hand-annotated documents modelled on the seed articles.

use chrono::NaiveDate;
use sinew_report::DocBundle;
use sinew_types::{
    Annotations, Attribution, Claim, DocId, Document, EntityType, Grain, Mention, Modality,
    Quantity, QuantityKind, Sentence, SourceKind, Span, TimeExpr, TimeKind,
};

/// The span of the first occurrence of `needle`.
pub(crate) fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

pub(crate) fn document(id: &str, source: &str, published: Option<&str>, text: &str) -> Document {
    Document {
        id: DocId(id.into()),
        source: source.into(),
        url: Some(format!("https://example.org/{id}")),
        title: Some(format!("Title of {id}")),
        author: None,
        published: published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").expect("date")),
        site: Some("Example News".into()),
        lang: Some("en".into()),
        text: text.into(),
        fingerprint: None,
        duplicate_of: None,
    }
}

/// A figure to annotate: its words and the claim fields.
pub(crate) struct Fig {
    pub(crate) words: &'static str,
    pub(crate) value: f64,
    pub(crate) kind: QuantityKind,
    pub(crate) unit: &'static str,
    pub(crate) per: Option<&'static str>,
    pub(crate) subject: Option<&'static str>,
    pub(crate) object: Option<&'static str>,
    pub(crate) measure: &'static str,
    /// (words, kind, first day, last day)
    pub(crate) time: Option<(&'static str, TimeKind, &'static str, &'static str)>,
    pub(crate) attribution: Option<&'static str>,
    /// A vague amount's upper bound ("several" = 3 to 9): `value` is then its lower bound.
    pub(crate) vague_max: Option<f64>,
    /// What kind of figure extraction read (`Other` unless a test says).
    pub(crate) measure_kind: sinew_types::MeasureKind,
}

pub(crate) const FIG: Fig = Fig {
    words: "",
    value: 0.0,
    kind: QuantityKind::Count,
    unit: "",
    per: None,
    subject: None,
    object: None,
    measure: "",
    time: None,
    attribution: None,
    vague_max: None,
    measure_kind: sinew_types::MeasureKind::Other,
};

pub(crate) struct Builder {
    doc: Document,
    ann: Annotations,
}

impl Builder {
    pub(crate) fn new(id: &str, source: &str, published: Option<&str>, text: &str) -> Builder {
        Builder {
            doc: document(id, source, published, text),
            ann: Annotations::default(),
        }
    }

    pub(crate) fn sentence(&mut self, words: &str) {
        let span = span_of(&self.doc.text, words);
        self.ann.sentences.push(Sentence { span });
    }

    /// A time expression: `words`, covering the days `start` to `end` (YYYY-MM-DD).
    pub(crate) fn time(&mut self, words: &str, start: &str, end: &str, grain: Grain) {
        let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        self.ann.times.push(TimeExpr {
            span: span_of(&self.doc.text, words),
            text: words.into(),
            start_date: Some(date(start)),
            end_date: Some(date(end)),
            grain,
            kind: TimeKind::Point,
            timex: None,
        });
    }

    /// Every whole-word occurrence of `words` as a mention.
    pub(crate) fn mention(&mut self, words: &str, canonical: &str, entity_type: EntityType) {
        let text = self.doc.text.clone();
        for (start, _) in text.match_indices(words) {
            let end = start + words.len();
            let before = text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if before || after {
                continue;
            }
            self.ann.mentions.push(Mention {
                span: Span::new(start, end),
                text: words.into(),
                entity_type,
                canonical: canonical.into(),
                id: format!("{}:{}", entity_type.as_str(), canonical.to_lowercase()),
                country: None,
                coarse: entity_type.coarse(),
                sector: None,
                kind: sinew_types::MentionKind::Name,
            });
        }
    }

    /// A description of the entity `canonical` of `entity_type` by the words `words`, as
    /// shown, or as `shown` when given (a role title in lower case).
    pub(crate) fn describe(
        &mut self,
        canonical: &str,
        entity_type: EntityType,
        words: &str,
        shown: Option<&str>,
    ) {
        self.ann.descriptions.push(sinew_types::Description {
            entity: format!("{}:{}", entity_type.as_str(), canonical.to_lowercase()),
            span: span_of(&self.doc.text, words),
            text: shown.unwrap_or(words).into(),
        });
    }

    pub(crate) fn country(&mut self, words: &str, canonical: &str) {
        self.mention(words, canonical, EntityType::Country);
    }

    pub(crate) fn attribution(
        &mut self,
        cue_and_source: &str,
        source_words: &str,
        source: &str,
        cue: &str,
    ) {
        let span = span_of(&self.doc.text, cue_and_source);
        let inner = span_of(&self.doc.text[span.start..span.end], source_words);
        self.ann.attributions.push(Attribution {
            span,
            source_span: Span::new(span.start + inner.start, span.start + inner.end),
            source: source.into(),
            cue: cue.into(),
        });
    }

    pub(crate) fn figure(&mut self, f: Fig) {
        let span = span_of(&self.doc.text, f.words);
        let sentence = self
            .ann
            .sentences
            .iter()
            .find(|s| s.span.contains(span))
            .expect("figure in a sentence")
            .span;
        let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        let time = f.time.map(|(words, kind, start, end)| {
            let span = span_of(&self.doc.text, words);
            TimeExpr {
                span,
                text: words.into(),
                start_date: Some(date(start)),
                end_date: Some(date(end)),
                grain: Grain::Month,
                kind,
                timex: None,
            }
        });
        let quantity = Quantity {
            span,
            text: f.words.into(),
            value: f.value,
            value_max: f.vague_max,
            unit: Some(f.unit.into()),
            kind: f.kind,
            qualifier: None,
            per: f.per.map(str::to_string),
            vague: f.vague_max.is_some(),
        };
        self.ann.quantities.push(quantity.clone());
        self.ann.claims.push(Claim {
            doc: self.doc.id.clone(),
            span,
            sentence,
            quantity,
            subject: f.subject.map(str::to_string),
            object: f.object.map(str::to_string),
            measure: f.measure.into(),
            time,
            attribution: f.attribution.map(str::to_string),
            modality: Modality::Asserted,
            kind: f.measure_kind,
            restates: None,
            inferred: None,
            changed_to: None,
        });
    }

    pub(crate) fn finish(mut self) -> DocBundle {
        self.ann.sentences.sort_by_key(|s| s.span);
        self.ann.mentions.sort_by_key(|m| m.span);
        DocBundle {
            doc: self.doc,
            ann: self.ann,
            kind: SourceKind::Original,
        }
    }
}

const A1: &str = "Since August 2023, North Korea has shipped approximately 6,700 containers to Russia, South Korea's defence minister said.";
const A2: &str = "In a fact sheet, the US State Department said North Korea has delivered over 10,000 containers of munitions to Russia.";
const A3: &str = "China is exporting over $300 million worth of dual-use products to Russia every month, after a peak of over $600 million in December 2023.";
const A4: &str = "Officials wrote <script>alert('x')</script> and AT&T in a memo on the trade between Russia and China.";
const A5: &str = "Daniel Salisbury, a visiting research fellow at King's College London, said the trade with China keeps Russia's arms factories running.";

const B1: &str = "North Korea has illegally transferred dozens of ballistic missiles and more than 11,000 containers full of ammunition to Russia, the State Department said.";
const B2: &str =
    "By 2023, trade between China and Russia had reached a record level of $240 billion.";
const B3: &str = "Putin and Kim signed a mutual defence pact during the visit to Pyongyang, which alarmed China and Russia's neighbours.";

const C1: &str =
    "Bilateral trade between China and Russia rose to $240.1 billion in 2023, customs data show.";
const C2: &str = "North Korean artillery shells keep Russian guns firing in Ukraine, analysts say.";

fn countries(b: &mut Builder) {
    for (words, canonical) in [
        ("North Korea", "North Korea"),
        ("North Korean", "North Korea"),
        ("Pyongyang", "North Korea"),
        ("Russia", "Russia"),
        ("Russian", "Russia"),
        ("China", "China"),
        ("South Korea", "South Korea"),
        ("Ukraine", "Ukraine"),
    ] {
        b.country(words, canonical);
    }
}

/// Three documents: A (2024-06-20), B (2024-06-21), C (undated).
pub(crate) fn bundles() -> Vec<DocBundle> {
    let nk = Some("North Korea");
    let ru = Some("Russia");
    let cn = Some("China");

    let text = format!("Nowhere Org Weekly\n\n{A1} {A2}\n\n{A3} {A4}\n{A5}\n");
    let mut a = Builder::new("doc-a", "a_report.txt", Some("2024-06-20"), &text);
    for s in ["Nowhere Org Weekly", A1, A2, A3, A4, A5] {
        a.sentence(s);
    }
    countries(&mut a);
    a.mention("Nowhere Org", "Nowhere Org", EntityType::ThinkTank);
    a.mention(
        "US State Department",
        "US State Department",
        EntityType::GovernmentBody,
    );
    a.mention("Daniel Salisbury", "Daniel Salisbury", EntityType::Person);
    a.mention(
        "King's College London",
        "King's College London",
        EntityType::ThinkTank,
    );
    a.describe(
        "Daniel Salisbury",
        EntityType::Person,
        "a visiting research fellow at King's College London",
        None,
    );
    a.attribution(
        "South Korea's defence minister said",
        "South Korea's defence minister",
        "South Korea's defence minister",
        "said",
    );
    a.attribution(
        "the US State Department said",
        "US State Department",
        "US State Department",
        "said",
    );
    a.attribution(
        "Daniel Salisbury, a visiting research fellow at King's College London, said",
        "Daniel Salisbury",
        "Daniel Salisbury",
        "said",
    );
    a.figure(Fig {
        words: "approximately 6,700 containers",
        value: 6700.0,
        unit: "container",
        subject: nk,
        object: ru,
        measure: "containers shipped",
        time: Some((
            "Since August 2023",
            TimeKind::Since,
            "2023-08-01",
            "2023-08-31",
        )),
        ..FIG
    });
    a.figure(Fig {
        words: "over 10,000 containers",
        value: 10000.0,
        unit: "container",
        subject: nk,
        object: ru,
        measure: "containers of munitions delivered",
        attribution: Some("US State Department"),
        ..FIG
    });
    a.figure(Fig {
        words: "over $300 million",
        value: 300e6,
        kind: QuantityKind::Money,
        unit: "USD",
        per: Some("month"),
        subject: cn,
        object: ru,
        measure: "exports of dual-use products",
        ..FIG
    });
    a.figure(Fig {
        words: "over $600 million",
        value: 600e6,
        kind: QuantityKind::Money,
        unit: "USD",
        subject: cn,
        object: ru,
        measure: "peak dual-use exports",
        time: Some(("December 2023", TimeKind::Point, "2023-12-01", "2023-12-31")),
        ..FIG
    });

    let text = format!("{B1}\n{B2}\n{B3}");
    let mut b = Builder::new("doc-b", "b_paper.txt", Some("2024-06-21"), &text);
    for s in [B1, B2, B3] {
        b.sentence(s);
    }
    countries(&mut b);
    b.mention(
        "State Department",
        "US State Department",
        EntityType::GovernmentBody,
    );
    b.mention("Putin", "Vladimir Putin", EntityType::Person);
    b.mention("Kim", "Kim Jong Un", EntityType::Person);
    b.attribution(
        "the State Department said",
        "State Department",
        "US State Department",
        "said",
    );
    b.figure(Fig {
        words: "more than 11,000 containers",
        value: 11000.0,
        unit: "container",
        subject: nk,
        object: ru,
        measure: "containers of ammunition transferred",
        attribution: Some("State Department"),
        ..FIG
    });
    b.figure(Fig {
        words: "$240 billion",
        value: 240e9,
        kind: QuantityKind::Money,
        unit: "USD",
        subject: cn,
        object: ru,
        measure: "trade",
        time: Some(("2023", TimeKind::Point, "2023-01-01", "2023-12-31")),
        ..FIG
    });

    let text = format!("{C1} {C2}");
    let mut c = Builder::new("doc-c", "c_notes.txt", None, &text);
    for s in [C1, C2] {
        c.sentence(s);
    }
    countries(&mut c);
    c.figure(Fig {
        words: "$240.1 billion",
        value: 240.1e9,
        kind: QuantityKind::Money,
        unit: "USD",
        subject: cn,
        object: ru,
        measure: "bilateral trade",
        time: Some(("2023", TimeKind::Point, "2023-01-01", "2023-12-31")),
        ..FIG
    });

    vec![a.finish(), b.finish(), c.finish()]
}
