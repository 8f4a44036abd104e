//! Which headline the page has: the visible `<h1>` (or a lower heading that is the metadata's
//! title) weighed against what the metadata calls the title, whose spelling wins where the
//! two are one headline; labels and markup left in headlines are stripped.

use super::super::dom::Dom;
use super::super::tag::Tag;
use super::site::TITLE_SEPARATORS;
use super::{fold, nonempty};
use crate::date;

/// "Title: Headline".
pub(super) fn strip_label(title: &str) -> String {
    // A Markdown heading mark is hashes and a space ("#1 pick" is a headline).
    let hashes = title.len() - title.trim_start_matches('#').len();
    let t = if hashes > 0 && title[hashes..].starts_with(' ') {
        title[hashes..].trim_start()
    } else {
        title
    };
    let t = match t.get(..6) {
        Some(head) if head.eq_ignore_ascii_case("title:") => t[6..].trim_start(),
        _ => t,
    };
    // Decoration after the words ("Headline \u{22c6}", "Headline |").
    let t = t.trim_end_matches([
        ' ', '|', '\u{22c6}', '\u{2605}', '\u{2606}', '\u{2022}', '\u{b7}',
    ]);
    // Markdown emphasis: "*A Treatise* (1792)".
    if t.matches('*').count() == 2 {
        t.replace('*', "")
    } else {
        t.to_string()
    }
}

/// Lower-case words of four letters or more.
fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `heading` holds every content word of `title`, which has three or more.
fn holds_words_of(heading: &str, title: &str) -> bool {
    let wanted = content_words(title);
    let have = content_words(heading);
    wanted.len() >= 3 && wanted.iter().all(|w| have.contains(w))
}

/// The visible headline, unless it shares no word with what the page's metadata calls its
/// title (then it is a section heading or a logo). Where the two are one headline spelled
/// differently (quotes, dashes, case), the metadata's spelling wins: it is what the
/// publisher typed, not what the theme styled.
pub(super) fn choose_title(visible: Option<String>, meta: &[String]) -> Option<String> {
    let Some(h) = visible else {
        return meta.first().cloned();
    };
    let folded = fold(&h);
    if let Some(same) = meta.iter().find(|t| fold(t) == folded) {
        return Some(same.clone());
    }
    // The shown headline is the metadata title plus a tag line after a dash or pipe, or a
    // label or date before it: the metadata title is the headline.
    for t in meta {
        let lower_h = h.to_lowercase();
        let lower_t = t.to_lowercase();
        if let Some(rest) = lower_h.strip_prefix(&lower_t) {
            // ... or a source in brackets and a count after it: "Headline (latimes.com) 87".
            let rest = rest.trim_start();
            if rest.starts_with(TITLE_SEPARATORS) || rest.starts_with(['(', '[']) {
                return Some(t.clone());
            }
        }
        if let Some(head) = lower_h.strip_suffix(&lower_t) {
            let head = head.trim_end();
            if !head.is_empty() && (head.ends_with(':') || date::find_date(head).is_some()) {
                return Some(t.clone());
            }
        }
    }
    let words = content_words(&h);
    let shares = meta
        .iter()
        .any(|t| content_words(t).iter().any(|w| words.contains(w)));
    // A headline in capitals is the theme's styling of the title the metadata spells.
    if shares && !h.chars().any(char::is_lowercase) {
        if let Some(t) = meta
            .iter()
            .find(|t| content_words(t).iter().any(|w| words.contains(w)))
        {
            return Some(t.clone());
        }
    }
    if meta.is_empty() || shares {
        Some(h)
    } else {
        meta.first().cloned()
    }
}

/// The headline as the page shows it: the first visible `<h1>` inside the article, else the
/// last one before it, else the first on the page. A logo or site name in an `<h1>` is not
/// a headline.
pub(super) fn headline(
    dom: &Dom<'_>,
    root: Option<usize>,
    visible: &dyn Fn(usize) -> bool,
    site: Option<&str>,
    meta_titles: &[String],
) -> Option<(usize, String)> {
    let h1s: Vec<(usize, String)> = dom
        .elements(Tag::H1)
        .filter(|&i| visible(i))
        .filter_map(|i| Some((i, strip_label(&nonempty(&dom.inner_text(i))?))))
        .filter(|(_, t)| {
            crate::lang::word_count(t) >= 2
                && t.len() <= 150
                && !site.is_some_and(|s| s.eq_ignore_ascii_case(t))
        })
        .collect();
    // An `<h1>` that is the metadata's title is the headline wherever it stands; others
    // in the article are buttons or section heads ("PIN IT HERE").
    let meta_folds: Vec<String> = meta_titles.iter().map(|m| fold(m)).collect();
    let titled = h1s.iter().find(|(_, t)| {
        let folded = fold(t);
        !folded.is_empty() && meta_folds.contains(&folded)
    });
    // Themes that keep `<h1>` for the site's name, or have none, set the headline in an
    // `<h2>` or `<h3>`: one that is the metadata's title and stands before every `<h1>`
    // (those are then the body's section heads) is the headline.
    let lower: Option<(usize, String)> = titled
        .is_none()
        .then(|| {
            dom.elements(Tag::H2)
                .chain(dom.elements(Tag::H3))
                .filter(|&i| visible(i))
                .filter_map(|i| Some((i, strip_label(&nonempty(&dom.inner_text(i))?))))
                .filter_map(|(i, t)| {
                    let folded = fold(&t);
                    if crate::lang::word_count(&t) < 2 || folded.is_empty() {
                        return None;
                    }
                    if meta_folds.contains(&folded) {
                        return Some((i, t));
                    }
                    // On a page with no `<h1>`, a heading that holds every word of the
                    // metadata title stands where the headline does ("7 Ways to Help You
                    // Transition ..." for "7 Ways to Transition ..."); its extra words are
                    // as often a tag line as the headline's own, so the title is the
                    // metadata's.
                    if !h1s.is_empty() {
                        return None;
                    }
                    meta_titles
                        .iter()
                        .find(|m| holds_words_of(&t, m))
                        .map(|m| (i, m.clone()))
                })
                .min_by_key(|(i, _)| *i)
                .filter(|(i, _)| h1s.first().is_none_or(|(h, _)| h > i))
        })
        .flatten();
    if lower.is_some() {
        return lower;
    }
    let pick = match root {
        _ if titled.is_some() => titled,
        Some(r) => {
            let end = dom.nodes[r].end as usize;
            h1s.iter()
                .find(|(i, _)| *i > r && *i < end)
                .or_else(|| h1s.iter().rev().find(|(i, _)| *i < r))
                .or_else(|| h1s.first())
        }
        None => h1s.first(),
    };
    // A headline repeated inside the article body (a print copy, a table of contents) is
    // the page's headline where it first stands, with its dateline and byline beside it.
    let pick = pick.map(|p| h1s.iter().find(|(_, u)| *u == p.1).unwrap_or(p));
    pick.cloned()
}
