//! What visible text stands near a node: the page read a line per block from a starting
//! node, with the element that holds each line and the date of its `<time>`, up to a byte
//! budget. The dateline and the byline are both looked for in these lines.

use chrono::NaiveDate;

use super::super::dom::Dom;
use super::super::tag::Tag;
use crate::date;

/// How much visible text after the headline may hold its dateline.
pub(super) const DATELINE_WINDOW: usize = 1500;

/// Where to look for the dateline and byline of a headline: a little before its container
/// when that is small (they may stand above it), else a little before the headline.
pub(super) fn around(dom: &Dom<'_>, headline: usize) -> usize {
    let start = match dom.nodes[headline].parent {
        p if p != u32::MAX && headline - (p as usize) < 40 => p as usize,
        _ => headline,
    };
    // Themes put the byline and date above the headline's own container too: a few
    // elements before it are read as well (the dev pages: date 0.818 -> 0.821).
    start.saturating_sub(BEFORE_HEADLINE)
}

/// Nodes before the headline's container that may hold its byline and dateline.
const BEFORE_HEADLINE: usize = 40;

/// The visible text from node `start` on, a line per block with the element that holds
/// it, until `budget` bytes of text have been seen.
pub(super) fn lines_from(
    dom: &Dom<'_>,
    start: usize,
    visible: &dyn Fn(usize) -> bool,
    budget: usize,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line {
        text: String::new(),
        owner: start,
        stamp: None,
    };
    let mut seen = 0;
    let mut i = start;
    // Where the open blocks end: leaving one ends its line too, so a headline's dateline
    // set in a `<span>` after the `<h1>` is a line of its own.
    let mut block_ends: Vec<usize> = Vec::new();
    let flush = |line: &mut Line, lines: &mut Vec<Line>| {
        let text = line.text.trim();
        if !text.is_empty() {
            lines.push(Line {
                text: text.to_string(),
                owner: line.owner,
                stamp: line.stamp,
            });
        }
        line.text.clear();
        line.stamp = None;
    };
    while i < dom.nodes.len() && seen < budget {
        if block_ends.last().is_some_and(|&end| end <= i) {
            while block_ends.last().is_some_and(|&end| end <= i) {
                block_ends.pop();
            }
            flush(&mut line, &mut lines);
        }
        let node = dom.nodes[i];
        if node.tag == Tag::Text {
            let t = dom.text(i);
            seen += t.trim().len();
            if line.text.trim().is_empty() {
                // Text outside every element (after a stray `</html>`, or before any tag)
                // is owned by itself: it has no element to look up.
                line.owner = match node.parent {
                    u32::MAX => i,
                    parent => parent as usize,
                };
            }
            line.text.push_str(t);
            i += 1;
            continue;
        }
        if !visible(i) {
            i = node.end as usize;
            continue;
        }
        if node.tag.is_block() {
            flush(&mut line, &mut lines);
            block_ends.push(node.end as usize);
        } else if line.text.ends_with(|c: char| !c.is_whitespace()) {
            // Inline elements set side by side ("<span>Dec 17, 2025</span><span>Julian
            // K. Arni</span>") are separate fields of a dateline, not one word.
            line.text.push(' ');
        }
        if node.tag == Tag::Time && line.stamp.is_none() {
            line.stamp = dom.attr(i, "datetime").and_then(|d| date::parse_date(&d));
        }
        i += 1;
    }
    flush(&mut line, &mut lines);
    lines
}

/// One line of visible text: the element that holds its first words, and the date of the
/// first `<time datetime>` in it.
pub(super) struct Line {
    pub(super) text: String,
    pub(super) owner: usize,
    pub(super) stamp: Option<NaiveDate>,
}
