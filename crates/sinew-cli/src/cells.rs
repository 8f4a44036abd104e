//! Text measured the way a terminal shows it: by display columns, not bytes or chars (a CJK
//! character takes two columns, a combining accent none), made safe to print, and cut or
//! wrapped to a column's width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` on one line and harmless on a terminal: control characters (line breaks, tabs, the
/// ESC that starts an escape sequence planted in a scraped page) and bidirectional overrides
/// become spaces, and runs of spaces collapse to one.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = if c.is_control() || is_bidi_control(c) {
            ' '
        } else {
            c
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Embedding, override and isolate controls: they reorder what follows on the line.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Columns `text` takes on a terminal (call on [`clean`] text).
pub(crate) fn width(text: &str) -> usize {
    // Most cells are printable ASCII, one column a byte; the ledger's table measures about
    // a million of them on a large store.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    UnicodeWidthStr::width(text)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(text, max - 1);
    format!("{head}…")
}

/// The longest suffix of `text` that fits in `max` columns.
fn tail(text: &str, max: usize) -> &str {
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        let w = char_width(c);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    &text[start..]
}

/// `text` cut to at most `max` columns by dropping its middle, so that both the start and
/// the end stay (a document's folder-like prefix and its distinguishing suffix).
pub(crate) fn truncate_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max < 3 {
        return truncate(text, max);
    }
    let keep = max - 1;
    // The end gets the odd column: that is where names differ ("#3f2a", ".html").
    let tail_budget = keep - keep / 2;
    let (head, _) = split_at_width(text, keep / 2);
    format!("{head}…{}", tail(text, tail_budget))
}

/// `text` padded with spaces on the right (or on the left, `right`) to `w` columns.
pub(crate) fn pad(text: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(text)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// The longest prefix of `text` that fits in `max` columns, and the rest.
fn split_at_width(text: &str, max: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        if used + w > max {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

/// `text` broken into lines of at most `max` columns, at spaces where it can and inside a
/// word only when the word alone is wider than a line (long URLs, CJK text without spaces).
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    // The width of `line`, kept as it grows rather than measured again for every word.
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = width(word);
        let needed = if line.is_empty() { w } else { used + 1 + w };
        if needed <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            used = needed;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while width(rest) > max {
            let (head, tail) = split_at_width(rest, max);
            // A character wider than the whole line still has to go somewhere.
            let (head, tail) = if head.is_empty() {
                let n = rest.chars().next().map_or(rest.len(), char::len_utf8);
                rest.split_at(n)
            } else {
                (head, tail)
            };
            lines.push(head.to_string());
            rest = tail;
        }
        line.push_str(rest);
        used = width(rest);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_zero_width_characters_are_measured_by_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("北朝鲜"), 6);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn truncation_never_exceeds_the_width() {
        assert_eq!(truncate("North Korea", 20), "North Korea");
        assert_eq!(truncate("North Korea", 6), "North…");
        // Five columns: two CJK characters and the ellipsis; a third would make six.
        assert_eq!(truncate("朝鲜民主主义", 5), "朝鲜…");
        assert_eq!(width(&truncate("朝鲜民主主义", 5)), 5);
        assert_eq!(
            truncate_middle("reuters/world/index.txt#3f2a", 16),
            "reuters…txt#3f2a"
        );
        assert_eq!(width(&truncate_middle("新闻/世界/索引.txt", 9)), 9);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_overlong_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("中文中文中", 4), ["中文", "中文", "中"]);
        assert_eq!(wrap("", 4), [""]);
        for line in wrap("The State Department said 北朝鲜 shipped containers", 9) {
            assert!(width(&line) <= 9, "{line:?}");
        }
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(clean("a\nb\t\tc\x1b[31md"), "a b c [31md");
        assert_eq!(clean("x\u{202e}y"), "x y");
        assert_eq!(clean("  padded  "), "padded");
    }
}
