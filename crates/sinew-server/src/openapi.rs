//! What does the API offer? The OpenAPI 3 document served at `/api/openapi.json`, written
//! by hand as data: one entry a route with its parameters and what it answers. A test
//! checks that every route of the router is described here and nothing else is; the
//! integration tests call every described route.
//!
//! `x-example` on an operation is a URL that answers it over a store holding the test
//! documents (`{doc}` and `{entity}` stand for a stored document id and entity name).

use axum::response::Json;
use serde_json::{json, Map, Value};

/// One query or path parameter: name, where (`query`|`path`), schema type, description.
type Param = (&'static str, &'static str, &'static str, &'static str);

struct Op {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    params: &'static [Param],
    /// Content type of the success response.
    answers: &'static str,
    example: &'static str,
}

const LEDGER_FILTERS: &[Param] = &[
    (
        "entity",
        "query",
        "string",
        "An actor that must be the group's subject or object",
    ),
    (
        "measure",
        "query",
        "string",
        "Words that must occur in the group's measure, unit or concept",
    ),
    (
        "from",
        "query",
        "string",
        "Groups whose period ends on or after this date (YYYY-MM-DD)",
    ),
    (
        "to",
        "query",
        "string",
        "Groups whose period starts on or before this date",
    ),
    ("verdict", "query", "string", "agree, conflict or update"),
    (
        "min_sources",
        "query",
        "integer",
        "Least number of independent sources",
    ),
    (
        "page",
        "query",
        "integer",
        "Page of 50 groups (the JSON gives every group without it)",
    ),
];

const SEARCH: &[Param] = &[
    (
        "q",
        "query",
        "string",
        "Words, \"quoted phrases\", AND, OR, -word; empty matches all",
    ),
    (
        "scope",
        "query",
        "string",
        "documents (default) or sentences",
    ),
    (
        "source",
        "query",
        "string",
        "Outlet facet value (repeatable)",
    ),
    (
        "lang",
        "query",
        "string",
        "Language facet value (repeatable)",
    ),
    (
        "entity",
        "query",
        "string",
        "Entity facet value (repeatable)",
    ),
    (
        "country",
        "query",
        "string",
        "Country (ISO3) facet value (repeatable)",
    ),
    (
        "kind",
        "query",
        "string",
        "Flow kind facet value (repeatable)",
    ),
    (
        "unit",
        "query",
        "string",
        "Figure unit facet value (repeatable)",
    ),
    (
        "from",
        "query",
        "string",
        "Published on or after (YYYY-MM-DD)",
    ),
    (
        "to",
        "query",
        "string",
        "Published on or before (YYYY-MM-DD)",
    ),
    ("page", "query", "integer", "Page of 20 hits"),
];

const NETWORK: &[Param] = &[
    (
        "kind",
        "query",
        "string",
        "Flow kind to keep (repeatable): arms, trade, energy, ...",
    ),
    (
        "from",
        "query",
        "string",
        "Flows with a figure dated on or after (YYYY-MM-DD)",
    ),
    (
        "to",
        "query",
        "string",
        "Flows with a figure dated on or before",
    ),
    (
        "focus",
        "query",
        "string",
        "Only flows to or from this actor",
    ),
    (
        "cap",
        "query",
        "integer",
        "Most flows drawn, best-sourced first (1-300, default 40)",
    ),
    (
        "by_state",
        "query",
        "boolean",
        "Roll actors up to their states",
    ),
    (
        "cut_from",
        "query",
        "string",
        "What-if: the supplier of the flow to cut",
    ),
    (
        "cut_to",
        "query",
        "string",
        "What-if: the recipient of the flow to cut",
    ),
    (
        "cut_kind",
        "query",
        "string",
        "What-if: only this kind of flow",
    ),
    (
        "factor",
        "query",
        "number",
        "What-if: what is left of the flow (0 cuts, 0.5 halves)",
    ),
    (
        "threshold",
        "query",
        "number",
        "What-if: percent of supply below which a dependency falls",
    ),
];

const DOC: &[Param] = &[
    ("id", "path", "string", "Document id"),
    (
        "span",
        "query",
        "string",
        "START-END byte offsets of the text to mark and open at",
    ),
];

