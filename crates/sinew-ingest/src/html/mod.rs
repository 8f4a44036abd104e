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

use dom::Dom;
pub(crate) use meta::Meta;

/// Metadata and main text found in a page.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// Main text, one block a line.
    pub(crate) text: String,
    /// What the page says about itself.
    pub(crate) meta: Meta,
}

/// Extracts main text and metadata from a decoded page: the element that looks most like
/// the article is chosen and the rest of the page is left out.
pub(crate) fn extract(html: &str) -> Extracted {
    extract_with(html, content::choose_root)
}

/// The same for markup that is an article body already (a feed item's content): all of it is
/// the article, less furniture. Choosing an element there would keep one long paragraph and
/// drop the short ones beside it, as if they were page chrome.
pub(crate) fn extract_body(html: &str) -> Extracted {
    extract_with(html, |_, _| None)
}

fn extract_with(
    html: &str,
    choose_root: fn(&Dom<'_>, &content::Measured) -> Option<usize>,
) -> Extracted {
    let dom = Dom::parse(html);
    let measured = content::measure(&dom);
    let root = choose_root(&dom, &measured);
    let parts = content::with_siblings(&dom, &measured, root);
    let mut text = if parts.len() > 1 {
        let mut text = String::new();
        for part in parts {
            let t = content::render(&dom, &measured, Some(part));
            if !t.is_empty() {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&t);
            }
        }
        text
    } else {
        content::render(&dom, &measured, root)
    };
    let meta = meta::read(&dom, root, &|i| measured.visible(i));
    if let Some(title) = &meta.title {
        drop_headline(&mut text, title);
    }
    drop_repeats(&mut text);
    Extracted { text, meta }
}

/// Letters and digits only, lower case: two spellings of one headline compare equal.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The headline is metadata, not body text: a line among the first few that repeats the
/// title is removed from the text.
fn drop_headline(text: &mut String, title: &str) {
    let want = fold(title);
    if want.is_empty() {
        return;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n').take(6) {
        let end = start + line.len();
        if fold(line) == want {
            text.replace_range(start..end, "");
            return;
        }
        start = end;
    }
}

/// Lines at least this long that repeat are template copies (a mobile and a desktop
/// version of one block), not the article saying the same thing twice.
const REPEAT_MIN: usize = 40;

/// Removes the second and later copies of long lines.
fn drop_repeats(text: &mut String) {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let key = line.trim_end();
        if key.len() >= REPEAT_MIN && !seen.insert(key) {
            changed = true;
            continue;
        }
        out.push_str(line);
    }
    if changed {
        *text = out;
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
