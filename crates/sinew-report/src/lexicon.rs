//! Which words does the briefing look for? The word lists of `data/lexicon.txt` (connectives,
//! anaphoric openers, page junk, the words of each theme), read once, and the matching of an
//! entry of one or more words against a sentence's words.
//!
//! The lists are data, not code, so that a reviewer reads and extends them without reading
//! the rules that use them; the file names its sources.

use std::sync::OnceLock;

const LEXICON: &str = include_str!("../data/lexicon.txt");

/// The lists, by name, in file order; each entry split into its words.
pub(crate) struct Lexicon {
    lists: Vec<(String, Vec<Vec<String>>)>,
}

impl Lexicon {
    fn parse(text: &str) -> Lexicon {
        let mut lists: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                lists.push((name.trim().to_string(), Vec::new()));
            } else if let Some((_, list)) = lists.last_mut() {
                list.push(line.split_whitespace().map(str::to_lowercase).collect());
            }
        }
        Lexicon { lists }
    }

    /// The entries of list `name`; empty when there is none.
    pub(crate) fn list(&self, name: &str) -> &[Vec<String>] {
        self.lists
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&[], |(_, l)| l.as_slice())
    }

    /// The themes (lists named `theme NAME`), in file order: their names and entries.
    pub(crate) fn themes(&self) -> impl Iterator<Item = (&str, &[Vec<String>])> + '_ {
        self.lists
            .iter()
            .filter_map(|(n, l)| Some((n.strip_prefix("theme ")?, l.as_slice())))
    }
}

/// The lexicon of `data/lexicon.txt`.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(LEXICON))
}

/// How many times entries of `entries` occur in `words` (lower case), each occurrence once.
pub(crate) fn count_hits(words: &[String], entries: &[Vec<String>]) -> usize {
    let mut n = 0;
    for i in 0..words.len() {
        if entries.iter().any(|e| starts_with_entry(&words[i..], e)) {
            n += 1;
        }
    }
    n
}

/// The length in words of the longest entry of `entries` that `words` begins with.
pub(crate) fn leading_entry(words: &[String], entries: &[Vec<String>]) -> Option<usize> {
    entries
        .iter()
        .filter(|e| starts_with_entry(words, e))
        .map(Vec::len)
        .max()
}

fn starts_with_entry(words: &[String], entry: &[String]) -> bool {
    !entry.is_empty() && words.len() >= entry.len() && words.iter().zip(entry).all(|(w, e)| w == e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_and_match_whole_words() {
        let lex = lexicon();
        assert!(lex.list("connectives").len() > 20);
        assert!(!lex.list("junk").is_empty());
        let names: Vec<&str> = lex.themes().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "arms and munitions",
                "dual-use goods and technology",
                "energy",
                "food",
                "trade and payments",
                "finance and sanctions",
                "pacts and visits",
                "military cooperation"
            ]
        );
        let w = |s: &str| -> Vec<String> { s.split(' ').map(String::from).collect() };
        let entries = vec![w("machine tools"), w("oil")];
        assert_eq!(
            count_hits(&w("oil and machine tools and oilseed"), &entries),
            2
        );
        assert_eq!(
            leading_entry(&w("in addition to"), lex.list("connectives")),
            Some(2)
        );
        assert_eq!(
            leading_entry(&w("india said"), lex.list("connectives")),
            None
        );
    }
}
