//! HTML pages to main text and metadata.
//!
//! `dom.rs` parses the page into a flat element tree (linear time, no recursion, bounded
//! depth, so hostile pages cannot overflow the stack or go quadratic); `content.rs` finds the
//! article and renders it a line per block; `meta.rs` reads title, author, dates, site, URL
//! and language.

mod content;
mod dom;
mod entities;
mod meta;
mod tag;

use chrono::NaiveDate;

use dom::Dom;

/// Metadata and main text found in a page.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// Main text, one block a line.
    pub(crate) text: String,
    pub(crate) title: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) site: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: Option<String>,
}

/// Extracts main text and metadata from a decoded page.
pub(crate) fn extract(html: &str) -> Extracted {
    let dom = Dom::parse(html);
    let measured = content::measure(&dom);
    let root = content::choose_root(&dom, &measured);
    let text = content::render(&dom, &measured, root);
    let meta = meta::read(&dom, root);
    Extracted {
        text,
        title: meta.title,
        author: meta.author,
        published: meta.published,
        site: meta.site,
        url: meta.url,
        lang: meta.lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 200_000;
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let e = extract(&page);
        assert!(e.text.contains("deep text"));
    }
}
