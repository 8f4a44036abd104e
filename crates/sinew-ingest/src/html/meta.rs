//! Page metadata: title, author, publication date, site, canonical URL, language, from
//! JSON-LD, meta tags, `<time>`, headings and the URL.
//!
//! Each rule below was tuned on the WCXB dev pages (figures in EVAL.md, `cargo xtask
//! eval-extract`); the order of sources is the order that named the right value most often.
//!
//! **Title.** The `<h1>` that is the metadata title wherever it stands; else an `<h2>`/`<h3>`
//! that is the metadata title and stands before every `<h1>` (blogs that keep `<h1>` for
//! their name; on a page with no `<h1>`, one that holds every word of the metadata title
//! marks where the headline and its dateline stand); else the visible `<h1>` of the article
//! (the first copy where the headline is repeated), unless it shares no word with the
//! metadata titles (a section heading or a logo), is in capitals (styling) or is the metadata
//! title plus a tag line, label or date (then the metadata title). Site suffixes and
//! prefixes, and a host name set beside the title with a separator ("Headline -
//! example.com"), are stripped. Chinese and Japanese titles count a word per two characters
//! and take `_` and `｜` as separators.
//!
//! **Site.** `og:site_name`, JSON-LD's publisher, or what the `<title>` sets beside the
//! OpenGraph title.
//!
//! **Lines near the headline** end where a block starts or ends, and a short label in an
//! element of its own ("Page updated:") labels the date after it. Within a line each date
//! takes the cue nearest before it ("Updated Nov 11 ... originally published Nov 9"), and of
//! two unlabelled dates on one line the earlier is the publication.
//!
//! **Date**, in this order: a date in the canonical URL's path; publication meta keys
//! (`article:published_time` and kin) and microdata, both giving way to a shown dateline more
//! than a day earlier (metadata re-stamped when a post moved); the dateline shown near the
//! headline ("Published ...", a short line that is mostly a date, a `<time>`; inline fields
//! apart); `<time>` (one labelled "Published" first, then the article's own); a shown
//! "Updated" date; a "Posted on ..." line at the article's end or just after it (right on
//! only 0.39 of the dev pages that have one: it can be a comment's); JSON-LD (often a
//! template's stale value, also read from a `<meta name="script:ld+json">`; a bare `WebPage`
//! node's date, when the CMS page was made, is left out); a class-marked date element.
//! Calendar dates are kept as written: converting to UTC lost more dev pages than it won. A
//! numeric date that reads either way round ("03/10/2023") is read as the page's language
//! tag writes it (`<html lang>`, else `og:locale`: month first for `en` and `en-US`, day
//! first elsewhere; `.` is always day first), and takes the reading the JSON-LD confirms. A
//! relative dateline ("3 hours ago", "vor 2 Stunden", "2 часа назад", "3小时前";
//! `date::find_relative`, units up to weeks) counts back from the `WARC-Date` of the record
//! that carried the page; a saved page, with no such moment, gets no date from it.
//!
//! **Author**: JSON-LD and meta (user names and placeholders rejected; where it names the
//! publisher, the site's name, a person the shown byline names wins); then the byline near
//! the headline ("By ...", a label then the name, in English or the field's other languages:
//! "Von", "Автор:", "作者：", a class-marked line, the link inside it, else a dateline that
//! names a person after its date: "Dec 17, 2025 · Julian K. Arni"); then a Twitter card's
//! "Written by" field (the CMS account, after the shown byline that may name a guest); then
//! `rel`/`itemprop="author"` or an author-name class; then a shown link to an author page
//! whose address spells the name ("/authors/trevor-jackins").

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use super::dom::Dom;
use super::entities::decode_str;
use super::tag::Tag;
use crate::date;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: &str) -> Option<String> {
    let s = squash(&decode_str(s));
    (!s.is_empty() && s.len() <= 1000).then_some(s)
}

/// `meta` values by lower-cased `property`, `name` or `itemprop`; the first one wins.
fn collect_meta(dom: &Dom<'_>) -> HashMap<String, String> {
    let mut meta = HashMap::new();
    for i in dom.elements(Tag::Meta) {
        let Some(content) = dom.attr(i, "content") else {
            continue;
        };
        for key in ["property", "name", "itemprop"]
            .into_iter()
            .filter_map(|a| dom.attr_raw(i, a))
        {
            meta.entry(key.trim().to_ascii_lowercase())
                .or_insert_with(|| content.to_string());
        }
    }
    meta
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LinkedData {
    published: Option<String>,
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    /// The article's whole text (`articleBody`), which script-rendered pages carry
    /// when their HTML has none.
    body: Option<String>,
    /// The node is a `WebPage` (or an `ItemPage`, `CollectionPage` ...), not an article:
    /// its `datePublished` is when the CMS page was made, which evergreen pages never show.
    page: bool,
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| s.contains("Article") || s.contains("Posting") || s.contains("Report");
    match v {
        Value::String(s) => check(s),
        Value::Array(a) => a.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

fn is_page_type(v: &Value) -> bool {
    let check = |s: &str| s.ends_with("Page");
    match v {
        Value::String(s) => check(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).all(check) && !a.is_empty(),
        _ => false,
    }
}

fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => nonempty(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(nonempty),
        _ => None,
    };
    match v {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| join_names(&all))
        }
        other => one(other),
    }
}

/// Names as a byline writes them: "A", "A and B", "A, B, and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

