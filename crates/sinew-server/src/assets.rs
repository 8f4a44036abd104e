//! Which static files does the workbench serve? Its stylesheet, the network screen's script
//! and the vendored cytoscape.js (see `VENDORED.md`), all compiled into the binary so the
//! server needs no files beside it and no page loads anything from another host.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::ServerError;

/// (name, content type, bytes).
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/style.css"),
    ),
    (
        "network.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/network.js"),
    ),
    (
        "cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/cytoscape.min.js"),
    ),
];

pub(crate) async fn serve(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, ty, bytes)) => (
            [
                (header::CONTENT_TYPE, *ty),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => ServerError::NotFound {
            what: "asset",
            name,
        }
        .into_response(),
    }
}
