//! The PostgreSQL side of [`AnalysisStore`]: the same tables and answers as
//! `sqlite/analysis.rs`. Sets of keys go to the server as one array each (`= ANY($1)`), one
//! round trip per call rather than one per key; claims with their words are read a document at
//! a time, its text once.

use std::collections::{BTreeMap, BTreeSet};

use postgres::{Row, Transaction};
use sinew_types::{DocId, SourceKind, Span};

use super::{by_doc, claim_from_row, doc_text, insert_alerts, size, PgStore, R};
use crate::analysis::{
    AnalysisStore, AnalysisUpdate, BucketRow, ClaimQuote, ClaimWords, DocHeader, KeyedClaim,
};
use crate::codec::parse_date;
use crate::sqlite::now;
use crate::StoreError;

fn ids(docs: &[DocId]) -> Vec<&str> {
    docs.iter().map(|d| d.0.as_str()).collect()
}

impl AnalysisStore for PgStore {
    fn pending(&self) -> Result<Vec<DocId>, StoreError> {
        self.read(|tx| {
            tx.query("SELECT doc FROM analysis_pending ORDER BY seq", &[])?
                .iter()
                .map(|r| Ok(DocId(r.try_get(0)?)))
                .collect()
        })
    }

    fn has_analysed(&self) -> Result<bool, StoreError> {
        self.read(|tx| {
            Ok(tx
                .query_one("SELECT EXISTS (SELECT 1 FROM claim_buckets)", &[])?
                .try_get(0)?)
        })
    }

    fn claims_of_docs(&self, docs: &[DocId]) -> Result<Vec<KeyedClaim>, StoreError> {
        // In the order asked, each document's claims by ordinal.
        self.read(|tx| {
            let rows = tx.query(
                "SELECT d.seq, c.ord, c.body, c.value, c.value_max \
                 FROM unnest($1::text[]) WITH ORDINALITY AS q(id, at) \
                 JOIN documents d ON d.id = q.id JOIN claims c ON c.seq = d.seq \
                 ORDER BY q.at, c.ord",
                &[&ids(docs)],
            )?;
            rows.iter().map(keyed_from_row).collect()
        })
    }

    fn bucket_claims(&self, buckets: &[String]) -> Result<Vec<KeyedClaim>, StoreError> {
        self.read(|tx| {
            let rows = tx.query(
                "SELECT d.seq, c.ord, c.body, c.value, c.value_max \
                 FROM unnest($1::text[]) WITH ORDINALITY AS q(bucket, at) \
                 JOIN claim_buckets b ON b.bucket = q.bucket \
                 JOIN documents d ON d.id = b.doc \
                 JOIN claims c ON c.seq = d.seq AND c.ord = b.ord ORDER BY q.at, b.doc, b.ord",
                &[&buckets],
            )?;
            rows.iter().map(keyed_from_row).collect()
        })
    }

    fn doc_headers(&self, docs: &[DocId]) -> Result<Vec<DocHeader>, StoreError> {
        self.read(|tx| {
            let rows = tx.query(
                "SELECT d.id, d.source, d.published, d.duplicate_of, k.kind \
                 FROM unnest($1::text[]) WITH ORDINALITY AS q(id, at) \
                 JOIN documents d ON d.id = q.id \
                 LEFT JOIN document_kinds k ON k.doc = d.id ORDER BY q.at",
                &[&ids(docs)],
            )?;
            rows.iter()
                .map(|r| {
                    Ok(DocHeader {
                        id: DocId(r.try_get(0)?),
                        source: r.try_get(1)?,
                        published: parse_date(2, r.try_get(2)?)?,
                        duplicate_of: r.try_get::<_, Option<String>>(3)?.map(DocId),
                        // A kind this build does not know reads as unknown, as in SQLite.
                        kind: r
                            .try_get::<_, Option<String>>(4)?
                            .as_deref()
                            .and_then(SourceKind::parse),
                    })
                })
                .collect()
        })
    }

    fn bucket_states(
        &self,
        buckets: Option<&[String]>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        self.read(|tx| {
            let rows = match buckets {
                None => tx.query(
                    "SELECT bucket, state FROM analysis_buckets ORDER BY bucket",
                    &[],
                )?,
                Some(keys) => tx.query(
                    "SELECT b.bucket, b.state FROM unnest($1::text[]) WITH ORDINALITY \
                     AS q(bucket, at) JOIN analysis_buckets b ON b.bucket = q.bucket \
                     ORDER BY q.at",
                    &[&keys],
                )?,
            };
            rows.iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect()
        })
    }