fn linked_data(dom: &Dom<'_>) -> LinkedData {
    let mut found: Option<(bool, LinkedData)> = None;
    // Only JSON-LD scripts keep their text when parsed. Some frameworks put the JSON-LD in
    // a `<meta name="script:ld+json">` instead, entity-escaped in its `content`.
    let in_meta = dom.elements(Tag::Meta).filter_map(|i| {
        dom.attr_raw(i, "name")
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("script:ld+json"))
            .then(|| dom.attr(i, "content"))
            .flatten()
            .map(|c| c.to_string())
    });
    let texts = dom
        .elements(Tag::Script)
        .map(|script| dom.inner_text(script))
        .chain(in_meta);
    for text in texts {
        if text.is_empty() {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(o) => {
                    let article = o.get("@type").is_some_and(is_article_type);
                    let useful = o.contains_key("datePublished") || o.contains_key("headline");
                    if useful
                        && found
                            .as_ref()
                            .is_none_or(|(was_article, _)| article && !was_article)
                    {
                        let ld = LinkedData {
                            published: o
                                .get("datePublished")
                                .and_then(Value::as_str)
                                .map(str::to_string),
                            headline: o.get("headline").and_then(Value::as_str).and_then(nonempty),
                            author: o.get("author").and_then(names),
                            publisher: o.get("publisher").and_then(names),
                            page: o.get("@type").is_some_and(is_page_type),
                            body: o
                                .get("articleBody")
                                .and_then(Value::as_str)
                                .filter(|b| !b.trim().is_empty())
                                .map(str::to_string),
                        };
                        found = Some((article, ld));
                    }
                    stack.extend(o.values().filter(|v| v.is_array() || v.is_object()));
                }
                _ => {}
            }
        }
    }
    found.map(|(_, ld)| ld).unwrap_or_default()
}

/// What a title sets between a headline and a site's name or tag line.
const TITLE_SEPARATORS: [char; 6] = ['|', '-', '\u{2013}', '\u{2014}', '\u{b7}', '\u{2022}'];

/// The site's name that a page's `<title>` sets beside its OpenGraph title with a
/// separator ("Engora Data Blog: Small adventures ..." beside "Small adventures ...").
fn site_beside_title(title: String, og_title: &str) -> Option<String> {
    let title = squash(&decode_str(&title));
    let og_title = og_title.trim();
    if og_title.is_empty() || title.len() <= og_title.len() {
        return None;
    }
    let rest = if let Some(head) = title.strip_suffix(og_title) {
        let head = head.trim_end();
        head.strip_suffix(':')
            .or_else(|| head.strip_suffix(TITLE_SEPARATORS))?
    } else {
        let tail = title.strip_prefix(og_title)?.trim_start();
        tail.strip_prefix(TITLE_SEPARATORS)?
    };
    let rest = rest.trim();
    (!rest.is_empty() && rest.split_whitespace().count() <= 6).then(|| rest.to_string())
}

/// Strips a trailing " | Site" or " - Site" from a page title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut title = strip_label(title);
    // "Site | Headline": the site's name before a separator.
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", ": "] {
            let prefixed = title
                .get(..site.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(site))
                && title[site.len()..].starts_with(sep);
            if prefixed && title.len() > site.len() + sep.len() {
                title = title[site.len() + sep.len()..].to_string();
                break;
            }
        }
    }
    // Chinese and Japanese titles set the site's name beside the headline without spaces
    // ("标题_新华网", "标题｜人民网").
    let cjk_seps: &[&str] = if title.chars().any(crate::lang::is_wide) {
        &["_", "｜", "|", "-", "—"]
    } else {
        &[]
    };
    for _ in 0..3 {
        let cut = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]
            .iter()
            .chain(cjk_seps)
            .find_map(|sep| {
                let pos = title.rfind(sep)?;
                let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
                let tail_words = crate::lang::word_count(tail);
                let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
                let head_words = crate::lang::word_count(head);
                // After a pipe, a long tail is a tag line ("History of coffee | Origin, Spread").
                let site_like = (*sep == " | " && head_words >= 3)
                    || (tail_words <= 5
                        && head_words >= 2
                        && (matches!(*sep, " | " | " • ")
                            || cjk_seps.contains(sep)
                            || tail.chars().next().is_some_and(|c| c.is_uppercase())));
                (is_site || site_like).then_some(pos)
            });
        match cut {
            Some(pos) => title.truncate(pos),
            None => break,
        }
    }
    title.trim().to_string()
}

/// Whether a word is a host name ("freederia.com", "davidbau.com"): labels of letters,
/// digits and hyphens, dot-separated, ending in a top-level domain of letters.
fn is_host(word: &str) -> bool {
    let mut labels = word.split('.');
    let Some(tld) = word.rsplit('.').next() else {
        return false;
    };
    word.contains('.')
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && labels.all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// A title without the site's host name before or after it ("davidbau.com Vibe Coding",
/// "Headline - freederia.com"), as some pages put it in the headline itself.
fn strip_domain(title: &str) -> String {
    let mut t = title.trim();
    // A separator must stand beside the host: "Booking.com to cut jobs" is a headline.
    if let Some((first, rest)) = t.split_once(' ') {
        let trimmed = rest.trim_start_matches(['|', '-', '\u{2013}', '\u{2014}', ':', ' ']);
        if is_host(first) && trimmed.len() < rest.len() && trimmed.split_whitespace().count() >= 2 {
            t = trimmed;
        }
    }
    if let Some((head, last)) = t.rsplit_once(' ') {
        let head = head.trim_end_matches(['|', '-', '\u{2013}', '\u{2014}', ':', ' ']);
        if is_host(last)
            && head.len() < t.len() - last.len() - 1
            && head.split_whitespace().count() >= 2
        {
            t = head;
        }
    }
    t.to_string()
}

/// A headline without the markup or label some sites leave in it: "## Headline",
/// "Title: Headline".
fn strip_label(title: &str) -> String {
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

fn is_web_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What a page says about itself.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) site: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: Option<String>,
    /// JSON-LD's `articleBody` as written (character references and markup undecoded):
    /// the text of a page whose HTML is a script shell.
    pub(crate) article_body: Option<String>,
}

