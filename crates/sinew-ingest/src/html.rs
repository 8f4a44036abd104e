//! HTML pages to main text and metadata.
//!
//! Two linear passes over the parsed tree, both iterative (open/close edges, no recursion), so
//! that a hostile page with deep nesting cannot overflow the stack: the first measures the
//! visible text of every element and scores paragraph parents, the second renders the chosen
//! main element as lines, one per block.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::date;

/// Elements never part of the article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "iframe",
    "button", "select", "input", "textarea", "object", "embed", "canvas", "video", "audio", "head",
    "title", "dialog", "menu",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
];

/// Words in a class or id that mark furniture ("site-nav", "comments-area", "share-bar").
const JUNK_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "submenu",
    "megamenu",
    "footer",
    "share",
    "shares",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "related",
    "subscribe",
    "subscription",
    "newsletter",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "sponsor",
    "sponsored",
    "promo",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "paywall",
    "signup",
    "outbrain",
    "taboola",
    "recommended",
    "recirculation",
    "trending",
    "byline",
    "tags",
    "taglist",
    "pagination",
    "pager",
    "toolbar",
    "sr",
];

/// Elements that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
    "body",
    "form",
    "fieldset",
    "legend",
];

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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    /// Never text.
    Drop,
    /// Furniture by its class or id; kept only when it holds most of the page.
    Junk,
    /// A `<header>`: usually masthead or headline and byline, but some sites put the whole
    /// article in one. Measured like content, rendered like furniture.
    Soft,
}

#[derive(Clone, Copy, Default)]
struct Stats {
    /// Visible text bytes, furniture included.
    raw: usize,
    /// Visible text bytes outside furniture.
    clean: usize,
    /// Paragraph text of its children (and half of its grandchildren's).
    score: usize,
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|_| unreachable!("static selector {s}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| selector("script"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical]"));

fn verdict(el: &Element) -> Verdict {
    let name = el.name();
    if DROPPED_TAGS.contains(&name) {
        return Verdict::Drop;
    }
    // React streams server-rendered content into `<div hidden id="S:0">` and shows it with
    // a script; it is the page, not hidden text.
    if el.attr("hidden").is_some() && !el.attr("id").is_some_and(|id| id.starts_with("S:")) {
        return Verdict::Drop;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return Verdict::Drop;
    }
    if el
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return Verdict::Drop;
    }
    if el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return Verdict::Drop;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return Verdict::Keep;
    }
    if name == "form" {
        return Verdict::Junk;
    }
    if name == "header" {
        return Verdict::Soft;
    }
    let marked = [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| !t.is_empty() && JUNK_TOKENS.iter().any(|j| t.eq_ignore_ascii_case(j)))
        });
    if marked {
        Verdict::Junk
    } else {
        Verdict::Keep
    }
}

fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    match node.value() {
        Node::Element(el) => Some(el.name()),
        _ => None,
    }
}

struct Frame {
    id: NodeId,
    junk: bool,
    is_p: bool,
    stats: Stats,
}

/// Pass one: text sizes and paragraph scores for every rendered element.
fn measure(doc: &Html) -> HashMap<NodeId, Stats> {
    let mut out = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut skipping = 0usize;
    let mut junk_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if skipping > 0 {
                        skipping += 1;
                        continue;
                    }
                    match verdict(el) {
                        Verdict::Drop => skipping = 1,
                        v => {
                            let junk = v == Verdict::Junk;
                            junk_depth += usize::from(junk);
                            stack.push(Frame {
                                id: node.id(),
                                junk,
                                is_p: el.name() == "p",
                                stats: Stats::default(),
                            });
                        }
                    }
                }
                Node::Text(t) if skipping == 0 => {
                    if let Some(top) = stack.last_mut() {
                        let n = t.trim().len();
                        top.stats.raw += n;
                        top.stats.clean += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !matches!(node.value(), Node::Element(_)) {
                    continue;
                }
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                junk_depth -= usize::from(frame.junk);
                out.insert(frame.id, frame.stats);
                let n = stack.len();
                if let Some(parent) = stack.last_mut() {
                    parent.stats.raw += frame.stats.raw;
                    if !frame.junk {
                        parent.stats.clean += frame.stats.clean;
                    }
                    if frame.is_p && junk_depth == 0 {
                        parent.stats.score += frame.stats.clean;
                    }
                }
                if frame.is_p && junk_depth == 0 && n >= 2 {
                    stack[n - 2].stats.score += frame.stats.clean / 2;
                }
            }
        }
    }
    out
}