const ENTITY: &[Param] = &[(
    "name",
    "path",
    "string",
    "Entity name (canonical or an alias)",
)];
const GROUP: &[Param] = &[("id", "path", "string", "Ledger group id")];
const ALERTS: &[Param] = &[
    ("kind", "query", "string", "Only alerts of this kind"),
    (
        "rule",
        "query",
        "integer",
        "Only alerts matching this alert rule",
    ),
];
const RULE: &[Param] = &[("id", "path", "integer", "The alert rule's number")];
const INGEST: &[Param] = &[
    (
        "name",
        "query",
        "string",
        "The upload's name; its extension picks the format",
    ),
    (
        "format",
        "query",
        "string",
        "auto, text, html, jsonl, warc or feed",
    ),
];
const ASSET: &[Param] = &[(
    "name",
    "path",
    "string",
    "style.css, network.js, cytoscape.min.js",
)];

const HTML: &str = "text/html";
const JSON: &str = "application/json";

const OPS: &[Op] = &[
    Op {
        method: "get",
        path: "/",
        summary: "Front page: the store's status",
        params: &[],
        answers: HTML,
        example: "/",
    },
    Op {
        method: "get",
        path: "/doc/{id}",
        summary: "Document viewer with spans marked",
        params: DOC,
        answers: HTML,
        example: "/doc/{doc}?span=0-5",
    },
    Op {
        method: "get",
        path: "/api/doc/{id}",
        summary: "A document with its annotations and near-duplicates",
        params: DOC,
        answers: JSON,
        example: "/api/doc/{doc}",
    },
    Op {
        method: "get",
        path: "/entity/{name}",
        summary: "Entity page",
        params: ENTITY,
        answers: HTML,
        example: "/entity/{entity}",
    },
    Op {
        method: "get",
        path: "/api/entity/{name}",
        summary: "An entity: aliases, description, figures, flows, timeline",
        params: ENTITY,
        answers: JSON,
        example: "/api/entity/{entity}",
    },
    Op {
        method: "get",
        path: "/ledger",
        summary: "Figures ledger",
        params: LEDGER_FILTERS,
        answers: HTML,
        example: "/ledger",
    },
    Op {
        method: "get",
        path: "/api/ledger",
        summary: "Ledger groups the filters keep, each claim cited",
        params: LEDGER_FILTERS,
        answers: JSON,
        example: "/api/ledger",
    },
    Op {
        method: "get",
        path: "/api/ledger.csv",
        summary: "CSV export of the ledger, one row a claim",
        params: LEDGER_FILTERS,
        answers: "text/csv",
        example: "/api/ledger.csv",
    },
    Op {
        method: "get",
        path: "/ledger/{id}",
        summary: "A ledger group, each claim beside its sentence",
        params: GROUP,
        answers: HTML,
        example: "/ledger/{group}",
    },
    Op {
        method: "get",
        path: "/api/ledger/{id}",
        summary: "A ledger group with its claims' sentences",
        params: GROUP,
        answers: JSON,
        example: "/api/ledger/{group}",
    },
    Op {
        method: "get",
        path: "/briefing",
        summary: "The briefing, each citation a link into the viewer",
        params: &[],
        answers: HTML,
        example: "/briefing",
    },
    Op {
        method: "get",
        path: "/api/briefing",
        summary: "The briefing model",
        params: &[],
        answers: JSON,
        example: "/api/briefing",
    },
    Op {
        method: "get",
        path: "/alerts",
        summary: "Stored alerts, newest first",
        params: ALERTS,
        answers: HTML,
        example: "/alerts",
    },
    Op {
        method: "get",
        path: "/api/alerts",
        summary: "Stored alerts, newest first",
        params: ALERTS,
        answers: JSON,
        example: "/api/alerts",
    },
    Op {
        method: "get",
        path: "/api/alerts/rules",
        summary: "Alert rules, each with how many stored alerts it matches",
        params: &[],
        answers: JSON,
        example: "/api/alerts/rules",
    },
    Op {
        method: "post",
        path: "/api/alerts/rules",
        summary: "Create an alert rule from JSON or a form: name, kind (repeated), entity, \
                  measure (needs the token: Authorization: Bearer, or a form's token field)",
        params: &[],
        answers: JSON,
        example: "/api/alerts/rules",
    },
    Op {
        method: "delete",
        path: "/api/alerts/rules/{id}",
        summary: "Remove an alert rule (needs Authorization: Bearer SINEW_TOKEN)",
        params: RULE,
        answers: JSON,
        example: "/api/alerts/rules/1",
    },
    Op {
        method: "post",
        path: "/alerts/rules/{id}/delete",
        summary: "The alerts screen's form removing a rule (token field); redirects to /alerts",
        params: RULE,
        answers: HTML,
        example: "/alerts/rules/1/delete",
    },
    Op {
        method: "get",
        path: "/status",
        summary: "What the store holds",
        params: &[],
        answers: HTML,
        example: "/status",
    },
    Op {
        method: "get",
        path: "/api/status",
        summary: "What the store holds",
        params: &[],
        answers: JSON,
        example: "/api/status",
    },
    Op {
        method: "get",
        path: "/network",
        summary: "Actors and flows, with the what-if",
        params: NETWORK,
        answers: HTML,
        example: "/network",
    },
    Op {
        method: "get",
        path: "/api/network",
        summary: "Actors and flows, with the what-if",
        params: NETWORK,
        answers: JSON,
        example: "/api/network",
    },
    Op {
        method: "get",
        path: "/search",
        summary: "Full-text search with facets and a month histogram",
        params: SEARCH,
        answers: HTML,
        example: "/search?q=tanks",
    },
    Op {
        method: "get",
        path: "/api/search",
        summary: "Search hits, total and facets",
        params: SEARCH,
        answers: JSON,
        example: "/api/search?q=tanks",
    },
    Op {
        method: "post",
        path: "/api/ingest",
        summary: "Ingest the request body (needs Authorization: Bearer SINEW_TOKEN)",
        params: INGEST,
        answers: JSON,
        example: "/api/ingest?name=upload.txt",
    },
    Op {
        method: "get",
        path: "/api/openapi.json",
        summary: "This document",
        params: &[],
        answers: JSON,
        example: "/api/openapi.json",
    },
    Op {
        method: "get",
        path: "/assets/{name}",
        summary: "The workbench's stylesheet and scripts",
        params: ASSET,
        answers: "text/css",
        example: "/assets/style.css",
    },
];

