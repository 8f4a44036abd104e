//! The main text of a page: which element holds the article, and its text, a line per block.
//!
//! Two linear passes over the flat tree: the first measures the visible text of every
//! element and scores paragraph parents, the second renders the chosen element.
//!
//! `measure` gives every element a verdict: dropped (scripts, forms' controls, hidden elements,
//! ARIA furniture roles); furniture (`nav`, `aside`, `footer`, `menu`, `dialog`,
//! `role="complementary"`, measured and rendered only when one holds most of the page, as when
//! a page never closes its `<aside>`; and class or id words such as `share`, `related`,
//! `comments`, `author`, `newsletter`, except inside `pre`/`code` where highlighters use those
//! words); soft (`<header>`). And a score: each block's own text counts for its ancestors
//! (prose of 80+ bytes in full less its link text, headings and short lines a little,
//! mostly-link blocks against, furniture against by its size).
//!
//! `choose_root` takes the best-scoring element, or a marked article body inside it
//! (`<article>`, `articleBody`, CMS body classes) holding half its score; `with_siblings` adds
//! the siblings that score a fifth of it (articles split into sections around a sign-up box),
//! and those between two such parts unless mostly links (a section whose content is a list of
//! links scores low; a link list set between sections is no part).
//!
//! `render` writes a line per block (a table row is one line, cells apart), leaving out
//! furniture, tables of contents (in-page links), lines that are little but a link (a list
//! item's is an entry of its list, which is judged whole) and lists of links after the
//! article's last prose paragraph ("Related posts").

use super::class_words::is_junk_token;
use super::dom::Dom;
use super::tag::Tag;

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
];

/// ARIA roles of furniture that can still hold the article's dateline or byline, as
/// `<aside>` can: not the article, but shown.
const FURNITURE_ROLES: &[&str] = &["complementary"];

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
/// (Byte counts as u32, like every position in the parsed page: a page is far below 4 GiB
/// by ingest's limit, and the table is one entry per node.)
pub(crate) struct Stats {
    /// Visible text bytes, furniture included.
    raw: u32,
    /// Visible text bytes outside furniture.
    clean: u32,
    /// Text of this block itself (not of blocks inside it), and how much of it is link text.
    own: u32,
    own_link: u32,
    /// Link text bytes in the subtree, outside furniture.
    link: u32,
    /// Of which links within the page (`href="#..."`): tables of contents.
    anchor: u32,
    /// How much this subtree looks like article text: prose blocks count for it, link lists,
    /// scraps and furniture against it.
    score: f32,
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
    )
}

/// Page furniture by its tag: never the article, but measured (it counts against the
/// elements around it) and rendered when it holds most of the page, as when a page forgets
/// to close an `<aside>` and the browser shows everything inside it.
fn is_furniture_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav | Tag::Footer | Tag::Aside | Tag::Dialog | Tag::Menu
    )
}

fn verdict(dom: &Dom<'_>, i: usize) -> Verdict {
    let tag = dom.nodes[i].tag;
    if is_dropped_tag(tag) {
        return Verdict::Drop;
    }
    // Captions describe pictures; they are not the article's text.
    if tag == Tag::Figcaption {
        return Verdict::Junk;
    }
    let furniture = is_furniture_tag(tag);
    // One pass over the attributes: this runs for every element of every page.
    let (mut hidden, mut id, mut class) = (false, None, None);
    for (name, value) in dom.attrs(i) {
        match name.len() {
            2 if name.eq_ignore_ascii_case("id") => id = id.or(Some(value)),
            4 if name.eq_ignore_ascii_case("role") => {
                let r = value.trim();
                if DROPPED_ROLES.iter().any(|d| d.eq_ignore_ascii_case(r)) {
                    return Verdict::Drop;
                }
                if FURNITURE_ROLES.iter().any(|d| d.eq_ignore_ascii_case(r)) {
                    return Verdict::Junk;
                }
            }
            5 if name.eq_ignore_ascii_case("class") => class = class.or(Some(value)),
            5 if name.eq_ignore_ascii_case("style") && hides(value) => return Verdict::Drop,
            6 if name.eq_ignore_ascii_case("hidden") => hidden = true,
            11 if name.eq_ignore_ascii_case("aria-hidden")
                && value.trim().eq_ignore_ascii_case("true") =>
            {
                return Verdict::Drop;
            }
            _ => {}
        }
    }
    // React streams server-rendered content into `<div hidden id="S:0">` and shows it with
    // a script; it is the page, not hidden text.
    if hidden && !id.is_some_and(|id| id.starts_with("S:")) {
        return Verdict::Drop;
    }
    if furniture {
        return Verdict::Junk;
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
    let marked = [class, id].into_iter().flatten().any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(is_junk_token)
    });
    if marked {
        Verdict::Junk
    } else {
        Verdict::Keep
    }
}

