//! Who speaks in a sentence, and what named speakers (a ministry, an expert) are quoted as
//! saying.
//!
//! The speaker of a sentence is the source of an attribution inside it ("Tertitskiy said",
//! "according to the State Department"). When that source is a country or a place while a
//! person is named in the sentence, the attribution reader has taken the country the speaker
//! talks about for the speaker ("... relations between Russia and Ukraine, said Fyodor
//! Tertitskiy"): the person nearest the cue speaks, not the country.

use std::collections::{BTreeMap, BTreeSet};

use sinew_types::{EntityType, Span};

use super::{Corpus, Sent};
use crate::model::{DocBundle, Voice};
use crate::text::{near_duplicate, squash};

const MAX_VOICES: usize = 8;
const MAX_VOICE_SENTENCES: usize = 3;

/// The speaker of the sentence at `span` of `bundle`, when an attribution inside it names one
/// (see the module doc).
pub(super) fn speaker(bundle: &DocBundle, span: Span) -> Option<String> {
    let text = bundle.doc.text.as_str();
    let a = bundle
        .ann
        .attributions
        .iter()
        .find(|a| span.contains(a.span) && a.span.slice(text).is_some())?;
    let source = squash(&a.source);
    // A name ("Tertitskiy", "US State Department"), or common words placing the speaker by
    // a name ("a research institute in Tehran"); not bare words ("officials", "the report").
    if !source
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let place = bundle.ann.mentions.iter().any(|m| {
        m.canonical.trim() == source
            && matches!(m.entity_type, EntityType::Country | EntityType::Place)
    });
    if place {
        let distance = |m: Span| {
            if m.end <= a.span.start {
                a.span.start - m.end
            } else {
                m.start.saturating_sub(a.span.end)
            }
        };
        let person = bundle
            .ann
            .mentions
            .iter()
            .filter(|m| m.entity_type == EntityType::Person && span.contains(m.span))
            .min_by_key(|m| distance(m.span));
        if let Some(p) = person {
            return Some(squash(&p.canonical)).filter(|n| !n.is_empty());
        }
    }
    Some(source)
}

impl<'a> Corpus<'a> {
    /// Named speakers, those quoted most first, each with up to three sentences.
    pub(super) fn voices(&self) -> Vec<Voice> {
        let mut by_source: BTreeMap<String, Vec<&Sent>> = BTreeMap::new();
        for s in self.sents.iter().flatten() {
            if !s.usable() || !self.in_focus(s) {
                continue;
            }
            if let Some(speaker) = &s.speaker {
                by_source.entry(speaker.clone()).or_default().push(s);
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

#[cfg(test)]
mod tests {
    use sinew_types::{Annotations, Attribution, DocId, Document, Mention, SourceKind};

    use super::*;

    fn bundle(text: &str, source: &str, source_words: &str, named: &[(&str, &str)]) -> DocBundle {
        let at = |w: &str| {
            let start = text.find(w).expect("in the text");
            Span::new(start, start + w.len())
        };
        let mut ann = Annotations::default();
        let cue = at(source_words);
        ann.attributions.push(Attribution {
            span: Span::new(cue.start, text.find(" said").map_or(cue.end, |s| s + 5)),
            source_span: cue,
            source: source.to_string(),
            cue: "said".to_string(),
        });
        for (words, canonical) in named {
            ann.mentions.push(Mention {
                span: at(words),
                text: words.to_string(),
                entity_type: EntityType::Country,
                canonical: canonical.to_string(),
                id: format!("country:{}", canonical.to_lowercase()),
                country: None,
                coarse: EntityType::Country.coarse(),
                sector: None,
                kind: sinew_types::MentionKind::Name,
            });
        }
        DocBundle {
            doc: Document {
                id: DocId("d".into()),
                source: "d.txt".into(),
                url: None,
                title: None,
                author: None,
                published: None,
                site: None,
                lang: Some("en".into()),
                text: text.to_string(),
                fingerprint: None,
                duplicate_of: None,
            },
            ann,
            kind: SourceKind::Original,
        }
    }

    #[test]
    fn a_speaker_placed_in_a_country_is_named_by_its_words() {
        let text = "A trade institute in Ankara said wheat exports to Egypt doubled.";
        let b = bundle(
            text,
            "a trade institute in Ankara",
            "A trade institute in Ankara",
            &[("Ankara", "Turkey"), ("Egypt", "Egypt")],
        );
        assert_eq!(
            speaker(&b, Span::new(0, text.len())).as_deref(),
            Some("a trade institute in Ankara")
        );
        // Bare words name nobody.
        let b = bundle(text, "officials", "A trade institute", &[]);
        assert_eq!(speaker(&b, Span::new(0, text.len())), None);
    }
}