/// Letters and digits only, lower case: two spellings of one headline compare equal.
pub(super) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
fn choose_title(visible: Option<String>, meta: &[String]) -> Option<String> {
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
fn headline(
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

/// The date with day and month exchanged, when both are 12 or less.
fn swapped(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (d.day() <= 12 && d.day() != d.month())
        .then(|| NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()))
        .flatten()
}

/// How much visible text after the headline may hold its dateline.
const DATELINE_WINDOW: usize = 1500;

/// Words that say a date is when the article was first published.
const PUBLISHED_CUES: [&str; 3] = ["publish", "posted", "written"];

/// Words that say a date is when the article was last changed.
const UPDATED_CUES: [&str; 3] = ["updated", "modified", "reviewed"];

/// Where the last of `cues` stands in `lower`, if any does.
fn last_cue(lower: &str, cues: &[&str]) -> Option<usize> {
    cues.iter().filter_map(|c| lower.rfind(c)).max()
}

/// The date the page shows with the article: the first short line with a date in the
/// headline's container and the text after it (a `<time>` counts by its `datetime`), a date
/// labelled "published" or "posted" preferred to one labelled "updated".
fn shown_date(
    dom: &Dom<'_>,
    headline: usize,
    visible: &dyn Fn(usize) -> bool,
    order: date::DayOrder,
    fetched: Option<NaiveDateTime>,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut found: Vec<(NaiveDate, bool, bool)> = Vec::new();
    let mut label = (false, false);
    for line in lines_from(dom, around(dom, headline), visible, DATELINE_WINDOW) {
        // Runs of layout whitespace are not text: "Dec 26, 2025   •  A. Writer".
        let squashed = squash(&line.text);
        let text = squashed.as_str();
        let lower = text.to_lowercase();
        let (label_published, label_updated) = std::mem::take(&mut label);
        let line_published = label_published || last_cue(&lower, &PUBLISHED_CUES).is_some();
        let line_updated = label_updated || last_cue(&lower, &UPDATED_CUES).is_some();
        let dates = if text.len() > 120 {
            Vec::new()
        } else {
            date::find_date_spans_in(&lower, order)
        };
        // A `<time>` gives its date by its `datetime` (its text may be "3 days ago", or
        // another day than the machine-readable one), its label standing beside it; unless
        // the line writes that day out among others, each with its own label.
        if let Some(d) = line
            .stamp
            .filter(|&d| !dates.iter().any(|&(t, _, _)| t == d))
        {
            found.push((d, line_published, line_updated));
            continue;
        }
        if dates.is_empty() {
            // A dateline that is mostly "3 hours ago" counts back from when the page was
            // fetched; it is looked for only where that moment is known.
            let relative = fetched
                .filter(|_| text.len() <= 120)
                .and_then(|at| Some((at, date::find_relative(&lower)?)))
                .filter(|(_, (_, from, to))| lower.len().saturating_sub(to - from) <= 50);
            if let Some(when) = relative.and_then(|(at, (ago, _, _))| at.checked_sub_signed(ago)) {
                found.push((when.date(), line_published, line_updated));
                continue;
            }
            if text.len() <= 30 {
                // A label set apart from its date ("Last updated:" in one element, the
                // date in the next) labels the next line.
                label = (line_published, line_updated);
            }
            continue;
        }
        // A dateline is mostly its dates, or marks one up as a `<time>`; a date inside a
        // sentence is not one.
        let dated: usize = dates.iter().map(|(_, from, to)| to - from).sum();
        let dateline = line.stamp.is_some() || lower.len().saturating_sub(dated) <= 50;
        if !(line_published || line_updated || dateline) {
            continue;
        }
        let first = found.len();
        for &(d, from, _) in &dates {
            // Each date takes the label that stands nearest before it in the line ("Written
            // by A. Writer, updated on May 2, 2025"; "Updated May 2, 2025, originally
            // published April 30, 2025"), else the line's.
            let before = &lower[..from];
            let (p, u) = (
                last_cue(before, &PUBLISHED_CUES),
                last_cue(before, &UPDATED_CUES),
            );
            let (published, updated) = match (p, u) {
                (Some(p), Some(u)) => (p > u, u > p),
                (Some(_), None) => (true, false),
                (None, Some(_)) => (false, true),
                // A label after the line's only date ("May 2, 2025 (updated)") is its.
                (None, None) if dates.len() == 1 => (line_published, line_updated),
                (None, None) => (false, false),
            };
            found.push((d, published, updated));
        }
        // Two dates on one line with no labels ("May 21, 2025  April 24, 2025 by ..."): the
        // earlier is when it was published, the later when it was updated.
        if found.len() - first > 1 && found[first..].iter().all(|&(_, p, u)| !p && !u) {
            let earliest = found[first..].iter().map(|(d, _, _)| *d).min();
            for f in &mut found[first..] {
                f.2 = Some(f.0) != earliest;
            }
        }
    }
    // Only an "updated" date shown: the metadata's publication date, if any, is better.
    let shown = found
        .iter()
        .find(|(_, published, _)| *published)
        .or_else(|| found.iter().find(|(_, _, updated)| !*updated))
        .map(|(d, _, _)| *d);
    (shown, found.first().map(|(d, _, _)| *d))
}

/// How much visible text after the article may hold a closing "Posted on ..." line.
const TRAILER_WINDOW: usize = 300;

/// A date given at the very end of the article or just after it, as blogs close a post
/// ("Posted on the 15/12/2025 at 19:00 by ..."): a short line that says it was published,
/// or is only a date.
fn trailer_date(
    dom: &Dom<'_>,
    root: usize,
    visible: &dyn Fn(usize) -> bool,
    order: date::DayOrder,
) -> Option<NaiveDate> {
    // From the article's last lines (the closing line may sit inside it) on past its end.
    let end = dom.nodes[root].end as usize;
    let mut start = end;
    let mut seen = 0;
    while start > root + 1 && seen < TRAILER_WINDOW {
        start -= 1;
        if dom.nodes[start].tag == Tag::Text {
            seen += dom.text(start).trim().len();
        }
    }
    lines_from(dom, start, visible, 2 * TRAILER_WINDOW)
        .iter()
        .find_map(|line| {
            let text = squash(&line.text);
            let lower = text.to_lowercase();
            if text.len() > 120 || lower.contains("updated") || lower.contains("modified") {
                return None;
            }
            let (d, from, to) = date::find_date_span_in(&text, order)?;
            let said = last_cue(&lower, &PUBLISHED_CUES).is_some();
            (said || text.len() - (to - from) <= 5).then_some(d)
        })
}

/// Whether the words just before element `i` (its label) say it is the publication date
/// ("Published", "Posted on"), not the update's.
fn labelled_published(dom: &Dom<'_>, i: usize) -> bool {
    let label = (i.saturating_sub(8)..i)
        .rev()
        .filter(|&j| dom.nodes[j].tag == Tag::Text)
        .map(|j| dom.text(j).trim())
        .find(|t| !t.is_empty());
    label.is_some_and(|l| {
        let lower = l.to_lowercase();
        l.len() <= 40
            && (lower.contains("publish") || lower.contains("posted"))
            && !lower.contains("updat")
            && !lower.contains("modif")
    })
}

/// Words that introduce a byline.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "authored by",
    "words by",
    "text by",
    "article by",
    "author",
    "authors",
    "writer",
    "contributor",
    "contributors",
    // Other languages of the field's pages ("von", "par", "por": see `PREPOSITIONS`).
    "von",
    "autor",
    "autorin",
    "auteur",
    "par",
    "por",
    "autore",
    "автор",
    "авторы",
    "作者",
    "记者",
    "記者",
];

