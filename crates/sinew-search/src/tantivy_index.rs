//! How is a search answered? [`TantivyIndex`]: the [`SearchIndex`] over a tantivy index in a
//! folder (or in memory, for tests).
//!
//! One index holds two kinds of row, told apart by the `kind` field: one row per document
//! (title and text, with the metadata a hit shows) and one per sentence (its words, its span,
//! and its document's id and facet values). One index rather than two so that one commit
//! makes a document and its sentences visible (or replaced) together, and one delete by id
//! removes both. The kinds index their words in separate fields (`title` and `body`, against
//! `sentence`), so each kind has its own BM25 statistics: a sentence is scored among
//! sentences, a document among documents. Sentence rows store no text: a sentence hit reads
//! its words from its document's row.
//!
//! Words go through one analyser, for indexing, for queries and for marking: split on what is
//! not a letter or digit (Unicode), lower-cased, folded to ASCII ("Zürich" finds "zurich"),
//! English-stemmed ("containers" finds "container"). Sinew stores every language, but reads
//! English, and a stem that is wrong for another language only widens a match; it never
//! hides a word written the same way.
//!
//! Queries use tantivy's parser (quoted phrases, `AND`, `OR`, `-word`, `title:word`), with
//! every word required unless `OR` says otherwise (an analyst narrowing down adds words).
//! BM25 knows nothing of word order, so a query of several plain words also scores its words
//! as a phrase, optionally: a document that says "North Korean munitions" ranks above one
//! where the three words are paragraphs apart. A query that does not parse is read leniently
//! (what can be read is searched); one with nothing readable is a [`SearchError::BadQuery`]
//! naming the parser's complaint.
//!
//! The folder holds tantivy's files and a stamp, `sinew-search.json`, naming the format and
//! its version: a folder without it is refused (it is not ours to write into), and a stamp of
//! another version asks for `sinew index`.
//!
//! Writing: one `IndexWriter`, created at the first write and kept (tantivy allows one per
//! index, across processes: a second process writing at the same time gets a
//! [`SearchError::Index`] saying so). Reading: an `IndexReader` reloaded after each commit
//! here, and on a short delay after a commit by another process, so searches run while a
//! writer adds and see each commit once it is made.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use sinew_types::{DocId, Span};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, QueryParser, TermQuery, TermSetQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, FAST,
    STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::day_range::DayRange;
use crate::facets::{date_of, day_of, FacetCollector, FlatCache, FACET_FIELDS, PUBLISHED};
use crate::{
    snippet, Filters, IndexDoc, Scope, SearchError, SearchHit, SearchIndex, SearchQuery,
    SearchResults,
};

/// The stamp file naming the folder as a Sinew index.
const STAMP: &str = "sinew-search.json";
/// The index format this build writes and reads; raised whenever the schema or the analyser
/// changes, since an index built otherwise would answer wrongly rather than fail.
pub const INDEX_VERSION: u32 = 1;
/// The analyser's name in tantivy's tokenizer registry.
const ANALYZER: &str = "sinew_words";
/// Row kinds.
const DOC: &str = "doc";
const SENTENCE: &str = "sentence";
/// How much more a title word counts than a body word.
const TITLE_BOOST: f32 = 1.5;
/// How much a query's words found together as a phrase add to a hit's score.
const PHRASE_BOOST: f32 = 2.0;

/// The most hits one page returns (a larger `limit` gives this many).
pub const MAX_LIMIT: usize = 1000;
/// The most hits a page may skip (a larger `offset` skips this many).
pub const MAX_OFFSET: usize = 100_000;
/// The deepest nesting of brackets a query may have.
const MAX_NESTING: usize = 8;

/// How a [`TantivyIndex`] writes and answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TantivyConfig {
    /// Bytes the writer buffers before it writes a segment (tantivy's per-thread minimum is
    /// 15 MB): bounds memory however many documents are added before a commit.
    pub writer_memory: usize,
    /// Writer threads (0: tantivy's choice, by cores).
    pub writer_threads: usize,
    /// Values per facet a search returns, the most frequent.
    pub facet_values: usize,
    /// About how many bytes of text a document hit's snippet shows.
    pub snippet_bytes: usize,
}

