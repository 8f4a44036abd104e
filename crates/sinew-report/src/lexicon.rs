//! Which words does the briefing look for? The word lists of `data/lexicon.txt` (connectives,
//! anaphoric openers, page junk, the words of each theme), read once, and the matching of an
//! entry of one or more words against a sentence's words.
//!
//! The lists are data, not code, so that a reviewer reads and extends them without reading
//! the rules that use them; the file names its sources.

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../data/lexicon.txt");

/// The lists, by name, in file order; each entry split into its words.
pub(crate) struct Lexicon {
    lists: Vec<(String, Vec<Vec<String>>)>,
    /// Where the themes' lists are in `lists`, in file order.
    themes: Vec<usize>,
    /// The themes' entries by their first word: (theme, entry) in theme and file order. A
    /// sentence's words are looked up here instead of matched against every entry of every
    /// theme (the themes of the sentences a briefing reads were a tenth of its own work).
    theme_firsts: HashMap<String, Vec<(usize, usize)>>,
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
        let themes: Vec<usize> = (0..lists.len())
            .filter(|&i| lists[i].0.starts_with("theme "))
            .collect();
        let mut theme_firsts: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (t, &at) in themes.iter().enumerate() {
            for (k, entry) in lists[at].1.iter().enumerate() {
                if let Some(first) = entry.first() {
                    theme_firsts.entry(first.clone()).or_default().push((t, k));
                }
            }
        }
        Lexicon {
            lists,
            themes,
            theme_firsts,
        }
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

    /// For each theme, in file order, how many times its entries occur in `words` (lower
    /// case), each occurrence once: [`count_hits`] of every theme's entries, in one pass.
    pub(crate) fn theme_hits(&self, words: &[String]) -> Vec<usize> {
        let mut hits = vec![0; self.themes.len()];
        let mut hit = vec![false; self.themes.len()];
        for i in 0..words.len() {
            let Some(entries) = self.theme_firsts.get(words[i].as_str()) else {
                continue;
            };
            hit.fill(false);
            for &(t, k) in entries {
                if !hit[t] && starts_with_entry(&words[i..], &self.lists[self.themes[t]].1[k]) {
                    hit[t] = true;
                    hits[t] += 1;
                }
            }
        }
        hits
    }
}

/// The lexicon of `data/lexicon.txt`.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(LEXICON))
}

/// How many times entries of `entries` occur in `words` (lower case), each occurrence once
/// (what [`Lexicon::theme_hits`] counts for each theme; the tests hold the two together).
#[cfg(test)]
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
        // one pass over the themes' first words counts what matching every entry counts
        for text in [
            "the navy bought oil and machine tools and drones and oilseed",
            "sanctions on the central bank and a visit by the defence minister",
            "wheat exports fell while the loan and the ammunition deal stood",
            "",
        ] {
            let words: Vec<String> = text.split_whitespace().map(String::from).collect();
            let each: Vec<usize> = lex.themes().map(|(_, e)| count_hits(&words, e)).collect();
            assert_eq!(lex.theme_hits(&words), each, "{text}");
        }
        assert!(
            lex.theme_hits(&w("oil and machine tools"))
                .iter()
                .sum::<usize>()
                >= 2
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