/// Byline labels that are also everyday prepositions and particles: "Von der Leyen says
/// ..." under a headline is not a byline. After them the name must look like a person's.
const PREPOSITIONS: &[&str] = &["von", "par", "por"];

/// Whether a byline's text can be a name: a few words, no URL, e-mail or machine value, and
/// not a user name ("kffnirmitap", "andrew.keaveney") or a placeholder.
fn plausible_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let lower = s.to_lowercase();
    // Placeholders, and labels that stand where a name should.
    let placeholder = [
        "undefined",
        "null",
        "admin",
        "webmaster",
        "administrator",
        "none",
        "updated",
        "published",
        "posted",
        "share",
        "follow",
        "author",
        "by",
    ]
    .contains(&lower.trim_end_matches([':', '.', ' ']));
    // What stands beside a name in a byline, not a name: "Sat", "Jun 2".
    let calendar = s.split_whitespace().all(|w| {
        let w = w.trim_end_matches(['.', ',']).to_ascii_lowercase();
        w.chars().all(|c| c.is_ascii_digit())
            || date::MONTH_NAMES
                .iter()
                .any(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && w.len() <= 4))
            || date::WEEKDAY_NAMES
                .iter()
                .any(|d| d.starts_with(&w) && w.len() >= 3)
    });
    let handle = words == 1
        && (s.contains(['.', '_', '@'])
            || s.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()));
    (1..=12).contains(&words)
        && s.len() <= 120
        && !placeholder
        && !calendar
        && !handle
        && !is_web_url(s)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && date::find_date(s).is_none()
}

/// The name in a byline line: "By Jane Doe", "Written by Jane Doe | June 3, 2024",
/// "by Jane Doe on June 3"; the label alone gives an empty name.
fn byline_name(line: &str) -> Option<String> {
    let squashed = squash(line);
    let lower = squashed.to_lowercase();
    let label = BYLINE_LABELS.iter().find(|l| {
        lower.starts_with(*l)
            && lower[l.len()..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ' ' | ':' | '\u{ff1a}'))
    })?;
    // Lower-casing can change a character's length ("İ"): the label's end must also be a
    // character boundary of the line itself.
    let name = clean_name(
        squashed
            .get(label.len()..)?
            .trim_start_matches([':', ' ', '\u{ff1a}']),
    );
    if PREPOSITIONS.contains(label) && !person_like(&name) {
        return None;
    }
    Some(name)
}

/// A name without what bylines put after it: a date, a separator and a role or reading
/// time, "on ...".
fn clean_name(text: &str) -> String {
    let mut name = squash(text);
    if let Some((_, start, _)) = date::find_date_span(&name) {
        name.truncate(start);
    }
    // A date run into the name by the markup: "Luke KimDecember 17, 2025".
    if let Some(pos) = glued_month(&name) {
        name.truncate(pos);
    }
    // A reading time run in: "the Lavazza Team 2–3 minutes", "Jane Doe 4 min read".
    let words: Vec<&str> = name.split(' ').collect();
    if let Some(at) = words.windows(2).position(|w| {
        w[0].starts_with(|c: char| c.is_ascii_digit()) && w[1].to_lowercase().starts_with("min")
    }) {
        name = words[..at].join(" ");
    }
    for sep in [
        "|",
        ". Reviewed by",
        " Reviewed by",
        "\u{2022}",
        "\u{22c5}",
        " \u{b7} ",
        " on ",
        " - ",
        " \u{2014} ",
        " \u{2013} ",
        " Published",
        " Updated",
    ] {
        if let Some(pos) = name.find(sep) {
            name.truncate(pos);
        }
    }
    name.trim_end_matches([
        ',', ' ', '|', '-', '\u{2014}', '\u{2013}', '\u{b7}', '\u{2022}', '\u{22c5}', '*',
        '\u{25cf}',
    ])
    .to_string()
}

/// Whether element `i` or one of its two nearest ancestors is marked as a byline by its
/// class, id, `rel` or `itemprop`.
fn marked_byline(dom: &Dom<'_>, mut i: usize) -> bool {
    for _ in 0..3 {
        let marked = ["class", "id", "rel", "itemprop"].iter().any(|a| {
            dom.attr_raw(i, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                (v.contains("author")
                    && !v.contains("avatar")
                    && !v.contains("img")
                    && !v.contains("image"))
                    || v.contains("byline")
                    || v.contains("writer")
            })
        });
        if marked {
            return true;
        }
        match dom.nodes[i].parent {
            p if p != u32::MAX => i = p as usize,
            _ => return false,
        }
    }
    false
}

