//! `eval-claims --verbose`: the role errors sorted into classes, counted per set, so that a
//! change to the roles shows which kind of error it removed. Only matched lines whose gold
//! names a party count (the lines the roles figure scores); one class per line, the first
//! that fits in the order of `Class`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Gold, Names, Predicted};

/// Why a line's roles are wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    /// Subject and object read the other way round.
    Swapped,
    /// The subject read is the gold one cut short or run on ("Alto Networks" for "Palo Alto
    /// Networks"): the two names share a word.
    SubjectBoundary,
    /// The gold subject is not named in the sentence (the page's topic, an earlier
    /// sentence's actor) and nothing was read.
    SubjectFromPageNone,
    /// The gold subject is not named in the sentence and another party was read.
    SubjectFromPageOther,
    /// The gold subject is named in the sentence and nothing was read.
    SubjectInSentenceNone,
    /// The gold subject is named in the sentence and another party was read.
    SubjectInSentenceOther,
    /// A subject read where the gold names only an object.
    SubjectExtra,
    /// The subject is right; the object read shares a word with the gold one.
    ObjectBoundary,
    /// The subject is right; the gold object was not read.
    ObjectNone,
    /// The subject is right; another object was read.
    ObjectOther,
    /// The subject is right; an object was read where the gold names none.
    ObjectExtra,
}

impl Class {
    pub(super) fn label(self) -> &'static str {
        match self {
            Class::Swapped => "subject and object swapped",
            Class::SubjectBoundary => "subject name cut or run on (shares a word)",
            Class::SubjectFromPageNone => "subject not in the sentence, none read",
            Class::SubjectFromPageOther => "subject not in the sentence, another read",
            Class::SubjectInSentenceNone => "subject in the sentence, none read",
            Class::SubjectInSentenceOther => "subject in the sentence, another read",
            Class::SubjectExtra => "subject read, gold names only an object",
            Class::ObjectBoundary => "object name cut or run on (shares a word)",
            Class::ObjectNone => "object missed",
            Class::ObjectOther => "object another party",
            Class::ObjectExtra => "object read, gold names none",
        }
    }
}

/// The class of a matched line's role error, or `None` when its roles are right or its gold
/// names no party.
pub(super) fn classify(g: &Gold, p: &Predicted, names: &Names) -> Option<Class> {
    if g.subject.is_none() && g.object.is_none() {
        return None;
    }
    let same = |a: Option<&String>, b: Option<&String>| {
        names.same_in(&g.doc, a.map(|s| s.as_str()), b.map(|s| s.as_str()))
    };
    let subject_ok = same(g.subject.as_ref(), p.subject.as_ref());
    let object_ok = same(g.object.as_ref(), p.object.as_ref());
    if subject_ok && object_ok {
        return None;
    }
    if g.subject.is_some()
        && g.object.is_some()
        && same(g.subject.as_ref(), p.object.as_ref())
        && same(g.object.as_ref(), p.subject.as_ref())
    {
        return Some(Class::Swapped);
    }
    if !subject_ok {
        return Some(match (&g.subject, &p.subject) {
            (None, Some(_)) => Class::SubjectExtra,
            (Some(gs), got) => {
                if got.as_ref().is_some_and(|ps| share_word(gs, ps, names)) {
                    Class::SubjectBoundary
                } else {
                    match (named_in(gs, &p.sentence, names), got.is_some()) {
                        (false, false) => Class::SubjectFromPageNone,
                        (false, true) => Class::SubjectFromPageOther,
                        (true, false) => Class::SubjectInSentenceNone,
                        (true, true) => Class::SubjectInSentenceOther,
                    }
                }
            }
            (None, None) => unreachable!("a wrong subject is not two absent ones"),
        });
    }
    Some(match (&g.object, &p.object) {
        (None, _) => Class::ObjectExtra,
        (Some(_), None) => Class::ObjectNone,
        (Some(go), Some(po)) if share_word(go, po, names) => Class::ObjectBoundary,
        (Some(_), Some(_)) => Class::ObjectOther,
    })
}

/// Two different names that share a word of three letters or more ("Palo Alto Networks",
/// "Alto Network").
fn share_word(a: &str, b: &str, names: &Names) -> bool {
    if names.key(a) == names.key(b) {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let wa = words(a);
    words(b).iter().any(|w| wa.contains(w))
}

/// Whether `name`, or any surface form of the alias list with the same key, or a word of it
/// of four letters or more, occurs in `sentence` (lower case, at word edges).
fn named_in(name: &str, sentence: &str, names: &Names) -> bool {
    let s = sentence.to_lowercase();
    let key = names.key(name);
    let mut forms: Vec<String> = names.surfaces(&key);
    forms.push(name.to_lowercase());
    forms.extend(
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase),
    );
    forms.iter().any(|f| at_word_edges(&s, f))
}

fn at_word_edges(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The table: one row per class, a column per set and the total.
pub(super) fn table(
    gold: &[Gold],
    pred: &[Predicted],
    matches: &[Option<usize>],
    names: &Names,
) -> String {
    let mut sets: Vec<&str> = gold.iter().map(|g| g.set.as_str()).collect();
    sets.dedup();
    let mut counts: BTreeMap<Class, BTreeMap<&str, usize>> = BTreeMap::new();
    for (g, m) in gold.iter().zip(matches) {
        let Some(j) = m else { continue };
        if let Some(c) = classify(g, &pred[*j], names) {
            *counts
                .entry(c)
                .or_default()
                .entry(g.set.as_str())
                .or_default() += 1;
        }
    }
    let mut s = String::from("role error classes (lines whose gold names a party):\n");
    let _ = write!(s, "  {:<46}", "class");
    for set in &sets {
        let _ = write!(s, " {set:>8}");
    }
    let _ = writeln!(s, " {:>8}", "all");
    let mut totals = vec![0usize; sets.len() + 1];
    for (c, per) in &counts {
        let _ = write!(s, "  {:<46}", c.label());
        for (k, set) in sets.iter().enumerate() {
            let n = per.get(set).copied().unwrap_or(0);
            totals[k] += n;
            let _ = write!(s, " {n:>8}");
        }
        let all: usize = per.values().sum();
        totals[sets.len()] += all;
        let _ = writeln!(s, " {all:>8}");
    }
    let _ = write!(s, "  {:<46}", "total");
    for t in &totals {
        let _ = write!(s, " {t:>8}");
    }
    s.push('\n');
    s
}