/// Whether an inline style hides the element.
fn hides(style: &str) -> bool {
    let has = |word: &[u8]| {
        style
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !style.contains(':') || !(has(b"none") || has(b"hidden")) {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Per node: its verdict (elements) and measured text.
pub(crate) struct Measured {
    verdicts: Vec<Verdict>,
    pub(crate) stats: Vec<Stats>,
    /// React's streamed parts: (placeholder `<template id="B:n">` or `"P:n"`, segment
    /// `<div hidden id="S:n">`), in page order of the placeholder. Empty on most pages.
    streamed: Vec<(usize, usize)>,
    /// The same as (segment, placeholder), in page order of the segment.
    by_segment: Vec<(usize, usize)>,
}

impl Measured {
    /// The streamed segment whose placeholder is `i`.
    fn segment_of(&self, i: usize) -> Option<usize> {
        let k = self.streamed.binary_search_by_key(&i, |&(b, _)| b).ok()?;
        Some(self.streamed[k].1)
    }

    /// The placeholder of streamed segment `i`.
    fn placeholder_of(&self, i: usize) -> Option<usize> {
        let k = self.by_segment.binary_search_by_key(&i, |&(s, _)| s).ok()?;
        Some(self.by_segment[k].1)
    }

    /// Whether element `i` is shown: not hidden, not script or furniture by its tag or role,
    /// and not inside such an element.
    pub(crate) fn visible(&self, i: usize) -> bool {
        self.verdicts[i] != Verdict::Drop
    }
}

/// What a block's own text adds to the score of the elements around it. Prose (80 bytes
/// or more) counts in full, less its link text; headings and short lines (list items, table
/// cells) count a little, so that a list or table inside an article does not pull the
/// choice down to one paragraph; a mostly-link block (menus, related links) counts against.
/// Tuned on the WCXB development pages.
fn block_score(tag: Tag, text: usize, link: usize) -> f32 {
    if text == 0 {
        return 0.0;
    }
    let (t, l) = (text as f32, link as f32);
    let density = l / t;
    if density > 0.5 {
        -t
    } else if tag.is_heading() {
        0.3 * t
    } else if text >= 80 {
        t - l
    } else {
        0.2 * t
    }
}

struct Open {
    index: usize,
    junk: bool,
    /// The nearest block element at or above this one.
    block: usize,
    in_link: bool,
    in_anchor: bool,
    /// Inside `<pre>` or `<code>`, where class words are a syntax highlighter's ("comment").
    in_code: bool,
}

/// Pass one: text sizes and article scores for every rendered element.
pub(crate) fn measure(dom: &Dom<'_>) -> Measured {
    let n = dom.nodes.len();
    let mut verdicts = vec![Verdict::Drop; n];
    let mut stats = vec![Stats::default(); n];
    let mut stack: Vec<Open> = Vec::new();
    let close = |stack: &mut Vec<Open>, stats: &mut [Stats]| {
        let Some(o) = stack.pop() else { return };
        let tag = dom.nodes[o.index].tag;
        let mut s = stats[o.index];
        if o.block == o.index {
            s.score += block_score(tag, s.own as usize, s.own_link as usize);
        }
        stats[o.index].score = s.score;
        if let Some(parent) = stack.last() {
            let p = &mut stats[parent.index];
            p.raw += s.raw;
            if o.junk {
                p.score -= s.raw as f32;
            } else {
                p.clean += s.clean;
                p.link += s.link;
                p.anchor += s.anchor;
                p.score += s.score;
            }
        }
    };
    let mut i = 0;
    while i < n {
        while stack
            .last()
            .is_some_and(|o| dom.nodes[o.index].end as usize <= i)
        {
            close(&mut stack, &mut stats);
        }
        let node = dom.nodes[i];
        if node.tag == Tag::Text {
            if let Some(top) = stack.last() {
                let len = u32::try_from(visible_len(dom.text(i))).unwrap_or(u32::MAX);
                stats[top.index].raw += len;
                stats[top.index].clean += len;
                if top.in_link {
                    stats[top.index].link += len;
                }
                if top.in_anchor {
                    stats[top.index].anchor += len;
                }
                let b = &mut stats[top.block];
                b.own += len;
                if top.in_link {
                    b.own_link += len;
                }
            }
            i += 1;
            continue;
        }
        let in_code = stack.last().is_some_and(|o| o.in_code);
        let mut v = verdict(dom, i);
        if in_code && v == Verdict::Junk {
            v = Verdict::Keep;
        }
        verdicts[i] = v;
        if v == Verdict::Drop {
            i = node.end as usize;
            continue;
        }
        let anchor = node.tag == Tag::A
            && dom
                .attr_raw(i, "href")
                .is_some_and(|h| h.trim_start().starts_with('#'));
        let (block, in_link, in_anchor) = match stack.last() {
            Some(top) => (
                if node.tag.is_block() { i } else { top.block },
                top.in_link || node.tag == Tag::A,
                top.in_anchor || anchor,
            ),
            None => (i, node.tag == Tag::A, anchor),
        };
        stack.push(Open {
            index: i,
            junk: v == Verdict::Junk,
            block,
            in_link,
            in_anchor,
            in_code: in_code || matches!(node.tag, Tag::Pre | Tag::Code),
        });
        i += 1;
    }
    while !stack.is_empty() {
        close(&mut stack, &mut stats);
    }
    let streamed = streamed_parts(dom, &verdicts);
    splice_stats(dom, &verdicts, &mut stats, &streamed);
    let mut by_segment: Vec<(usize, usize)> = streamed.iter().map(|&(b, s)| (s, b)).collect();
    by_segment.sort_unstable();
    Measured {
        verdicts,
        stats,
        streamed,
        by_segment,
    }
}

/// The id of React's streamed placeholders (`B:`) and segments (`S:`).
fn react_id<'a>(dom: &Dom<'a>, i: usize, prefix: &str) -> Option<&'a str> {
    dom.attr_raw(i, "id")?.trim().strip_prefix(prefix)
}

/// React streams a page's suspended parts after the shell: the shell holds an empty
/// `<template id="B:n">` (and a "Loading..." fallback) where part n goes, and the end of the
/// body a `<div hidden id="S:n">` with its content, which a script moves into place; a part
/// can hold `<template id="P:m">` for a later segment `S:m` in turn. Next.js
/// news pages stream their article this way, a few paragraphs per part. Pairs are found by
/// `n`; a placeholder with no shown segment is left empty. One pass over the nodes, and a
/// second only on a page that has placeholders.
fn streamed_parts(dom: &Dom<'_>, verdicts: &[Verdict]) -> Vec<(usize, usize)> {
    let placeholders: Vec<(usize, &str)> = (0..dom.nodes.len())
        .filter(|&i| dom.nodes[i].tag == Tag::Template)
        .filter_map(|i| {
            Some((
                i,
                react_id(dom, i, "B:").or_else(|| react_id(dom, i, "P:"))?,
            ))
        })
        .collect();
    if placeholders.is_empty() {
        return Vec::new();
    }
    let mut segments = std::collections::HashMap::new();
    for (i, v) in verdicts.iter().enumerate() {
        if dom.nodes[i].tag == Tag::Div && *v == Verdict::Keep {
            if let Some(n) = react_id(dom, i, "S:") {
                segments.entry(n).or_insert(i);
            }
        }
    }
    // A segment is moved once, to its first placeholder.
    placeholders
        .into_iter()
        .filter_map(|(b, n)| {
            let s = segments.remove(n)?;
            // A segment that holds its own placeholder would be moved into itself.
            (b < s || b >= dom.nodes[s].end as usize).then_some((b, s))
        })
        .collect()
}

/// Counts each streamed segment's text for the elements around its placeholder, as the
/// browser shows it there (not again for the ancestors the two share). Placeholders later in
/// the page go first, so a segment streamed into another segment is counted into it before
/// that one is moved.
fn splice_stats(
    dom: &Dom<'_>,
    verdicts: &[Verdict],
    stats: &mut [Stats],
    streamed: &[(usize, usize)],
) {
    // At most `MAX_DEPTH` steps per placeholder: linear in the page.
    for &(b, s) in streamed.iter().rev() {
        let seg = stats[s];
        let mut a = b;
        while dom.nodes[a].parent != u32::MAX {
            a = dom.nodes[a].parent as usize;
            // An ancestor of the segment too: it counts the text already.
            if a < s && s < dom.nodes[a].end as usize {
                break;
            }
            let t = &mut stats[a];
            t.raw = t.raw.saturating_add(seg.raw);
            t.clean = t.clean.saturating_add(seg.clean);
            t.link = t.link.saturating_add(seg.link);
            t.anchor = t.anchor.saturating_add(seg.anchor);
            t.score += seg.score;
            // Furniture counts against the elements around it, whatever it holds.
            if verdicts[a] != Verdict::Keep {
                break;
            }
        }
    }
}

/// Bytes of text without its surrounding and repeated white space.
fn visible_len(text: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for b in text.bytes() {
        if b.is_ascii_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n - usize::from(space && n > 0)
}

/// The main element: the one whose text looks most like an article (see `block_score`);
/// the whole page (`None`) when nothing scores.
pub(crate) fn choose_root(dom: &Dom<'_>, m: &Measured) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (i, node) in dom.nodes.iter().enumerate() {
        if node.tag == Tag::Text || !matches!(m.verdicts[i], Verdict::Keep | Verdict::Soft) {
            continue;
        }
        let s = m.stats[i].score;
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, i));
        }
    }
    let (score, i) = best.filter(|(s, _)| *s > 0.0)?;
    // A marked article body inside the best element that holds most of its score is the
    // article; what the best element adds around it is teasers, bios and sign-up boxes.
    let end = dom.nodes[i].end as usize;
    let marked = (i + 1..end)
        .filter(|&j| {
            dom.nodes[j].tag != Tag::Text
                && matches!(m.verdicts[j], Verdict::Keep | Verdict::Soft)
                && is_article_body(dom, j)
                && m.stats[j].score * 2.0 >= score
        })
        .max_by(|&a, &b| m.stats[a].score.total_cmp(&m.stats[b].score));
    Some(marked.unwrap_or(i))
}

