//! How does a document's text become HTML with its annotations marked? Spans (entities,
//! figures, times, claims, the span a citation opened) are cut into elementary pieces at
//! every span edge; each piece is escaped on its own and wrapped in one `<mark>` whose classes
//! are those of every span covering it, so overlapping spans need no nesting and no article
//! byte ever reaches the page unescaped.
//!
//! Each span start gets an anchor `id="s-START"` (the fragment a citation link scrolls to),
//! and a span may point to the next mention of the same entity with a small link after it.
//! Span edges that fall inside a UTF-8 character or past the text are dropped: a stale or
//! foreign span must not make the page fail or cut a character in two.

use std::collections::BTreeSet;
use std::fmt::Write;

use sinew_types::Span;

/// One span to mark.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub(crate) span: Span,
    /// CSS class (`ent`, `fig`, `time`, `claim`, `target`).
    pub(crate) class: &'static str,
    /// Shown on hover (the entity's canonical name, the figure's value).
    pub(crate) title: Option<String>,
    /// Start of the next mention of the same thing, for a "next mention" link after it.
    pub(crate) next: Option<usize>,
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` as HTML with `marks` marked (see the module doc).
pub(crate) fn marked_html(text: &str, marks: &[Mark]) -> String {
    let valid = |s: &Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let marks: Vec<&Mark> = marks.iter().filter(|m| valid(&m.span)).collect();
    let mut edges: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
    for m in &marks {
        edges.insert(m.span.start);
        edges.insert(m.span.end);
    }
    let starts: BTreeSet<usize> = marks.iter().map(|m| m.span.start).collect();
    let edges: Vec<usize> = edges.into_iter().collect();
    let mut out = String::with_capacity(text.len() * 2);
    // Marks sorted by start; `open` holds those covering the current piece.
    let mut by_start: Vec<&Mark> = marks.clone();
    by_start.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut next_in = 0;
    let mut open: Vec<&Mark> = Vec::new();
    for w in edges.windows(2) {
        let (a, b) = (w[0], w[1]);
        open.retain(|m| m.span.end > a);
        while next_in < by_start.len() && by_start[next_in].span.start <= a {
            if by_start[next_in].span.end > a {
                open.push(by_start[next_in]);
            }
            next_in += 1;
        }
        if starts.contains(&a) {
            let _ = write!(out, "<span class=\"anchor\" id=\"s-{a}\"></span>");
        }
        let piece = &text[a..b];
        if open.is_empty() {
            escape_into(&mut out, piece);
        } else {
            let mut classes: Vec<&str> = open.iter().map(|m| m.class).collect();
            classes.sort_unstable();
            classes.dedup();
            let title: Vec<&str> = open.iter().filter_map(|m| m.title.as_deref()).collect();
            out.push_str("<mark class=\"");
            out.push_str(&classes.join(" "));
            out.push('"');
            if !title.is_empty() {
                out.push_str(" title=\"");
                escape_into(&mut out, &title.join(" · "));
                out.push('"');
            }
            out.push('>');
            escape_into(&mut out, piece);
            out.push_str("</mark>");
        }
        for m in open.iter().filter(|m| m.span.end == b) {
            if let Some(n) = m.next {
                let _ = write!(
                    out,
                    "<a class=\"next\" href=\"#s-{n}\" title=\"next mention\">&#8250;</a>"
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &'static str) -> Mark {
        Mark {
            span: Span::new(start, end),
            class,
            title: None,
            next: None,
        }
    }

    #[test]
    fn overlapping_spans_become_flat_pieces() {
        let text = "China sent 5 tanks.";
        let html = marked_html(
            text,
            &[
                mark(0, 5, "ent"),
                mark(11, 18, "claim"),
                mark(11, 12, "fig"),
            ],
        );
        assert_eq!(
            html,
            "<span class=\"anchor\" id=\"s-0\"></span><mark class=\"ent\">China</mark> sent \
             <span class=\"anchor\" id=\"s-11\"></span><mark class=\"claim fig\">5</mark>\
             <mark class=\"claim\"> tanks</mark>."
        );
    }

    #[test]
    fn text_is_escaped_piece_by_piece_and_bad_spans_are_dropped() {
        let text = "<b>é</b> & \"x\"";
        // 4 falls inside "é" (bytes 3..5); 99 is past the end.
        let html = marked_html(
            text,
            &[mark(0, 3, "ent"), mark(4, 6, "fig"), mark(2, 99, "time")],
        );
        assert_eq!(
            html,
            "<span class=\"anchor\" id=\"s-0\"></span><mark class=\"ent\">&lt;b&gt;</mark>\
             é&lt;/b&gt; &amp; &quot;x&quot;"
        );
    }

    #[test]
    fn next_mention_links_follow_their_span() {
        let text = "Iran and Iran";
        let mut first = mark(0, 4, "ent");
        first.next = Some(9);
        first.title = Some("Iran \"IR\"".into());
        let html = marked_html(text, &[first, mark(9, 13, "ent")]);
        assert!(
            html.contains(
                "title=\"Iran &quot;IR&quot;\">Iran</mark><a class=\"next\" href=\"#s-9\""
            ),
            "{html}"
        );
        assert!(html.contains("id=\"s-9\""));
    }
}
