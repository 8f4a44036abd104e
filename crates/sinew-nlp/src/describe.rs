//! What does the article say an entity is? Short descriptions in the article's own words,
//! each with its span, for the glossary and `sinew entities`:
//!
//! - an appositive after a name: "Andrei Belousov, Russia's defence minister, said",
//!   "CSIS, a Washington think tank,", "the IAEA, the UN's nuclear watchdog.";
//! - a role title before a person's name: "Defence Minister Andrei Belousov" gives
//!   "defence minister", "Russian President Vladimir Putin" gives "Russian president", and a
//!   name before the title is kept whole ("South Korea's defense minister");
//! - a descriptor before an organisation's name: "the think tank CSIS" gives "think tank",
//!   "Danish shipping giant Maersk" gives "Danish shipping giant";
//! - a copular sentence that opens with the name: "CSIS is a think tank in Washington."
//!
//! The rules are tuned for precision: a wrong description is worse than none, since the
//! glossary shows it as what the entity is. So a clause is taken only when
//! - it opens like a noun phrase: an article, a role word ("former", "deputy", "minister"),
//!   or a possessive name ("Russia's");
//! - it holds at least one lower-case content word, since "the United States" and "the US
//!   and China" are names in a list, not descriptions;
//! - it holds no finite verb from a closed list ("said", "is", "will"...), no personal
//!   pronoun, and no past tense right after a noun ("the report weighed"): "In Beijing, the
//!   ministry said ..." is a fronted phrase and its clause, not an appositive;
//! - an opening name's clause is closed before the sentence ends ("Acme, the report found
//!   errors." is a sentence), and is not followed by ", and" (an item of a list);
//! - the name is not itself inside a list ("Japan, South Korea and ...") or after a fronted
//!   preposition ("In Seoul, the ...").
//!
//! A relative clause is cut off ("a think tank that tracks arms sales" gives "a think tank");
//! a clause over 12 words keeps its words before its first "and" ("a historian of North Korea
//! and leading researcher at ..." gives "a historian of North Korea"), or is dropped. Countries and places get no appositive or copular
//! description: after a country's name such a clause is far more often a list or a claim ("China,
//! the largest buyer of Russian oil,") than a definition, and readers know what a country is.
//! Nominal mentions ("the minister") describe nothing: they are descriptions themselves.
//!
//! Each mention looks at most a sentence ahead and a few words back, and the sentence cursor
//! only moves forward, so the pass is linear in the text.

use sinew_types::{Description, EntityType, Mention, MentionKind, Sentence, Span};

/// The most words a description keeps.
const MAX_WORDS: usize = 12;

/// Words after which an appositive clause starts, in lower case: articles and role words.
const OPENERS: &[&str] = &[
    "a", "an", "the", "one", "former", "then", "deputy", "acting", "chief", "head", "senior",
    "longtime", "veteran", "retired", "outgoing", "incoming",
];

/// Nouns that name a role, in lower case: the last word of a title before a name.
const ROLE_HEADS: &[&str] = &[
    "president",
    "vice-president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "secretary-general",
    "undersecretary",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "admiral",
    "commander",
    "marshal",
    "colonel",
    "governor",
    "mayor",
    "senator",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "director-general",
    "commissioner",
    "ceo",
    "chief",
    "leader",
    "king",
    "queen",
    "prince",
    "speaker",
    "prosecutor",
    "judge",
];

/// Nouns that say what an organisation is, written before its name ("the think tank CSIS").
const DESCRIPTOR_NOUNS: &[&str] = &[
    "tank",
    "company",
    "firm",
    "group",
    "agency",
    "broadcaster",
    "outlet",
    "newspaper",
    "daily",
    "giant",
    "maker",
    "manufacturer",
    "producer",
    "exporter",
    "operator",
    "carrier",
    "line",
    "bank",
    "lender",
    "fund",
    "institute",
    "conglomerate",
    "watchdog",
    "regulator",
    "alliance",
    "bloc",
    "militia",
    "insurer",
    "miner",
    "shipbuilder",
    "contractor",
    "startup",
    "nonprofit",
    "charity",
];

/// Words that qualify a role in a title ("Foreign", "Deputy Prime"), in lower case.
const ROLE_MODIFIERS: &[&str] = &[
    "prime",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "economy",
    "economic",
    "trade",
    "energy",
    "industry",
    "justice",
    "health",
    "deputy",
    "vice",
    "first",
    "acting",
    "former",
    "supreme",
    "army",
    "navy",
    "air",
    "force",
    "armed",
    "forces",
    "military",
    "executive",
    "state",
    "national",
    "security",
    "intelligence",
    "central",
    "bank",
    "chief",
    "general",
    "senior",
    "lieutenant",
    "major",
    "rear",
    "attorney",
    "opposition",
    "party",
];