impl Default for TantivyConfig {
    fn default() -> Self {
        TantivyConfig {
            writer_memory: 64 << 20,
            writer_threads: 0,
            facet_values: 50,
            snippet_bytes: 240,
        }
    }
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
struct Fields {
    kind: Field,
    id: Field,
    title: Field,
    body: Field,
    sentence: Field,
    sent_start: Field,
    sent_end: Field,
    url: Field,
    /// In the order of [`FACET_FIELDS`].
    facets: [Field; 6],
    published: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let kind = b.add_text_field("kind", STRING);
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", words.clone().set_stored());
    let body = b.add_text_field("body", words.clone().set_stored());
    let sentence = b.add_text_field("sentence", words);
    let sent_start = b.add_u64_field("sent_start", STORED);
    let sent_end = b.add_u64_field("sent_end", STORED);
    let url = b.add_text_field("url", STORED);
    let facets = FACET_FIELDS.map(|name| b.add_text_field(name, STRING | FAST | STORED));
    let published = b.add_i64_field(
        PUBLISHED,
        NumericOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored(),
    );
    let fields = Fields {
        kind,
        id,
        title,
        body,
        sentence,
        sent_start,
        sent_end,
        url,
        facets,
        published,
    };
    (b.build(), fields)
}

/// The one analyser (see the module doc).
pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// A search index over tantivy, in a folder or in memory.
pub struct TantivyIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    fields: Fields,
    analyzer: TextAnalyzer,
    config: TantivyConfig,
    /// Where it is, for errors (`(in memory)` for one in memory).
    path: String,
    /// Each live segment's facet values laid flat, for counting facets.
    flat: std::sync::Arc<FlatCache>,
}

