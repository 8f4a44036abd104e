//! Tests of the codecs: packed values read back exactly, and damaged ones are errors.

use super::*;
use sinew_types::{DocId, Modality, QuantityKind, Span};

fn figure(value: f64, value_max: Option<f64>) -> Quantity {
    Quantity {
        span: Span::new(4, 9),
        text: "about 3 tonnes".into(),
        value,
        value_max,
        unit: Some("t".into()),
        kind: QuantityKind::Measure,
        qualifier: Some("about".into()),
        per: None,
        vague: false,
    }
}

#[test]
fn packed_annotations_give_back_every_figure_bit_for_bit() {
    let ann = Annotations {
        quantities: vec![
            figure(0.1 + 0.2, Some(f64::INFINITY)),
            figure(f64::NAN, None),
            figure(-0.0, Some(1e-310)),
        ],
        ..Annotations::default()
    };
    let packed = unpack_annotations(&pack_annotations(&ann)).expect("unpack");
    let bits: Vec<(u64, Option<u64>)> = packed
        .quantities
        .iter()
        .map(|q| (q.value.to_bits(), q.value_max.map(f64::to_bits)))
        .collect();
    let want: Vec<(u64, Option<u64>)> = ann
        .quantities
        .iter()
        .map(|q| (q.value.to_bits(), q.value_max.map(f64::to_bits)))
        .collect();
    assert_eq!(bits, want);
    assert_eq!(packed.quantities[0].text, "about 3 tonnes");
}

#[test]
fn packed_texts_read_back_and_cuts_follow_what_sql_cut() {
    let text = "Zürich said 5% more — in 2024.";
    let packed = pack_doc_text(text);
    assert_eq!(packed[0], PACKED_TEXT_DEFLATE);
    assert_eq!(unpack_text(&packed).as_deref(), Ok(text));
    assert!(unpack_text(&packed[..packed.len() / 2]).is_err());
    assert!(unpack_text(&[7, 1, 2]).is_err());
    // As `substr` of the text as a BLOB: what lies past the end is left off, a character
    // cut in two reads as U+FFFD, and an empty or inverted span gives nothing.
    assert_eq!(cut_lossy(text, 0, 7), "Zürich");
    assert_eq!(cut_lossy(text, 24, 400), " in 2024.");
    assert_eq!(cut_lossy(text, 0, 2), "Z\u{fffd}");
    assert_eq!(cut_lossy(text, 400, 500), "");
    assert_eq!(cut_lossy(text, 9, 3), "");
}

