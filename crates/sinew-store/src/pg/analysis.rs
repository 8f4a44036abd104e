//! The PostgreSQL side of [`AnalysisStore`]: the same tables and answers as
//! `sqlite/analysis.rs`. Sets of keys go to the server as one array each (`= ANY($1)`), one
//! round trip per call rather than one per key; claims with their words are read a document at
//! a time, its text once.

use std::collections::{BTreeMap, BTreeSet};

use postgres::Transaction;
use sinew_types::{Claim, DocId, SourceKind, Span};

use super::{by_doc, doc_text, insert_alerts, PgStore, R};
use crate::analysis::{
    AnalysisStore, AnalysisUpdate, BucketRow, ClaimPacks, ClaimQuote, ClaimWords, DocHeader,
    KeyedClaim,
};
use crate::codec::{parse_date, unpack_doc_claim_spans, unpack_doc_claims};
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
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM claim_buckets b WHERE NOT EXISTS \
                     (SELECT 1 FROM analysis_pending p WHERE p.seq = b.seq))",
                    &[],
                )?
                .try_get(0)?)
        })
    }

    fn claims_of_docs(&self, docs: &[DocId]) -> Result<Vec<KeyedClaim>, StoreError> {
        // In the order asked, each document's claims by ordinal.
        self.read(|tx| {
            let rows = tx.query(
                "SELECT d.seq, c.body FROM unnest($1::text[]) WITH ORDINALITY AS q(id, at) \
                 JOIN documents d ON d.id = q.id JOIN doc_claims c ON c.seq = d.seq \
                 ORDER BY q.at",
                &[&ids(docs)],
            )?;
            let mut out = Vec::new();
            for r in &rows {
                let seq: i64 = r.try_get(0)?;
                for (ord, claim) in unpack_doc_claims(1, r.try_get(1)?)?.into_iter().enumerate() {
                    out.push(keyed(seq, ord, claim));
                }
            }
            Ok(out)
        })
    }

    fn bucket_claims(&self, buckets: &[String]) -> Result<Vec<KeyedClaim>, StoreError> {
        self.bucket_claims_with(buckets, &mut ClaimPacks::default())
    }

    fn bucket_claims_with(
        &self,
        buckets: &[String],
        packs: &mut ClaimPacks,
    ) -> Result<Vec<KeyedClaim>, StoreError> {
        // Each document holding a claim of the buckets is unpacked once for all of them.
        self.read(|tx| {
            let rows = tx.query(
                "SELECT DISTINCT b.seq, b.ord FROM claim_buckets b WHERE b.bucket = ANY($1) \
                 ORDER BY b.seq, b.ord",
                &[&buckets],
            )?;
            let mut wanted: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
            for r in &rows {
                wanted.entry(r.try_get(0)?).or_default().push(r.try_get(1)?);
            }
            let mut out = Vec::new();
            for (seq, ords) in wanted {
                packs.with_claims(
                    seq,
                    || super::doc_claims(tx, seq),
                    |claims| {
                        for ord in ords {
                            let Ok(at) = usize::try_from(ord) else {
                                continue;
                            };
                            if let Some(claim) = claims.get(at) {
                                out.push(keyed(seq, at, claim.clone()));
                            }
                        }
                    },
                )?;
            }
            Ok(out)
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

    fn each_bucket_summary(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        // A state kept before v17 has no summary and is read whole; a store opened read-only
        // below v17 has no column at all.
        let rows = self.read(|tx| {
            let sql = if buckets_summarised(tx)? {
                "SELECT b.bucket, coalesce(nullif(b.summary, ''), b.state), b.summary IS NOT NULL \
                 FROM unnest($1::text[]) WITH ORDINALITY AS q(bucket, at) \
                 JOIN analysis_buckets b ON b.bucket = q.bucket ORDER BY q.at"
            } else {
                "SELECT b.bucket, b.state, false \
                 FROM unnest($1::text[]) WITH ORDINALITY AS q(bucket, at) \
                 JOIN analysis_buckets b ON b.bucket = q.bucket ORDER BY q.at"
            };
            let rows = tx.query(sql, &[&buckets])?;
            rows.iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
                .collect::<R<Vec<(String, String, bool)>>>()
        })?;
        for (key, text, summary) in rows {
            each(&key, text.as_bytes(), summary);
        }
        Ok(())
    }

    fn buckets_without_summary(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let sql = if buckets_summarised(tx)? {
                "SELECT bucket FROM analysis_buckets WHERE summary IS NULL ORDER BY bucket"
            } else {
                "SELECT bucket FROM analysis_buckets ORDER BY bucket"
            };
            let rows = tx.query(sql, &[])?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }

    fn put_bucket_summaries(
        &self,
        summaries: &[(String, Option<String>)],
    ) -> Result<usize, StoreError> {
        // A state that is its own summary keeps an empty one (`BucketRow::summary`).
        let (keys, texts): (Vec<&str>, Vec<&str>) = summaries
            .iter()
            .map(|(k, s)| (k.as_str(), s.as_deref().unwrap_or("")))
            .unzip();
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE analysis_buckets b SET summary = q.summary \
                 FROM unnest($1::text[], $2::text[]) AS q(bucket, summary) \
                 WHERE b.bucket = q.bucket AND b.summary IS NULL",
                &[&keys, &texts],
            )?;
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        })
    }

    fn redo_analysis(&self) -> Result<usize, StoreError> {
        self.write(|tx| {
            tx.batch_execute(
                "DELETE FROM analysis_flows;
                 DELETE FROM analysis_buckets;
                 DELETE FROM claim_buckets;
                 INSERT INTO analysis_pending (doc, seq) SELECT id, seq FROM documents \
                 ON CONFLICT DO NOTHING;",
            )?;
            let n: i64 = tx
                .query_one("SELECT COUNT(*) FROM analysis_pending", &[])?
                .try_get(0)?;
            Ok(usize::try_from(n).unwrap_or(0))
        })
    }

    fn bucket_keys(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let rows = tx.query("SELECT bucket FROM analysis_buckets ORDER BY bucket", &[])?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
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

    fn flow_buckets(&self, actor: &str) -> Result<Vec<String>, StoreError> {
        // A flow's id is `FROM->TO:KIND` (see the SQLite store): from the actor, it starts
        // with `actor->`; to it, it holds `->actor:`.
        let (from, to) = (format!("{actor}->"), format!("->{actor}:"));
        self.read(|tx| {
            let rows = tx.query(
                "SELECT DISTINCT bucket FROM analysis_flows \
                 WHERE strpos(flow, $1) = 1 OR strpos(flow, $2) > 0 ORDER BY bucket",
                &[&from, &to],
            )?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }

    fn ties(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            tx.query(
                "SELECT t.ties FROM analysis_ties t JOIN documents d ON d.id = t.doc \
                 WHERE NOT EXISTS (SELECT 1 FROM analysis_pending p WHERE p.doc = t.doc) \
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
                |body| Ok(unpack_doc_claims(0, body)?),
                |claim, doc, ord| {
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
        // From the spans ahead of the claims' JSON, decoding no claim, as in SQLite.
        self.read(|tx| {
            per_claim(
                tx,
                refs,
                |body| Ok(unpack_doc_claim_spans(0, body)?),
                |span, doc, ord| {
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
        "INSERT INTO claim_buckets (bucket, seq, ord) \
         SELECT q.bucket, d.seq, q.ord FROM unnest($1::text[], $2::text[], $3::int8[]) \
         AS q(bucket, doc, ord) JOIN documents d ON d.id = q.doc ON CONFLICT DO NOTHING",
        &[&buckets, &docs, &ords],
    )?;
    let last: BTreeMap<&str, &BucketRow> = update
        .buckets
        .iter()
        .map(|b| (b.bucket.as_str(), b))
        .collect();
    let keys: Vec<&str> = last.keys().copied().collect();
    let states: Vec<&str> = last.values().map(|b| b.state.as_str()).collect();
    // A state that is its own summary keeps an empty one (`BucketRow::summary`).
    let summaries: Vec<&str> = last
        .values()
        .map(|b| b.summary.as_deref().unwrap_or(""))
        .collect();
    tx.execute(
        "INSERT INTO analysis_buckets (bucket, state, summary) \
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) \
         ON CONFLICT (bucket) DO UPDATE SET state = excluded.state, summary = excluded.summary",
        &[&keys, &states, &summaries],
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

/// A claim with its document's seq and its ordinal.
fn keyed(seq: i64, ord: usize, claim: Claim) -> KeyedClaim {
    KeyedClaim {
        seq,
        ord: u32::try_from(ord).unwrap_or(u32::MAX),
        claim,
    }
}

/// The document a claim row is read with.
struct ClaimDoc<'a> {
    seq: i64,
    source: &'a str,
    text: &'a str,
}

/// One value per reference (`None` where the claim is not stored), built by `build` from
/// what `unpack` gives of its document's packed claims (a claim, or its span) and ordinal;
/// one document at a time, its text read and its claims unpacked once.
fn per_claim<T: Clone, C>(
    tx: &mut Transaction<'_>,
    refs: &[(DocId, u32)],
    unpack: impl Fn(&[u8]) -> R<Vec<C>>,
    mut build: impl FnMut(C, &ClaimDoc<'_>, u32) -> R<T>,
) -> R<Vec<Option<T>>> {
    let doc_stmt = tx.prepare(
        "SELECT d.seq, d.source, d.text, c.body FROM documents d \
         LEFT JOIN doc_claims c ON c.seq = d.seq WHERE d.id = $1",
    )?;
    let mut out: Vec<Option<T>> = vec![None; refs.len()];
    for (doc, mut wanted) in by_doc(refs) {
        let Some(row) = tx.query_opt(&doc_stmt, &[&doc.0])? else {
            continue;
        };
        let (seq, source, text): (i64, String, String) =
            (row.try_get(0)?, row.try_get(1)?, doc_text(&row, 2)?);
        let claims = match row.try_get::<_, Option<&[u8]>>(3)? {
            Some(body) => unpack(body)?,
            None => Vec::new(),
        };
        let at = ClaimDoc {
            seq,
            source: &source,
            text: &text,
        };
        wanted.sort_unstable();
        for (ord, claim) in claims.into_iter().enumerate() {
            let Ok(ord) = u32::try_from(ord) else {
                break;
            };
            let from = wanted.partition_point(|(o, _)| *o < ord);
            let slots = &wanted[from..from + wanted[from..].partition_point(|(o, _)| *o == ord)];
            let Some(((_, first), rest)) = slots.split_first() else {
                continue;
            };
            let value = build(claim, &at, ord)?;
            for (_, i) in rest {
                out[*i] = Some(value.clone());
            }
            out[*first] = Some(value);
        }
    }
    Ok(out)
}

/// Whether `analysis_buckets` keeps summaries (`schema::BUCKET_SUMMARIES`, v17): a store
/// opened read-only at an older version has the states without them.
fn buckets_summarised(tx: &mut Transaction<'_>) -> R<bool> {
    Ok(tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = \
             current_schema() AND table_name = 'analysis_buckets' AND column_name = 'summary')",
            &[],
        )?
        .get(0))
}
