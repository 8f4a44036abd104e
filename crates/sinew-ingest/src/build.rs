//! Cleaned text plus metadata to a `Document`.

use chrono::{NaiveDate, NaiveDateTime};
use sinew_types::Document;

use crate::error::{ErrorKind, IngestError};
use crate::text::{self, Layout};
use crate::{date, dedup, doc_id, html, lang, IngestConfig};

/// Metadata stated outside the text (JSON Lines fields); it wins over what the text says.
#[derive(Debug, Default)]
pub(crate) struct Given {
    pub(crate) title: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) site: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: Option<String>,
    /// The URL the page was fetched from (a WARC record's target): the document's URL when
    /// the page names no canonical one, and a date in its path is the publication date when
    /// nothing else gives one.
    pub(crate) fallback_url: Option<String>,
    /// When the page was fetched (a WARC record's `WARC-Date`, UTC): what a relative
    /// dateline ("3 hours ago") counts back from.
    pub(crate) fetched: Option<NaiveDateTime>,
    /// A language declared for the whole input (a feed's `<language>` or `xml:lang`): like
    /// `<html lang>`, it stands only when the text cannot tell.
    pub(crate) fallback_lang: Option<String>,
}

/// The article body, as it arrived.
pub(crate) enum Body<'a> {
    Text(&'a str),
    /// A whole page: the article is found in it.
    Html(&'a str),
    /// HTML that is the article body itself (a feed item's content).
    HtmlArticle(&'a str),
}

/// Builds a document, or fails with "no article text" when cleaning leaves nothing.
/// `input` names the input in errors; `source` becomes `Document::source`.
pub(crate) fn document(
    input: &str,
    source: String,
    body: Body<'_>,
    given: Given,
    config: &IngestConfig,
) -> Result<Document, IngestError> {
    let (found, text) = match body {
        Body::Text(raw) => {
            let c = text::clean(raw, Layout::Plain, given.lang.as_deref());
            (
                Given {
                    title: c.title,
                    published: c.published,
                    site: c.site,
                    ..Given::default()
                },
                c.text,
            )
        }
        Body::Html(page) => from_html(html::extract(page, given.fetched)),
        Body::HtmlArticle(fragment) => from_html(html::extract_body(fragment)),
    };
    if text.is_empty() {
        return Err(IngestError::new(input, ErrorKind::NoText));
    }
    let url_date = given.fallback_url.as_deref().and_then(date::url_date);
    Ok(Document {
        id: doc_id(&text),
        source,
        url: given.url.or(found.url).or(given.fallback_url),
        title: given.title.or(found.title),
        author: given.author.or(found.author),
        published: given
            .published
            .or(found.published)
            .or(url_date)
            .or(config.published),
        site: given.site.or(found.site),
        // A language stated by the record itself is trusted; otherwise the text decides,
        // with the page's (or else the feed's) declaration as the fallback
        // (`lang::choose_lang`).
        lang: given
            .lang
            .or_else(|| lang::choose_lang(found.lang.or(given.fallback_lang), &text)),
        fingerprint: dedup::fingerprint(&text),
        // Grouping needs the documents seen before this one: the engine links them.
        duplicate_of: None,
        text,
    })
}

/// What an HTML extraction found, and its cleaned text.
fn from_html(e: html::Extracted) -> (Given, String) {
    let c = text::clean(&e.text, Layout::Blocks, e.meta.lang.as_deref());
    let m = e.meta;
    let found = Given {
        title: m.title.or(c.title),
        author: m.author,
        published: m.published.or(c.published),
        site: m.site.or(c.site),
        url: m.url,
        lang: m.lang,
        ..Given::default()
    };
    (found, c.text)
}