impl std::fmt::Debug for TantivyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TantivyIndex")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl TantivyIndex {
    /// Opens the index in folder `path`, creating the folder and an empty index when the
    /// folder is missing or empty. A folder holding anything but a Sinew index, or an index of
    /// another version, is refused with a [`SearchError::Index`] naming it.
    pub fn open(path: &Path) -> Result<TantivyIndex, SearchError> {
        TantivyIndex::open_with(path, TantivyConfig::default())
    }

    /// [`TantivyIndex::open`] with settings.
    pub fn open_with(path: &Path, config: TantivyConfig) -> Result<TantivyIndex, SearchError> {
        let shown = path.display().to_string();
        let refuse = |reason: String| SearchError::Index {
            path: shown.clone(),
            reason,
        };
        if path.exists() && !path.is_dir() {
            return Err(refuse("it is a file, not a folder".into()));
        }
        std::fs::create_dir_all(path)
            .map_err(|e| refuse(format!("cannot create the folder: {e}")))?;
        let (schema, fields) = schema();
        let stamp = path.join(STAMP);
        let index = if stamp.exists() {
            let text = std::fs::read_to_string(&stamp)
                .map_err(|e| refuse(format!("cannot read {STAMP}: {e}")))?;
            match read_stamp(&text) {
                Some(INDEX_VERSION) => {}
                Some(v) => {
                    return Err(refuse(format!(
                        "it is of index version {v}; this build reads version {INDEX_VERSION}"
                    )))
                }
                None => return Err(refuse(format!("{STAMP} is not a Sinew index stamp"))),
            }
            let index =
                Index::open_in_dir(path).map_err(|e| refuse(format!("cannot open it: {e}")))?;
            if index.schema() != schema {
                return Err(refuse("its fields differ from this build's".into()));
            }
            index
        } else {
            let mut entries =
                std::fs::read_dir(path).map_err(|e| refuse(format!("cannot list it: {e}")))?;
            if entries.next().is_some() {
                return Err(refuse(format!(
                    "it is not a Sinew search index (the folder is not empty and has no {STAMP})"
                )));
            }
            // The stamp first: a folder with tantivy's files and no stamp is never ours.
            std::fs::write(&stamp, stamp_text())
                .map_err(|e| refuse(format!("cannot write {STAMP}: {e}")))?;
            Index::create_in_dir(path, schema)
                .map_err(|e| refuse(format!("cannot create it: {e}")))?
        };
        TantivyIndex::from_index(index, fields, config, shown)
    }

    /// An empty index in memory (tests, benchmarks).
    pub fn open_in_ram() -> Result<TantivyIndex, SearchError> {
        let config = TantivyConfig {
            writer_memory: 20 << 20,
            writer_threads: 1,
            ..TantivyConfig::default()
        };
        TantivyIndex::open_in_ram_with(config)
    }

    /// [`TantivyIndex::open_in_ram`] with settings.
    pub fn open_in_ram_with(config: TantivyConfig) -> Result<TantivyIndex, SearchError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        TantivyIndex::from_index(index, fields, config, "(in memory)".into())
    }

    fn from_index(
        index: Index,
        fields: Fields,
        config: TantivyConfig,
        path: String,
    ) -> Result<TantivyIndex, SearchError> {
        index.tokenizers().register(ANALYZER, analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| SearchError::Index {
                path: path.clone(),
                reason: format!("cannot read it: {e}"),
            })?;
        Ok(TantivyIndex {
            index,
            reader,
            writer: Mutex::new(None),
            fields,
            analyzer: analyzer(),
            config,
            path,
            flat: std::sync::Arc::default(),
        })
    }

    /// Waits for the segment merges that commits started, and lets the writer go (the next
    /// write opens one again): after a bulk load (`sinew index`), so that searches run over a
    /// few merged segments rather than the many small ones a load writes, and so that another
    /// process may write.
    pub fn wait_merges(&self) -> Result<(), SearchError> {
        let writer = self
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(writer) = writer {
            writer.wait_merging_threads().map_err(engine)?;
        }
        self.reader.reload().map_err(engine)
    }

    /// Runs `write` on the writer, creating it first if this index has none yet.
    fn with_writer<T>(
        &self,
        write: impl FnOnce(&mut IndexWriter) -> tantivy::Result<T>,
    ) -> Result<T, SearchError> {
        let mut slot = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        if slot.is_none() {
            let made = match self.config.writer_threads {
                0 => self.index.writer(self.config.writer_memory),
                n => self
                    .index
                    .writer_with_num_threads(n, self.config.writer_memory),
            };
            *slot = Some(made.map_err(|e| SearchError::Index {
                path: self.path.clone(),
                reason: format!("cannot write to it (is another process writing?): {e}"),
            })?);
        }
        let writer = slot
            .as_mut()
            .ok_or_else(|| SearchError::Engine("the index writer is missing".into()))?;
        write(writer).map_err(engine)
    }

    /// The row of a document.
    fn doc_row(&self, doc: &IndexDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut row = self.facet_row(doc, DOC);
        if let Some(title) = &doc.title {
            row.add_text(f.title, title);
        }
        row.add_text(f.body, &doc.text);
        if let Some(url) = &doc.url {
            row.add_text(f.url, url);
        }
        row
    }

    /// The fields a document's rows share: kind, id, facet values, date.
    fn facet_row(&self, doc: &IndexDoc, kind: &str) -> TantivyDocument {
        let f = &self.fields;
        let mut row = TantivyDocument::default();
        row.add_text(f.kind, kind);
        row.add_text(f.id, &doc.id.0);
        let lang: Vec<String> = doc.lang.iter().cloned().collect();
        let lists: [&[String]; 6] = [
            std::slice::from_ref(&doc.source),
            &lang,
            &doc.entities,
            &doc.countries,
            &doc.flow_kinds,
            &doc.units,
        ];
        for (field, values) in f.facets.iter().zip(lists) {
            let mut seen = HashSet::new();
            for v in values.iter().filter(|v| !v.is_empty() && seen.insert(*v)) {
                row.add_text(*field, v);
            }
        }
        if let Some(date) = doc.published {
            row.add_i64(f.published, day_of(date));
        }
        row
    }

    /// The indexed forms of `text`'s words.
    fn terms_of(&self, text: &str) -> Vec<String> {
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// The whole query: the kind of row, the user's words, the phrase bonus, the filters.
    fn query(&self, q: &SearchQuery) -> Result<(Box<dyn Query>, HashSet<String>), SearchError> {
        let f = &self.fields;
        let (kind, words_fields) = match q.scope {
            Scope::Documents => (DOC, vec![f.title, f.body]),
            Scope::Sentences => (SENTENCE, vec![f.sentence]),
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, kind),
                IndexRecordOption::Basic,
            )),
        )];
        let mut marked = HashSet::new();
        let text = q.text.trim();
        if !text.is_empty() {
            let parsed = self.parse(text, &words_fields)?;
            parsed.query_terms(&mut |term, _| {
                if words_fields.contains(&term.field()) {
                    if let Some(word) = term.value().as_str() {
                        marked.insert(word.to_string());
                    }
                }
            });
            add_parsed(&mut clauses, parsed);
            let main = *words_fields.last().unwrap_or(&f.body);
            if let Some(phrase) = self.phrase_bonus(text, main) {
                clauses.push((Occur::Should, phrase));
            }
        }
        clauses.extend(self.filters(&q.filters));
        Ok((Box::new(BooleanQuery::new(clauses)), marked))
    }

    /// The user's query, strictly parsed, else leniently (see the module doc).
    fn parse(&self, text: &str, fields: &[Field]) -> Result<Box<dyn Query>, SearchError> {
        // tantivy's parser recurses once per bracket: a deep nest would overflow the stack.
        let deepest = text
            .chars()
            .scan(0usize, |depth, c| {
                match c {
                    '(' | '[' | '{' => *depth += 1,
                    ')' | ']' | '}' => *depth = depth.saturating_sub(1),
                    _ => {}
                }
                Some(*depth)
            })
            .max()
            .unwrap_or(0);
        if deepest > MAX_NESTING {
            return Err(SearchError::BadQuery {
                query: text.to_string(),
                reason: format!("brackets nested {deepest} deep (at most {MAX_NESTING})"),
            });
        }
        let mut parser = QueryParser::for_index(&self.index, fields.to_vec());
        parser.set_conjunction_by_default();
        if fields.contains(&self.fields.title) {
            parser.set_field_boost(self.fields.title, TITLE_BOOST);
        }
        match parser.parse_query(text) {
            Ok(query) => Ok(query),
            Err(strict) => {
                let (query, _) = parser.parse_query_lenient(text);
                let mut terms = 0;
                query.query_terms(&mut |_, _| terms += 1);
                if terms == 0 {
                    Err(SearchError::BadQuery {
                        query: text.to_string(),
                        reason: strict.to_string(),
                    })
                } else {
                    Ok(query)
                }
            }
        }
    }

    /// The optional phrase of a query's plain words (none quoted, none excluded, no field,
    /// no operator), when there are two or more.
    fn phrase_bonus(&self, text: &str, field: Field) -> Option<Box<dyn Query>> {
        if text.contains('"') {
            return None;
        }
        let plain: Vec<&str> = text
            .split_whitespace()
            .filter(|w| {
                !w.starts_with('-') && !w.contains(':') && !matches!(*w, "AND" | "OR" | "NOT")
            })
            .collect();
        let terms = self.terms_of(&plain.join(" "));
        if terms.len() < 2 {
            return None;
        }
        let terms = terms
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect();
        Some(Box::new(BoostQuery::new(
            Box::new(PhraseQuery::new(terms)),
            PHRASE_BOOST,
        )))
    }

    /// One clause per facet that narrows (any of its values), and the date range.
    fn filters(&self, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
        let lists: [&[String]; 6] = [
            &filters.sources,
            &filters.langs,
            &filters.entities,
            &filters.countries,
            &filters.flow_kinds,
            &filters.units,
        ];
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, values) in self.fields.facets.iter().zip(lists) {
            if !values.is_empty() {
                let terms = values.iter().map(|v| Term::from_field_text(*field, v));
                out.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
            }
        }
        if filters.from.is_some() || filters.to.is_some() {
            out.push((
                Occur::Must,
                Box::new(DayRange {
                    from: filters.from.map(day_of),
                    to: filters.to.map(day_of),
                    flat: std::sync::Arc::clone(&self.flat),
                }),
            ));
        }
        out
    }

    /// A document's stored row, by id.
    fn stored_doc(
        &self,
        searcher: &tantivy::Searcher,
        id: &str,
    ) -> Result<Option<TantivyDocument>, SearchError> {
        let f = &self.fields;
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, DOC),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(engine)?;
        match found.first() {
            Some((_, addr)) => Ok(Some(searcher.doc(*addr).map_err(engine)?)),
            None => Ok(None),
        }
    }

    /// A hit from its row (and, for a sentence, its document's row).
    fn hit(
        &self,
        score: f32,
        row: &TantivyDocument,
        doc_row: &TantivyDocument,
        sentence: Option<Span>,
        marked: &HashSet<String>,
    ) -> SearchHit {
        let f = &self.fields;
        let text_of = |r: &TantivyDocument, field| {
            r.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        // Borrowed from the row: a document's text is kilobytes, and only the snippet is kept.
        let text = doc_row
            .get_first(f.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let snippet = match sentence {
            Some(span) => {
                let marks = snippet::marks(&self.analyzer, text, span, marked);
                snippet::sentence(text, span, marks)
            }
            None => {
                let marks = snippet::marks(&self.analyzer, text, Span::new(0, text.len()), marked);
                snippet::document(text, &marks, self.config.snippet_bytes)
            }
        };
        SearchHit {
            doc: DocId(text_of(row, f.id).unwrap_or_default()),
            score,
            title: text_of(doc_row, f.title),
            source: text_of(doc_row, f.facets[0]).unwrap_or_default(),
            published: doc_row
                .get_first(f.published)
                .and_then(|v| v.as_i64())
                .and_then(date_of),
            url: text_of(doc_row, f.url),
            sentence,
            snippet,
        }
    }
}

/// Adds the parsed query as one required clause; a query of required and excluded words alone
/// is spread into the outer query instead, since a query of exclusions alone matches nothing
/// by itself (`-word` means every row but those with the word).
fn add_parsed(clauses: &mut Vec<(Occur, Box<dyn Query>)>, parsed: Box<dyn Query>) {
    if let Some(b) = parsed.downcast_ref::<BooleanQuery>() {
        let spreadable = b.clauses().iter().all(|(o, _)| *o != Occur::Should);
        if spreadable && !b.clauses().is_empty() {
            clauses.extend(b.clauses().iter().map(|(o, q)| (*o, q.box_clone())));
            return;
        }
    }
    clauses.push((Occur::Must, parsed));
}

fn engine(e: tantivy::TantivyError) -> SearchError {
    SearchError::Engine(e.to_string())
}

fn stamp_text() -> String {
    format!("{{\"format\": \"sinew-search\", \"version\": {INDEX_VERSION}}}\n")
}

/// The version a stamp names, if it is a Sinew stamp.
fn read_stamp(text: &str) -> Option<u32> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = compact.strip_prefix("{\"format\":\"sinew-search\",\"version\":")?;
    rest.strip_suffix('}')?.parse().ok()
}