    fn flows_outside(
        &self,
        flows: &[String],
        buckets: &[String],
    ) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let rows = tx.query(
                "SELECT DISTINCT flow FROM analysis_flows \
                 WHERE flow = ANY($1) AND NOT (bucket = ANY($2))",
                &[&flows, &buckets],
            )?;
            let shown: BTreeSet<String> = rows
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
            Ok(flows
                .iter()
                .filter(|f| shown.contains(f.as_str()))
                .cloned()
                .collect())
        })
    }

    fn ties(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            tx.query(
                "SELECT t.ties FROM analysis_ties t JOIN documents d ON d.id = t.doc \
                 ORDER BY d.seq",
                &[],
            )?
            .iter()
            .map(|r| Ok(r.try_get(0)?))
            .collect()
        })
    }

    fn claim_words(&self, refs: &[(DocId, u32)]) -> Result<Vec<Option<ClaimWords>>, StoreError> {
        self.read(|tx| {
            per_claim(
                tx,
                refs,
                "SELECT ord, body, value, value_max FROM claims WHERE seq = $1 ORDER BY ord",
                |r, doc, ord| {
                    let claim = claim_from_row(r, 1)?;
                    Ok(ClaimWords {
                        seq: doc.seq,
                        ord,
                        quote: claim.span.slice(doc.text).unwrap_or_default().to_string(),
                        sentence: claim
                            .sentence
                            .slice(doc.text)
                            .unwrap_or_default()
                            .to_string(),
                        source: doc.source.to_string(),
                        claim,
                    })
                },
            )
        })
    }

    fn claim_quotes(&self, refs: &[(DocId, u32)]) -> Result<Vec<Option<ClaimQuote>>, StoreError> {
        // From the span columns, decoding no claim, as in SQLite.
        self.read(|tx| {
            per_claim(
                tx,
                refs,
                "SELECT ord, span_start, span_end FROM claims WHERE seq = $1 ORDER BY ord",
                |r, doc, ord| {
                    let span = Span::new(size(r, 1)?, size(r, 2)?);
                    Ok(ClaimQuote {
                        seq: doc.seq,
                        ord,
                        span,
                        source: doc.source.to_string(),
                        quote: span.slice(doc.text).unwrap_or_default().to_string(),
                    })
                },
            )
        })
    }

    fn span_words(
        &self,
        spans: &[(DocId, Span)],
    ) -> Result<Vec<Option<(String, String)>>, StoreError> {
        // Each document's text is read once; a span past the text or cutting a character in
        // two gives empty words, as `Span::slice` does.
        self.read(|tx| {
            let docs: Vec<&str> = spans.iter().map(|(d, _)| d.0.as_str()).collect();
            let rows = tx.query(
                "SELECT DISTINCT id, source, text FROM documents WHERE id = ANY($1)",
                &[&docs],
            )?;
            let mut texts = std::collections::HashMap::new();
            for r in &rows {
                let id: String = r.try_get(0)?;
                let source: String = r.try_get(1)?;
                let text = doc_text(r, 2)?;
                texts.insert(id, (source, text));
            }
            Ok(spans
                .iter()
                .map(|(doc, span)| {
                    texts.get(&doc.0).map(|(source, text)| {
                        (
                            source.clone(),
                            span.slice(text).unwrap_or_default().to_string(),
                        )
                    })
                })
                .collect())
        })
    }

    fn commit_analysis(&self, update: &AnalysisUpdate) -> Result<usize, StoreError> {
        self.write(|tx| commit(tx, update))
    }
}