/// The article's element and the siblings that continue it: an article split into
/// sections side by side, with furniture between them that kept their parent from winning.
/// A sibling counts when it scores a good part of the article's score on its own; so does
/// one that stands between two that count, unless it is mostly links (a link list set
/// between sections): a section whose list of links is its content (the patches a release
/// note names) scores low on its own, but is still the article's.
pub(crate) fn with_siblings(dom: &Dom<'_>, m: &Measured, root: Option<usize>) -> Vec<usize> {
    let Some(r) = root else {
        return Vec::new();
    };
    let parent = dom.nodes[r].parent;
    if parent == u32::MAX {
        return vec![r];
    }
    // A fifth of the article's score, and at least a short paragraph's worth (flat from a
    // tenth to a third on the WCXB dev pages).
    let need = (0.2 * m.stats[r].score).max(80.0);
    let parent = parent as usize;
    // The element children, each with whether it continues the article on its own.
    let mut children = Vec::new();
    let mut c = parent + 1;
    while c < dom.nodes[parent].end as usize {
        let node = dom.nodes[c];
        // A streamed segment is shown at its placeholder, not beside the article.
        if node.tag != Tag::Text && m.verdicts[c] == Verdict::Keep && m.placeholder_of(c).is_none()
        {
            children.push((c, c == r || m.stats[c].score >= need));
        } else if c == r {
            children.push((c, true));
        }
        c = node.end as usize;
    }
    let first = children.iter().position(|&(_, part)| part).unwrap_or(0);
    let last = children.iter().rposition(|&(_, part)| part).unwrap_or(0);
    // Links up to 85% of the text (on the dev pages a release note's patch list is 78%, a
    // "movers near you" list 96%).
    let few_links = |c: usize| u64::from(m.stats[c].link) * 20 <= u64::from(m.stats[c].clean) * 17;
    children
        .iter()
        .enumerate()
        .filter(|&(k, &(c, part))| part || (k > first && k < last && few_links(c)))
        .map(|(_, &(c, _))| c)
        .collect()
}

