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

fn first_text(dom: &Dom<'_>, tag: Tag) -> Option<String> {
    dom.elements(tag).find_map(|i| nonempty(&dom.inner_text(i)))
}

/// Reads the metadata; `root` is the element chosen as the article, where a `<time>` is
/// most likely the article's own.
pub(crate) fn read(dom: &Dom<'_>, root: Option<usize>) -> Meta {
    let meta = collect_meta(dom);
    let ld = linked_data(dom);
    let m = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta.get(*k).and_then(|v| nonempty(v)))
    };

    let site = m(&["og:site_name", "application-name"]).or(ld.publisher);
    let title = m(&["og:title", "twitter:title"])
        .or(ld.headline)
        .or_else(|| first_text(dom, Tag::H1))
        .or_else(|| first_text(dom, Tag::Title))
        .map(|t| strip_site_suffix(&t, site.as_deref()))
        .filter(|t| !t.is_empty());

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
    let published = ld
        .published
        .as_deref()
        .and_then(date::parse_date)
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
