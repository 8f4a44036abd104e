//! What named sources (a ministry, an expert) are quoted as saying.

use std::collections::{BTreeMap, BTreeSet};

use super::{find_sentence, Corpus, Sent};
use crate::model::Voice;
use crate::text::{near_duplicate, squash};

const MAX_VOICES: usize = 8;
const MAX_VOICE_SENTENCES: usize = 3;

impl<'a> Corpus<'a> {
    pub(super) fn voices(&self) -> Vec<Voice> {
        let mut by_source: BTreeMap<String, Vec<&Sent>> = BTreeMap::new();
        for (d, b) in self.docs.iter().enumerate() {
            for a in &b.ann.attributions {
                let source = squash(&a.source);
                if !source.chars().next().is_some_and(char::is_uppercase)
                    || a.span.slice(self.text(d)).is_none()
                {
                    continue;
                }
                let Some(i) = find_sentence(&self.sents[d], a.span) else {
                    continue;
                };
                let s = &self.sents[d][i];
                if s.usable {
                    let list = by_source.entry(source).or_default();
                    if !list.iter().any(|x| x.doc == s.doc && x.span == s.span) {
                        list.push(s);
                    }
                }
            }
        }
        let mut voices: Vec<(String, Vec<&Sent>)> = by_source.into_iter().collect();
        voices.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        voices
            .into_iter()
            .take(MAX_VOICES)
            .filter_map(|(source, list)| {
                let mut sigs: Vec<BTreeSet<String>> = Vec::new();
                let mut sentences = Vec::new();
                for s in list {
                    if sentences.len() >= MAX_VOICE_SENTENCES {
                        break;
                    }
                    let sig = self.sentence_signature(s);
                    if sigs.iter().any(|x| near_duplicate(x, &sig)) {
                        continue;
                    }
                    if let Some(q) = self.quote(s) {
                        sigs.push(sig);
                        sentences.push(q);
                    }
                }
                (!sentences.is_empty()).then_some(Voice { source, sentences })
            })
            .collect()
    }
}
