//! A fast, forgiving HTML parser: a byte scanner that feeds a small tree builder.
//!
//! Written here rather than taken from html5ever because extraction needs only the element
//! tree, a few attributes and the visible text, and html5ever's tokenizer and tree builder
//! took more than half of the extraction time (figures in `mod.rs`). The tree is kept flat, in
//! document order: the descendants of node `i` are the nodes `i + 1..nodes[i].end`, so every
//! pass over a subtree is a loop over a slice, with no recursion and no pointer chasing.
//!
//! The builder follows the HTML standard where it shapes the tree that extraction sees: void
//! elements, raw-text elements (`script`, `style`, `title`, ...), end tags that may be left
//! out (`p`, `li`, `dt`/`dd`, table rows and cells, `option`), `</br>`, foreign `svg`/`math`
//! content with self-closing tags, and end tags that close the nearest open element of their
//! name. It does not rebuild mis-nested formatting elements. Nesting deeper than
//! [`MAX_DEPTH`] is flattened, so a hostile page costs linear time.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memmem};

use super::entities;
use super::tag::Tag;

/// No element is nested deeper than this; deeper start tags become siblings.
pub(crate) const MAX_DEPTH: usize = 512;

const NONE: u32 = u32::MAX;

/// One element or text node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub(crate) tag: Tag,
    /// The parent's index, or `u32::MAX` at the top.
    pub(crate) parent: u32,
    /// One past the index of the last descendant.
    pub(crate) end: u32,
    /// Text: start of its decoded text in [`Dom::text`]. Element: first attribute.
    a: u32,
    /// Text: end of its text. Element: one past the last attribute.
    b: u32,
    /// Element: where its name starts in the source (for elements without a [`Tag`]).
    name: u32,
    name_len: u32,
}

/// An attribute, as byte ranges of the source.
#[derive(Debug, Clone, Copy)]
struct Attr {
    name: (u32, u32),
    value: (u32, u32),
}

/// A parsed page.
pub(crate) struct Dom<'a> {
    src: &'a str,
    pub(crate) nodes: Vec<Node>,
    attrs: Vec<Attr>,
    text: String,
}

impl<'a> Dom<'a> {
    /// Parses a page; never fails.
    pub(crate) fn parse(src: &'a str) -> Dom<'a> {
        // Positions are kept as u32: a page over 4 GiB is cut (ingest refuses far smaller).
        let src = if src.len() >= NONE as usize {
            let mut cut = NONE as usize - 1;
            while !src.is_char_boundary(cut) {
                cut -= 1;
            }
            &src[..cut]
        } else {
            src
        };
        let mut b = Builder {
            dom: Dom {
                src,
                nodes: Vec::with_capacity(src.len() / 64),
                attrs: Vec::with_capacity(src.len() / 64),
                text: String::with_capacity(src.len() / 4),
            },
            stack: Vec::with_capacity(64),
            foreign: 0,
            has_html: false,
        };
        b.run();
        b.finish()
    }

    /// The decoded text of a text node (empty for an element).
    pub(crate) fn text(&self, i: usize) -> &str {
        let n = &self.nodes[i];
        if n.tag == Tag::Text {
            &self.text[n.a as usize..n.b as usize]
        } else {
            ""
        }
    }

    /// The element's name in lower case, for elements without a [`Tag`] of their own.
    pub(crate) fn name(&self, i: usize) -> Cow<'a, str> {
        let n = &self.nodes[i];
        let s = &self.src[n.name as usize..(n.name + n.name_len) as usize];
        if s.bytes().any(|c| c.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    }

    /// The raw (undecoded) value of an attribute; names compare ignoring ASCII case, and the
    /// first of repeated attributes wins.
    pub(crate) fn attr_raw(&self, i: usize, name: &str) -> Option<&'a str> {
        let n = &self.nodes[i];
        if n.tag == Tag::Text {
            return None;
        }
        self.attrs[n.a as usize..n.b as usize]
            .iter()
            .find(|a| self.src[a.name.0 as usize..a.name.1 as usize].eq_ignore_ascii_case(name))
            .map(|a| &self.src[a.value.0 as usize..a.value.1 as usize])
    }