/// Words that make a clause a sentence rather than a noun phrase, in lower case.
const VERBS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "announced",
    "warned",
    "stated",
    "reported",
    "noted",
    "claimed",
    "denied",
    "agreed",
    "insisted",
];

/// Pronouns: a clause that holds one ("rests with you") is a sentence's, not a name's.
const PRONOUNS: &[&str] = &[
    "i", "you", "we", "he", "she", "they", "it", "us", "them", "me", "him",
];

/// Words that start a relative clause: the description stops before them.
const RELATIVES: &[&str] = &["who", "which", "that", "whose", "whom", "where", "when"];

/// Words that carry no content: a description needs one lower-case word outside them.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "with", "from", "by", "as",
    "its", "their", "his", "her", "&",
];

/// Prepositions that front a phrase: "In Seoul, the ..." is no appositive of Seoul.
const FRONTING: &[&str] = &[
    "in", "at", "from", "for", "after", "before", "since", "during", "on", "to", "with", "by",
    "against", "without", "unlike", "like", "under", "within", "across", "beyond", "amid",
];

/// The descriptions of one document's entities, in text order. `mentions` are
/// [`find_mentions`](crate::find_mentions)' (sorted, non-overlapping), `sentences`
/// [`split_sentences`](crate::split_sentences)'.
pub fn find_descriptions(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Description> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != MentionKind::Name || m.id.trim().is_empty() {
            continue;
        }
        while s < sentences.len() && sentences[s].span.end <= m.span.start {
            s += 1;
        }
        let Some(sentence) = sentences.get(s).map(|s| s.span) else {
            break;
        };
        if sentence.start > m.span.start || m.span.end > sentence.end {
            continue;
        }
        let at = Around {
            text,
            sentence,
            mention: m,
            prev: i.checked_sub(1).map(|p| mentions[p].span),
            next: mentions.get(i + 1).map(|n| n.span),
        };
        let found: Vec<(Span, String)> = match m.entity_type {
            // A person's title and appositive may both be there; the store counts each.
            EntityType::Person => [at.title(), at.appositive().or_else(|| at.copular())]
                .into_iter()
                .flatten()
                .collect(),
            EntityType::Country | EntityType::Place => Vec::new(),
            _ => [at.descriptor(), at.appositive().or_else(|| at.copular())]
                .into_iter()
                .flatten()
                .collect(),
        };
        for (span, shown) in found {
            out.push(Description {
                entity: m.id.clone(),
                span,
                text: shown,
            });
        }
    }
    out
}

/// One mention with the text around it.
struct Around<'a> {
    text: &'a str,
    sentence: Span,
    mention: &'a Mention,
    /// The previous mention's span, if any.
    prev: Option<Span>,
    /// The next mention's span, if any.
    next: Option<Span>,
}

