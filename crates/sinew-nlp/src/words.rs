//! A tiny word scanner shared by the rule-based stages: words with byte offsets, lower-cased
//! on demand, and the clause boundaries they sit between.

/// A word: a maximal run of letters and digits, with inner hyphens or apostrophes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
}

impl Word<'_> {
    /// True when the word equals `w` ignoring ASCII case.
    pub(crate) fn is(&self, w: &str) -> bool {
        self.text.eq_ignore_ascii_case(w)
    }

    /// True when the word equals any of `ws` ignoring ASCII case.
    pub(crate) fn is_any(&self, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(w))
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// Words of `text[start..end]`, offsets relative to `text`.
pub(crate) fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let slice = &text[start..end];
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let alnum = c.is_alphanumeric();
        match cur {
            None if alnum => cur = Some(i),
            Some(s) if !alnum => {
                let next_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
                if !(is_inner(c) && next_alnum) {
                    out.push(Word {
                        start: start + s,
                        end: start + i,
                        text: &text[start + s..start + i],
                    });
                    cur = None;
                }
            }
            _ => {}
        }
    }
    if let Some(s) = cur {
        out.push(Word {
            start: start + s,
            end,
            text: &text[start + s..end],
        });
    }
    out
}

/// Is there a clause boundary (`,` `;` `:` `(` `)` quotes, dashes) in `text[a..b]`?
pub(crate) fn has_clause_break(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| {
        s.chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–'))
    })
}

/// Strips a trailing possessive ("China's" -> "China").
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_words_with_inner_marks() {
        let t = "China’s  Shin Won-sik said: 4.8 - ok-";
        let ws: Vec<&str> = words(t, 0, t.len()).iter().map(|w| w.text).collect();
        assert_eq!(ws, ["China’s", "Shin", "Won-sik", "said", "4", "8", "ok"]);
    }
}
