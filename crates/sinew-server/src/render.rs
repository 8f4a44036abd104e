//! How does a view become a page? The askama templates (compiled into the binary from
//! `templates/`, escaping every value by default), and the small helpers every screen uses
//! to write links: into the document viewer at a span, to an entity, to an outside URL only
//! when it is http or https.

use askama::Template;
use axum::response::Html;
use sinew_types::{DocId, Span};

use crate::params::encode;

/// Renders a template; a template that fails to render is a bug, shown as a plain message.
pub(crate) fn html<T: Template>(t: &T) -> Html<String> {
    match t.render() {
        Ok(s) => Html(s),
        Err(e) => {
            eprintln!("sinew serve: template failed: {e}");
            Html("<!doctype html><title>error</title><p>internal error".to_string())
        }
    }
}

/// The viewer opened at `span`: the query marks it, the fragment scrolls to it.
pub(crate) fn doc_href(doc: &DocId, span: Span) -> String {
    format!(
        "/doc/{}?span={}-{}#s-{}",
        encode(&doc.0),
        span.start,
        span.end,
        span.start
    )
}

/// The entity page.
pub(crate) fn entity_href(name: &str) -> String {
    format!("/entity/{}", encode(name))
}

/// The URL if it is http(s) and so safe to put in an `href`; `javascript:`, `data:` and
/// anything unparsable give `None` and are shown as text only.
pub(crate) fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && u.len() > "https://".len()
        && !u.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then(|| u.to_string())
}

/// A value with its unit and period as a figure reads ("$5 million", "40%").
pub(crate) fn figure(x: f64, unit: Option<&str>, per: Option<&str>) -> String {
    sinew_engine::format_value(x, unit, per)
}

/// The page shown for any error.
#[derive(Template)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub(crate) status: u16,
    pub(crate) message: String,
}

impl ErrorPage {
    fn title(&self) -> String {
        format!("Error {}", self.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_become_links() {
        assert!(safe_url("https://example.org/a?b=1").is_some());
        assert!(safe_url("HTTP://example.org").is_some());
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url(" JaVaScRiPt:alert(1)").is_none());
        assert!(safe_url("data:text/html,<script>").is_none());
        assert!(safe_url("https://a b").is_none());
        assert!(safe_url("//evil.example").is_none());
    }

    #[test]
    fn citation_links_open_the_viewer_at_their_span() {
        let href = doc_href(&DocId("ab/c".into()), Span::new(4, 9));
        assert_eq!(href, "/doc/ab%2Fc?span=4-9#s-4");
    }
}
