//! `eval-claims`: how party names are compared (README, "Roles"): one key per name (lower
//! case, no leading "the", no trailing legal form, aliases to canonical names), and a short
//! and a long form of one organisation's name as one party.

use std::collections::HashMap;

use super::Gold;

/// Actor names reduced to one key: lower case, no leading "the", aliases to canonical names;
/// and, per document, the party names its gold lines use (for [`Names::same_in`]).
pub(crate) struct Names {
    aliases: HashMap<String, String>,
    gold_parties: HashMap<String, Vec<String>>,
}

impl Names {
    /// From sinew-nlp's gazetteer (every surface form to its canonical name).
    pub(crate) fn from_alias_list() -> Names {
        Names::from_pairs(sinew_nlp::known_names())
    }

    pub(crate) fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Names {
        Names {
            aliases: pairs
                .map(|(surface, canonical)| (plain(surface), plain(canonical)))
                .collect(),
            gold_parties: HashMap::new(),
        }
    }

    /// Remembers, per document, the keys of the parties `gold` names there.
    pub(crate) fn with_gold(mut self, gold: &[Gold]) -> Names {
        for g in gold {
            for name in [&g.subject, &g.object].into_iter().flatten() {
                let key = self.key(name);
                let list = self.gold_parties.entry(g.doc.clone()).or_default();
                if !list.contains(&key) {
                    list.push(key);
                }
            }
        }
        self
    }

    /// The key `name` is compared by.
    pub(crate) fn key(&self, name: &str) -> String {
        let p = plain(name);
        self.aliases.get(&p).cloned().unwrap_or(p)
    }

    /// Every surface form whose key is `key` (for the role error classes).
    pub(crate) fn surfaces(&self, key: &str) -> Vec<String> {
        self.aliases
            .iter()
            .filter(|(_, k)| k.as_str() == key)
            .map(|(s, _)| s.clone())
            .collect()
    }

    /// Whether the name read (`got`) names the gold party (`gold`) of document `doc`: the
    /// same key, or the same organisation by a short or long form of its name
    /// ([`short_or_long_form`]) when no other party of the document's gold is nearer to it.
    pub(crate) fn same_in(&self, doc: &str, gold: Option<&str>, got: Option<&str>) -> bool {
        let (gold, got) = match (gold, got) {
            (None, None) => return true,
            (Some(a), Some(b)) => (self.key(a), self.key(b)),
            _ => return false,
        };
        if gold == got {
            return true;
        }
        let known = |k: &str| self.aliases.values().any(|v| v == k) || self.aliases.contains_key(k);
        if known(&gold) || known(&got) {
            return false;
        }
        let Some(distance) = short_or_long_form(&gold, &got) else {
            return false;
        };
        // "Berkshire Hathaway" is not "Berkshire Hathaway Primary Group" where the gold
        // names both: the read name goes to the nearest of the document's gold parties.
        let others = self.gold_parties.get(doc).into_iter().flatten();
        !others
            .filter(|k| **k != gold)
            .filter_map(|k| short_or_long_form(k, &got))
            .any(|d| d <= distance)
    }
}

/// Rule of the roles score (README, "Roles"): two keys name one organisation when the words
/// of one are the leading words of the other ("zoom" of "zoom video communications",
/// "haier" of "haier us appliance solutions") and the shorter has a word of three letters or
/// more. The number of words the longer adds, or `None`.
pub(crate) fn short_or_long_form(a: &str, b: &str) -> Option<usize> {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    let led = !short.is_empty() && long.starts_with(&short);
    let worded = short
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 3);
    (led && worded).then(|| long.len() - short.len())
}

/// Legal-form words a company's name may carry or drop ("Whirlpool Corp.", "Chubb Ltd"):
/// the same company either way.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "ag",
    "sa",
    "group",
];

/// Lower case, single spaces, without a leading article, trailing punctuation or trailing
/// legal-form words (a name that is only such words keeps them).
fn plain(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut words: Vec<String> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':')))
        // "U.S." and "US" are one word.
        .map(|w| w.replace('.', ""))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.as_str()))
    {
        words.pop();
    }
    words.join(" ")
}