#[test]
fn damaged_packed_values_are_errors_not_panics() {
    let good = pack_annotations(&Annotations::default());
    for bad in [
        Vec::new(),
        vec![9, 1, 2],
        good[..good.len() / 2].to_vec(),
        [&[PACKED_DEFLATE_JSON][..], &[0xff; 40]].concat(),
    ] {
        assert!(unpack_annotations(&bad).is_err(), "{bad:?}");
    }
    let claim = Claim {
        doc: DocId("0123456789abcdef".into()),
        span: Span::new(4, 9),
        sentence: Span::new(0, 20),
        quantity: figure(3.0, None),
        subject: Some("Chile".into()),
        object: None,
        measure: "copper output".into(),
        time: None,
        attribution: None,
        modality: Modality::Asserted,
        kind: sinew_types::MeasureKind::Flow,
        restates: None,
        inferred: None,
        changed_to: None,
    };
    let body = pack_claim(&claim);
    assert_eq!(
        unpack_claim(0, &body, Some(3.0), None).expect("unpack"),
        claim
    );
    assert!(body.len() < claim_json(&claim).len() / 2, "{}", body.len());
    let mut huge = body.clone();
    huge[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
    for bad in [
        Vec::new(),
        vec![7],
        body[..3].to_vec(),
        body[..body.len() - 4].to_vec(),
        huge,
    ] {
        assert!(unpack_claim(0, &bad, None, None).is_err(), "{bad:?}");
    }
}

fn claim_with(figure_value: f64, max: Option<f64>, at: usize, subject: &str) -> Claim {
    Claim {
        doc: DocId("0123456789abcdef".into()),
        span: Span::new(at, at + 5),
        sentence: Span::new(0, at + 20),
        quantity: figure(figure_value, max),
        subject: Some(subject.into()),
        object: None,
        measure: "copper output".into(),
        time: None,
        attribution: None,
        modality: Modality::Asserted,
        kind: sinew_types::MeasureKind::Flow,
        restates: None,
        inferred: None,
        changed_to: None,
    }
}

#[test]
fn a_document_s_packed_claims_give_back_claims_spans_and_figures_bit_for_bit() {
    let claims = vec![
        claim_with(0.1 + 0.2, Some(f64::INFINITY), 40, "Chile"),
        claim_with(f64::NAN, None, 4, "Peru"),
        claim_with(-0.0, Some(1e-310), 70, "chile"),
        // An upper bound that is NaN reads as none, as the REAL column gave it back.
        claim_with(2.5, Some(f64::NAN), 90, "Chile"),
    ];
    let body = pack_doc_claims(&claims).expect("pack");
    let back = unpack_doc_claims(0, &body).expect("unpack");
    let bits = |c: &[Claim]| -> Vec<(u64, Option<u64>)> {
        c.iter()
            .map(|c| {
                (
                    c.quantity.value.to_bits(),
                    c.quantity.value_max.map(f64::to_bits),
                )
            })
            .collect()
    };
    let mut want = bits(&claims);
    want[3].1 = None;
    assert_eq!(bits(&back), want);
    let text = |c: &Claim| {
        let mut c = c.clone();
        c.quantity.value = 0.0;
        c.quantity.value_max = None;
        c
    };
    assert_eq!(
        back.iter().map(text).collect::<Vec<_>>(),
        claims.iter().map(text).collect::<Vec<_>>()
    );
    let spans: Vec<Span> = claims.iter().map(|c| c.span).collect();
    assert_eq!(unpack_doc_claim_spans(0, &body).expect("spans"), spans);
    // A document's claims together pack smaller than each alone.
    let alone: usize = claims.iter().map(|c| pack_claim(c).len()).sum();
    assert!(body.len() < alone, "{} of {alone}", body.len());
    let counts = claim_key_counts(&claims);
    assert_eq!(
        counts
            .iter()
            .map(|(k, n)| (k.as_str(), *n))
            .collect::<Vec<_>>(),
        [("chile", 3), ("peru", 1)]
    );
    // A claim whose subject and object are one party (in any case) counts once under it.
    let mut both = claim_with(1.0, None, 4, "Peru");
    both.object = Some("PERU".into());
    let mut other = claim_with(1.0, None, 9, "Peru");
    other.object = Some("Chile".into());
    let counts = claim_key_counts(&[both, other]);
    assert_eq!(
        counts
            .iter()
            .map(|(k, n)| (k.as_str(), *n))
            .collect::<Vec<_>>(),
        [("chile", 1), ("peru", 2)]
    );
    assert!(claim_has_key(&claims[2], "chile") && !claim_has_key(&claims[1], "chile"));
    let none = pack_doc_claims(&[]).expect("none");
    assert!(unpack_doc_claims(0, &none).expect("unpack none").is_empty());
}

#[test]
fn damaged_or_unpackable_document_claims_are_errors_not_panics() {
    let body = pack_doc_claims(&[claim_with(3.0, None, 4, "Chile")]).expect("pack");
    for bad in [
        Vec::new(),
        vec![7],
        body[..body.len() / 2].to_vec(),
        [&[DOC_CLAIMS_DEFLATE][..], &[0xff; 40]].concat(),
    ] {
        assert!(unpack_doc_claims(0, &bad).is_err(), "{bad:?}");
        assert!(unpack_doc_claim_spans(0, &bad).is_err(), "{bad:?}");
    }
    // A count the bytes cannot hold: refused before anything is read past the end.
    let mut raw = 1_000_000u32.to_le_bytes().to_vec();
    raw.extend_from_slice(b"[]");
    let mut lying = vec![DOC_CLAIMS_DEFLATE];
    {
        use std::io::Write;
        let mut enc = flate2::write::DeflateEncoder::new(&mut lying, flate2::Compression::fast());
        enc.write_all(&raw).expect("deflate");
        enc.finish().expect("deflate");
    }
    assert!(unpack_doc_claims(0, &lying).is_err());
    assert!(unpack_doc_claim_spans(0, &lying).is_err());
    let far = claim_with(3.0, None, u32::MAX as usize, "Chile");
    assert!(pack_doc_claims(&[far]).is_err());
    let events = pack_doc_events(&[]).expect("pack");
    assert!(unpack_doc_events(0, &events).expect("unpack").is_empty());
    assert!(unpack_doc_events(0, &events[..1]).is_err());
    assert!(unpack_doc_events(0, &[9, 1]).is_err());
}