    /// The element's attributes as written: (name, raw value), in order.
    pub(crate) fn attrs(&self, i: usize) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        let n = &self.nodes[i];
        let range = if n.tag == Tag::Text {
            0..0
        } else {
            n.a as usize..n.b as usize
        };
        let src = self.src;
        self.attrs[range].iter().map(move |a| {
            (
                &src[a.name.0 as usize..a.name.1 as usize],
                &src[a.value.0 as usize..a.value.1 as usize],
            )
        })
    }

    /// An attribute's value with character references decoded.
    pub(crate) fn attr(&self, i: usize, name: &str) -> Option<Cow<'a, str>> {
        self.attr_raw(i, name).map(entities::decode_attr)
    }

    /// All text inside node `i`, in document order; a `<br>` or a block element inside it
    /// parts words ("Headline<br>Tag line"), inline elements do not ("Hel<em>lo</em>").
    pub(crate) fn inner_text(&self, i: usize) -> String {
        let mut out = String::new();
        for j in i..self.nodes[i].end as usize {
            let tag = self.nodes[j].tag;
            if j > i
                && (tag == Tag::Br || tag.is_block())
                && out.ends_with(|c: char| !c.is_whitespace())
            {
                out.push(' ');
            }
            out.push_str(self.text(j));
        }
        out
    }

    /// Indices of the elements with tag `tag`, in document order.
    pub(crate) fn elements(&self, tag: Tag) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.tag == tag)
            .map(|(i, _)| i)
    }
}