impl SearchIndex for TantivyIndex {
    fn add(&self, docs: &[IndexDoc]) -> Result<(), SearchError> {
        let f = self.fields;
        self.with_writer(|writer| {
            for doc in docs {
                writer.delete_term(Term::from_field_text(f.id, &doc.id.0));
                writer.add_document(self.doc_row(doc))?;
                for span in &doc.sentences {
                    let Some(words) = span.slice(&doc.text) else {
                        continue;
                    };
                    let mut row = self.facet_row(doc, SENTENCE);
                    row.add_text(f.sentence, words);
                    row.add_u64(f.sent_start, span.start as u64);
                    row.add_u64(f.sent_end, span.end as u64);
                    writer.add_document(row)?;
                }
            }
            Ok(())
        })
    }

    fn commit(&self) -> Result<(), SearchError> {
        let wrote = self
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some();
        if wrote {
            self.with_writer(|w| w.commit().map(|_| ()))?;
        }
        self.reader.reload().map_err(engine)
    }

    fn clear(&self) -> Result<(), SearchError> {
        // tantivy's delete-all reaches committed segments only: documents added since the
        // last commit are dropped by the rollback first (found by the model test).
        self.with_writer(|w| {
            w.rollback()?;
            w.delete_all_documents().map(|_| ())
        })
    }

    fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let (query, marked) = self.query(q)?;
        // The collector keeps offset + limit hits in memory: both are capped, so a page asked
        // for by a URL cannot exhaust it.
        let limit = q.limit.min(MAX_LIMIT);
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(q.offset.min(MAX_OFFSET))
            .order_by_score();
        let live: Vec<tantivy::index::SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        self.flat.keep_only(&live);
        let facets = FacetCollector {
            top: self.config.facet_values,
            flat: std::sync::Arc::clone(&self.flat),
        };
        let (top, total, facets) = searcher
            .search(&query, &(top, Count, facets))
            .map_err(engine)?;
        let mut hits = Vec::new();
        let mut docs: HashMap<String, TantivyDocument> = HashMap::new();
        let f = &self.fields;
        for (score, addr) in top.into_iter().take(limit) {
            let row: TantivyDocument = searcher.doc(addr).map_err(engine)?;
            match q.scope {
                Scope::Documents => hits.push(self.hit(score, &row, &row, None, &marked)),
                Scope::Sentences => {
                    let id = row
                        .get_first(f.id)
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    let span = span_of(&row, f.sent_start, f.sent_end);
                    if !docs.contains_key(&id) {
                        let Some(doc_row) = self.stored_doc(&searcher, &id)? else {
                            continue;
                        };
                        docs.insert(id.clone(), doc_row);
                    }
                    hits.push(self.hit(score, &row, &docs[&id], Some(span), &marked));
                }
            }
        }
        Ok(SearchResults {
            total: total as u64,
            hits,
            facets,
        })
    }

    fn len(&self) -> Result<u64, SearchError> {
        let searcher = self.reader.searcher();
        let docs = TermQuery::new(
            Term::from_field_text(self.fields.kind, DOC),
            IndexRecordOption::Basic,
        );
        let n = searcher.search(&docs, &Count).map_err(engine)?;
        Ok(n as u64)
    }

    fn generation(&self) -> u64 {
        // The reader's generation id is raised at each reload that finds a new commit.
        self.reader.searcher().generation().generation_id()
    }
}

/// A sentence row's span.
fn span_of(row: &TantivyDocument, start: Field, end: Field) -> Span {
    let get = |f| {
        row.get_first(f)
            .and_then(|v| v.as_u64())
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    };
    Span::new(get(start), get(end))
}
