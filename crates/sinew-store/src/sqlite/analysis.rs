//! The SQLite side of [`AnalysisStore`]: the tables of schema step 4 (`schema.rs`).
//!
//! Lookups go one key at a time through cached statements on primary keys: the sets asked
//! for are those one ingest touches, and a long `IN (...)` list would defeat statement
//! caching for no gain. Claims with their words are read a document at a time (the text
//! once, sliced here), which at 50,000 documents is several times faster than a lookup per
//! claim that copies the text out of SQLite each time.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::types::ValueRef;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use sinew_types::{Claim, DocId, SourceKind, Span};

use super::{doc_claims, now, SqliteStore};
use crate::analysis::{
    AnalysisStore, AnalysisUpdate, ClaimPacks, ClaimQuote, ClaimWords, DocHeader, KeyedClaim,
};
use crate::codec::{
    pack_text, parse_date, stored_bytes_into, stored_doc_text, stored_line_into, stored_text,
    unpack_doc_claim_spans, unpack_doc_claims,
};
use crate::StoreError;

impl AnalysisStore for SqliteStore {
    fn pending(&self) -> Result<Vec<DocId>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached("SELECT doc FROM analysis_pending ORDER BY seq")?
                .query_map([], |r| Ok(DocId(r.get(0)?)))?
                .collect()
        })
    }

    fn has_analysed(&self) -> Result<bool, StoreError> {
        self.read(|tx| {
            // A claim's document is found by seq (`documents`' unique index), its mark by id.
            tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM claim_buckets b WHERE NOT EXISTS \
                 (SELECT 1 FROM documents d JOIN analysis_pending p ON p.doc = d.id \
                 WHERE d.seq = b.seq))",
                [],
                |r| r.get(0),
            )
        })
    }

    fn claims_of_docs(&self, ids: &[DocId]) -> Result<Vec<KeyedClaim>, StoreError> {
        self.read(|tx| {
            let mut seq_of = tx.prepare_cached("SELECT seq FROM documents WHERE id = ?1")?;
            let mut out = Vec::new();
            for id in ids {
                let Some(seq) = seq_of.query_row([&id.0], |r| r.get(0)).optional()? else {
                    continue;
                };
                for (ord, claim) in doc_claims(tx, seq)?.into_iter().enumerate() {
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
        // Claims are packed a document at a time (v13): the buckets' references are gathered
        // first, then each document holding any is unpacked once for all of them. (A read
        // may be tried again: packs kept by a try are a document's claims all the same.)
        let packs = std::cell::RefCell::new(packs);
        self.read(|tx| {
            let mut stmt =
                tx.prepare_cached("SELECT seq, ord FROM claim_buckets WHERE bucket = ?1")?;
            let mut wanted: BTreeMap<i64, Vec<u32>> = BTreeMap::new();
            for key in buckets {
                for r in stmt.query_map([key], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
                    let (seq, ord) = r?;
                    wanted.entry(seq).or_default().push(ord);
                }
            }
            let mut out = Vec::new();
            for (seq, ords) in wanted {
                packs.borrow_mut().with_claims(
                    seq,
                    || doc_claims(tx, seq),
                    |claims| {
                        for ord in ords {
                            if let Some(claim) = claims.get(ord as usize) {
                                out.push(keyed(seq, ord as usize, claim.clone()));
                            }
                        }
                    },
                )?;
            }
            Ok(out)
        })
    }

    fn doc_headers(&self, ids: &[DocId]) -> Result<Vec<DocHeader>, StoreError> {
        self.read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT d.id, d.source, d.published, d.duplicate_of, k.kind FROM documents d \
                 LEFT JOIN document_kinds k ON k.doc = d.id WHERE d.id = ?1",
            )?;
            let mut out = Vec::new();
            for id in ids {
                let found = stmt
                    .query_row([&id.0], |r| {
                        Ok(DocHeader {
                            id: DocId(r.get(0)?),
                            source: r.get(1)?,
                            published: parse_date(2, r.get(2)?)?,
                            duplicate_of: r.get::<_, Option<String>>(3)?.map(DocId),
                            // A kind this build does not know reads as unknown: the next
                            // analysis of the document reads it again.
                            kind: r
                                .get::<_, Option<String>>(4)?
                                .as_deref()
                                .and_then(SourceKind::parse),
                        })
                    })
                    .optional()?;
                out.extend(found);
            }
            Ok(out)
        })
    }

    fn bucket_states(
        &self,
        buckets: Option<&[String]>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        self.read(|tx| {
            // States are packed (`codec::pack_text`); those written before v11 are texts.
            let row = |r: &Row<'_>| Ok((r.get(0)?, stored_text(1, r.get_ref(1)?)?));
            match buckets {
                None => tx
                    .prepare_cached("SELECT bucket, state FROM analysis_buckets ORDER BY bucket")?
                    .query_map([], row)?
                    .collect(),
                Some(keys) => {
                    let mut stmt = tx.prepare_cached(
                        "SELECT bucket, state FROM analysis_buckets WHERE bucket = ?1",
                    )?;
                    let mut out = Vec::new();
                    for key in keys {
                        out.extend(stmt.query_row([key], row).optional()?);
                    }
                    Ok(out)
                }
            }
        })
    }

    fn each_bucket_state(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8]),
    ) -> Result<(), StoreError> {
        // The values are read as stored (packed, a tenth of their text) in one transaction,
        // then unpacked one after the other into one buffer: a fresh text for each (several
        // MB for the largest) was most of what the kernel spent zeroing new pages for
        // `report`. (A read may be tried again on a changed snapshot, so nothing is handed
        // on inside it.)
        let stored: Vec<(usize, rusqlite::types::Value)> = self.read(|tx| {
            let mut stmt =
                tx.prepare_cached("SELECT state FROM analysis_buckets WHERE bucket = ?1")?;
            let mut out = Vec::with_capacity(buckets.len());
            for (i, key) in buckets.iter().enumerate() {
                let found = stmt
                    .query_row([key], |r| r.get::<_, rusqlite::types::Value>(0))
                    .optional()?;
                out.extend(found.map(|v| (i, v)));
            }
            Ok(out)
        })?;
        let mut buf = Vec::new();
        for (i, value) in stored {
            stored_bytes_into(0, ValueRef::from(&value), &mut buf).map_err(|e| self.fail(e))?;
            each(&buckets[i], &buf);
        }
        Ok(())
    }

    fn each_bucket_summary(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        self.summaries(buckets, false, each)
    }

    fn each_bucket_summary_head(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        self.summaries(buckets, true, each)
    }

    fn buckets_without_summary(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let sql = if buckets_summarised(tx)? {
                "SELECT bucket FROM analysis_buckets WHERE summary IS NULL ORDER BY bucket"
            } else {
                "SELECT bucket FROM analysis_buckets ORDER BY bucket"
            };
            tx.prepare_cached(sql)?
                .query_map([], |r| r.get(0))?
                .collect()
        })
    }

    fn put_bucket_summaries(
        &self,
        summaries: &[(String, Option<String>)],
    ) -> Result<usize, StoreError> {
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "UPDATE analysis_buckets SET summary = ?2 WHERE bucket = ?1 AND summary IS NULL",
            )?;
            let mut stored = 0;
            for (bucket, summary) in summaries {
                stored += stmt.execute(params![bucket, packed_summary(summary.as_deref())])?;
            }
            Ok(stored)
        })
    }

    fn redo_analysis(&self) -> Result<usize, StoreError> {
        self.write(|tx| {
            tx.execute_batch(
                "DELETE FROM analysis_flows;
                 DELETE FROM analysis_buckets;
                 DELETE FROM claim_buckets;
                 INSERT OR IGNORE INTO analysis_pending (doc, seq) SELECT id, seq FROM documents;",
            )?;
            tx.query_row("SELECT COUNT(*) FROM analysis_pending", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| usize::try_from(n).unwrap_or(0))
        })
    }

    fn bucket_keys(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached("SELECT bucket FROM analysis_buckets ORDER BY bucket")?
                .query_map([], |r| r.get(0))?
                .collect()
        })
    }

    fn flows_outside(
        &self,
        flows: &[String],
        buckets: &[String],
    ) -> Result<Vec<String>, StoreError> {
        let inside: BTreeSet<&str> = buckets.iter().map(String::as_str).collect();
        self.read(|tx| {
            let mut stmt =
                tx.prepare_cached("SELECT bucket FROM analysis_flows WHERE flow = ?1")?;
            let mut out = Vec::new();
            for flow in flows {
                let holders: Vec<String> = stmt
                    .query_map([flow], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                if holders.iter().any(|b| !inside.contains(b.as_str())) {
                    out.push(flow.clone());
                }
            }
            Ok(out)
        })
    }

    fn flow_buckets(&self, actor: &str) -> Result<Vec<String>, StoreError> {
        // A flow's id is `FROM->TO:KIND`, and no id holds `>` or `:` but those: the flows
        // from the actor are one range of the primary key (`actor->` up to `actor-?`, `?`
        // following `>`), those to it hold `->actor:`. The second needs a pass over the
        // index (one row per flow and bucket, some 100k at 100k articles: milliseconds).
        let (from, past) = (format!("{actor}->"), format!("{actor}-?"));
        let to = format!("->{actor}:");
        self.read(|tx| {
            tx.prepare_cached(
                "SELECT DISTINCT bucket FROM analysis_flows \
                 WHERE (flow >= ?1 AND flow < ?2) OR instr(flow, ?3) > 0 ORDER BY bucket",
            )?
            .query_map(params![from, past, to], |r| r.get(0))?
            .collect()
        })
    }

    fn ties(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            tx.prepare_cached(
                "SELECT t.ties FROM analysis_ties t JOIN documents d ON d.id = t.doc \
                 WHERE NOT EXISTS (SELECT 1 FROM analysis_pending p WHERE p.doc = t.doc) \
                 ORDER BY d.seq",
            )?
            .query_map([], |r| r.get(0))?
            .collect()
        })
    }

    fn claim_words(&self, refs: &[(DocId, u32)]) -> Result<Vec<Option<ClaimWords>>, StoreError> {
        self.read(|tx| {
            per_claim(
                tx,
                refs,
                |body| unpack_doc_claims(0, body),
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
        // The spans are read ahead of the claims' JSON, so no claim is decoded: the network
        // cites every claim of a store, and decoding them was most of what `sinew graph`
        // spent reading them.
        self.read(|tx| {
            per_claim(
                tx,
                refs,
                |body| unpack_doc_claim_spans(0, body),
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
        self.read(|tx| {
            // The text is packed (v12): each document's is read and unpacked once, and the
            // span cut from it in Rust, as `Span::slice` cuts (nothing when the span runs past
            // the text or cuts a character in two).
            let mut stmt = tx.prepare_cached("SELECT source, text FROM documents WHERE id = ?1")?;
            let mut order: Vec<usize> = (0..spans.len()).collect();
            order.sort_by(|&a, &b| spans[a].0.cmp(&spans[b].0));
            let mut out = vec![None; spans.len()];
            let mut doc: Option<(&DocId, Option<(String, String)>)> = None;
            for i in order {
                let (id, span) = &spans[i];
                if doc.as_ref().is_none_or(|(at, _)| *at != id) {
                    let found = stmt
                        .query_row([&id.0], |r| {
                            Ok((r.get::<_, String>(0)?, stored_doc_text(1, r.get_ref(1)?)?))
                        })
                        .optional()?;
                    doc = Some((id, found));
                }
                if let Some((_, Some((source, text)))) = &doc {
                    let words = span.slice(text).unwrap_or_default().to_string();
                    out[i] = Some((source.clone(), words));
                }
            }
            Ok(out)
        })
    }

    fn commit_analysis(&self, update: &AnalysisUpdate) -> Result<usize, StoreError> {
        self.write(|tx| commit(tx, update))
    }
}

fn commit(tx: &Transaction<'_>, update: &AnalysisUpdate) -> rusqlite::Result<usize> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO claim_buckets (bucket, seq, ord) \
         SELECT ?1, seq, ?3 FROM documents WHERE id = ?2",
    )?;
    for (bucket, doc, ord) in &update.claim_buckets {
        stmt.execute(params![bucket, doc.0, ord])?;
    }
    let mut put_state = tx.prepare_cached(
        "INSERT OR REPLACE INTO analysis_buckets (bucket, state, summary) VALUES (?1, ?2, ?3)",
    )?;
    let mut drop_flows = tx.prepare_cached("DELETE FROM analysis_flows WHERE bucket = ?1")?;
    let mut put_flow =
        tx.prepare_cached("INSERT OR IGNORE INTO analysis_flows (flow, bucket) VALUES (?1, ?2)")?;
    for b in &update.buckets {
        put_state.execute(params![
            b.bucket,
            pack_text(&b.state),
            packed_summary(b.summary.as_deref())
        ])?;
        drop_flows.execute([&b.bucket])?;
        for f in &b.flows {
            put_flow.execute(params![f, b.bucket])?;
        }
    }
    let mut stmt =
        tx.prepare_cached("INSERT OR REPLACE INTO analysis_ties (doc, ties) VALUES (?1, ?2)")?;
    for (doc, ties) in &update.ties {
        stmt.execute(params![doc.0, ties])?;
    }
    let now = now();
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO alerts (raised_at, kind, key, doc, subject, object, message) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut added = 0;
    for a in &update.alerts {
        added += stmt.execute(params![
            now,
            a.kind.as_str(),
            a.key,
            a.doc.0,
            a.subject,
            a.object,
            a.message
        ])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT OR REPLACE INTO document_kinds (doc, kind) VALUES (?1, ?2)")?;
    for (doc, kind) in &update.kinds {
        stmt.execute(params![doc.0, kind.as_str()])?;
    }
    let mut stmt = tx.prepare_cached("DELETE FROM analysis_pending WHERE doc = ?1")?;
    for doc in &update.done {
        stmt.execute([&doc.0])?;
    }
    Ok(added)
}

impl SqliteStore {
    /// `each_bucket_summary`, or with `head` its `_head` variant (a packed summary unpacked
    /// only up to its first line break).
    fn summaries(
        &self,
        buckets: &[String],
        head: bool,
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        // As `each_bucket_state`: the packed values are read in one transaction, then unpacked
        // one after the other into one buffer. A state kept before v17 has no summary and is
        // read whole; a store opened read-only below v17 has no column at all.
        let stored: Vec<(usize, rusqlite::types::Value, bool)> = self.read(|tx| {
            let summaries = buckets_summarised(tx)?;
            let sql = if summaries {
                "SELECT coalesce(nullif(summary, X''), state), summary IS NOT NULL \
                 FROM analysis_buckets WHERE bucket = ?1"
            } else {
                "SELECT state, 0 FROM analysis_buckets WHERE bucket = ?1"
            };
            let mut stmt = tx.prepare_cached(sql)?;
            let mut out = Vec::with_capacity(buckets.len());
            for (i, key) in buckets.iter().enumerate() {
                let found = stmt
                    .query_row([key], |r| {
                        Ok((r.get::<_, rusqlite::types::Value>(0)?, r.get::<_, bool>(1)?))
                    })
                    .optional()?;
                out.extend(found.map(|(v, summary)| (i, v, summary)));
            }
            Ok(out)
        })?;
        let mut buf = Vec::new();
        for (i, value, summary) in stored {
            let value = ValueRef::from(&value);
            if head && summary {
                stored_line_into(0, value, &mut buf)
            } else {
                stored_bytes_into(0, value, &mut buf)
            }
            .map_err(|e| self.fail(e))?;
            each(&buckets[i], &buf, summary);
        }
        Ok(())
    }
}

/// A summary as kept: packed as states are, or an empty BLOB where the state is its own.
fn packed_summary(summary: Option<&str>) -> Vec<u8> {
    summary.map(pack_text).unwrap_or_default()
}

/// Whether `analysis_buckets` keeps summaries (`schema::BUCKET_SUMMARIES`, v17): a store
/// opened read-only at an older version has the states without them.
fn buckets_summarised(tx: &Transaction<'_>) -> rusqlite::Result<bool> {
    tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('analysis_buckets') \
         WHERE name = 'summary')",
    )?
    .query_row([], |r| r.get(0))
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
/// what `unpack` gives of its document's packed claims (a claim, or its span) and ordinal.
///
/// One document at a time, in id order: its text is read and its claims unpacked once
/// however many of them are asked for. A claim asked for twice is copied; once (the rule),
/// it is moved.
fn per_claim<T: Clone, C>(
    tx: &Transaction<'_>,
    refs: &[(DocId, u32)],
    unpack: impl Fn(&[u8]) -> rusqlite::Result<Vec<C>>,
    mut build: impl FnMut(C, &ClaimDoc<'_>, u32) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<Option<T>>> {
    let mut by_doc: BTreeMap<&DocId, Vec<(u32, usize)>> = BTreeMap::new();
    for (i, (doc, ord)) in refs.iter().enumerate() {
        by_doc.entry(doc).or_default().push((*ord, i));
    }
    let mut doc_stmt = tx.prepare_cached(
        "SELECT d.seq, d.source, d.text, c.body FROM documents d \
         LEFT JOIN doc_claims c ON c.seq = d.seq WHERE d.id = ?1",
    )?;
    let mut out: Vec<Option<T>> = vec![None; refs.len()];
    for (doc, wanted) in &mut by_doc {
        let Some((seq, source, text, claims)) = doc_stmt
            .query_row([&doc.0], |r| {
                let claims = match r.get_ref(3)?.as_blob_or_null()? {
                    Some(body) => unpack(body)?,
                    None => Vec::new(),
                };
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    stored_doc_text(2, r.get_ref(2)?)?,
                    claims,
                ))
            })
            .optional()?
        else {
            continue;
        };
        let at = ClaimDoc {
            seq,
            source: &source,
            text: &text,
        };
        // Sorted by ordinal, so each claim finds its slots by search, not by a scan of every
        // claim asked of the document.
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