/// The main element: the largest `<article>` (or `articleBody`), else `<main>`, unless the
/// best paragraph parent holds far more text; else the best paragraph parent; else `<body>`.
fn choose_root<'a>(doc: &'a Html, stats: &HashMap<NodeId, Stats>) -> NodeRef<'a, Node> {
    let mut best_article: Option<(usize, NodeRef<'a, Node>)> = None;
    let mut best_main: Option<(usize, NodeRef<'a, Node>)> = None;
    let mut best_p: Option<(usize, NodeRef<'a, Node>)> = None;
    let mut body = None;
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(s) = stats.get(&node.id()) else {
            continue;
        };
        let better =
            |best: &Option<(usize, NodeRef<'a, Node>)>, v: usize| best.is_none_or(|(b, _)| v > b);
        let is_article = el.name() == "article"
            || el
                .attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        if is_article && better(&best_article, s.clean) {
            best_article = Some((s.clean, node));
        }
        let is_main = el.name() == "main"
            || el
                .attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"));
        if is_main && better(&best_main, s.clean) {
            best_main = Some((s.clean, node));
        }
        if s.score > 0 && better(&best_p, s.score) {
            best_p = Some((s.score, node));
        }
        if el.name() == "body" && body.is_none() {
            body = Some(node);
        }
    }
    let p_text = best_p
        .and_then(|(_, n)| stats.get(&n.id()))
        .map_or(0, |s| s.clean);
    for (len, node) in [best_article, best_main].into_iter().flatten() {
        if len >= 200 && len * 10 >= p_text * 4 {
            return node;
        }
    }
    match best_p {
        Some((score, node)) if score >= 100 => node,
        _ => body.unwrap_or_else(|| doc.tree.root()),
    }
}

/// Pass two: the text of `root`, a line per block, whitespace collapsed.
fn render(root: NodeRef<'_, Node>, stats: &HashMap<NodeId, Stats>) -> String {
    let root_raw = stats.get(&root.id()).map_or(0, |s| s.raw);
    let mut out = String::new();
    let mut pending_space = false;
    let mut skipping = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if skipping > 0 {
                        skipping += 1;
                        continue;
                    }
                    let skip = match verdict(el) {
                        Verdict::Drop => true,
                        // Furniture by name that holds most of the page is the page.
                        Verdict::Junk | Verdict::Soft => {
                            node != root
                                && stats.get(&node.id()).map_or(0, |s| s.raw) * 10 < root_raw * 6
                        }
                        Verdict::Keep => false,
                    };
                    if skip {
                        skipping = 1;
                    } else if BLOCK_TAGS.contains(&el.name()) {
                        end_line(&mut out);
                        pending_space = false;
                    }
                }
                Node::Text(t) if skipping == 0 => {
                    for c in t.chars() {
                        if c.is_whitespace() {
                            pending_space = true;
                        } else {
                            if pending_space && !out.is_empty() && !out.ends_with('\n') {
                                out.push(' ');
                            }
                            pending_space = false;
                            out.push(c);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !matches!(node.value(), Node::Element(_)) {
                    continue;
                }
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                if element_name(node).is_some_and(|n| BLOCK_TAGS.contains(&n)) {
                    end_line(&mut out);
                    pending_space = false;
                }
            }
        }
    }
    out
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: &str) -> Option<String> {
    let s = squash(s);
    (!s.is_empty() && s.len() <= 1000).then_some(s)
}

/// `meta` values by lower-cased `property`, `name` or `itemprop`; the first one wins.
fn collect_meta(doc: &Html) -> HashMap<String, String> {
    let mut meta = HashMap::new();
    for el in doc.select(&META) {
        let Some(content) = el.value().attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop"]
            .into_iter()
            .filter_map(|a| el.value().attr(a))
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

fn linked_data(doc: &Html) -> LinkedData {
    let mut found: Option<(bool, LinkedData)> = None;
    for script in doc.select(&LD_JSON) {
        let is_ld = script
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text: String = script.text().collect();
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

/// Nesting deeper than this is flattened before parsing: the tree builder checks element
/// scope by walking the stack of open elements, so deep nesting costs quadratic time.
const MAX_DEPTH: usize = 1000;

/// End tags that may be left out, and void elements: neither is counted as nesting.
const UNCOUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody",
    "thead", "tfoot", "colgroup", "caption", "html", "head", "body", "area", "base", "br", "col",
    "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
];

/// Raw-text elements whose content is not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "plaintext",
];

/// Removes start tags (and their end tags) nested deeper than [`MAX_DEPTH`], by a rough
/// linear scan of the markup; their text stays. Pages of ordinary depth come back unchanged.
fn flatten_deep(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let (mut depth, mut excess, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        i = start + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(gt) = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map(|p| name_start + p)
        else {
            break;
        };
        i = gt + 1;
        let self_closing = bytes[gt - 1] == b'/';
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let end_tag = format!("</{name}");
            i = find_ci(bytes, i, end_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if UNCOUNTED.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            if excess > 0 {
                excess -= 1;
                cuts.push((start, i));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            cuts.push((start, i));
        } else {
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in cuts {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Extracts main text and metadata from a decoded page.
pub(crate) fn extract(html: &str) -> Extracted {
    let html = flatten_deep(html);
    let doc = Html::parse_document(&html);
    let meta = collect_meta(&doc);
    let ld = linked_data(&doc);
    let m = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta.get(*k).and_then(|v| nonempty(v)))
    };

    let stats = measure(&doc);
    let root = choose_root(&doc, &stats);
    let text = render(root, &stats);

    let site = m(&["og:site_name", "application-name"]).or(ld.publisher);
    let title = m(&["og:title", "twitter:title"])
        .or(ld.headline)
        .or_else(|| {
            doc.select(&H1)
                .find_map(|h| nonempty(&h.text().collect::<String>()))
        })
        .or_else(|| {
            doc.select(&TITLE)
                .find_map(|t| nonempty(&t.text().collect::<String>()))
        })
        .map(|t| strip_site_suffix(&t, site.as_deref()))
        .filter(|t| !t.is_empty());

    let url = doc
        .select(&CANONICAL)
        .find_map(|l| {
            l.value()
                .attr("href")
                .filter(|h| is_web_url(h))
                .map(|h| h.trim().to_string())
        })
        .or_else(|| m(&["og:url"]).filter(|u| is_web_url(u)));

    let time_in_root = ElementRef::wrap(root)
        .and_then(|r| r.select(&TIME).next())
        .or_else(|| {
            doc.select(&TIME).find(|t| {
                t.value().attr("itemprop").is_some() || t.value().attr("pubdate").is_some()
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
            time_in_root
                .and_then(|t| t.value().attr("datetime"))
                .and_then(date::parse_date)
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

    let lang = doc
        .root_element()
        .value()
        .attr("lang")
        .and_then(|l| l.split(['-', '_']).next())
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()));

    Extracted {
        text,
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
        let page = format!(
            "<title>x</title><!-- <div> -->{}<p>shallow text",
            "<div>".repeat(50)
        );
        assert!(matches!(flatten_deep(&page), Cow::Borrowed(_)));
    }
}
