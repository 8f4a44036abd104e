//! The error table: every `ServerError` variant has one status and one code, the JSON body
//! and the HTML page answer the same status, and internal details never reach a response.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use sinew_server::ServerError;

use crate::support::{get, state};

#[test]
fn every_error_has_its_status_and_code() {
    let table: Vec<(ServerError, StatusCode, &str)> = vec![
        (
            ServerError::BadRequest {
                input: "span".into(),
                reason: "x".into(),
            },
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            ServerError::NotFound {
                what: "document",
                name: "d".into(),
            },
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            ServerError::UnknownEntity {
                name: "Nrth Korea".into(),
                nearest: vec!["North Korea".into()],
            },
            StatusCode::NOT_FOUND,
            "unknown_entity",
        ),
        (
            ServerError::Unauthorized,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        ),
        (
            ServerError::WritesDisabled,
            StatusCode::FORBIDDEN,
            "writes_disabled",
        ),
        (
            ServerError::Unprocessable {
                input: "u".into(),
                reason: "empty".into(),
            },
            StatusCode::UNPROCESSABLE_ENTITY,
            "unprocessable",
        ),
        (
            ServerError::SearchUnavailable,
            StatusCode::SERVICE_UNAVAILABLE,
            "search_unavailable",
        ),
        (
            ServerError::Internal("/secret/path.db: disk I/O error".into()),
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
        ),
    ];
    for (err, status, code) in table {
        assert_eq!(err.status(), status, "{err}");
        assert_eq!(err.code(), code, "{err}");
        let message = err.public_message();
        let res = err.into_response();
        assert_eq!(res.status(), status);
        if code == "internal" {
            assert!(
                !message.contains("secret"),
                "internal details leak: {message}"
            );
        }
    }
}

#[test]
fn routes_answer_errors_from_the_table_as_json_and_as_pages() {
    let st = state();
    let cases = [
        ("/api/doc/nope", StatusCode::NOT_FOUND, "not_found"),
        (
            "/api/entity/Nrth%20Korae",
            StatusCode::NOT_FOUND,
            "unknown_entity",
        ),
        (
            "/api/ledger/0000000000000000",
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/api/ledger?from=2024-02-30",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "/api/network?factor=x&cut_from=a&cut_to=b",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "/api/search?scope=paragraphs",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        ("/api/alerts?rule=999", StatusCode::NOT_FOUND, "not_found"),
        (
            "/api/alerts?rule=first",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        ("/assets/secret.txt", StatusCode::NOT_FOUND, "not_found"),
    ];
    for (uri, status, code) in cases {
        let a = get(&st, uri);
        assert_eq!(a.status, status, "{uri}: {}", a.body);
        assert_eq!(a.json()["error"], code, "{uri}");
        assert!(a.json()["message"].is_string());
        let page_uri = uri.replacen("/api", "", 1);
        if !uri.starts_with("/assets") {
            let p = get(&st, &page_uri);
            assert_eq!(p.status, status, "{page_uri}");
            assert!(p.content_type.starts_with("text/html"), "{page_uri}");
        }
    }
    let suggest = get(&st, "/api/entity/Nrth%20Korae").json();
    assert!(
        suggest["message"].as_str().unwrap().contains("North Korea"),
        "{suggest}"
    );
    let (id, _) = (
        get(&st, "/api/search?q=containers").json()["results"]["hits"][0]["doc"].clone(),
        (),
    );
    let id = id.as_str().unwrap();
    for bad in ["5-2", "0-999999", "a-b"] {
        let a = get(&st, &format!("/api/doc/{id}?span={bad}"));
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "span={bad}");
        assert!(a.json()["message"].as_str().unwrap().contains("span"));
    }
    assert_eq!(get(&st, "/no/such/page").status, StatusCode::NOT_FOUND);
    // Writes on a server without a token: refused from the table, whatever the body.
    for (method, uri) in [
        ("POST", "/api/alerts/rules"),
        ("DELETE", "/api/alerts/rules/1"),
        ("POST", "/alerts/rules/1/delete"),
        ("POST", "/api/ingest"),
    ] {
        let req = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .body(axum::body::Body::from("x"))
            .unwrap();
        let a = crate::support::send(&st, req);
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{method} {uri}");
        assert_eq!(a.json()["error"], "writes_disabled", "{method} {uri}");
    }
    assert_eq!(
        get(&st, "/api/alerts/rules/1").status,
        StatusCode::METHOD_NOT_ALLOWED,
        "a rule is removed, not read, by its own path"
    );
    // Paging past any number of results is an empty page, not a crash.
    let far = format!("/ledger?page={}", usize::MAX);
    assert_eq!(get(&st, &far).status, StatusCode::OK);
    assert_eq!(
        get(&st, &format!("/search?q=x&page={}", usize::MAX)).status,
        StatusCode::OK
    );
}
