//! Words with byte offsets for the capitalised-span rules.
//!
//! A token is a run of letters and digits with inner hyphens and apostrophes ("Won-sik",
//! "O'Brien"); a trailing possessive ("Moscow's", "Koreans’") is cut off and remembered, so a
//! name never includes its "'s".

use super::gazetteer::possessive_len;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    /// Length of a possessive ending right after the token, 0 if none.
    pub(crate) poss: usize,
}

impl Token<'_> {
    /// Starts with an upper-case letter.
    pub(crate) fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Capitalised and not ALL CAPS: how names are written in running text.
    pub(crate) fn is_title(&self) -> bool {
        self.is_cap() && self.text.chars().any(char::is_lowercase)
    }

    /// End of the token including its possessive.
    pub(crate) fn full_end(&self) -> usize {
        self.end + self.poss
    }

    pub(crate) fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐')
}

pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut skip_to = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i < skip_to {
            continue;
        }
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        let Some(s) = start else { continue };
        let next_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if is_inner(c) && next_alnum && possessive_len(text, i) == 0 {
            continue;
        }
        // Every possessive ending starts with an apostrophe: no need to look at other marks.
        let poss = if matches!(c, '\'' | '’') {
            possessive_len(text, i)
        } else {
            0
        };
        out.push(Token {
            start: s,
            end: i,
            text: &text[s..i],
            poss,
        });
        skip_to = i + poss;
        start = None;
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
            text: &text[s..],
            poss: 0,
        });
    }
    out
}

/// True when `text[a..b]` is only spaces or tabs (no line break, no punctuation).
pub(crate) fn is_space(text: &str, a: usize, b: usize) -> bool {
    a <= b
        && text
            .get(a..b)
            .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_possessives_and_keeps_inner_marks() {
        let t = "Kim Jong-un’s O'Brien, Koreans' x-";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Kim", "Jong-un", "O'Brien", "Koreans", "x"]);
        assert!(toks[1].poss > 0 && toks[3].poss > 0 && toks[2].poss == 0);
    }
}