struct Builder<'a> {
    dom: Dom<'a>,
    /// Indices of the open elements.
    stack: Vec<u32>,
    /// Open `svg`/`math` elements: inside them `/>` closes an element.
    foreign: usize,
    has_html: bool,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl<'a> Builder<'a> {
    fn parent(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    fn run(&mut self) {
        let src = self.dom.src;
        let bytes = src.as_bytes();
        let mut pos = 0usize;
        while pos < bytes.len() {
            let Some(off) = memchr(b'<', &bytes[pos..]) else {
                self.text(pos, bytes.len(), true);
                break;
            };
            let lt = pos + off;
            if lt > pos {
                self.text(pos, lt, true);
            }
            pos = match bytes.get(lt + 1) {
                Some(b'!') => self.markup_declaration(lt),
                Some(b'/') => self.end_tag(lt),
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt),
                Some(b'?') => skip_past(bytes, lt, b'>'),
                _ => {
                    self.text(lt, lt + 1, false);
                    lt + 1
                }
            };
        }
    }

    fn finish(mut self) -> Dom<'a> {
        let end = self.dom.nodes.len() as u32;
        for i in self.stack.drain(..) {
            self.dom.nodes[i as usize].end = end;
        }
        self.dom
    }

    /// Adds the text `src[start..end]`, decoding character references when `decode`.
    fn text(&mut self, start: usize, end: usize, decode: bool) {
        let raw = &self.dom.src[start..end];
        let from = self.dom.text.len();
        if decode {
            entities::decode_into(raw, &mut self.dom.text);
        } else {
            self.dom.text.push_str(raw);
        }
        let to = self.dom.text.len();
        if to == from {
            return;
        }
        let parent = self.parent();
        // Text split by a stray '<' or a comment continues the previous text node.
        if let Some(last) = self.dom.nodes.last_mut() {
            if last.tag == Tag::Text && last.parent == parent && last.b as usize == from {
                last.b = to as u32;
                return;
            }
        }
        let index = self.dom.nodes.len() as u32;
        self.dom.nodes.push(Node {
            tag: Tag::Text,
            parent,
            end: index + 1,
            a: from as u32,
            b: to as u32,
            name: 0,
            name_len: 0,
        });
    }

    /// `<!-- ... -->`, `<!DOCTYPE ...>`, `<![CDATA[ ... ]]>`; returns where to go on.
    fn markup_declaration(&mut self, lt: usize) -> usize {
        let bytes = self.dom.src.as_bytes();
        let rest = &bytes[lt + 2..];
        if rest.starts_with(b"--") {
            // "<!-->" and "<!--->" are empty comments.
            let body = lt + 4;
            for short in [&b">"[..], b"->"] {
                if bytes[body..].starts_with(short) {
                    return body + short.len();
                }
            }
            return memmem::find(&bytes[body..], b"-->").map_or(bytes.len(), |e| body + e + 3);
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"[CDATA[") {
            let body = lt + 9;
            let end = memmem::find(&bytes[body..], b"]]>").map_or(bytes.len(), |e| body + e);
            if end > body {
                self.text(body, end, false);
            }
            return (end + 3).min(bytes.len());
        }
        skip_past(bytes, lt, b'>')
    }

    fn end_tag(&mut self, lt: usize) -> usize {
        let bytes = self.dom.src.as_bytes();
        let name_start = lt + 2;
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // "</>" is dropped; "</ x>" is a bogus comment.
            return skip_past(bytes, lt, b'>');
        }
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .position(|&c| is_space(c) || c == b'/' || c == b'>')
                .unwrap_or(bytes.len() - name_start);
        let Some(gt) = find_tag_end(bytes, name_end) else {
            // An unterminated tag at the end of the page is dropped.
            return bytes.len();
        };
        let (tag, lower) = lookup(&bytes[name_start..name_end]);
        match tag {
            Tag::Br => {
                let attr_start = self.dom.attrs.len();
                self.push_element(Tag::Br, name_start, name_end, attr_start, true);
            }
            Tag::Html | Tag::Body => {}
            Tag::P if !self.in_scope(Tag::P) => {}
            _ => self.close(tag, &lower),
        }
        gt + 1
    }

    fn start_tag(&mut self, lt: usize) -> usize {
        let bytes = self.dom.src.as_bytes();
        let name_start = lt + 1;
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .position(|&c| is_space(c) || c == b'/' || c == b'>')
                .unwrap_or(bytes.len() - name_start);
        let attr_start = self.dom.attrs.len();
        let Some((gt, self_closing)) = self.attributes(name_end) else {
            self.dom.attrs.truncate(attr_start);
            return bytes.len();
        };
        let (tag, _) = lookup(&bytes[name_start..name_end]);
        let after = gt + 1;
        if self.foreign == 0 && tag.is_raw_text() {
            return self.raw_text(tag, name_start, name_end, attr_start, after);
        }
        if tag == Tag::Html {
            if self.has_html {
                self.dom.attrs.truncate(attr_start);
                return after;
            }
            self.has_html = true;
        }
        if tag == Tag::Body && self.stack.iter().any(|&i| self.tag(i) == Tag::Body) {
            self.dom.attrs.truncate(attr_start);
            return after;
        }
        self.implicit_closes(tag);
        let void = tag.is_void() || (self_closing && (self.foreign > 0 || tag == Tag::Other));
        self.push_element(tag, name_start, name_end, attr_start, void);
        after
    }

    fn tag(&self, i: u32) -> Tag {
        self.dom.nodes[i as usize].tag
    }

    /// Closes what a start tag of `tag` closes: an open `p`, a previous `li`, `dt`/`dd`,
    /// table row or cell, `option`, heading, or link.
    fn implicit_closes(&mut self, tag: Tag) {
        use Tag::*;
        if self.foreign > 0 {
            return;
        }
        // Anything but metadata ends an open `<head>`.
        let head_content = matches!(
            tag,
            Meta | Link | Title | Script | Style | Base | Noscript | Template | Other
        );
        if !head_content && self.stack.last().is_some_and(|&i| self.tag(i) == Head) {
            self.pop();
        }
        if tag.closes_p() && self.in_scope(P) {
            self.close(P, "p");
        }
        match tag {
            Li => self.close_within(&[Li], &[Ul, Ol, Menu, Dir, Table, Td, Th, Html, Body]),
            Dd | Dt => self.close_within(&[Dd, Dt], &[Dl, Table, Td, Th, Html, Body]),
            Tr => self.close_within(&[Tr], &[Table, Thead, Tbody, Tfoot, Html]),
            Td | Th => self.close_within(&[Td, Th], &[Tr, Table, Html]),
            Thead | Tbody | Tfoot => {
                self.close_within(&[Thead, Tbody, Tfoot], &[Table, Html]);
            }
            A => self.close_within(&[A], &[Html, Table, Td, Th, Button]),
            Option | Optgroup => {
                if self.stack.last().is_some_and(|&i| self.tag(i) == Option) {
                    self.pop();
                }
                if tag == Optgroup && self.stack.last().is_some_and(|&i| self.tag(i) == Optgroup) {
                    self.pop();
                }
            }
            _ if tag.is_heading()
                && self.stack.last().is_some_and(|&i| self.tag(i).is_heading()) =>
            {
                self.pop();
            }
            _ => {}
        }
    }

    /// Closes the nearest open element among `targets`, unless a `stop` element comes first.
    fn close_within(&mut self, targets: &[Tag], stop: &[Tag]) {
        for k in (0..self.stack.len()).rev() {
            let t = self.tag(self.stack[k]);
            if targets.contains(&t) {
                self.pop_to(k);
                return;
            }
            if stop.contains(&t) {
                return;
            }
        }
    }

    /// Whether an element with `tag` is open inside the nearest scope boundary.
    fn in_scope(&self, tag: Tag) -> bool {
        for &i in self.stack.iter().rev() {
            let t = self.tag(i);
            if t == tag {
                return true;
            }
            if t.is_scope_boundary() {
                return false;
            }
        }
        false
    }

    /// An end tag: closes the nearest open element of that name; a stray end tag is ignored.
    /// Only table end tags reach out of a table cell.
    fn close(&mut self, tag: Tag, lower: &str) {
        use Tag::*;
        let table_part = matches!(tag, Table | Tbody | Thead | Tfoot | Tr | Td | Th | Caption);
        for k in (0..self.stack.len()).rev() {
            let i = self.stack[k];
            let t = self.tag(i);
            let same = if tag == Other {
                t == Other && self.dom.name(i as usize).as_ref() == lower
            } else {
                t == tag
            };
            if same {
                self.pop_to(k);
                return;
            }
            if !table_part && matches!(t, Td | Th | Caption | Table | Template) {
                return;
            }
            if table_part && t == Table {
                return;
            }
        }
    }

    /// Pops the open elements from the top down to `k`, inclusive.
    fn pop_to(&mut self, k: usize) {
        while self.stack.len() > k {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(i) = self.stack.pop() {
            let end = self.dom.nodes.len() as u32;
            let node = &mut self.dom.nodes[i as usize];
            node.end = end;
            if matches!(node.tag, Tag::Svg | Tag::Math) {
                self.foreign -= 1;
            }
        }
    }

    fn push_element(
        &mut self,
        tag: Tag,
        name_start: usize,
        name_end: usize,
        attr_start: usize,
        void: bool,
    ) -> u32 {
        let index = self.dom.nodes.len() as u32;
        self.dom.nodes.push(Node {
            tag,
            parent: self.parent(),
            end: index + 1,
            a: attr_start as u32,
            b: self.dom.attrs.len() as u32,
            name: name_start as u32,
            name_len: (name_end - name_start) as u32,
        });
        if !void && self.stack.len() < MAX_DEPTH {
            self.stack.push(index);
            if matches!(tag, Tag::Svg | Tag::Math) {
                self.foreign += 1;
            }
        }
        index
    }

    /// The content of a raw-text element, up to its end tag. `title` and `textarea` decode
    /// character references; of scripts only JSON-LD is kept; the rest is skipped.
    fn raw_text(
        &mut self,
        tag: Tag,
        name_start: usize,
        name_end: usize,
        attr_start: usize,
        after: usize,
    ) -> usize {
        let bytes = self.dom.src.as_bytes();
        let name = &bytes[name_start..name_end];
        let (body_end, resume) = if tag == Tag::Plaintext {
            (bytes.len(), bytes.len())
        } else {
            find_end_tag(bytes, after, name)
        };
        self.implicit_closes(tag);
        let index = self.push_element(tag, name_start, name_end, attr_start, false);
        let keep = match tag {
            Tag::Title | Tag::Textarea => Some(true),
            Tag::Script => self
                .dom
                .attr_raw(index as usize, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                .then_some(false),
            _ => None,
        };
        if let Some(decode) = keep {
            if body_end > after {
                self.text(after, body_end, decode);
            }
        }
        if self.stack.last() == Some(&index) {
            self.pop();
        }
        resume
    }

    /// Reads attributes from `pos` (just after the name) to the closing `>`; returns its
    /// position and whether the tag ended with `/>`, or `None` when the page ends first.
    fn attributes(&mut self, mut pos: usize) -> Option<(usize, bool)> {
        let bytes = self.dom.src.as_bytes();
        loop {
            while pos < bytes.len() && (is_space(bytes[pos]) || bytes[pos] == b'/') {
                pos += 1;
            }
            let c = *bytes.get(pos)?;
            if c == b'>' {
                return Some((pos, pos > 0 && bytes[pos - 1] == b'/'));
            }
            let name_start = pos;
            pos += 1;
            while pos < bytes.len() && !matches!(bytes[pos], b'=' | b'>' | b'/') {
                if is_space(bytes[pos]) {
                    break;
                }
                pos += 1;
            }
            let name_end = pos;
            while pos < bytes.len() && is_space(bytes[pos]) {
                pos += 1;
            }
            let mut value = (pos, pos);
            if bytes.get(pos) == Some(&b'=') {
                pos += 1;
                while pos < bytes.len() && is_space(bytes[pos]) {
                    pos += 1;
                }
                match bytes.get(pos) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = memchr(q, &bytes[pos + 1..])? + pos + 1;
                        value = (pos + 1, close);
                        pos = close + 1;
                    }
                    Some(_) => {
                        let start = pos;
                        while pos < bytes.len() && !is_space(bytes[pos]) && bytes[pos] != b'>' {
                            pos += 1;
                        }
                        value = (start, pos);
                    }
                    None => return None,
                }
            }
            if self.dom.attrs.len() < u32::MAX as usize {
                self.dom.attrs.push(Attr {
                    name: (name_start as u32, name_end as u32),
                    value: (value.0 as u32, value.1 as u32),
                });
            }
        }
    }
}

