//! One actor's part of a kept state (`state_naming`, what an entity page reads) holds exactly
//! the state's groups naming two actors of which one is that actor, in any case, whatever
//! characters the names hold: quotes and backslashes (escaped in the JSON), letters outside
//! ASCII, and the Kelvin sign (which lower-cases to an ASCII `k`).

use std::collections::{BTreeSet, HashMap};

use sinew_analysis::synth::{generate, SynthConfig};
use sinew_analysis::{analyse_buckets, claim_buckets, state_naming, BucketState, ClaimRef};
use sinew_types::{Claim, DocId};

/// Names the synthetic actors are renamed to, in turn.
const ODD_NAMES: [&str; 6] = [
    "Quill \"Q\" Holdings",
    "Back\\slash Freight",
    "Zürland",
    "\u{212A}elvarra Mining",
    "Ostrava\tPort",
    "Nordheim",
];

/// The stored states of a synthetic corpus whose actors carry [`ODD_NAMES`].
fn states() -> (Vec<BucketState>, BTreeSet<String>) {
    let corpus = generate(&SynthConfig {
        seed: 27,
        documents: 60,
        ..SynthConfig::default()
    });
    let ids: Vec<DocId> = (0..corpus.documents.len())
        .map(|d| DocId(format!("n-{d:04}")))
        .collect();
    let docs = corpus.source_docs(&ids);
    let mut claims = corpus.claims(&ids);
    let mut renamed: HashMap<String, String> = HashMap::new();
    for c in &mut claims {
        for name in [&mut c.subject, &mut c.object].into_iter().flatten() {
            let next = ODD_NAMES.get(renamed.len()).map(|n| n.to_string());
            let odd = renamed
                .entry(name.clone())
                .or_insert_with(|| next.unwrap_or_else(|| name.clone()));
            *name = odd.clone();
        }
    }
    let mut by_doc: HashMap<DocId, Vec<Claim>> = HashMap::new();
    for c in claims {
        by_doc.entry(c.doc.clone()).or_default().push(c);
    }
    let (mut all, mut refs) = (Vec::new(), Vec::new());
    for id in &ids {
        let claims = by_doc.remove(id).unwrap_or_default();
        for (ord, _) in claims.iter().zip(claim_buckets(&claims)).enumerate() {
            refs.push(ClaimRef {
                doc: id.clone(),
                ord: ord as u32,
            });
        }
        all.extend(claims);
    }
    let names = all
        .iter()
        .flat_map(|c| [c.subject.clone(), c.object.clone()])
        .flatten()
        .collect();
    (analyse_buckets(&all, &refs, &docs), names)
}

#[test]
fn an_actors_part_of_a_state_is_its_groups_naming_it() {
    let (states, names) = states();
    for odd in ODD_NAMES {
        assert!(names.contains(odd), "the corpus names {odd:?}: {names:?}");
    }
    let mut asked: Vec<String> = names.iter().cloned().collect();
    asked.extend(names.iter().map(|n| n.to_uppercase()));
    // the Kelvin sign's name, asked in ASCII
    asked.push("kelvarra mining".into());
    asked.push("nobody at all".into());
    let mut found = 0;
    for state in &states {
        let json = state.to_json();
        for actor in &asked {
            let wanted = actor.to_lowercase();
            let is_it = |n: &Option<String>| n.as_ref().is_some_and(|n| n.to_lowercase() == wanted);
            let mut expected = state.clone();
            expected.groups.retain(|g| {
                let (s, o) = (&g.group.subject, &g.group.object);
                s.is_some() && o.is_some() && (is_it(s) || is_it(o))
            });
            let part = state_naming(&json, actor).expect("a stored state reads");
            found += part.groups.len();
            assert_eq!(part, expected, "{actor:?} in bucket {}", state.key);
        }
    }
    assert!(found > 0, "some groups name the actors");
}

#[test]
fn a_bad_state_is_an_error() {
    assert!(state_naming("{\"key\":\"k\",\"groups\":[{]}", "Nordheim").is_err());
    assert!(state_naming("not json", "Nordheim").is_err());
}
