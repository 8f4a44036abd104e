//! What a page's JSON-LD says about the article: which node is the article (an `Article`,
//! `Posting` or `Report` type wins over a node that is merely useful), its headline, date,
//! author, publisher and whole body. Script-rendered pages carry their text only here.

use serde_json::Value;

use super::super::dom::Dom;
use super::super::tag::Tag;
use super::nonempty;

/// What JSON-LD says about the article.
#[derive(Default)]
pub(super) struct LinkedData {
    pub(super) published: Option<String>,
    pub(super) headline: Option<String>,
    pub(super) author: Option<String>,
    pub(super) publisher: Option<String>,
    /// The article's whole text (`articleBody`), which script-rendered pages carry
    /// when their HTML has none.
    pub(super) body: Option<String>,
    /// The node is a `WebPage` (or an `ItemPage`, `CollectionPage` ...), not an article:
    /// its `datePublished` is when the CMS page was made, which evergreen pages never show.
    pub(super) page: bool,
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

pub(super) fn linked_data(dom: &Dom<'_>) -> LinkedData {
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
