//! One actor's part of a kept state, read without parsing the rest: [`RawState`].
//!
//! An entity page folds the flows and dependency shares of one actor from the buckets whose
//! flows name it (`Engine::actor_outline`). A country of a large store is party to a third
//! of the buckets, and of each it needs only the groups naming it: parsing every group of
//! those buckets into its strings and lists was half of its first page's 3-5 CPU s at 100k
//! articles. So the groups are first taken as raw JSON text (scanned, never allocated), and
//! only a group whose text may name the actor is parsed; whether it does is then decided on
//! the parsed group, so the prefilter can only save work, never change an answer.
//!
//! The prefilter ([`may_name`]): JSON keeps a string's characters as they are unless they
//! must be escaped (`"`, `\`, control characters; a writer may also escape others as
//! `\uXXXX`). A group whose text holds no backslash therefore holds its subject and object
//! verbatim. A name whose lower case equals an ASCII name is itself ASCII, but for the Kelvin
//! sign (which lower-cases to `k`; `tests::only_the_kelvin_sign_lowercases_into_ascii` checks
//! this over every character), and an ASCII name equal to it in lower case equals it ignoring
//! ASCII case: so a group naming an ASCII actor, with no backslash and no Kelvin sign in
//! its text, holds the actor's name in some ASCII case. A group with a backslash or a Kelvin
//! sign, and every group for an actor whose name is not ASCII, is parsed.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{BucketState, StoredGroup};

/// A kept state as its JSON holds it ([`BucketState::to_json`]), its groups still raw text
/// borrowed from the JSON. Deserialise it where a `BucketState` is written (alone or inside
/// a larger record), then take the groups wanted with [`RawState::naming`].
#[derive(Debug, Deserialize)]
pub struct RawState<'a> {
    key: String,
    #[serde(borrow)]
    groups: Vec<&'a RawValue>,
    spellings: BTreeMap<String, usize>,
}

impl RawState<'_> {
    /// The state with only the groups naming two actors of which one is `actor` (compared in
    /// lower case, as flows key actors), in their kept order, and the bucket's counts of
    /// actor spellings whole: what the network folded from the state has of `actor`'s flows
    /// and dependencies. A group whose text cannot name `actor` is not parsed (see the
    /// module doc); one that is parsed and does not name it is dropped.
    pub fn naming(self, actor: &str) -> Result<BucketState, serde_json::Error> {
        let wanted = actor.to_lowercase();
        let mut groups = Vec::new();
        for raw in self.groups {
            if !may_name(raw.get(), &wanted) {
                continue;
            }
            let g: StoredGroup = serde_json::from_str(raw.get())?;
            if names(&g, &wanted) {
                groups.push(g);
            }
        }
        Ok(BucketState {
            key: self.key,
            groups,
            spellings: self.spellings,
        })
    }
}

impl BucketState {
    /// Keeps only the groups naming two actors of which one is `actor`, as
    /// [`RawState::naming`] keeps them, of a state already parsed (a compact digest's).
    pub fn retain_naming(&mut self, actor: &str) {
        let wanted = actor.to_lowercase();
        self.groups.retain(|g| names(g, &wanted));
    }
}

/// Whether `g` names two actors of which one is the actor whose lower-cased name is `wanted`.
fn names(g: &StoredGroup, wanted: &str) -> bool {
    let is_it = |name: &Option<String>| name.as_ref().is_some_and(|n| n.to_lowercase() == wanted);
    let (subject, object) = (&g.group.subject, &g.group.object);
    subject.is_some() && object.is_some() && (is_it(subject) || is_it(object))
}

/// Reads a kept state ([`BucketState::to_json`]) with only the groups naming `actor`, as
/// [`RawState::naming`] keeps them.
pub fn state_naming(json: &str, actor: &str) -> Result<BucketState, serde_json::Error> {
    serde_json::from_str::<RawState<'_>>(json)?.naming(actor)
}

/// The Kelvin sign, the one character outside ASCII whose lower case is ASCII.
const KELVIN: char = '\u{212A}';

/// Whether the JSON text `raw` of a group may name the actor whose lower-cased name is
/// `wanted`: false only when it certainly does not (see the module doc).
fn may_name(raw: &str, wanted: &str) -> bool {
    if !wanted.is_ascii() || wanted.is_empty() || escapes_or_kelvin(raw.as_bytes()) {
        return true;
    }
    contains_ignoring_ascii_case(raw.as_bytes(), wanted.as_bytes())
}

/// Whether `raw` holds a backslash or a Kelvin sign, in one pass (`str::contains` of the two
/// characters walked the text a character at a time: 8% of a country's first entity page at
/// 100k articles).
fn escapes_or_kelvin(raw: &[u8]) -> bool {
    let mut buf = [0u8; 4];
    let kelvin = KELVIN.encode_utf8(&mut buf).as_bytes();
    memchr::memchr2_iter(b'\\', kelvin[0], raw)
        .any(|i| raw[i] == b'\\' || raw[i..].starts_with(kelvin))
}

/// Whether `hay` holds `needle` (lower-case ASCII) in any ASCII case.
fn contains_ignoring_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let upper = first.to_ascii_uppercase();
    let mut at = 0;
    while let Some(i) = memchr::memchr2(first, upper, &hay[at..]) {
        let start = at + i + 1;
        match hay.get(start..start + rest.len()) {
            Some(tail) if tail.eq_ignore_ascii_case(rest) => return true,
            Some(_) => at = start,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_kelvin_sign_lowercases_into_ascii() {
        let odd: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, vec![KELVIN]);
    }

    #[test]
    fn finds_a_name_in_any_ascii_case() {
        assert!(contains_ignoring_ascii_case(
            b"{\"subject\":\"NoRVEL\"}",
            b"norvel"
        ));
        assert!(contains_ignoring_ascii_case(b"nornorvel", b"norvel"));
        assert!(!contains_ignoring_ascii_case(
            b"{\"subject\":\"Norve\"}",
            b"norvel"
        ));
        assert!(!contains_ignoring_ascii_case(b"", b"norvel"));
        assert!(contains_ignoring_ascii_case(b"x", b""));
    }

    #[test]
    fn may_name_reads_every_group_it_cannot_rule_out() {
        // escaped, Kelvin sign, and a name that is not ASCII: parsed whatever the text says
        assert!(may_name("{\"subject\":\"\\u004eorvel\"}", "norvel"));
        assert!(may_name("{\"subject\":\"\u{212A}estria\"}", "kestria"));
        assert!(may_name("{\"subject\":\"Tallandia\"}", "zürland"));
        assert!(may_name("{\"subject\":\"TALLANDIA\"}", "tallandia"));
        assert!(!may_name("{\"subject\":\"Tallandia\"}", "norvel"));
        // characters sharing the Kelvin sign's first byte rule nothing in
        let curly = "{\"subject\":\"Tall\u{2019}andia \u{20AC}\"}";
        assert!(!may_name(curly, "norvel"));
        assert!(may_name(curly, "tall"));
    }
}
