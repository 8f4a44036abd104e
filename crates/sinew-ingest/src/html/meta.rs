//! Page metadata: title, author, publication date, site, canonical URL, language, from
//! JSON-LD, meta tags, `<time>`, headings and the URL.

use std::collections::HashMap;

use chrono::NaiveDate;
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
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| s.contains("Article") || s.contains("Posting") || s.contains("Report");
    match v {
        Value::String(s) => check(s),
        Value::Array(a) => a.iter().any(|t| t.as_str().is_some_and(check)),
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
            (!all.is_empty()).then(|| all.join(", "))
        }
        other => one(other),
    }
}

fn linked_data(dom: &Dom<'_>) -> LinkedData {
    let mut found: Option<(bool, LinkedData)> = None;
    // Only JSON-LD scripts keep their text when parsed.
    for script in dom.elements(Tag::Script) {
        let text = dom.inner_text(script);
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

/// Strips a trailing " | Site" or " - Site" from a page title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut title = title.to_string();
    for _ in 0..3 {
        let cut = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]
            .iter()
            .find_map(|sep| {
                let pos = title.rfind(sep)?;
                let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
                let tail_words = tail.split_whitespace().count();
                let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
                let head_words = head.split_whitespace().count();
                // After a pipe, a long tail is a tag line ("History of coffee | Origin, Spread").
                let site_like = (*sep == " | " && head_words >= 3)
                    || (tail_words <= 5
                        && head_words >= 2
                        && (matches!(*sep, " | " | " • ")
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
}

/// Letters and digits only, lower case: two spellings of one headline compare equal.
fn fold(s: &str) -> String {
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
    let words = content_words(&h);
    let shares = meta
        .iter()
        .any(|t| content_words(t).iter().any(|w| words.contains(w)));
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
) -> Option<(usize, String)> {
    let h1s: Vec<(usize, String)> = dom
        .elements(Tag::H1)
        .filter(|&i| visible(i))
        .filter_map(|i| Some((i, nonempty(&dom.inner_text(i))?)))
        .filter(|(_, t)| {
            t.split_whitespace().count() >= 2
                && t.len() <= 300
                && !site.is_some_and(|s| s.eq_ignore_ascii_case(t))
        })
        .collect();
    let pick = match root {
        Some(r) => {
            let end = dom.nodes[r].end as usize;
            h1s.iter()
                .find(|(i, _)| *i > r && *i < end)
                .or_else(|| h1s.iter().rev().find(|(i, _)| *i < r))
                .or_else(|| h1s.first())
        }
        None => h1s.first(),
    };
    pick.cloned()
}

/// How much visible text after the headline may hold its dateline.
const DATELINE_WINDOW: usize = 1500;

/// The date the page shows with the article: the first short line with a date in the
/// headline's container and the text after it (a `<time>` counts by its `datetime`), a line
/// that says "published" or "posted" preferred to one that says "updated".
fn shown_date(
    dom: &Dom<'_>,
    headline: usize,
    visible: &dyn Fn(usize) -> bool,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    // Start at the headline's container when it is small: the date may stand above it.
    let start = match dom.nodes[headline].parent {
        p if p != u32::MAX && headline - (p as usize) < 40 => p as usize,
        _ => headline,
    };
    let mut found: Vec<(NaiveDate, bool, bool)> = Vec::new();
    let mut line = String::new();
    let mut seen = 0usize;
    let flush = |line: &mut String, found: &mut Vec<(NaiveDate, bool, bool)>| {
        let text = line.trim();
        if !text.is_empty() && text.len() <= 120 {
            if let Some((d, from, to)) = date::find_date_span(text) {
                let lower = text.to_lowercase();
                let published = ["publish", "posted", "written"]
                    .iter()
                    .any(|w| lower.contains(w));
                let updated = ["updated", "modified", "reviewed"]
                    .iter()
                    .any(|w| lower.contains(w));
                // A dateline is mostly its date; a date inside a sentence is not one.
                let dateline = published || updated || text.len() - (to - from) <= 50;
                if dateline {
                    found.push((d, published, updated));
                }
            }
        }
        line.clear();
    };
    let mut i = start;
    while i < dom.nodes.len() && seen < DATELINE_WINDOW && found.len() < 4 {
        let node = dom.nodes[i];
        if node.tag == Tag::Text {
            let t = dom.text(i);
            seen += t.trim().len();
            line.push_str(t);
            i += 1;
            continue;
        }
        if !visible(i) {
            i = node.end as usize;
            continue;
        }
        if node.tag.is_block() {
            flush(&mut line, &mut found);
        }
        if node.tag == Tag::Time {
            if let Some(d) = dom.attr(i, "datetime").and_then(|d| date::parse_date(&d)) {
                // The label stands just before the element, or inside it.
                let lower = format!("{line} {}", dom.inner_text(i)).to_lowercase();
                let published = lower.contains("publish") || lower.contains("posted");
                let updated = lower.contains("updated") || lower.contains("modified");
                found.push((d, published, updated));
                line.push_str(&dom.inner_text(i));
                i = node.end as usize;
                continue;
            }
        }
        i += 1;
    }
    flush(&mut line, &mut found);
    // Only an "updated" date shown: the metadata's publication date, if any, is better.
    let shown = found
        .iter()
        .find(|(_, published, _)| *published)
        .or_else(|| found.iter().find(|(_, _, updated)| !*updated))
        .map(|(d, _, _)| *d);
    (shown, found.first().map(|(d, _, _)| *d))
}

fn first_text(dom: &Dom<'_>, tag: Tag) -> Option<String> {
    dom.elements(tag).find_map(|i| nonempty(&dom.inner_text(i)))
}

/// Reads the metadata; `root` is the element chosen as the article, where a `<time>` is
/// most likely the article's own.
pub(crate) fn read(dom: &Dom<'_>, root: Option<usize>, visible: &dyn Fn(usize) -> bool) -> Meta {
    let meta = collect_meta(dom);
    let ld = linked_data(dom);
    let m = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta.get(*k).and_then(|v| nonempty(v)))
    };

    let site = m(&["og:site_name", "application-name"]).or(ld.publisher);
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
    let headline = headline(dom, root, visible, site.as_deref());
    let title = choose_title(headline.as_ref().map(|(_, t)| t.clone()), &meta_titles);

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
    let time = times.iter().copied().find(|&i| in_root(i)).or_else(|| {
        times.iter().copied().find(|&i| {
            dom.attr_raw(i, "itemprop").is_some() || dom.attr_raw(i, "pubdate").is_some()
        })
    });
    let shown_from = headline.as_ref().map(|(i, _)| *i).or(root);
    let (shown, shown_updated) =
        shown_from.map_or((None, None), |from| shown_date(dom, from, visible));
    let published = shown
        .or_else(|| ld.published.as_deref().and_then(date::parse_date))
        .or_else(|| {
            m(&[
                "article:published_time",
                "og:published_time",
                "og:article:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "dcterms.date",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "published_time",
                "release_date",
            ])
            .and_then(|d| date::parse_date(&d))
        })
        .or_else(|| {
            time.and_then(|t| dom.attr(t, "datetime"))
                .and_then(|d| date::parse_date(&d))
        })
        .or(shown_updated)
        .or_else(|| url.as_deref().and_then(date::url_date));

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
            Some(by) if by.eq_ignore_ascii_case("by ") => a[3..].trim().to_string(),
            _ => a,
        });

    let lang = dom
        .elements(Tag::Html)
        .next()
        .and_then(|i| dom.attr(i, "lang"))
        .and_then(|l| l.split(['-', '_']).next().map(str::to_string))
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()));

    Meta {
        title,
        author,
        published,
        site,
        url,
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (input, site, want) in cases {
            assert_eq!(strip_site_suffix(input, site), want, "{input}");
        }
    }
}