/// A name in lower case and its tag.
fn lookup(name: &[u8]) -> (Tag, String) {
    let mut buf = [0u8; 16];
    if name.len() <= buf.len() {
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        let lower = &buf[..name.len()];
        let tag = Tag::from_lower(lower);
        let text = if tag == Tag::Other {
            String::from_utf8_lossy(lower).into_owned()
        } else {
            String::new()
        };
        (tag, text)
    } else {
        (
            Tag::Other,
            String::from_utf8_lossy(name).to_ascii_lowercase(),
        )
    }
}

/// One past the next `byte` after `from`, or the end of the page.
fn skip_past(bytes: &[u8], from: usize, byte: u8) -> usize {
    memchr(byte, &bytes[from..]).map_or(bytes.len(), |p| from + p + 1)
}

/// The `>` that ends an end tag whose name ends at `from`, skipping quoted attribute values.
fn find_tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut pos = from;
    loop {
        let p = memchr2(b'>', b'"', &bytes[pos..])? + pos;
        if bytes[p] == b'>' {
            return Some(p);
        }
        pos = memchr(b'"', &bytes[p + 1..])? + p + 2;
    }
}

/// Where the body of a raw-text element ends (`</name` followed by a space, `/` or `>`) and
/// where parsing resumes after its end tag; the end of the page when there is none.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut pos = from;
    while let Some(off) = memmem::find(&bytes[pos..], b"</") {
        let at = pos + off;
        let name_at = at + 2;
        let matches = bytes
            .get(name_at..name_at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let after = name_at + name.len();
        if matches
            && bytes
                .get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return (at, skip_past(bytes, after, b'>'));
        }
        pos = at + 2;
    }
    (bytes.len(), bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as an indented outline, for comparing shapes.
    fn outline(dom: &Dom<'_>) -> String {
        let mut out = String::new();
        for (i, n) in dom.nodes.iter().enumerate() {
            let mut depth = 0;
            let mut p = n.parent;
            while p != NONE {
                depth += 1;
                p = dom.nodes[p as usize].parent;
            }
            let label = if n.tag == Tag::Text {
                format!("{:?}", dom.text(i))
            } else {
                dom.name(i).into_owned()
            };
            out.push_str(&format!("{}{}\n", "  ".repeat(depth), label));
        }
        out
    }

    #[test]
    fn shapes() {
        let dom = Dom::parse("<html><body><p>a<p>b</body></html>");
        assert_eq!(
            outline(&dom),
            "html\n  body\n    p\n      \"a\"\n    p\n      \"b\"\n"
        );
        let dom = Dom::parse("<html><head><title>t</title><div>x</div></html>");
        assert_eq!(
            outline(&dom),
            "html\n  head\n    title\n      \"t\"\n  div\n    \"x\"\n"
        );
    }

    #[test]
    fn implied_end_tags() {
        let cases = [
            (
                "<ul><li>a<li>b</ul>",
                "ul\n  li\n    \"a\"\n  li\n    \"b\"\n",
            ),
            (
                "<table><tr><td>1<td>2<tr><td>3</table>",
                "table\n  tr\n    td\n      \"1\"\n    td\n      \"2\"\n  tr\n    td\n      \"3\"\n",
            ),
            ("<p>a<div>b</div>", "p\n  \"a\"\ndiv\n  \"b\"\n"),
            ("<h2>a<h3>b", "h2\n  \"a\"\nh3\n  \"b\"\n"),
            ("<dl><dt>a<dd>b</dl>", "dl\n  dt\n    \"a\"\n  dd\n    \"b\"\n"),
            // A stray end tag is ignored; one inside a cell does not close the table.
            ("<div>a</span>b</div>", "div\n  \"ab\"\n"),
            (
                "<div><table><tr><td>x</div>y",
                "div\n  table\n    tr\n      td\n        \"xy\"\n",
            ),
            ("a</br>b", "\"a\"\nbr\n\"b\"\n"),
            // Self-closing counts in SVG only.
            (
                "<svg><path/><g/></svg><div/>x",
                "svg\n  path\n  g\ndiv\n  \"x\"\n",
            ),
            ("<my-card>a</my-card>b", "my-card\n  \"a\"\n\"b\"\n"),
        ];
        for (html, want) in cases {
            assert_eq!(outline(&Dom::parse(html)), want, "{html}");
        }
    }

    #[test]
    fn raw_text_comments_and_attributes() {
        let dom = Dom::parse(
            "<script>if (a<b) { s = '</div>'; }</script><p title='x > y' data-a=\"1\" hidden>t</p>",
        );
        assert_eq!(outline(&dom), "script\np\n  \"t\"\n");
        let p = dom.elements(Tag::P).next().unwrap_or_default();
        assert_eq!(dom.attr_raw(p, "TITLE"), Some("x > y"));
        assert_eq!(dom.attr_raw(p, "hidden"), Some(""));
        let dom = Dom::parse("<!-- <p>no</p> -->a<!---->b<!--->c<![CDATA[d]]>e<!doctype html>f");
        assert_eq!(outline(&dom), "\"abcdef\"\n");
        let dom = Dom::parse("<title>A &amp; B</title><textarea><p>t</textarea>");
        assert_eq!(outline(&dom), "title\n  \"A & B\"\ntextarea\n  \"<p>t\"\n");
        let dom = Dom::parse(
            "<script type=\"application/ld+json\">{\"a\": \"&amp;\"}</script><style>p{}</STYLE >x",
        );
        assert_eq!(
            outline(&dom),
            "script\n  \"{\\\"a\\\": \\\"&amp;\\\"}\"\nstyle\n\"x\"\n"
        );
        // A tag or comment that never ends drops the rest, as browsers do.
        assert_eq!(outline(&Dom::parse("a<div class=\"x")), "\"a\"\n");
        assert_eq!(outline(&Dom::parse("a<!-- b")), "\"a\"\n");
        assert_eq!(outline(&Dom::parse("a < b <3")), "\"a < b <3\"\n");
    }

    #[test]
    fn inner_text_parts_words_at_breaks_and_blocks() {
        let dom = Dom::parse(
            "<h1>Top Programs (US)<br>Your Guide</h1><h2>Hel<em>lo</em> \
             <span>there</span><div>Block</div></h2>",
        );
        let text = |tag| dom.inner_text(dom.elements(tag).next().unwrap());
        assert_eq!(text(Tag::H1), "Top Programs (US) Your Guide");
        assert_eq!(text(Tag::H2), "Hello there Block");
    }

    #[test]
    fn depth_is_capped() {
        let html = "<div>".repeat(MAX_DEPTH * 3) + "x";
        let dom = Dom::parse(&html);
        let deepest = (0..dom.nodes.len())
            .map(|i| {
                let mut depth = 0;
                let mut p = dom.nodes[i].parent;
                while p != NONE {
                    depth += 1;
                    p = dom.nodes[p as usize].parent;
                }
                depth
            })
            .max()
            .unwrap_or(0);
        assert_eq!(deepest, MAX_DEPTH);
        assert!(dom.inner_text(0).contains('x'));
    }
}
