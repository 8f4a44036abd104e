//! What would the analyst tell a reader? The briefing (the same report `sinew report`
//! writes) rendered in the app, each citation marker a link into the viewer at its span, so
//! every sentence can be checked against the article's words in one click.

use std::fmt::Write;

use askama::Template;
use axum::extract::State;
use axum::response::{Html, Json};
use sinew_report::{Briefing, CitedSentence, ReportConfig};

use crate::error::PageError;
use crate::highlight::escape;
use crate::render::{doc_href, html, safe_url};
use crate::{AppState, ServerError};

pub(crate) fn view(state: &AppState) -> Result<Briefing, ServerError> {
    Ok(state.engine().briefing(&ReportConfig::default())?)
}

/// A cited sentence as HTML: its text escaped piece by piece, each citation's numbered
/// marker placed after its byte offset and linking into the viewer.
fn cited(b: &Briefing, s: &CitedSentence) -> String {
    let mut at: Vec<(usize, usize)> = s
        .marks
        .iter()
        .copied()
        .enumerate()
        .map(|(i, m)| (m.min(s.text.len()), i))
        .collect();
    at.sort_unstable();
    let mut out = String::new();
    let mut pos = 0;
    for (m, i) in at {
        // A marker offset inside a character is moved to the character's end.
        let mut m = m.max(pos);
        while !s.text.is_char_boundary(m) {
            m += 1;
        }
        out.push_str(&escape(&s.text[pos..m]));
        pos = m;
        if let Some(c) = s.citations.get(i) {
            let n = b
                .source_number(&c.doc)
                .map_or_else(|| "src".to_string(), |n| n.to_string());
            let _ = write!(
                out,
                "<sup class=\"cite\"><a href=\"{}\" title=\"{}\">[{n}]</a></sup>",
                escape(&doc_href(&c.doc, c.span)),
                escape(&c.source)
            );
        }
    }
    out.push_str(&escape(&s.text[pos..]));
    out
}

struct SectionHtml {
    title: String,
    sentences: Vec<String>,
    figures: Vec<String>,
}

struct SourceHtml {
    number: usize,
    label: String,
    href: String,
    link: Option<String>,
    published: String,
}

#[derive(Template)]
#[template(path = "briefing.html")]
struct BriefingPage {
    heading: String,
    period: String,
    /// Each key judgment with the article sentences under it.
    judgments: Vec<(String, Vec<String>)>,
    sections: Vec<SectionHtml>,
    network: Vec<String>,
    disagreements: Vec<String>,
    figures: Vec<(String, Vec<String>)>,
    voices: Vec<(String, Vec<String>)>,
    /// (name, its entity page, its type and time ("person, as of June 2024"), description)
    glossary: Vec<(String, String, String, String)>,
    sources: Vec<SourceHtml>,
}

impl BriefingPage {
    fn title(&self) -> String {
        self.heading.clone()
    }
}

pub(crate) async fn api(State(state): State<AppState>) -> Result<Json<Briefing>, ServerError> {
    state.blocking(view).await.map(Json)
}

pub(crate) async fn page(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let b = state.blocking(view).await?;
    let all = |list: &[CitedSentence]| list.iter().map(|s| cited(&b, s)).collect::<Vec<_>>();
    let page = BriefingPage {
        heading: b.title.clone(),
        period: b
            .period
            .map(|(a, z)| format!("{a} to {z}"))
            .unwrap_or_default(),
        judgments: b
            .judgments
            .iter()
            .map(|j| (cited(&b, &j.sentence), all(&j.evidence)))
            .collect(),
        sections: b
            .sections
            .iter()
            .map(|s| SectionHtml {
                title: s.title.clone(),
                sentences: all(&s.sentences),
                figures: all(&s.figures),
            })
            .collect(),
        network: all(&b.network),
        disagreements: all(&b.disagreements),
        figures: b
            .figures
            .iter()
            .map(|r| {
                let about = [
                    r.subject.as_deref(),
                    Some(r.measure.as_str()),
                    r.object.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
                let cells = r
                    .cells
                    .iter()
                    .map(|c| {
                        format!(
                            "<a href=\"{}\">{}</a>{}",
                            escape(&doc_href(&c.citation.doc, c.citation.span)),
                            escape(&c.value),
                            c.time
                                .as_deref()
                                .map(|t| format!(" <span class=\"muted\">{}</span>", escape(t)))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                (about, cells)
            })
            .collect(),
        voices: b
            .voices
            .iter()
            .map(|v| (v.source.clone(), all(&v.sentences)))
            .collect(),
        glossary: b
            .glossary
            .iter()
            .map(|g| {
                (
                    g.name.clone(),
                    crate::render::entity_href(&g.name),
                    g.label(),
                    cited(&b, &g.description),
                )
            })
            .collect(),
        sources: b
            .sources
            .iter()
            .map(|s| SourceHtml {
                number: s.number,
                label: s.title.clone().unwrap_or_else(|| s.source.clone()),
                href: format!("/doc/{}", crate::params::encode(&s.doc.0)),
                link: s.url.as_deref().and_then(safe_url),
                published: s.published.map(|d| d.to_string()).unwrap_or_default(),
            })
            .collect(),
    };
    Ok(html(&page))
}
