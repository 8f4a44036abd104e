//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry an article.
//!
//! Feeds are read whole (they are small, and bounded by `max_file_bytes`), then their items
//! become documents one at a time. Broken XML is read as far as it goes: the items before the
//! break are kept and the break is an error.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use sinew_types::text::squash;
use sinew_types::Document;

use crate::build::{self, Body, Given};
use crate::error::{ErrorKind, IngestError};
use crate::{date, lang, IngestConfig};

/// An item's content and whether it is HTML.
#[derive(Debug, Default)]
struct Content {
    text: String,
    html: bool,
}

/// One item or entry, as written in the feed.
#[derive(Debug, Default)]
struct Item {
    link: Option<String>,
    guid: Option<String>,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    content: Option<Content>,
    summary: Option<Content>,
}

/// The documents of a feed, one item at a time.
pub(crate) struct FeedDocs {
    items: std::vec::IntoIter<Item>,
    input: String,
    name: String,
    site: Option<String>,
    lang: Option<String>,
    config: IngestConfig,
    number: usize,
    /// Where reading the XML stopped early, reported after the items before it.
    broken: Option<IngestError>,
}

impl Iterator for FeedDocs {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let Some(item) = self.items.next() else {
            return self.broken.take().map(Err);
        };
        self.number += 1;
        Some(self.document(item))
    }
}

impl FeedDocs {
    fn document(&self, item: Item) -> Result<Document, IngestError> {
        let link = item.link.or(item.guid.filter(|g| is_web_url(g)));
        let mut at = format!("{} item {}", self.input, self.number);
        if let Some(link) = &link {
            at = format!("{at} ({link})");
        }
        let content = [item.content, item.summary]
            .into_iter()
            .flatten()
            .find(|c| !c.text.trim().is_empty());
        let Some(content) = content else {
            return Err(IngestError::new(
                at,
                ErrorKind::BadRecord("the item has no content".into()),
            ));
        };
        let published = item
            .published
            .as_deref()
            .and_then(date::parse_date)
            .or_else(|| item.updated.as_deref().and_then(date::parse_date));
        let given = Given {
            title: item.title,
            author: item.author,
            published,
            site: self.site.clone(),
            url: link.clone(),
            lang: None,
            fallback_url: None,
            fetched: None,
            fallback_lang: self.lang.clone(),
        };
        let source = link.unwrap_or_else(|| format!("{}#item{}", self.name, self.number));
        let body = if content.html {
            Body::HtmlArticle(&content.text)
        } else {
            Body::Text(&content.text)
        };
        build::document(&at, source, body, given, &self.config)
    }
}

fn is_web_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What kind of feed the root element makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rss,
    Atom,
}

