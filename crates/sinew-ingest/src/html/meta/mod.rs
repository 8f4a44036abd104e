//! Page metadata: title, author, publication date, site, canonical URL, language, from
//! JSON-LD, meta tags, `<time>`, headings and the URL.
//!
//! [`read`] gathers what every question shares (the meta tags, the JSON-LD node, the
//! headline) and asks each module its own: `title.rs` the headline, `site.rs` the site and
//! what it adds to titles, `date.rs` the publication date, `author.rs` the author,
//! `linked_data.rs` the JSON-LD; `lines.rs` reads the visible lines near the headline for the
//! dateline and byline.
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

mod author;
mod date;
mod lines;
mod linked_data;
mod site;
mod title;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use sinew_types::text::squash;

use super::dom::Dom;
use super::entities::decode_str;
use super::tag::Tag;

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
