//! HTML pages to main text and metadata.
//!
//! `dom.rs` parses the page into a flat element tree (linear time, no recursion, bounded
//! depth, so hostile pages cannot overflow the stack or go quadratic); `content.rs` finds the
//! article and renders it a line per block; `meta/` reads title, author, dates, site, URL
//! and language.
//!
//! JSON-LD's `articleBody` replaces the page's text where it holds more than twice the words (a
//! page rendered by script: its HTML is a shell; an HTML body is rendered as a fragment). The
//! text then loses the headline line, a table of contents that rendering kept (a run of three
//! or more short lines each standing exactly once more, in the same order, after the run: the
//! section headings it lists; found in one linear pass, with its label such as "Table of
//! Contents") and second copies of long lines (mobile/desktop duplicates). The tree and its
//! measures are dropped before these passes, so a 50 MB page peaks at about 4x its size.
//!
//! `dom.rs` was written here because html5ever's tokenizer and tree builder were over half of
//! extraction time: the 793 WCXB dev pages took 2.08 s of CPU through scraper and 0.67 s
//! through `dom.rs`, with the same figures.

mod class_words;
mod content;
mod dom;
mod entities;
mod meta;
mod tag;

use chrono::NaiveDateTime;
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
/// the article is chosen and the rest of the page is left out. `fetched` is when the page
/// was fetched, if known: a relative dateline ("3 hours ago") counts back from it.
pub(crate) fn extract(html: &str, fetched: Option<NaiveDateTime>) -> Extracted {
    let mut e = extract_with(html, content::choose_root, fetched);
    // A page rendered by script has little or no text in its HTML; its JSON-LD can carry
    // the whole article. It is used where it is more than twice what the page shows.
    if let Some(body) = e.meta.article_body.take() {
        let words = |s: &str| s.split_whitespace().count();
        if words(&body) > 2 * words(&e.text) {
            // Some sites put the body's HTML in it: that is rendered as a fragment (by
            // `extract_with` itself, so a body inside a body is not looked for).
            e.text = if body.contains("</p>") || body.contains("<br") {
                extract_with(&body, |_, _| None, None).text
            } else {
                entities::decode_str(&body).into_owned()
            };
        }
    }
    e
}

/// The same for markup that is an article body already (a feed item's content): all of it is
/// the article, less furniture. Choosing an element there would keep one long paragraph and
/// drop the short ones beside it, as if they were page chrome.
pub(crate) fn extract_body(html: &str) -> Extracted {
    extract_with(html, |_, _| None, None)
}

fn extract_with(
    html: &str,
    choose_root: fn(&Dom<'_>, &content::Measured) -> Option<usize>,
    fetched: Option<NaiveDateTime>,
) -> Extracted {
    let dom = Dom::parse(html);
    let measured = content::measure(&dom);
    let root = choose_root(&dom, &measured);
    let parts = content::with_siblings(&dom, &measured, root);
    let mut text = if parts.len() > 1 {
        let mut text = String::new();
        let n = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let t = content::render(&dom, &measured, Some(part), k + 1 == n);
            if !t.is_empty() {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&t);
            }
        }
        text
    } else {
        content::render(&dom, &measured, root, true)
    };
    let meta = meta::read(&dom, root, &|i| measured.visible(i), fetched);
    // What follows reads the text alone: the tree goes first (on a 50 MB page it is
    // as large as the text).
    drop(measured);
    drop(dom);
    if let Some(title) = &meta.title {
        drop_headline(&mut text, title);
    }
    drop_toc(&mut text);
    drop_repeats(&mut text);
    Extracted { text, meta }
}

/// A table of contents needs this many entries to be told from a list.
const TOC_MIN: usize = 3;

/// The most entries a table of contents is looked for with (bounds the work on long lists).
const TOC_MAX: usize = 100;

/// The longest line that can be a table-of-contents entry.
const TOC_ENTRY_MAX: usize = 120;

/// A hash of a line's letters and digits, lower case (`meta::fold` without the allocation); 0 for a
/// line with none.
fn fold_hash(line: &str) -> u64 {
    // FNV-1a over the characters: SipHash, fed a character at a time, cost 1.6% of a dev
    // run. Equal folds give equal hashes, which is all the callers ask.
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = FNV_OFFSET;
    let mut any = false;
    let mut add = |c: char| h = (h ^ u64::from(u32::from(c))).wrapping_mul(FNV_PRIME);
    for c in line.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                add(c.to_ascii_lowercase());
                any = true;
            }
        } else if c.is_alphanumeric() {
            c.to_lowercase().for_each(&mut add);
            any = true;
        }
    }
    if any {
        h | 1
    } else {
        0
    }
}

/// Removes a table of contents that survived rendering (its entries links to other URLs, or
/// not links at all): a run of short lines each of which stands again, in the same order,
/// after the run (the section headings it lists), with the label before it.
fn drop_toc(text: &mut String) {
    // Non-empty short lines: byte range and folded hash (long lines end any run).
    let mut lines: Vec<(usize, usize, u64)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let key = if line.len() <= TOC_ENTRY_MAX {
            fold_hash(line)
        } else {
            u64::MAX
        };
        if key != 0 {
            lines.push((at, at + line.len(), key));
        }
        at += line.len();
    }
    // For each short line, where it next stands again (usize::MAX: never).
    let n = lines.len();
    let mut next = vec![usize::MAX; n];
    // Per line: where it was seen last (scanning back) and how often it stands.
    let mut seen: std::collections::HashMap<u64, (usize, u32)> = std::collections::HashMap::new();
    for k in (0..n).rev() {
        let key = lines[k].2;
        if key != u64::MAX {
            let entry = seen.entry(key).or_insert((usize::MAX, 0));
            next[k] = entry.0;
            *entry = (k, entry.1 + 1);
        }
    }
    // An entry stands twice, in the list and as its heading; a line that recurs more often
    // is a label of the page's own ("Pros", "Read more"), not a section's name.
    for k in 0..n {
        if next[k] != usize::MAX && seen.get(&lines[k].2).is_some_and(|&(_, count)| count != 2) {
            next[k] = usize::MAX;
        }
    }
    // A run of lines whose copies stand in the same order further down; the entries are
    // those before the first copy. One pass: the work is linear in the lines.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if next[i] == usize::MAX {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < n && next[e] != usize::MAX && next[e] > next[e - 1] {
            e += 1;
        }
        let end = e.min(next[i]);
        if (TOC_MIN..TOC_MAX).contains(&(end - i)) {
            let start = match i.checked_sub(1) {
                Some(p) if content::is_toc_label(&text[lines[p].0..lines[p].1]) => lines[p].0,
                _ => lines[i].0,
            };
            cut.push((start, lines[end - 1].1));
        }
        i = e;
    }
    if cut.is_empty() {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end) in cut {
        out.push_str(&text[from..start]);
        from = end;
    }
    out.push_str(&text[from..]);
    *text = out;
}

/// The headline is metadata, not body text: a line among the first few that repeats the
/// title is removed from the text.
fn drop_headline(text: &mut String, title: &str) {
    let want = meta::fold(title);
    if want.is_empty() {
        return;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n').take(6) {
        let end = start + line.len();
        if meta::fold(line) == want {
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
        let e = extract(&page, None);
        assert!(e.text.contains("deep text"));
    }
}