/// Reads a feed. `Err` when the text is not a feed at all (no `<rss>`, `<feed>` or
/// `<rdf:RDF>` root).
pub(crate) fn feed_docs(
    input: &str,
    text: &str,
    config: &IngestConfig,
) -> Result<FeedDocs, IngestError> {
    let mut reader = Reader::from_str(text);
    let cfg = reader.config_mut();
    cfg.check_end_names = false;
    cfg.allow_unmatched_ends = true;
    cfg.allow_dangling_amp = true;
    cfg.check_comments = false;

    let mut kind: Option<Kind> = None;
    let mut stack: Vec<String> = Vec::new();
    let mut items = Vec::new();
    let mut current: Option<(Item, usize)> = None;
    let (mut site, mut lang) = (None, None);
    let mut broken = None;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                broken = Some(not_well_formed(input, &reader, &e));
                break;
            }
        };
        match event {
            Event::Start(e) | Event::Empty(e) if kind.is_none() => {
                kind = match local(&e).as_str() {
                    "rss" | "rdf" => Some(Kind::Rss),
                    "feed" => Some(Kind::Atom),
                    _ => None,
                };
                if kind.is_none() {
                    return Err(IngestError::new(
                        input,
                        ErrorKind::Malformed("not an RSS or Atom feed".into()),
                    ));
                }
                if let Some(l) = attr(&e, "xml:lang").and_then(|l| lang::primary_subtag(&l)) {
                    lang = Some(l);
                }
                stack.push(local(&e));
            }
            Event::Start(e) => {
                let name = local(&e);
                match &mut current {
                    None if name == "item" || name == "entry" => {
                        current = Some((Item::default(), stack.len()));
                        stack.push(name);
                    }
                    Some((item, depth)) if stack.len() == *depth + 1 => {
                        let content = match element(&mut reader) {
                            Ok(content) => content,
                            Err(e) => {
                                broken = Some(not_well_formed(input, &reader, &e));
                                break;
                            }
                        };
                        field(item, &e, &name, content);
                    }
                    None if matches!(
                        stack.last().map(String::as_str),
                        Some("channel" | "feed")
                    ) && matches!(name.as_str(), "title" | "language") =>
                    {
                        let Ok(content) = element(&mut reader) else {
                            continue;
                        };
                        let value = squash(&strip_tags(&content.plain));
                        if name == "title" && site.is_none() && !value.is_empty() {
                            site = Some(value);
                        } else if name == "language" && lang.is_none() {
                            lang = lang::primary_subtag(&value);
                        }
                    }
                    _ => stack.push(name),
                }
            }
            Event::Empty(e) => {
                if let Some((item, depth)) = &mut current {
                    if stack.len() == *depth + 1 {
                        let name = local(&e);
                        field(item, &e, &name, Element::default());
                    }
                }
            }
            Event::End(_) => {
                stack.pop();
                if let Some((_, depth)) = &current {
                    if stack.len() <= *depth {
                        if let Some((item, _)) = current.take() {
                            items.push(item);
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if kind.is_none() && broken.is_none() {
        return Err(IngestError::new(
            input,
            ErrorKind::Malformed("not an RSS or Atom feed".into()),
        ));
    }
    if let Some((item, _)) = current.take() {
        // Cut inside an item: keep what it has, and say so.
        items.push(item);
        if broken.is_none() {
            broken = Some(IngestError::new(
                input,
                ErrorKind::Truncated("the feed ends inside an item".into()),
            ));
        }
    }
    Ok(FeedDocs {
        items: items.into_iter(),
        input: input.to_string(),
        name: crate::file_name(input),
        site,
        lang,
        config: config.clone(),
        number: 0,
        broken,
    })
}

fn not_well_formed(input: &str, reader: &Reader<&[u8]>, e: &quick_xml::Error) -> IngestError {
    let at = reader.error_position();
    IngestError::new(
        input,
        ErrorKind::Malformed(format!("XML is not well-formed at byte {at} ({e})")),
    )
}

/// An element's local name (`content:encoded` gives `encoded`), in lower case.
fn local(e: &BytesStart<'_>) -> String {
    let name = e.name();
    let name: &str = name.as_ref();
    name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase()
}

/// An attribute's value, unescaped as far as it can be.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| {
            let k: &str = a.key.as_ref();
            k.eq_ignore_ascii_case(key)
        })
        .map(|a| unescape(&a.value))
}

/// One item field's element, read to its end.
#[derive(Debug, Default)]
struct Element {
    /// The markup inside, as written (for inline XHTML).
    raw: String,
    /// The text inside, entities resolved.
    plain: String,
    /// It holds elements, not only text.
    nested: bool,
    /// The text of a `<name>` child (Atom's author).
    name: Option<String>,
}

/// Reads the rest of the element just started, to its end tag.
fn element(reader: &mut Reader<&[u8]>) -> Result<Element, quick_xml::Error> {
    let mut out = Element::default();
    let mut depth = 1usize;
    let mut in_name: Option<usize> = None;
    let mut name = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                depth += 1;
                out.nested = true;
                if local(&e) == "name" && depth == 2 {
                    in_name = Some(depth);
                }
                out.raw.push('<');
                out.raw.push_str(&e);
                out.raw.push('>');
            }
            Event::Empty(e) => {
                out.nested = true;
                out.raw.push('<');
                out.raw.push_str(&e);
                out.raw.push_str("/>");
            }
            Event::End(e) => {
                if in_name == Some(depth) {
                    in_name = None;
                    out.name = Some(name.clone());
                }
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.raw.push_str("</");
                out.raw.push_str(&e);
                out.raw.push('>');
            }
            Event::Text(t) => {
                out.raw.push_str(&t);
                out.plain.push_str(&t);
                if in_name.is_some() {
                    name.push_str(&t);
                }
            }
            Event::CData(c) => {
                out.raw.push_str(&escape(&c));
                out.plain.push_str(&c);
                if in_name.is_some() {
                    name.push_str(&c);
                }
            }
            Event::GeneralRef(r) => {
                out.raw.push('&');
                out.raw.push_str(&r);
                out.raw.push(';');
                let resolved = entity(&r);
                out.plain.push_str(&resolved);
                if in_name.is_some() {
                    name.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Stores one child element of an item.
fn field(item: &mut Item, e: &BytesStart<'_>, name: &str, el: Element) {
    let text = || Some(squash(&el.plain)).filter(|s| !s.is_empty());
    let typed = || attr(e, "type").map(|t| t.to_ascii_lowercase());
    let qualified: &str = e.name().into_inner();
    match name {
        "title" => {
            let title = if el.nested {
                strip_tags(&el.raw)
            } else {
                strip_tags(&el.plain)
            };
            item.title = Some(squash(&title)).filter(|s| !s.is_empty());
        }
        "link" => match attr(e, "href") {
            Some(href) => {
                let rel = attr(e, "rel").unwrap_or_default();
                if (rel.is_empty() || rel == "alternate") && item.link.is_none() {
                    item.link = Some(href.trim().to_string()).filter(|s| !s.is_empty());
                }
            }
            None => {
                if item.link.is_none() {
                    item.link = text();
                }
            }
        },
        "guid" | "id" => item.guid = text(),
        "creator" | "author" => {
            let author = el.name.as_deref().map(squash).or_else(text);
            if item.author.is_none() {
                item.author = author.filter(|a| !a.is_empty());
            }
        }
        "pubdate" | "published" | "date" | "issued" => {
            item.published = item.published.take().or_else(text);
        }
        "updated" | "modified" => item.updated = item.updated.take().or_else(text),
        "encoded" => {
            item.content = Some(Content {
                text: el.plain,
                html: true,
            });
        }
        // Media RSS's <media:content> is an attachment, not the text.
        "content" if !qualified.starts_with("media:") => {
            if attr(e, "src").is_some() {
                return;
            }
            item.content = Some(typed_content(el, typed().as_deref()));
        }
        "description" | "summary" => {
            item.summary = Some(typed_content(el, typed().as_deref()));
        }
        _ => {}
    }
}

/// Content by its Atom `type` (`html`, `xhtml`, `text`); without one (RSS), HTML when it looks
/// like markup.
fn typed_content(el: Element, kind: Option<&str>) -> Content {
    if el.nested {
        return Content {
            text: el.raw,
            html: true,
        };
    }
    let html = match kind {
        Some("html") | Some("xhtml") | Some("text/html") => true,
        Some("text") | Some("text/plain") => false,
        _ => looks_like_html(&el.plain),
    };
    Content {
        text: el.plain,
        html,
    }
}

/// A tag such as `<p>`, `</a>` or `<br/>` somewhere in the text.
fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'<'
            && b.get(i + 1)
                .is_some_and(|&n| n.is_ascii_alphabetic() || n == b'/' || n == b'!')
    })
}

/// Markup removed, keeping the text between tags.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    if s.contains('&') {
        unescape(&out)
    } else {
        out
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An entity reference's text (`amp` gives `&`); unknown ones are kept as written, for the
/// HTML path to resolve.
fn entity(name: &str) -> String {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                None
            };
            match code.and_then(char::from_u32).filter(|&c| c != '\0') {
                Some(c) => c,
                None => return format!("&{name};"),
            }
        }
    };
    c.to_string()
}

/// Entity references in `s` resolved (see [`entity`]).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match after.find(';').filter(|&end| end <= 32) {
            Some(end) => {
                out.push_str(&entity(&after[..end]));
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_tags() {
        assert_eq!(
            unescape("a &amp; b &lt;p&gt; &#8217; &#x41; &bogus; & x"),
            "a & b <p> \u{2019} A &bogus; & x"
        );
        assert_eq!(unescape("&#0; &#xFFFFFFFF;"), "&#0; &#xFFFFFFFF;");
        assert_eq!(
            squash(&strip_tags("<b>Bold</b> &amp; <i>it</i>")),
            "Bold & it"
        );
        assert!(looks_like_html("<p>x</p>"));
        assert!(!looks_like_html("a < b and c > d"));
    }
}