/// Class words of article bodies in common publishing systems.
const BODY_CLASSES: &[&str] = &[
    "entry-content",
    "post-content",
    "article-content",
    "article-body",
    "articlebody",
    "post-body",
    "story-body",
    "entry-body",
    "blog-content",
    "post-entry",
    "article__body",
    "article__content",
    "rich-text",
    "prose",
];

/// An element that says it is the article: `<article>`, `itemprop="articleBody"`, or a
/// class that publishing systems give the body.
fn is_article_body(dom: &Dom<'_>, i: usize) -> bool {
    dom.nodes[i].tag == Tag::Article
        || dom
            .attr_raw(i, "itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        || dom.attr_raw(i, "class").is_some_and(|c| {
            c.split_ascii_whitespace()
                .any(|t| BODY_CLASSES.iter().any(|b| t.eq_ignore_ascii_case(b)))
        })
}

/// How deep streamed segments are moved into segments (React nests a few levels; a hostile
/// page could nest without end).
const MAX_SPLICE_DEPTH: usize = 16;

/// Pass two: the text of `root` (the whole page for `None`), a line per block, whitespace
/// collapsed, with React's streamed segments in their placeholders' places
/// (`streamed_parts`). `ends_article`: nothing of the article follows `root`, so a list of
/// links after its last prose paragraph ("Related posts") is no part of it.
pub(crate) fn render(
    dom: &Dom<'_>,
    m: &Measured,
    root: Option<usize>,
    ends_article: bool,
) -> String {
    let (start, end) = match root {
        Some(r) => (r, dom.nodes[r].end as usize),
        None => (0, dom.nodes.len()),
    };
    let last_prose = if ends_article {
        (start..end).rev().find(|&i| {
            let s = m.stats[i];
            (dom.nodes[i].tag.is_block() && s.own >= 80 && s.own_link * 2 < s.own)
                || m.segment_of(i).is_some_and(|seg| m.stats[seg].clean >= 80)
        })
    } else {
        None
    }
    .unwrap_or(end);
    let root_raw = match root {
        Some(r) => m.stats[r].raw,
        None => (0..dom.nodes.len())
            .filter(|&i| dom.nodes[i].parent == u32::MAX)
            .map(|i| m.stats[i].raw)
            .sum(),
    };
    let mut r = Renderer {
        dom,
        m,
        root,
        span: (start, end),
        last_prose,
        root_raw,
        // The text and a line break per few blocks: one allocation for a long article.
        out: String::with_capacity(root_raw as usize + root_raw as usize / 8),
        pending_space: false,
    };
    r.range(start, end, 0);
    r.out
}

