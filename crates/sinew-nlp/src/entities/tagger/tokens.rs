//! Where are the words? Splits text into tokens with byte spans the way the CoNLL-2003 news
//! corpus the tagger learns from splits them, so that features at run time match training.
//!
//! Whitespace separates chunks; leading and trailing punctuation is peeled off one mark at a
//! time ("(Reuters)," gives "(", "Reuters", ")", ","), except a final period that belongs to
//! an abbreviation ("U.S.", "Corp.", "J."). A possessive or clitic becomes a token of its own
//! ("Moscow's" gives "Moscow", "'s"; "don't" gives "do", "n't"), as in the corpus. Inner marks
//! stay ("all-rounder", "1996-08-30", "O'Brien", "3.5"). Dashes and curly quotes always
//! stand alone. Every span lies on char boundaries; the cost is linear in the text.

/// One token: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Words that keep their final period ("Corp." is one token in news text).
const ABBREVIATIONS: &[&str] = &[
    "co", "corp", "inc", "ltd", "plc", "bros", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen",
    "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "gov", "sen", "rep", "rev", "prof", "pres",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs",
    "mt", "ft", "messrs", "dept", "univ", "assn", "ave", "blvd", "etc", "approx",
];

fn is_splitter(c: char) -> bool {
    matches!(c, '—' | '–' | '“' | '”' | '‘' | '«' | '»')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<TokenSpan> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_splitter(c) {
            if let Some(s) = chunk_start.take() {
                chunk(text, s, i, &mut out);
            }
            if is_splitter(c) {
                out.push(TokenSpan {
                    start: i,
                    end: i + c.len_utf8(),
                });
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunk(text, s, text.len(), &mut out);
    }
    out
}

/// A clitic the corpus writes as its own token: `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`.
fn is_clitic(w: &str) -> bool {
    let Some(rest) = w.strip_prefix('\'').or_else(|| w.strip_prefix('’')) else {
        return false;
    };
    matches!(
        rest.to_ascii_lowercase().as_str(),
        "s" | "re" | "ve" | "ll" | "d" | "m"
    )
}

fn keeps_period(core: &str) -> bool {
    let mut chars = core.chars();
    let first = chars.next();
    // A single letter ("J.") or a dotted abbreviation ("U.S", "a.m").
    if first.is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    if core.contains('.') && core.chars().next().is_some_and(is_word_char) {
        return true;
    }
    // A rank in a results list ("1. Smith"); a year at a sentence end ("in 2010.") is not.
    if (1..=2).contains(&core.len()) && core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    core.len() <= 8 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(core))
}

/// Length in bytes of the run of `c` at the start (`forward`) or end of `w`.
fn run_len(w: &str, c: char, forward: bool) -> usize {
    let n = if forward {
        w.chars().take_while(|&x| x == c).count()
    } else {
        w.chars().rev().take_while(|&x| x == c).count()
    };
    n * c.len_utf8()
}

/// A sign or point that belongs to the number after it ("-5", "+0.4", ".496").
fn starts_number(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some('-' | '+' | '.'))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// A currency written with a country prefix: "C$", "US$", "HK$".
fn is_currency(w: &str) -> bool {
    w.strip_suffix('$')
        .is_some_and(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase()))
}

fn chunk(text: &str, mut a: usize, mut b: usize, out: &mut Vec<TokenSpan>) {
    if is_currency(&text[a..b]) {
        out.push(TokenSpan { start: a, end: b });
        return;
    }
    // Leading marks: a run of one mark is one token ("--", "..."), unless what is left is a
    // clitic ("'s") or a signed number.
    while a < b {
        let w = &text[a..b];
        if is_clitic(w) || starts_number(w) {
            break;
        }
        let c = w.chars().next().unwrap_or(' ');
        if is_word_char(c) {
            break;
        }
        let n = run_len(w, c, true);
        out.push(TokenSpan {
            start: a,
            end: a + n,
        });
        a += n;
    }
    // Trailing marks, kept in order after the core.
    let mut tail: Vec<TokenSpan> = Vec::new();
    while a < b {
        let w = &text[a..b];
        let c = w.chars().next_back().unwrap_or(' ');
        if is_word_char(c) || is_clitic(w) {
            break;
        }
        let n = run_len(w, c, false);
        if c == '.' && n == 1 && keeps_period(&w[..w.len() - 1]) {
            break;
        }
        let n = n.min(w.len());
        tail.push(TokenSpan {
            start: b - n,
            end: b,
        });
        b -= n;
    }
    if a < b {
        let w = &text[a..b];
        let split = clitic_split(w);
        if split > 0 && split < w.len() {
            out.push(TokenSpan {
                start: a,
                end: a + split,
            });
            out.push(TokenSpan {
                start: a + split,
                end: b,
            });
        } else {
            out.push(TokenSpan { start: a, end: b });
        }
    }
    out.extend(tail.into_iter().rev());
}

/// Where a word's possessive or clitic starts ("Moscow's" -> 6, "don't" -> 2), 0 if none.
fn clitic_split(w: &str) -> usize {
    let lower_end = |suffix: &str| {
        w.len() > suffix.len()
            && w.is_char_boundary(w.len() - suffix.len())
            && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for suffix in ["'s", "’s", "'re", "'ve", "'ll", "'d", "'m"] {
        if lower_end(suffix) {
            let at = w.len() - suffix.len();
            if w[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                return at;
            }
        }
    }
    for suffix in ["n't", "n’t"] {
        if lower_end(suffix) {
            let at = w.len() - suffix.len();
            if at > 0 && w[..at].chars().all(char::is_alphabetic) {
                return at;
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_like_news_corpora() {
        assert_eq!(
            words("(Reuters) Acme Corp. said U.S. sales rose 3.5%, Moscow's \"best\"."),
            [
                "(", "Reuters", ")", "Acme", "Corp.", "said", "U.S.", "sales", "rose", "3.5", "%",
                ",", "Moscow", "'s", "\"", "best", "\"", "."
            ]
        );
        assert_eq!(words("don't go—now"), ["do", "n't", "go", "—", "now"]);
        assert_eq!(
            words("Moscow 's all-rounder 1996-08-30 O'Brien"),
            ["Moscow", "'s", "all-rounder", "1996-08-30", "O'Brien"]
        );
        assert_eq!(words("ends here."), ["ends", "here", "."]);
        assert_eq!(
            words("-- wait... 1. Kim +0.4 .496 C$ 5 in 2010."),
            ["--", "wait", "...", "1.", "Kim", "+0.4", ".496", "C$", "5", "in", "2010", "."]
        );
    }

    #[test]
    fn odd_text_stays_on_char_boundaries() {
        for text in [
            "«Путин» сказал…",
            "金正恩’s",
            "''''",
            "...",
            "é.",
            "\u{feff}x’",
        ] {
            for t in tokenize(text) {
                assert!(
                    t.start < t.end && text.get(t.start..t.end).is_some(),
                    "{text:?}"
                );
            }
        }
    }
}
