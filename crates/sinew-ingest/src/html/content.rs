//! The main text of a page: which element holds the article, and its text, a line per block.
//!
//! Two linear passes over the flat tree: the first measures the visible text of every
//! element and scores paragraph parents, the second renders the chosen element.

use super::dom::Dom;
use super::tag::Tag;

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
pub(crate) struct Stats {
    /// Visible text bytes, furniture included.
    raw: usize,
    /// Visible text bytes outside furniture.
    clean: usize,
    /// Paragraph text of its children (and half of its grandchildren's).
    score: usize,
}

fn is_dropped_tag(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Math
            | Nav
            | Footer
            | Aside
            | Iframe
            | Button
            | Select
            | Input
            | Textarea
            | Object
            | Embed
            | Canvas
            | Video
            | Audio
            | Head
            | Title
            | Dialog
            | Menu
    )
}

fn verdict(dom: &Dom<'_>, i: usize) -> Verdict {
    let tag = dom.nodes[i].tag;
    if is_dropped_tag(tag) {
        return Verdict::Drop;
    }
    // React streams server-rendered content into `<div hidden id="S:0">` and shows it with
    // a script; it is the page, not hidden text.
    if dom.attr_raw(i, "hidden").is_some()
        && !dom.attr_raw(i, "id").is_some_and(|id| id.starts_with("S:"))
    {
        return Verdict::Drop;
    }
    if dom
        .attr_raw(i, "aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return Verdict::Drop;
    }
    if dom.attr_raw(i, "role").is_some_and(|r| {
        let r = r.trim();
        DROPPED_ROLES.iter().any(|d| d.eq_ignore_ascii_case(r))
    }) {
        return Verdict::Drop;
    }
    if dom.attr_raw(i, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return Verdict::Drop;
    }
    if matches!(tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article) {
        return Verdict::Keep;
    }
    if tag == Tag::Form {
        return Verdict::Junk;
    }
    if tag == Tag::Header {
        return Verdict::Soft;
    }
    let marked = [dom.attr_raw(i, "class"), dom.attr_raw(i, "id")]
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

/// Per node: its verdict (elements) and measured text.
pub(crate) struct Measured {
    verdicts: Vec<Verdict>,
    pub(crate) stats: Vec<Stats>,
}

/// Pass one: text sizes and paragraph scores for every rendered element.
pub(crate) fn measure(dom: &Dom<'_>) -> Measured {
    let n = dom.nodes.len();
    let mut verdicts = vec![Verdict::Drop; n];
    let mut stats = vec![Stats::default(); n];
    // Open elements: (index, junk).
    let mut stack: Vec<(usize, bool)> = Vec::new();
    let mut junk_depth = 0usize;
    let mut i = 0;
    let close = |stack: &mut Vec<(usize, bool)>, junk_depth: &mut usize, stats: &mut [Stats]| {
        let Some((c, junk)) = stack.pop() else { return };
        *junk_depth -= usize::from(junk);
        let s = stats[c];
        let is_p = dom.nodes[c].tag == Tag::P;
        let depth = stack.len();
        if let Some(&(parent, _)) = stack.last() {
            stats[parent].raw += s.raw;
            if !junk {
                stats[parent].clean += s.clean;
            }
            if is_p && *junk_depth == 0 {
                stats[parent].score += s.clean;
            }
        }
        if is_p && *junk_depth == 0 && depth >= 2 {
            stats[stack[depth - 2].0].score += s.clean / 2;
        }
    };
    while i < n {
        while stack
            .last()
            .is_some_and(|&(top, _)| dom.nodes[top].end as usize <= i)
        {
            close(&mut stack, &mut junk_depth, &mut stats);
        }
        let node = dom.nodes[i];
        if node.tag == Tag::Text {
            if let Some(&(top, _)) = stack.last() {
                let len = dom.text(i).trim().len();
                stats[top].raw += len;
                stats[top].clean += len;
            }
            i += 1;
            continue;
        }
        let v = verdict(dom, i);
        verdicts[i] = v;
        if v == Verdict::Drop {
            i = node.end as usize;
            continue;
        }
        let junk = v == Verdict::Junk;
        junk_depth += usize::from(junk);
        stack.push((i, junk));
        i += 1;
    }
    while !stack.is_empty() {
        close(&mut stack, &mut junk_depth, &mut stats);
    }
    Measured { verdicts, stats }
}

/// The main element: the largest `<article>` (or `articleBody`), else `<main>`, unless the
/// best paragraph parent holds far more text; else the best paragraph parent; else the whole
/// page (`None`).
pub(crate) fn choose_root(dom: &Dom<'_>, m: &Measured) -> Option<usize> {
    let mut best_article: Option<(usize, usize)> = None;
    let mut best_main: Option<(usize, usize)> = None;
    let mut best_p: Option<(usize, usize)> = None;
    let mut body = None;
    let better = |best: &Option<(usize, usize)>, v: usize| best.is_none_or(|(b, _)| v > b);
    for (i, node) in dom.nodes.iter().enumerate() {
        if node.tag == Tag::Text || m.verdicts[i] == Verdict::Drop {
            continue;
        }
        let s = m.stats[i];
        let is_article = node.tag == Tag::Article
            || dom
                .attr_raw(i, "itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        if is_article && better(&best_article, s.clean) {
            best_article = Some((s.clean, i));
        }
        let is_main = node.tag == Tag::Main
            || dom
                .attr_raw(i, "role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"));
        if is_main && better(&best_main, s.clean) {
            best_main = Some((s.clean, i));
        }
        if s.score > 0 && better(&best_p, s.score) {
            best_p = Some((s.score, i));
        }
        if node.tag == Tag::Body && body.is_none() {
            body = Some(i);
        }
    }
    let p_text = best_p.map_or(0, |(_, i)| m.stats[i].clean);
    for (len, node) in [best_article, best_main].into_iter().flatten() {
        if len >= 200 && len * 10 >= p_text * 4 {
            return Some(node);
        }
    }
    match best_p {
        Some((score, node)) if score >= 100 => Some(node),
        _ => body,
    }
}