/// The OpenAPI document.
pub(crate) fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for op in OPS {
        let params: Vec<Value> = op
            .params
            .iter()
            .map(|(name, place, ty, desc)| {
                json!({
                    "name": name,
                    "in": place,
                    "required": *place == "path",
                    "description": desc,
                    "schema": { "type": ty },
                })
            })
            .collect();
        let mut operation = json!({
            "summary": op.summary,
            "parameters": params,
            "x-example": op.example,
            "responses": {
                "200": { "description": "OK", "content": { op.answers: {} } },
                "default": {
                    "description": "An error: {\"error\": code, \"message\": text} (an HTML page for screens)",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                }
            }
        });
        if op.method == "post" && op.path == "/api/ingest" {
            operation["requestBody"] = json!({
                "required": true,
                "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } }
            });
        } else if op.method == "post" {
            let fields = json!({ "schema": { "$ref": "#/components/schemas/RuleFields" } });
            operation["requestBody"] = json!({
                "required": true,
                "content": { "application/json": fields, "application/x-www-form-urlencoded": fields }
            });
        }
        if op.method != "get" {
            operation["security"] = json!([{ "token": [] }]);
        }
        let entry = paths
            .entry(op.path.to_string())
            .or_insert_with(|| json!({}));
        entry[op.method] = operation;
    }
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Sinew workbench",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Every HTML screen has a JSON twin under /api/ taking the same query parameters. Offsets are UTF-8 byte offsets into a document's clean text."
        },
        "paths": paths,
        "components": {
            "securitySchemes": { "token": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "RuleFields": {
                    "type": "object",
                    "properties": {
                        "name": { "type": "string" },
                        "kind": { "type": "array", "items": { "type": "string", "enum": ["conflict", "new_flow", "revision"] } },
                        "entity": { "type": "string" },
                        "measure": { "type": "string" },
                        "token": { "type": "string", "description": "The write token, for a form (JSON clients send Authorization: Bearer)" }
                    }
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": { "type": "string", "enum": ["bad_request", "not_found", "unknown_entity", "unauthorized", "writes_disabled", "unprocessable", "search_unavailable", "internal"] },
                        "message": { "type": "string" }
                    }
                }
            }
        }
    })
}

pub(crate) async fn serve() -> Json<Value> {
    Json(document())
}
