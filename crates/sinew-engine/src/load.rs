//! Load: the reduce side of a run spread over many processes or machines.
//!
//! The map step (`sinew extract --annotate`, run anywhere, as often as wanted, with no store
//! and no shared state) turns inputs into records, each a [`Document`] with its
//! [`Annotations`]. [`Engine::load`] stores such records as ingest stores what it reads: in
//! input order, one transaction a batch, near-duplicates linked against everything stored
//! before and everything loaded earlier in the run (the map step could only see its own
//! share), then the same analysis and alerts. A record of a document already stored is passed
//! over, so loading the same records twice stores them once.
//!
//! A record is checked before it is stored, since it comes from outside the process: its `id`
//! must be the content id of its text, its fingerprint (when it gives one) the one sinew
//! computes for that text, and every span of its annotations must fall inside the text on
//! character boundaries. A record that fails is an error naming it; the others are stored.
//! The document's near-duplicate link is never taken from the record (the map step knew only
//! its own part of the input): it is found again here. A record without annotations (plain
//! `sinew extract` output) is annotated here, as ingest would.

use std::time::Instant;

use sinew_ingest::{ErrorKind, IngestError};
use sinew_types::{Annotations, Document, Span};

use crate::{Engine, EngineError, IngestOptions, IngestSummary};

/// One record of the map step: a document (clean text and metadata) and, when the map step
/// annotated it, its annotations.
#[derive(Debug, Clone)]
pub struct MapRecord {
    /// The document as extraction made it. `fingerprint` is what the record gave (`None`
    /// when it gave none: it is computed then); `duplicate_of` is ignored.
    pub doc: Document,
    /// Whether the record stated a fingerprint, and so whether `doc.fingerprint` must match
    /// the text's.
    pub states_fingerprint: bool,
    /// The annotations [`crate::annotate`] gave the document, when the map step ran it.
    pub annotations: Option<Annotations>,
}

/// One input of [`Engine::load`]: a name for progress and the run record, its size, and its
/// records in order (an `Err` is a record that could not be read, naming it; reading goes on).
pub struct LoadInput<'a> {
    /// The input's name (a file name).
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its records, read lazily.
    pub records: Box<dyn Iterator<Item = Result<MapRecord, IngestError>> + 'a>,
}

impl Engine {
    /// Stores the records of a map step, input by input and record by record in order: see
    /// the module documentation. `opts.published` is not used (records carry their dates);
    /// `opts.threads` neither (annotation happened in the map step).
    pub fn load(
        &self,
        inputs: Vec<LoadInput<'_>>,
        opts: &IngestOptions,
    ) -> Result<IngestSummary, EngineError> {
        let start = Instant::now();
        let mut summary = IngestSummary::default();
        let raise = self.raises(opts)?;
        let mut batch = crate::ingest::Batch::new(opts, raise);
        let write = |summary: &mut IngestSummary| -> Result<(), EngineError> {
            for input in inputs {
                for item in input.records {
                    let record = match item {
                        Ok(record) => record,
                        Err(e) => {
                            summary.errors.push(e);
                            continue;
                        }
                    };
                    let (doc, ann) = match checked(record) {
                        Ok(checked) => checked,
                        Err(why) => {
                            summary.errors.push(IngestError::new(
                                input.name.clone(),
                                ErrorKind::BadRecord(why),
                            ));
                            continue;
                        }
                    };
                    summary.documents += 1;
                    let ann = if self.store.contains(&doc.id)? {
                        None
                    } else {
                        Some(ann.unwrap_or_else(|| crate::annotate(&doc)))
                    };
                    batch.add(self, summary, doc, ann)?;
                }
                summary.files += 1;
                summary.bytes += input.bytes;
            }
            batch.flush(self, summary)
        };
        let written = write(&mut summary);
        // What the store committed is searchable even when the load stopped on an error.
        batch.commit_index(self, &mut summary);
        written?;
        if opts.analyse {
            self.raise_alerts(&mut summary, raise, batch.feed.take())?;
        }
        summary.elapsed = start.elapsed();
        self.record_run(&mut summary, opts);
        Ok(summary)
    }
}

/// The document and annotations of a record that passes the checks of the module
/// documentation, its fingerprint recomputed and its near-duplicate link cleared; else what
/// is wrong with it, naming the document.
fn checked(record: MapRecord) -> Result<(Document, Option<Annotations>), String> {
    let MapRecord {
        mut doc,
        states_fingerprint,
        annotations,
    } = record;
    let name = doc.source.clone();
    let id = sinew_ingest::doc_id(&doc.text);
    if id != doc.id {
        return Err(format!(
            "record of {name}: its id {} is not the content id of its text ({id})",
            doc.id
        ));
    }
    let fingerprint = sinew_ingest::fingerprint(&doc.text);
    if states_fingerprint && doc.fingerprint != fingerprint {
        return Err(format!(
            "record of {name} ({id}): its fingerprint is not the one of its text (written by \
             another version of sinew?)"
        ));
    }
    doc.fingerprint = fingerprint;
    doc.duplicate_of = None;
    if let Some(ann) = &annotations {
        spans_fit(&doc, ann).map_err(|why| format!("record of {name} ({id}): {why}"))?;
    }
    Ok((doc, annotations))
}