fn commit(tx: &mut Transaction<'_>, update: &AnalysisUpdate) -> R<usize> {
    // Each table's rows go as arrays, one statement each (a run's claim buckets are one row
    // per claim analysed). Where the update names a key twice the last one counts, as rows
    // replaced one at a time would leave it.
    let (buckets, docs, ords): (Vec<&str>, Vec<&str>, Vec<i64>) = update
        .claim_buckets
        .iter()
        .map(|(b, d, o)| (b.as_str(), d.0.as_str(), i64::from(*o)))
        .fold(Default::default(), |(mut b, mut d, mut o), (x, y, z)| {
            b.push(x);
            d.push(y);
            o.push(z);
            (b, d, o)
        });
    tx.execute(
        "INSERT INTO claim_buckets (bucket, doc, ord) \
         SELECT * FROM unnest($1::text[], $2::text[], $3::int8[]) ON CONFLICT DO NOTHING",
        &[&buckets, &docs, &ords],
    )?;
    let last: BTreeMap<&str, &BucketRow> = update
        .buckets
        .iter()
        .map(|b| (b.bucket.as_str(), b))
        .collect();
    let keys: Vec<&str> = last.keys().copied().collect();
    let states: Vec<&str> = last.values().map(|b| b.state.as_str()).collect();
    tx.execute(
        "INSERT INTO analysis_buckets (bucket, state) \
         SELECT * FROM unnest($1::text[], $2::text[]) \
         ON CONFLICT (bucket) DO UPDATE SET state = excluded.state",
        &[&keys, &states],
    )?;
    tx.execute(
        "DELETE FROM analysis_flows WHERE bucket = ANY($1)",
        &[&keys],
    )?;
    let (flows, holders): (Vec<&str>, Vec<&str>) = last
        .values()
        .flat_map(|b| b.flows.iter().map(|f| (f.as_str(), b.bucket.as_str())))
        .unzip();
    tx.execute(
        "INSERT INTO analysis_flows (flow, bucket) \
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
        &[&flows, &holders],
    )?;
    let ties: BTreeMap<&str, &str> = update
        .ties
        .iter()
        .map(|(d, t)| (d.0.as_str(), t.as_str()))
        .collect();
    let (tie_docs, tie_values): (Vec<&str>, Vec<&str>) = ties.into_iter().unzip();
    tx.execute(
        "INSERT INTO analysis_ties (doc, ties) SELECT * FROM unnest($1::text[], $2::text[]) \
         ON CONFLICT (doc) DO UPDATE SET ties = excluded.ties",
        &[&tie_docs, &tie_values],
    )?;
    let added = insert_alerts(tx, &update.alerts, &now())?;
    let kinds: BTreeMap<&str, &str> = update
        .kinds
        .iter()
        .map(|(d, k)| (d.0.as_str(), k.as_str()))
        .collect();
    let (kind_docs, kind_values): (Vec<&str>, Vec<&str>) = kinds.into_iter().unzip();
    tx.execute(
        "INSERT INTO document_kinds (doc, kind) SELECT * FROM unnest($1::text[], $2::text[]) \
         ON CONFLICT (doc) DO UPDATE SET kind = excluded.kind",
        &[&kind_docs, &kind_values],
    )?;
    tx.execute(
        "DELETE FROM analysis_pending WHERE doc = ANY($1)",
        &[&ids(&update.done)],
    )?;
    Ok(added)
}

/// A claim row led by its document's seq and its ordinal.
fn keyed_from_row(r: &Row) -> R<KeyedClaim> {
    let ord: i64 = r.try_get(1)?;
    Ok(KeyedClaim {
        seq: r.try_get(0)?,
        ord: u32::try_from(ord).map_err(|_| super::Fail::Bad(format!("claim ordinal {ord}")))?,
        claim: claim_from_row(r, 2)?,
    })
}

/// The document a claim row is read with.
struct ClaimDoc<'a> {
    seq: i64,
    source: &'a str,
    text: &'a str,
}

/// One value per reference (`None` where the claim is not stored), built by `build` from the
/// row `claim_sql` (whose first column is `ord`, its parameter the document id) gives it; one
/// document at a time, its text read once.
fn per_claim<T: Clone>(
    tx: &mut Transaction<'_>,
    refs: &[(DocId, u32)],
    claim_sql: &str,
    mut build: impl FnMut(&Row, &ClaimDoc<'_>, u32) -> R<T>,
) -> R<Vec<Option<T>>> {
    let doc_stmt = tx.prepare("SELECT seq, source, text FROM documents WHERE id = $1")?;
    let claim_stmt = tx.prepare(claim_sql)?;
    let mut out: Vec<Option<T>> = vec![None; refs.len()];
    for (doc, mut wanted) in by_doc(refs) {
        let Some(row) = tx.query_opt(&doc_stmt, &[&doc.0])? else {
            continue;
        };
        let (seq, source, text): (i64, String, String) =
            (row.try_get(0)?, row.try_get(1)?, doc_text(&row, 2)?);
        let at = ClaimDoc {
            seq,
            source: &source,
            text: &text,
        };
        wanted.sort_unstable();
        for r in tx.query(&claim_stmt, &[&seq])? {
            let ord: i64 = r.try_get(0)?;
            let Ok(ord) = u32::try_from(ord) else {
                continue;
            };
            let from = wanted.partition_point(|(o, _)| *o < ord);
            let slots = &wanted[from..from + wanted[from..].partition_point(|(o, _)| *o == ord)];
            let Some(((_, first), rest)) = slots.split_first() else {
                continue;
            };
            let value = build(&r, &at, ord)?;
            for (_, i) in rest {
                out[*i] = Some(value.clone());
            }
            out[*first] = Some(value);
        }
    }
    Ok(out)
}