impl Around<'_> {
    /// "NAME, CLAUSE," or "NAME, CLAUSE." after the name.
    fn appositive(&self) -> Option<(Span, String)> {
        let (text, m) = (self.text, self.mention.span);
        if self.in_list_or_fronted() {
            return None;
        }
        let rest = text.get(m.end..self.sentence.end)?;
        let after = rest.strip_prefix(',')?;
        let gap = after.len() - after.trim_start().len();
        if gap == 0 || after[..gap].contains('\n') {
            return None;
        }
        let start = m.end + 1 + gap;
        let clause = text.get(start..self.sentence.end)?;
        let stop = clause
            .char_indices()
            .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”'))
            .map_or(clause.len(), |(i, _)| i);
        // The sentence's subject needs its predicate after the appositive: with nothing
        // closing the clause before the sentence ends, "Acme, the report found errors." is a
        // sentence of its own, not a description of Acme.
        let subject = text
            .get(self.sentence.start..m.start)?
            .split_whitespace()
            .all(|w| !w.chars().next().is_some_and(char::is_lowercase));
        if stop == clause.len() && subject {
            return None;
        }
        // "Japan, the host, and Korea": the clause is one item of a list.
        let closing = clause[stop..].trim_start_matches(',').trim_start();
        if clause[stop..].starts_with(',')
            && (closing.starts_with("and ") || closing.starts_with("or "))
        {
            return None;
        }
        self.phrase(start, &clause[..stop], true)
    }

    /// "NAME is a CLAUSE." with the name opening the sentence.
    fn copular(&self) -> Option<(Span, String)> {
        let (text, m) = (self.text, self.mention.span);
        let before = text.get(self.sentence.start..m.start)?;
        if !before
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\''))
            .is_empty()
        {
            return None;
        }
        let rest = text.get(m.end..self.sentence.end)?;
        let body = rest.strip_prefix(" is ")?;
        let first = body.split_whitespace().next()?;
        if !matches!(first, "a" | "an" | "the") {
            return None;
        }
        let start = m.end + " is ".len();
        let stop = body
            .char_indices()
            .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”'))
            .map_or(body.len(), |(i, _)| i);
        self.phrase(start, &body[..stop], false)
    }

    /// "Defence Minister NAME": role words right before a person's name, with a country word
    /// ("Russian", "Russia's") before them kept as written.
    fn title(&self) -> Option<(Span, String)> {
        let (text, m) = (self.text, self.mention.span);
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut end = m.start;
        while words.len() < 5 {
            let Some((start, word)) = word_before(text, self.sentence.start, end) else {
                break;
            };
            let lower = word.to_lowercase();
            let role = if words.is_empty() {
                ROLE_HEADS.contains(&lower.as_str())
            } else {
                ROLE_HEADS.contains(&lower.as_str()) || ROLE_MODIFIERS.contains(&lower.as_str())
            };
            if !role {
                break;
            }
            words.push((start, word));
            end = start;
        }
        let (&(first_start, _), _) = words.split_last()?;
        let mut start = first_start;
        let mut count = words.len();
        // A name before the role ("South Korea's Defense Minister", "NATO Secretary
        // General") is kept whole, as written; else a nationality adjective ("Russian").
        let named = self.prev.filter(|p| {
            let between = text.get(p.end..start).unwrap_or("");
            let between = between
                .strip_prefix("'s")
                .or_else(|| between.strip_prefix("’s"))
                .unwrap_or(between);
            p.start >= self.sentence.start && between == " "
        });
        if let Some(p) = named {
            start = p.start;
            count += 1;
        } else if let Some((s, word)) = word_before(text, self.sentence.start, start) {
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            let lower = word.to_lowercase();
            if capital
                && !ROLE_HEADS.contains(&lower.as_str())
                && !ROLE_MODIFIERS.contains(&lower.as_str())
                && looks_like_demonym(word)
            {
                start = s;
                count += 1;
            }
        }
        // A lone role word ("President Putin") says too little to stand as a description.
        if count < 2 {
            return None;
        }
        let span = Span::new(start, words[0].0 + words[0].1.len());
        // The name or nationality before the role stays as written; the role words go to
        // lower case ("Defence Minister" is "defence minister"), save an acronym ("CEO").
        let mut shown: Vec<String> = text
            .get(start..first_start)?
            .split_whitespace()
            .map(str::to_string)
            .collect();
        shown.extend(words.iter().rev().map(|&(_, w)| {
            let all_caps = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if all_caps {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        }));
        Some((span, shown.join(" ")))
    }

    /// "the think tank CSIS", "Danish shipping giant Maersk": lower-case words before an
    /// organisation's name that end in a noun saying what it is, with a nationality adjective
    /// before them kept as written.
    fn descriptor(&self) -> Option<(Span, String)> {
        let (text, m) = (self.text, self.mention.span);
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut end = m.start;
        while words.len() < 4 {
            let Some((start, word)) = word_before(text, self.sentence.start, end) else {
                break;
            };
            let lower_case = word.chars().next().is_some_and(char::is_lowercase);
            let fits = if words.is_empty() {
                DESCRIPTOR_NOUNS.contains(&word)
            } else {
                lower_case && !FUNCTION_WORDS.contains(&word) && !VERBS.contains(&word)
            };
            if !fits {
                // A nationality adjective may open the phrase ("Danish shipping giant").
                if !words.is_empty() && looks_like_demonym(word) && !lower_case {
                    words.push((start, word));
                }
                break;
            }
            words.push((start, word));
            end = start;
        }
        if words.len() < 2 {
            return None;
        }
        let &(start, _) = words.last()?;
        let span = Span::new(start, words[0].0 + words[0].1.len());
        Some((
            span,
            sinew_types::text::squash(text.get(span.start..span.end)?),
        ))
    }

    /// Is the name one item of a list ("Japan, South Korea and ...", "and NAME, the ...") or
    /// the object of a fronted preposition ("In Seoul, the ...")?
    fn in_list_or_fronted(&self) -> bool {
        let text = self.text;
        let before = text
            .get(self.sentence.start..self.mention.span.start)
            .unwrap_or("")
            .trim_end();
        if before.ends_with(',') {
            return true;
        }
        let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let last = last.to_lowercase();
        if matches!(last.as_str(), "and" | "or" | "nor") {
            return true;
        }
        // A fronted phrase: the sentence opens with a preposition and reaches the name without
        // a comma ("In Seoul,", "According to CSIS,", "For the Kremlin,").
        let first = before
            .split_whitespace()
            .next()
            .map(str::to_lowercase)
            .unwrap_or_default();
        (FRONTING.contains(&first.as_str()) || first == "according") && !before.contains(',')
    }

    /// The noun phrase at `start` whose words are `clause` (cut at its first stop mark), as a
    /// description, or `None` when it is not one. `appositive` allows the role words and
    /// possessive names that open an appositive; a copular clause opens with an article.
    fn phrase(&self, start: usize, clause: &str, appositive: bool) -> Option<(Span, String)> {
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut offset = 0;
        for w in clause.split_whitespace() {
            let at = offset + clause[offset..].find(w)?;
            offset = at + w.len();
            let bare = w.trim_end_matches(['.', '!', '?']);
            let lower = bare.to_lowercase();
            if RELATIVES.contains(&lower.as_str()) {
                break;
            }
            if VERBS.contains(&lower.as_str()) || PRONOUNS.contains(&lower.as_str()) {
                return None;
            }
            // A past tense right after a noun ("the report weighed", "the show blended") is
            // the verb of a clause; after an adverb ("recently retired") it is an adjective.
            if let Some(&(_, prev)) = words.last() {
                let prev = prev.to_lowercase();
                let participle = bare.len() > 4
                    && lower.ends_with("ed")
                    && !lower.contains('-')
                    && bare.chars().next().is_some_and(char::is_lowercase);
                if participle
                    && words.len() >= 2
                    && !prev.ends_with("ly")
                    && !FUNCTION_WORDS.contains(&prev.as_str())
                    && !OPENERS.contains(&prev.as_str())
                {
                    return None;
                }
            }
            words.push((at, bare));
            if bare.len() < w.len() || words.len() > MAX_WORDS {
                // Sentence-final stop, or too long to be a short description.
                break;
            }
        }
        if words.len() > MAX_WORDS {
            // "a historian of North Korea and leading researcher at ... in Seoul": the first of
            // two joined descriptions stands alone; a long phrase with no joint is dropped.
            let joint = words
                .iter()
                .skip(2)
                .position(|(_, w)| w.eq_ignore_ascii_case("and"))?;
            words.truncate(joint + 2);
        }
        // No trailing function word: "a think tank in" after a cut is no phrase.
        while words
            .last()
            .is_some_and(|(_, w)| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        {
            words.pop();
        }
        let &(_, first) = words.first()?;
        let first_lower = first.to_lowercase();
        let opens = if appositive {
            OPENERS.contains(&first_lower.as_str())
                || ROLE_HEADS.contains(&first_lower.as_str())
                || self.possessive_name_at(start)
        } else {
            matches!(first_lower.as_str(), "a" | "an" | "the")
        };
        if !opens || words.len() < 2 {
            return None;
        }
        let content = words.iter().skip(1).any(|(_, w)| {
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(char::is_lowercase)
                && !FUNCTION_WORDS.contains(&lower.as_str())
        });
        if !content {
            return None;
        }
        // "the Pentagon" is a name; "the EU and ASEAN met" the rest of a list of names.
        if matches!(first_lower.as_str(), "the" | "a" | "an") {
            if let (Some(next), Some(&(second, _))) = (self.next, words.get(1)) {
                let listed = words
                    .iter()
                    .any(|(_, w)| matches!(w.to_lowercase().as_str(), "and" | "or"));
                if next.start == start + second && (words.len() == 2 || listed) {
                    return None;
                }
            }
        }
        let &(last_at, last) = words.last()?;
        let span = Span::new(start, start + last_at + last.len());
        let shown = sinew_types::text::squash(self.text.get(span.start..span.end)?);
        Some((span, shown))
    }

    /// Does a mention with a possessive start at `at` ("Russia's defence minister")?
    fn possessive_name_at(&self, at: usize) -> bool {
        self.next.is_some_and(|n| {
            n.start == at && {
                let after = self.text.get(n.end..).unwrap_or("");
                after.starts_with("'s ") || after.starts_with("’s ")
            }
        })
    }
}

/// The word ending right before `end` after one space, within the sentence from `floor`:
/// letters, digits, hyphens and apostrophes.
fn word_before(text: &str, floor: usize, end: usize) -> Option<(usize, &str)> {
    let head = text.get(floor..end)?;
    let head = head.strip_suffix(' ')?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map(|(i, _)| i)?;
    let word = &head[start..];
    Some((floor + start, word))
}

/// "Russian", "Chinese", "Israeli": a capitalised adjective of nationality, by its ending.
fn looks_like_demonym(word: &str) -> bool {
    ["an", "ese", "ish", "i", "ic"]
        .iter()
        .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_before_reads_back_one_word() {
        let text = "Defence Minister Andrei";
        assert_eq!(word_before(text, 0, 17), Some((8, "Minister")));
        assert_eq!(word_before(text, 0, 7), None);
    }
}