/// Whether every span of `ann` lies inside the document's text on character boundaries, and
/// every claim is the document's own.
fn spans_fit(doc: &Document, ann: &Annotations) -> Result<(), String> {
    let text = &doc.text;
    let mut spans: Vec<(&str, Span)> = Vec::new();
    spans.extend(ann.sentences.iter().map(|s| ("sentence", s.span)));
    spans.extend(ann.mentions.iter().map(|m| ("entity", m.span)));
    spans.extend(ann.quantities.iter().map(|q| ("quantity", q.span)));
    spans.extend(ann.times.iter().map(|t| ("time", t.span)));
    for a in &ann.attributions {
        spans.push(("attribution", a.span));
        spans.push(("attribution source", a.source_span));
    }
    for c in &ann.claims {
        if c.doc != doc.id {
            return Err(format!("a claim names another document, {}", c.doc));
        }
        spans.push(("claim", c.span));
        spans.push(("claim sentence", c.sentence));
        spans.push(("claim quantity", c.quantity.span));
        spans.extend(c.time.iter().map(|t| ("claim time", t.span)));
        spans.extend(c.restates.iter().map(|r| ("claim restates", *r)));
        spans.extend(c.changed_to.iter().map(|r| ("claim changed to", *r)));
    }
    spans.extend(
        ann.diagnostics
            .iter()
            .filter_map(|d| d.span.map(|s| ("diagnostic", s))),
    );
    spans.extend(ann.descriptions.iter().map(|d| ("description", d.span)));
    for e in &ann.events {
        spans.push(("event trigger", e.trigger));
        spans.push(("event sentence", e.sentence));
        for actor in e.source.iter().chain(&e.target) {
            spans.push(("event actor", actor.span));
        }
    }
    for (what, span) in spans {
        if span.start > span.end || text.get(span.start..span.end).is_none() {
            return Err(format!(
                "its {what} span {}-{} is not inside its text of {} bytes on character \
                 boundaries",
                span.start,
                span.end,
                text.len()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> MapRecord {
        let doc = Document {
            id: sinew_ingest::doc_id(text),
            source: "a.txt".to_string(),
            url: None,
            title: None,
            author: None,
            published: None,
            site: None,
            lang: Some("en".to_string()),
            text: text.to_string(),
            fingerprint: None,
            duplicate_of: None,
        };
        let annotations = Some(crate::annotate(&doc));
        MapRecord {
            doc,
            states_fingerprint: false,
            annotations,
        }
    }

    const TEXT: &str = "Ruritania sold 40 tanks to Freedonia in March 2021, the ministry said.";

    #[test]
    fn a_record_made_by_the_map_step_passes() {
        let (doc, ann) = checked(record(TEXT)).unwrap();
        assert_eq!(doc.fingerprint, sinew_ingest::fingerprint(TEXT));
        assert!(!ann.unwrap().quantities.is_empty());
    }

    #[test]
    fn a_record_whose_id_is_not_its_texts_is_refused() {
        let mut r = record(TEXT);
        r.doc.id = sinew_types::DocId("0123456789abcdef".to_string());
        let err = checked(r).unwrap_err();
        assert!(err.contains("a.txt") && err.contains("content id"), "{err}");
    }

    #[test]
    fn a_stated_fingerprint_must_be_the_texts() {
        let long = "word ".repeat(20) + &"other words here and more ".repeat(20);
        let mut r = record(&long);
        r.states_fingerprint = true;
        r.doc.fingerprint = Some(sinew_types::Fingerprint(vec![1; 64]));
        assert!(checked(r).unwrap_err().contains("fingerprint"));
        let mut r = record(&long);
        r.states_fingerprint = true;
        r.doc.fingerprint = sinew_ingest::fingerprint(&long);
        assert!(r.doc.fingerprint.is_some());
        assert!(checked(r).is_ok());
    }

    #[test]
    fn a_span_outside_the_text_or_inside_a_character_is_refused() {
        let mut r = record(TEXT);
        let ann = r.annotations.as_mut().unwrap();
        ann.quantities[0].span = Span {
            start: 3,
            end: TEXT.len() + 1,
        };
        assert!(checked(r).unwrap_err().contains("quantity span"));

        let text = "Zoë said 12 ships left.";
        let mut r = record(text);
        let ann = r.annotations.as_mut().unwrap();
        // Inside the two bytes of "ë".
        ann.sentences[0].span = Span { start: 0, end: 3 };
        assert!(checked(r).unwrap_err().contains("sentence span"));
    }

    #[test]
    fn a_claim_of_another_document_is_refused() {
        let mut r = record(TEXT);
        let ann = r.annotations.as_mut().unwrap();
        assert!(!ann.claims.is_empty());
        ann.claims[0].doc = sinew_types::DocId("fedcba9876543210".to_string());
        assert!(checked(r).unwrap_err().contains("another document"));
    }

    #[test]
    fn the_map_steps_near_duplicate_link_is_not_kept() {
        let mut r = record(TEXT);
        r.doc.duplicate_of = Some(sinew_types::DocId("fedcba9876543210".to_string()));
        assert_eq!(checked(r).unwrap().0.duplicate_of, None);
    }
}