struct Renderer<'d, 'a> {
    dom: &'d Dom<'a>,
    m: &'d Measured,
    root: Option<usize>,
    /// The nodes of `root`.
    span: (usize, usize),
    last_prose: usize,
    root_raw: u32,
    out: String,
    pending_space: bool,
}

impl Renderer<'_, '_> {
    /// Renders nodes `start..end` (whole subtrees), moving streamed segments at `depth`.
    fn range(&mut self, start: usize, end: usize, depth: usize) {
        let (dom, m) = (self.dom, self.m);
        let mut stack: Vec<usize> = Vec::new();
        let mut i = start;
        while i < end {
            while stack
                .last()
                .is_some_and(|&top| dom.nodes[top].end as usize <= i)
            {
                let top = stack.pop().unwrap_or_default();
                if breaks_line(dom.nodes[top].tag) {
                    end_line(&mut self.out);
                    self.pending_space = false;
                }
            }
            let node = dom.nodes[i];
            if node.tag == Tag::Text {
                self.text(i);
                i += 1;
                continue;
            }
            // A streamed segment is shown at its placeholder, as a block of its own.
            if let Some(seg) = m.segment_of(i) {
                if depth < MAX_SPLICE_DEPTH {
                    end_line(&mut self.out);
                    self.range(seg + 1, dom.nodes[seg].end as usize, depth + 1);
                    end_line(&mut self.out);
                    self.pending_space = false;
                }
                i = node.end as usize;
                continue;
            }
            // ... and not where it was streamed, when its placeholder is rendered.
            if Some(i) != self.root
                && m.placeholder_of(i)
                    .is_some_and(|b| self.span.0 <= b && b < self.span.1)
            {
                i = node.end as usize;
                continue;
            }
            let skip = match m.verdicts[i] {
                Verdict::Drop => true,
                // Furniture by name that holds most of the page is the page.
                Verdict::Junk | Verdict::Soft => {
                    Some(i) != self.root
                        && u64::from(m.stats[i].raw) * 10 < u64::from(self.root_raw) * 6
                }
                // Link lists and link lines inside the article: tables of contents, "read more".
                Verdict::Keep => {
                    let s = m.stats[i];
                    // A list item's paragraph that is a link is an entry of the list, which
                    // is judged as a whole: a list of links after the article's last prose.
                    let list_entry = node.tag == Tag::P
                        && node.parent != u32::MAX
                        && dom.nodes[node.parent as usize].tag == Tag::Li;
                    let trailing_links = i > self.last_prose
                        && matches!(node.tag, Tag::Ul | Tag::Ol)
                        && u64::from(s.link) * 10 > u64::from(s.clean) * 8;
                    Some(i) != self.root
                        && ((is_link_block(node.tag, s) && !list_entry) || trailing_links)
                }
            };
            if skip {
                // A table of contents left out takes its label with it.
                if m.stats[i].raw > 0 {
                    drop_toc_label(&mut self.out);
                }
                i = node.end as usize;
                continue;
            }
            if breaks_line(node.tag) {
                end_line(&mut self.out);
                self.pending_space = false;
            } else if matches!(node.tag, Tag::Td | Tag::Th)
                && !self.out.is_empty()
                && !self.out.ends_with('\n')
            {
                // A table row is one line, its cells apart.
                self.out.push_str(" | ");
                self.pending_space = false;
            }
            stack.push(i);
            i += 1;
        }
    }