/// The author as the page shows it near the headline: "By Jane Doe", a "By" or "Written by"
/// label followed by the name, or a short line in an element marked as a byline.
fn byline(
    dom: &Dom<'_>,
    headline: usize,
    visible: &dyn Fn(usize) -> bool,
    site: Option<&str>,
) -> Option<String> {
    let lines = lines_from(dom, around(dom, headline), visible, DATELINE_WINDOW);
    for (
        n,
        Line {
            text: line,
            owner: at,
            ..
        },
    ) in lines.iter().enumerate()
    {
        if line.len() > 150 {
            continue;
        }
        if let Some(name) = byline_name(line) {
            if name.is_empty() {
                // The label stands alone; the name is the next line.
                if let Some(next) = lines.get(n + 1) {
                    let next = squash(&next.text);
                    if plausible_name(&next) {
                        return Some(next);
                    }
                }
            } else if plausible_name(&name) {
                return Some(name);
            }
            continue;
        }
        if line.len() <= 80 && marked_byline(dom, *at) {
            let name = link_name(dom, *at).unwrap_or_else(|| clean_name(line));
            if plausible_name(&name) {
                return Some(name);
            }
        }
    }
    // No labelled byline: a dateline that names a person after its date ("Dec 17, 2025
    // Julian K. Arni", "Dec. 19, 2025 \u{b7} Niko Matsakis on behalf of ...").
    // The site's own name in that place is the publisher, not a person.
    lines
        .iter()
        .find_map(|line| dated_name(&squash(&line.text)))
        .filter(|name| site.is_none_or(|s| fold(s) != fold(name)))
}

/// The person named after the date that opens a short dateline.
fn dated_name(line: &str) -> Option<String> {
    if line.len() > 100 {
        return None;
    }
    let (_, start, end) = date::find_date_span(line)?;
    // Only a label may stand before the date ("Published August 7, 2023 by Nicole Burke").
    let head = line[..start].trim().trim_end_matches(':').to_lowercase();
    let head = head.strip_suffix(" on").unwrap_or(&head);
    if !["", "published", "posted", "updated", "last updated"].contains(&head) {
        return None;
    }
    let rest = line[end..].trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{b7}' | '\u{2022}' | '\u{22c5}' | '|' | '-' | '\u{2013}' | '\u{2014}' | ','
            )
    });
    let rest = rest
        .strip_prefix("by ")
        .or_else(|| rest.strip_prefix("By "))
        .unwrap_or(rest);
    let name = clean_name(rest);
    let name = [" on behalf of", " in ", " for "]
        .iter()
        .fold(name, |n, cut| match n.find(cut) {
            Some(pos) => n[..pos].to_string(),
            None => n,
        });
    person_like(&name).then_some(name)
}

/// Two to four words, each a capitalised word or an initial ("K."), no digits: the shape
/// of a person's name, stricter than [`plausible_name`] for a line with no byline label.
fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && plausible_name(name)
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
        })
}

/// The text of an element marked as the author anywhere on the page (`rel="author"`,
/// `itemprop="author"`, a class naming the author), for pages whose byline is far from the
/// headline.
fn marked_author(dom: &Dom<'_>, visible: &dyn Fn(usize) -> bool) -> Option<String> {
    (0..dom.nodes.len()).find_map(|i| {
        let node = dom.nodes[i];
        if node.tag == Tag::Text || node.end as usize - i > 12 {
            return None;
        }
        let is = |attr: &str, value: &str| {
            dom.attr_raw(i, attr)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
        };
        // rel and itemprop say "author" on purpose, wherever the theme puts them (author
        // boxes sit in asides and footers); a class must be on something shown.
        let marked = is("rel", "author")
            || is("itemprop", "author")
            || visible(i)
                && dom.attr_raw(i, "class").is_some_and(|c| {
                    c.split_ascii_whitespace().any(|t| {
                        let t = t.to_ascii_lowercase();
                        // "author", "author-name", "wp-block-post-author-name",
                        // "byline__name"; not "author-avatar" or "authors-list".
                        t == "author"
                            || (t.contains("author") || t.contains("byline")) && t.contains("name")
                    })
                });
        if !marked {
            return None;
        }
        let text = squash(&dom.inner_text(i));
        let name = link_name(dom, i)
            .or_else(|| byline_name(&text))
            .unwrap_or_else(|| clean_name(&text));
        plausible_name(&name).then_some(name)
    })
}

