//! Cleaned text plus metadata to a `Document`.

use chrono::NaiveDate;
use sinew_types::Document;

use crate::error::{ErrorKind, IngestError};
use crate::text::{self, Layout};
use crate::{dedup, doc_id, html, lang, IngestConfig};

/// Metadata stated outside the text (JSON Lines fields); it wins over what the text says.
#[derive(Debug, Default)]
pub(crate) struct Given {
    pub(crate) title: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) site: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: Option<String>,
}

/// The article body, as it arrived.
pub(crate) enum Body<'a> {
    Text(&'a str),
    Html(&'a str),
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
            let c = text::clean(raw, Layout::Plain);
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
        Body::Html(page) => {
            let e = html::extract(page);
            let c = text::clean(&e.text, Layout::Blocks);
            let found = Given {
                title: e.title.or(c.title),
                author: e.author,
                published: e.published.or(c.published),
                site: e.site.or(c.site),
                url: e.url,
                lang: e.lang,
            };
            (found, c.text)
        }
    };
    if text.is_empty() {
        return Err(IngestError::new(input, ErrorKind::NoText));
    }
    Ok(Document {
        id: doc_id(&text),
        source,
        url: given.url.or(found.url),
        title: given.title.or(found.title),
        author: given.author.or(found.author),
        published: given.published.or(found.published).or(config.published),
        site: given.site.or(found.site),
        // A language stated by the record itself is trusted; otherwise the text decides,
        // with the page's declaration as the fallback (`lang::choose_lang`).
        lang: given.lang.or_else(|| lang::choose_lang(found.lang, &text)),
        fingerprint: dedup::fingerprint(&text),
        // Grouping needs the documents seen before this one: the engine links them.
        duplicate_of: None,
        text,
    })
}
