//! Page metadata: title, author, publication date, site, canonical URL, language, from
//! JSON-LD, meta tags, `<time>`, headings and the URL.
//!
//! [`read`] gathers what every question shares (the meta tags, the JSON-LD node, the
//! headline) and asks each module its own: `title.rs` the headline, `site.rs` the site and
//! what it adds to titles, `date.rs` the publication date, `author.rs` the author,
//! `linked_data.rs` the JSON-LD; `lines.rs` reads the visible lines near the headline for the
//! dateline and byline.

mod author;
mod date;
mod lines;
mod linked_data;
mod site;
mod title;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::dom::Dom;
use super::entities::decode_str;
use super::tag::Tag;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: &str) -> Option<String> {
    let s = squash(&decode_str(s));
    (!s.is_empty() && s.len() <= 1000).then_some(s)
}

/// `meta` values by lower-cased `property`, `name` or `itemprop`; the first one wins.
struct Tags(HashMap<String, String>);

impl Tags {
    fn collect(dom: &Dom<'_>) -> Tags {
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
        Tags(meta)
    }

    /// The value of the first of `keys` that has a usable one.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.0.get(*k).and_then(|v| nonempty(v)))
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

/// What the date and author are read from.
#[derive(Clone, Copy)]
struct Page<'p, 'd> {
    dom: &'p Dom<'d>,
    /// The element chosen as the article.
    root: Option<usize>,
    visible: &'p dyn Fn(usize) -> bool,
    tags: &'p Tags,
    /// Where the dateline and byline are looked for: the headline, else the article.
    shown_from: Option<usize>,
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
    let tags = Tags::collect(dom);
    let html_lang = dom
        .elements(Tag::Html)
        .next()
        .and_then(|i| dom.attr(i, "lang"))
        .map(|l| l.to_string());
    let ld = linked_data::linked_data(dom);
    let m = |keys: &[&str]| tags.first(keys);

    let site = m(&["og:site_name", "application-name"])
        .or(ld.publisher)
        .or_else(|| site::site_beside_title(first_text(dom, Tag::Title)?, &m(&["og:title"])?));
    let meta_titles: Vec<String> = [
        m(&["og:title"]),
        m(&["twitter:title"]),
        ld.headline,
        first_text(dom, Tag::Title),
    ]
    .into_iter()
    .flatten()
    .map(|t| site::strip_site_suffix(&t, site.as_deref()))
    .filter(|t| !t.is_empty())
    .collect();
    let headline = title::headline(dom, root, visible, site.as_deref(), &meta_titles);
    let title = title::choose_title(headline.as_ref().map(|(_, t)| t.clone()), &meta_titles)
        .map(|t| site::strip_domain(&t));

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

    let page = Page {
        dom,
        root,
        visible,
        tags: &tags,
        shown_from: headline.as_ref().map(|(i, _)| *i).or(root),
    };
    let published = date::published(
        &page,
        url.as_deref(),
        html_lang.as_deref(),
        ld.published.as_deref(),
        ld.page,
        fetched,
    );
    let author = author::author(&page, ld.author, site.as_deref());

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