/// Where a month name starts right after a lower-case letter and is followed by a day.
fn glued_month(name: &str) -> Option<usize> {
    const MONTH_NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let bytes = name.as_bytes();
    MONTH_NAMES.iter().find_map(|m| {
        let pos = name.find(m)?;
        let glued = pos > 0 && bytes[pos - 1].is_ascii_lowercase();
        let day = name[pos + m.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        (glued && day).then_some(pos)
    })
}

/// The text of a link inside element `i` (or `i` itself) that reads as a name: bylines link
/// the author's page, and the link leaves out the role or outlet written beside it.
/// A shown link to the author's page ("/authors/trevor-jackins") whose text is the name its
/// address spells: the byline of themes that mark it no other way.
fn author_link(dom: &Dom<'_>, visible: &dyn Fn(usize) -> bool) -> Option<String> {
    dom.elements(Tag::A).filter(|&i| visible(i)).find_map(|i| {
        let href = dom.attr(i, "href")?;
        let path = href.split(['?', '#']).next().unwrap_or("");
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        let slug = parts
            .by_ref()
            .skip_while(|p| !matches!(p.to_ascii_lowercase().as_str(), "author" | "authors"))
            .nth(1)?;
        // The link's first text: a role set in an element after the name is not the name.
        let end = dom.nodes[i].end as usize;
        let text = (i + 1..end)
            .filter(|&j| dom.nodes[j].tag == Tag::Text)
            .map(|j| dom.text(j))
            .find(|t| !t.trim().is_empty())?;
        let name = clean_name(text);
        let first = fold(name.split_whitespace().next()?);
        (person_like(&name) && first.len() >= 2 && fold(slug).starts_with(&first)).then_some(name)
    })
}

fn link_name(dom: &Dom<'_>, i: usize) -> Option<String> {
    let end = dom.nodes[i].end as usize;
    (i..end)
        .filter(|&j| dom.nodes[j].tag == Tag::A)
        .map(|j| clean_name(&dom.inner_text(j)))
        .find(|n| plausible_name(n) && n.split_whitespace().count() >= 2)
}

/// Where to look for the dateline and byline of a headline: a little before its container
/// when that is small (they may stand above it), else a little before the headline.
fn around(dom: &Dom<'_>, headline: usize) -> usize {
    let start = match dom.nodes[headline].parent {
        p if p != u32::MAX && headline - (p as usize) < 40 => p as usize,
        _ => headline,
    };
    // Themes put the byline and date above the headline's own container too: a few
    // elements before it are read as well (the dev pages: date 0.818 -> 0.821).
    start.saturating_sub(BEFORE_HEADLINE)
}

/// Nodes before the headline's container that may hold its byline and dateline.
const BEFORE_HEADLINE: usize = 40;

/// The visible text from node `start` on, a line per block with the element that holds
/// it, until `budget` bytes of text have been seen.
fn lines_from(
    dom: &Dom<'_>,
    start: usize,
    visible: &dyn Fn(usize) -> bool,
    budget: usize,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line {
        text: String::new(),
        owner: start,
        stamp: None,
    };
    let mut seen = 0;
    let mut i = start;
    // Where the open blocks end: leaving one ends its line too, so a headline's dateline
    // set in a `<span>` after the `<h1>` is a line of its own.
    let mut block_ends: Vec<usize> = Vec::new();
    let flush = |line: &mut Line, lines: &mut Vec<Line>| {
        let text = line.text.trim();
        if !text.is_empty() {
            lines.push(Line {
                text: text.to_string(),
                owner: line.owner,
                stamp: line.stamp,
            });
        }
        line.text.clear();
        line.stamp = None;
    };
    while i < dom.nodes.len() && seen < budget {
        if block_ends.last().is_some_and(|&end| end <= i) {
            while block_ends.last().is_some_and(|&end| end <= i) {
                block_ends.pop();
            }
            flush(&mut line, &mut lines);
        }
        let node = dom.nodes[i];
        if node.tag == Tag::Text {
            let t = dom.text(i);
            seen += t.trim().len();
            if line.text.trim().is_empty() {
                // Text outside every element (after a stray `</html>`, or before any tag)
                // is owned by itself: it has no element to look up.
                line.owner = match node.parent {
                    u32::MAX => i,
                    parent => parent as usize,
                };
            }
            line.text.push_str(t);
            i += 1;
            continue;
        }
        if !visible(i) {
            i = node.end as usize;
            continue;
        }
        if node.tag.is_block() {
            flush(&mut line, &mut lines);
            block_ends.push(node.end as usize);
        } else if line.text.ends_with(|c: char| !c.is_whitespace()) {
            // Inline elements set side by side ("<span>Dec 17, 2025</span><span>Julian
            // K. Arni</span>") are separate fields of a dateline, not one word.
            line.text.push(' ');
        }
        if node.tag == Tag::Time && line.stamp.is_none() {
            line.stamp = dom.attr(i, "datetime").and_then(|d| date::parse_date(&d));
        }
        i += 1;
    }
    flush(&mut line, &mut lines);
    lines
}

/// One line of visible text: the element that holds its first words, and the date of the
/// first `<time datetime>` in it.
struct Line {
    text: String,
    owner: usize,
    stamp: Option<NaiveDate>,
}

/// A `datePublished` in microdata on an element other than `<meta>` (`<abbr>`, `<span>`,
/// `<time>`): its `content`, `datetime` or `title`, else its text.
fn itemprop_date(dom: &Dom<'_>) -> Option<NaiveDate> {
    (0..dom.nodes.len()).find_map(|i| {
        let node = dom.nodes[i];
        if node.tag == Tag::Text || node.tag == Tag::Meta {
            return None;
        }
        if !dom
            .attr_raw(i, "itemprop")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("datePublished"))
        {
            return None;
        }
        ["content", "datetime", "title"]
            .iter()
            .find_map(|a| dom.attr(i, a).and_then(|v| date::parse_date(&v)))
            .or_else(|| date::parse_date(&dom.inner_text(i)))
    })
}

/// The first visible element anywhere whose class or id says it holds the publication
/// date ("post-date", "published", "entry-date") and whose short text is a date.
fn marked_date(
    dom: &Dom<'_>,
    visible: &dyn Fn(usize) -> bool,
    order: date::DayOrder,
) -> Option<NaiveDate> {
    (0..dom.nodes.len()).find_map(|i| {
        let node = dom.nodes[i];
        if node.tag == Tag::Text || node.end as usize - i > 16 || !visible(i) {
            return None;
        }
        let marked = ["class", "id"].iter().any(|a| {
            dom.attr_raw(i, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                (v.contains("date") || v.contains("publish") || v.contains("posted"))
                    && !v.contains("updat")
                    && !v.contains("modif")
            })
        });
        if !marked {
            return None;
        }
        let text = dom.inner_text(i);
        let text = text.trim();
        let (d, from, to) = date::find_date_span_in(text, order).filter(|_| text.len() <= 80)?;
        (text.len() - (to - from) <= 40).then_some(d)
    })
}

