//! The order of a briefing's parts, shared by the renderers so that the table of contents,
//! headings and anchors agree.

use crate::model::Briefing;

/// A numbered part of the briefing.
pub(crate) enum Part {
    Judgments,
    Section(usize),
    Network,
    Figures,
    Disagreements,
    Voices,
    Timeline,
    Glossary,
    Sources,
    Notes,
}

/// The parts that have content, each with its anchor and heading (number included).
pub(crate) fn parts(b: &Briefing) -> Vec<(Part, String, String)> {
    let mut out: Vec<(Part, String)> = Vec::new();
    if !b.judgments.is_empty() {
        out.push((Part::Judgments, "Key judgments".to_string()));
    }
    for (i, s) in b.sections.iter().enumerate() {
        out.push((Part::Section(i), s.title.clone()));
    }
    if !b.network.is_empty() {
        out.push((Part::Network, "The network".to_string()));
    }
    if !b.figures.is_empty() {
        out.push((Part::Figures, "Figures across sources".to_string()));
    }
    if !b.disagreements.is_empty() {
        out.push((
            Part::Disagreements,
            "What the sources disagree on".to_string(),
        ));
    }
    if !b.voices.is_empty() {
        out.push((Part::Voices, "What the sources say".to_string()));
    }
    if !b.timeline.is_empty() {
        out.push((Part::Timeline, "Timeline".to_string()));
    }
    if !b.glossary.is_empty() {
        out.push((Part::Glossary, "Glossary".to_string()));
    }
    if !b.sources.is_empty() {
        out.push((Part::Sources, "Sources weighed".to_string()));
    }
    if !b.notes.is_empty() {
        out.push((Part::Notes, "Citations".to_string()));
    }
    out.into_iter()
        .enumerate()
        .map(|(n, (part, heading))| {
            let anchor = match part {
                Part::Judgments => "key-judgments".to_string(),
                Part::Section(i) => format!("section-{}", i + 1),
                Part::Network => "network".to_string(),
                Part::Figures => "figures-across-sources".to_string(),
                Part::Disagreements => "disagreements".to_string(),
                Part::Voices => "voices".to_string(),
                Part::Timeline => "timeline".to_string(),
                Part::Glossary => "glossary".to_string(),
                Part::Sources => "sources".to_string(),
                Part::Notes => "citations".to_string(),
            };
            (part, anchor, format!("{}. {}", n + 1, heading))
        })
        .collect()
}

/// The date line: when the briefing was written and which publication dates it covers.
pub(crate) fn date_line(b: &Briefing) -> String {
    let mut line = String::new();
    if let Some(g) = b.generated {
        line.push_str(&format!("Generated {g}. "));
    }
    let n = b.sources.len();
    line.push_str(&format!("{n} source{}", if n == 1 { "" } else { "s" }));
    if b.stored > n {
        // a bounded selection of a large store: say so, and of how many
        line.push_str(&format!(" quoted of {} stored documents", b.stored));
    }
    match b.period {
        Some((a, z)) if a == z => line.push_str(&format!(", published {a}")),
        Some((a, z)) => line.push_str(&format!(", published {a} to {z}")),
        None => {}
    }
    line.push('.');
    if let Some(f) = &b.focus {
        line.push_str(&format!(" Focused: {f}."));
    }
    line
}

/// What kind of source a document is, for the source list.
pub(crate) fn kind_label(kind: sinew_types::SourceKind) -> &'static str {
    use sinew_types::SourceKind;
    match kind {
        SourceKind::Original => "original reporting",
        SourceKind::Official => "official statement",
        SourceKind::Analysis => "analysis",
        SourceKind::Derivative => {
            "derivative digest (repeats others; never carries a judgment alone)"
        }
    }
}

/// The speaker label to show before a verbatim sentence that quotes someone: its speaker,
/// unless the sentence already names them (by the last word of the name).
pub(crate) fn speaker_label(s: &crate::model::CitedSentence) -> Option<&str> {
    let speaker = s.speaker.as_deref()?;
    if !s.text.contains(['“', '"']) {
        return None;
    }
    let last = speaker.split_whitespace().last()?;
    (!s.text.contains(last)).then_some(speaker)
}

/// Pieces of a cited sentence: text runs, each followed by the citations placed after it.
pub(crate) fn pieces<'a>(
    text: &'a str,
    marks: &[usize],
    n_citations: usize,
) -> Vec<(&'a str, Vec<usize>)> {
    // marks out of range or off char boundaries go to the end; one per citation
    let mut at: Vec<(usize, usize)> = (0..n_citations)
        .map(|i| {
            let m = marks.get(i).copied().unwrap_or(text.len());
            let m = if m <= text.len() && text.is_char_boundary(m) {
                m
            } else {
                text.len()
            };
            (m, i)
        })
        .collect();
    at.sort();
    let mut out: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut from = 0;
    for (m, i) in at {
        if m > from || out.is_empty() {
            out.push((&text[from..m], vec![i]));
            from = m;
        } else if let Some(last) = out.last_mut() {
            last.1.push(i);
        }
    }
    if from < text.len() {
        out.push((&text[from..], Vec::new()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_place_markers() {
        assert_eq!(pieces("a b.", &[4], 1), vec![("a b.", vec![0])]);
        assert_eq!(
            pieces("x 1; y 2.", &[3, 8], 2),
            vec![("x 1", vec![0]), ("; y 2", vec![1]), (".", vec![])]
        );
        assert_eq!(
            pieces("é", &[1], 1),
            vec![("é", vec![0])],
            "off boundary goes to the end"
        );
        assert_eq!(pieces("ab", &[], 2), vec![("ab", vec![0, 1])]);
        assert_eq!(pieces("", &[0], 1), vec![("", vec![0])]);
    }
}