/// Pass two: the text of `root` (the whole page for `None`), a line per block, whitespace
/// collapsed.
pub(crate) fn render(dom: &Dom<'_>, m: &Measured, root: Option<usize>) -> String {
    let (start, end) = match root {
        Some(r) => (r, dom.nodes[r].end as usize),
        None => (0, dom.nodes.len()),
    };
    let root_raw = match root {
        Some(r) => m.stats[r].raw,
        None => (0..dom.nodes.len())
            .filter(|&i| dom.nodes[i].parent == u32::MAX)
            .map(|i| m.stats[i].raw)
            .sum(),
    };
    let mut out = String::new();
    let mut pending_space = false;
    let mut stack: Vec<usize> = Vec::new();
    let mut i = start;
    while i < end {
        while stack
            .last()
            .is_some_and(|&top| dom.nodes[top].end as usize <= i)
        {
            let top = stack.pop().unwrap_or_default();
            if dom.nodes[top].tag.is_block() {
                end_line(&mut out);
                pending_space = false;
            }
        }
        let node = dom.nodes[i];
        if node.tag == Tag::Text {
            for c in dom.text(i).chars() {
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
            i += 1;
            continue;
        }
        let skip = match m.verdicts[i] {
            Verdict::Drop => true,
            // Furniture by name that holds most of the page is the page.
            Verdict::Junk | Verdict::Soft => Some(i) != root && m.stats[i].raw * 10 < root_raw * 6,
            Verdict::Keep => false,
        };
        if skip {
            i = node.end as usize;
            continue;
        }
        if node.tag.is_block() {
            end_line(&mut out);
            pending_space = false;
        }
        stack.push(i);
        i += 1;
    }
    out
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}