fn first_text(dom: &Dom<'_>, tag: Tag) -> Option<String> {
    dom.elements(tag).find_map(|i| nonempty(&dom.inner_text(i)))
}

/// Reads the metadata; `root` is the element chosen as the article, where a `<time>` is
/// most likely the article's own.
pub(crate) fn read(
    dom: &Dom<'_>,
    root: Option<usize>,
    visible: &dyn Fn(usize) -> bool,
    fetched: Option<NaiveDateTime>,
) -> Meta {
    let meta = collect_meta(dom);
    let html_lang = dom
        .elements(Tag::Html)
        .next()
        .and_then(|i| dom.attr(i, "lang"))
        .map(|l| l.to_string());
    let ld = linked_data(dom);
    let m = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta.get(*k).and_then(|v| nonempty(v)))
    };

    let site = m(&["og:site_name", "application-name"])
        .or(ld.publisher)
        .or_else(|| site_beside_title(first_text(dom, Tag::Title)?, &m(&["og:title"])?));
    let meta_titles: Vec<String> = [
        m(&["og:title"]),
        m(&["twitter:title"]),
        ld.headline,
        first_text(dom, Tag::Title),
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_site_suffix(&t, site.as_deref()))
    .filter(|t| !t.is_empty())
    .collect();
    let headline = headline(dom, root, visible, site.as_deref(), &meta_titles);
    let title = choose_title(headline.as_ref().map(|(_, t)| t.clone()), &meta_titles)
        .map(|t| strip_domain(&t));

    let url = dom
        .elements(Tag::Link)
        .find_map(|i| {
            let rel = dom.attr_raw(i, "rel")?;
            if !rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
            {
                return None;
            }
            dom.attr(i, "href")
                .filter(|h| is_web_url(h))
                .map(|h| h.trim().to_string())
        })
        .or_else(|| m(&["og:url"]).filter(|u| is_web_url(u)));

    let in_root = |i: usize| root.is_some_and(|r| i > r && i < dom.nodes[r].end as usize);
    let times: Vec<usize> = dom
        .elements(Tag::Time)
        .filter(|&i| dom.attr_raw(i, "datetime").is_some())
        .collect();
    // A `<time>` labelled as the publication, then the article's own, then one marked up
    // as a publication date.
    let time = times
        .iter()
        .copied()
        .find(|&i| labelled_published(dom, i))
        .or_else(|| times.iter().copied().find(|&i| in_root(i)))
        .or_else(|| {
            times.iter().copied().find(|&i| {
                dom.attr_raw(i, "itemprop").is_some() || dom.attr_raw(i, "pubdate").is_some()
            })
        })
        .or_else(|| {
            // All the page's time stamps name one day: that day is the article's.
            let mut days = times
                .iter()
                .filter_map(|&i| dom.attr(i, "datetime").and_then(|d| date::parse_date(&d)));
            let first = days.next()?;
            days.all(|d| d == first).then(|| times[0])
        });
    let shown_from = headline.as_ref().map(|(i, _)| *i).or(root);
    // How the page writes a numeric date that reads either way: by its language tag.
    let order = html_lang
        .clone()
        .or_else(|| m(&["og:locale"]))
        .map_or(date::DayOrder::MonthFirst, |tag| {
            date::DayOrder::of_locale(&tag)
        });
    let (shown, shown_updated) = shown_from.map_or((None, None), |from| {
        shown_date(dom, from, visible, order, fetched)
    });
    // A shown numeric date whose day and month could be either way round ("09.10.2024")
    // takes the reading that the metadata confirms.
    let ld_date = ld.published.as_deref().and_then(date::parse_date);
    let shown = shown.map(|d| match ld_date {
        Some(meta) if Some(meta) == swapped(d) => meta,
        _ => d,
    });
    // The order is by how often each source names the day the article was published, as
    // measured on the dev pages: a date in the URL's path is minted by the CMS on
    // publication and is never wrong there (31 of 31); OpenGraph's `article:published_time`
    // and microdata come next (unless the page shows an earlier day, below); then the
    // dateline the reader sees; then a `<time>` element, an "updated" dateline, a closing
    // "Posted on" line (right on only 0.39 of the pages that have one: it can be a
    // comment's), JSON-LD (often a template's stale value: 0.82 right where present; a bare
    // `WebPage` node's date is left out), and an element marked as a date.
    let meta_published = m(&[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published",
        "published_date",
        "publication_date",
        "citation_publication_date",
        "citation_date",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.created",
        "dcterms.date",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "published_time",
        "release_date",
    ])
    .and_then(|d| date::parse_date(&d))
    .or_else(|| {
        // Site-specific names ("w-published-date", "cludo:date" aside): any meta key that
        // speaks of publishing and not of updating.
        let mut keys: Vec<&String> = meta
            .keys()
            .filter(|k| k.contains("publish") && !k.contains("modif") && !k.contains("updat"))
            .collect();
        keys.sort();
        keys.iter().find_map(|k| date::parse_date(&meta[*k]))
    })
    .or_else(|| itemprop_date(dom));
    // A dateline shown more than a day before the metadata's date is when the article was
    // first published: a CMS stamps its metadata anew when a post is moved or republished
    // (a 2013 post stamped 2024), while a page rarely shows an earlier date that is not
    // the article's. A day apart is left to the metadata, which may be another time
    // zone's day. (On the dev pages: 3 right, none lost.)
    let meta_published = meta_published.map(|m| match shown {
        Some(s) if (m - s).num_days() > 1 => s,
        _ => m,
    });
    let published = url
        .as_deref()
        .and_then(date::url_date)
        .or(meta_published)
        .or(shown)
        .or_else(|| {
            time.and_then(|t| dom.attr(t, "datetime"))
                .and_then(|d| date::parse_date(&d))
        })
        .or(shown_updated)
        .or_else(|| root.and_then(|r| trailer_date(dom, r, visible, order)))
        .or(ld_date.filter(|_| !ld.page))
        .or_else(|| marked_date(dom, visible, order));

    let author = ld
        .author
        .or_else(|| {
            m(&[
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "dc.creator",
                "byl",
            ])
        })
        .filter(|a| !is_web_url(a))
        .map(|a| match a.get(..3) {
            Some(by) if by.eq_ignore_ascii_case("by ") => clean_name(&a[3..]),
            _ => clean_name(&a),
        })
        .filter(|a| plausible_name(a));
    let shown_byline = || shown_from.and_then(|from| byline(dom, from, visible, site.as_deref()));
    // Metadata that names the publisher as the author (the CMS's organisation account)
    // gives way to a person the page's byline names ("Tracy Parker, Dietitian" for
    // "British Heart Foundation").
    let publisher_named = |a: &str| {
        site.as_deref().is_some_and(|s| {
            let (a, s) = (a.to_lowercase(), s.to_lowercase());
            a.len() >= 3 && s.len() >= 3 && (a.contains(&s) || s.contains(&a))
        })
    };
    let author = match author {
        Some(a) if publisher_named(&a) => match shown_byline() {
            Some(b) if b != a && person_like(b.split(',').next().unwrap_or_default()) => Some(b),
            _ => Some(a),
        },
        Some(a) => Some(a),
        None => shown_byline(),
    }
    .or_else(|| {
        // Twitter cards label extra fields, and SEO plugins put the CMS account's name
        // in one ("twitter:label1" "Written by"): after the shown byline, which names a
        // guest author where the account does not.
        (1..=4).find_map(|n| {
            let label = meta.get(&format!("twitter:label{n}"))?;
            let label = label.trim().to_ascii_lowercase();
            (label == "written by" || label == "author" || label == "by")
                .then(|| meta.get(&format!("twitter:data{n}")))
                .flatten()
                .map(|a| clean_name(a))
                .filter(|a| plausible_name(a))
        })
    })
    .or_else(|| marked_author(dom, visible))
    .or_else(|| author_link(dom, visible));

    let lang = html_lang.and_then(|l| crate::lang::primary_subtag(&l));

    Meta {
        title,
        author,
        published,
        site,
        url,
        lang,
        article_body: ld.body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_other_languages() {
        for (line, want) in [
            ("Von Hans Müller", Some("Hans Müller")),
            ("Par Jean Dupont", Some("Jean Dupont")),
            ("Автор: Иван Петров", Some("Иван Петров")),
            ("作者：王明", Some("王明")),
            // The same words as the start of a sentence are no byline.
            ("Von der Leyen says the bloc will act", None),
            ("Par for the course in Brussels", None),
            ("Por fin, un acuerdo", None),
        ] {
            assert_eq!(byline_name(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn names_and_what_stands_beside_them() {
        // What a byline runs into the name is cut.
        for (text, want) in [
            ("the Lavazza Team 2\u{2013}3 minutes", "the Lavazza Team"),
            ("Jane Doe 4 min read", "Jane Doe"),
            ("Angela Holliday-Bell, MD*", "Angela Holliday-Bell, MD"),
            ("Luke KimDecember 17, 2025", "Luke Kim"),
        ] {
            assert_eq!(clean_name(text), want, "{text}");
        }
        // A weekday, a month and a day, or a label are not names; names that begin like a
        // month are.
        for text in ["Sat", "Jun 2", "Published:", "March", "Sept. 3"] {
            assert!(!plausible_name(text), "{text}");
        }
        for text in [
            "Mark Janssen",
            "Janet",
            "Augustine Ode",
            "May Chen",
            "Junior Diaz",
        ] {
            assert!(plausible_name(text), "{text}");
        }
    }

    #[test]
    fn host_names_beside_a_title() {
        let cases = [
            (
                "Martian Concrete Construction - freederia.com",
                "Martian Concrete Construction",
            ),
            (
                "davidbau.com | Vibe Coding at Scale",
                "Vibe Coding at Scale",
            ),
            // A company named by its address is part of the headline.
            ("Booking.com to cut jobs", "Booking.com to cut jobs"),
            ("Shares of Amazon.com", "Shares of Amazon.com"),
            ("Version 2.0 released", "Version 2.0 released"),
        ];
        for (title, want) in cases {
            assert_eq!(strip_domain(title), want, "{title}");
        }
    }

    #[test]
    fn titles() {
        let cases = [
            (
                "Kim meets Putin | World News | The Paper",
                None,
                "Kim meets Putin",
            ),
            (
                "Russia and China sign deal - BBC News",
                None,
                "Russia and China sign deal",
            ),
            ("Kim Jong Un – a profile", None, "Kim Jong Un – a profile"),
            ("Trade rises - example", Some("example"), "Trade rises"),
            ("Single", None, "Single"),
            (
                "History of coffee | Origin, Spread, Ethiopia, Arabia, Facts",
                None,
                "History of coffee",
            ),
            (
                "Planning in Event Management • Event Institute",
                None,
                "Planning in Event Management",
            ),
            (
                "The Harbour Times | Port Traffic Rises Again",
                Some("The Harbour Times"),
                "Port Traffic Rises Again",
            ),
            (
                "## Regolith Binding Agents",
                None,
                "Regolith Binding Agents",
            ),
            ("Title: Model Merging", None, "Model Merging"),
            ("C# Tips and Tricks", None, "C# Tips and Tricks"),
            ("#1 Pick for Travel", None, "#1 Pick for Travel"),
            ("Home Gym Must Haves \u{22c6}", None, "Home Gym Must Haves"),
            (
                "*A Treatise on Coffee* (1792)",
                None,
                "A Treatise on Coffee (1792)",
            ),
        ];
        for (input, site, want) in cases {
            assert_eq!(strip_site_suffix(input, site), want, "{input}");
        }
    }
}