    /// A text node: words are copied whole; white space between them becomes one space.
    fn text(&mut self, i: usize) {
        let text = self.dom.text(i);
        let out = &mut self.out;
        for word in text.split(char::is_whitespace) {
            if word.is_empty() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(word);
            self.pending_space = true;
        }
        // The text did not end in white space: the next text runs on.
        if !text.ends_with(char::is_whitespace) {
            self.pending_space = false;
        }
    }
}

/// What pages call the list of an article's sections.
const TOC_LABELS: &[&str] = &[
    "table of contents",
    "contents",
    "on this page",
    "in this article",
    "in this post",
    "in this guide",
    "article contents",
    "jump to",
    "jump to section",
    "skip to",
    "what's inside",
    "quick links",
];

/// Removes the last line of `out` when it is only a table-of-contents label, left behind
/// by the list it named.
fn drop_toc_label(out: &mut String) {
    let body = out.trim_end_matches('\n');
    let start = body.rfind('\n').map_or(0, |p| p + 1);
    if is_toc_label(&body[start..]) {
        out.truncate(start);
    }
}

/// Whether a line is only a table-of-contents label ("Table of Contents:", "On this page").
pub(crate) fn is_toc_label(line: &str) -> bool {
    let line = line
        .trim()
        .trim_end_matches([':', '\u{2193}', '\u{25bc}', '\u{25be}'])
        .trim();
    line.len() <= 24
        && TOC_LABELS.iter().any(|l| {
            l.eq_ignore_ascii_case(line) || l.eq_ignore_ascii_case(&line.replace('\u{2019}', "'"))
        })
}

/// Blocks end a line, except table cells: a row reads as one line.
fn breaks_line(tag: Tag) -> bool {
    tag.is_block() && !matches!(tag, Tag::Td | Tag::Th)
}

/// Tables of contents (mostly links within the page), and paragraphs that are little but
/// a link ("Read more about ...").
fn is_link_block(tag: Tag, s: Stats) -> bool {
    if !tag.is_block() || tag.is_heading() || s.clean == 0 {
        return false;
    }
    let (clean, link, anchor) = (u64::from(s.clean), u64::from(s.link), u64::from(s.anchor));
    if anchor * 2 > clean {
        return true;
    }
    matches!(tag, Tag::P | Tag::Div) && link * 10 > clean * 8 && clean < 200
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}
