//! The workbench's writes beyond uploads and its ingest record: alert rules created with
//! the token (JSON with a bearer header, or the alerts screen's form with a token field),
//! listed with their matches, used to filter alerts and removed; and the inputs ingest could
//! not read, listed by the status screen newest first with counts.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use sinew_engine::{Engine, Format, IngestOptions};
use sinew_server::AppState;
use sinew_store::SqliteStore;

use crate::support::{get, send, TOKEN};

/// A writable server whose store has raised alerts: a standing trade figure, then a report
/// that contradicts it and shows a new flow.
fn alerting_state() -> AppState {
    let engine = Engine::with_store(std::sync::Arc::new(SqliteStore::open_in_memory().unwrap()));
    let texts = [
        "Trade between China and Russia reached $240 billion in 2023, Chinese customs said on \
         Monday.",
        "Trade between China and Russia reached $310 billion in 2023, a Moscow think tank \
         said on Tuesday. Iran sold 40 drones to Belarus in May 2024, officials said.",
    ];
    for (i, t) in texts.iter().enumerate() {
        engine
            .ingest_bytes(
                &format!("report-{i}.txt"),
                t.as_bytes(),
                Format::Text,
                &IngestOptions::default(),
            )
            .unwrap();
    }
    AppState::new(engine, None, Some(TOKEN.to_string()))
}

fn post_json(st: &AppState, uri: &str, body: &str, auth: Option<&str>) -> crate::support::Answer {
    let mut req = Request::post(uri).header("content-type", "application/json");
    if let Some(a) = auth {
        req = req.header("authorization", a);
    }
    send(st, req.body(Body::from(body.to_string())).unwrap())
}

fn post_form(st: &AppState, uri: &str, body: &str) -> crate::support::Answer {
    let req = Request::post(uri)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(st, req)
}

fn delete(st: &AppState, uri: &str, auth: Option<&str>) -> crate::support::Answer {
    let mut req = Request::delete(uri);
    if let Some(a) = auth {
        req = req.header("authorization", a);
    }
    send(st, req.body(Body::empty()).unwrap())
}

#[test]
fn alert_rules_are_written_with_the_token_matched_filtered_and_deleted() {
    let st = alerting_state();
    let bearer = format!("Bearer {TOKEN}");
    let alerts = get(&st, "/api/alerts").json();
    let total = alerts["total"].as_u64().unwrap();
    assert!(total >= 1, "the fixture raises alerts: {alerts}");

    // Writes need the token; a bad kind names the field.
    let rule = r#"{"kind": ["conflict", "revision"], "entity": "PRC", "measure": "trade"}"#;
    assert_eq!(
        post_json(&st, "/api/alerts/rules", rule, None).status,
        StatusCode::UNAUTHORIZED
    );
    let bad = post_json(
        &st,
        "/api/alerts/rules",
        r#"{"kind": "rumour"}"#,
        Some(&bearer),
    );
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["message"].as_str().unwrap().contains("kind"));
    let broken = post_json(&st, "/api/alerts/rules", "{not json", Some(&bearer));
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);

    let made = post_json(&st, "/api/alerts/rules", rule, Some(&bearer));
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let made = made.json();
    let id = made["id"].as_u64().unwrap();
    assert_eq!(made["entity"], "China", "resolved as the entity page does");
    assert_eq!(made["kinds"], serde_json::json!(["conflict", "revision"]));
    assert!(made["name"].as_str().unwrap().contains("China"));

    // Listed with its matches; the alerts it matches name it, and `?rule=` keeps them.
    let rules = get(&st, "/api/alerts/rules").json();
    let listed = &rules["rules"][0];
    assert_eq!(listed["id"], id);
    let matched = listed["matched"].as_u64().unwrap();
    assert!(matched >= 1, "the trade alert matches: {rules} {alerts}");
    let only = get(&st, &format!("/api/alerts?rule={id}")).json();
    assert_eq!(only["total"].as_u64().unwrap(), matched);
    for a in only["alerts"].as_array().unwrap() {
        assert!(
            a["rules"].as_array().unwrap().iter().any(|r| r["id"] == id),
            "{a}"
        );
        assert_ne!(a["kind"], "new_flow");
    }
    assert_eq!(
        get(&st, "/api/alerts?rule=999").status,
        StatusCode::NOT_FOUND
    );

    // The screen's form: a token field instead of a header, answered by a redirect.
    assert_eq!(
        post_form(&st, "/api/alerts/rules", "name=Flows&kind=new_flow").status,
        StatusCode::UNAUTHORIZED
    );
    let form = post_form(
        &st,
        "/api/alerts/rules",
        &format!("name=New+flows&kind=new_flow&entity=&measure=&token={TOKEN}"),
    );
    assert_eq!(form.status, StatusCode::SEE_OTHER, "{}", form.body);
    let page = get(&st, "/alerts");
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("New flows"), "the rule is listed");
    assert!(
        page.body.contains("action=\"/api/alerts/rules\""),
        "the form"
    );
    assert!(
        page.body.contains("name=\"token\""),
        "the form asks the token"
    );
    assert!(
        !page.body.contains("<script"),
        "no script: the CSP forbids it"
    );
    let flows_id = get(&st, "/api/alerts/rules").json()["rules"][1]["id"]
        .as_u64()
        .unwrap();

    // Removal: DELETE with the header, or the screen's form.
    let uri = format!("/api/alerts/rules/{id}");
    assert_eq!(delete(&st, &uri, None).status, StatusCode::UNAUTHORIZED);
    assert_eq!(delete(&st, &uri, Some(&bearer)).status, StatusCode::OK);
    let again = delete(&st, &uri, Some(&bearer));
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(again.json()["error"], "not_found");
    let gone = post_form(
        &st,
        &format!("/alerts/rules/{flows_id}/delete"),
        &format!("token={TOKEN}"),
    );
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert!(get(&st, "/api/alerts/rules").json()["rules"]
        .as_array()
        .unwrap()
        .is_empty());
    // The alerts themselves are untouched by rules.
    assert_eq!(get(&st, "/api/alerts").json()["total"], total);
}

#[test]
fn rule_writes_are_refused_without_a_server_token() {
    let engine = Engine::with_store(std::sync::Arc::new(SqliteStore::open_in_memory().unwrap()));
    let st = AppState::new(engine, None, None);
    let a = post_json(&st, "/api/alerts/rules", "{}", Some("Bearer anything"));
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&st, "/alerts/rules/1/delete", "token=x").status,
        StatusCode::FORBIDDEN
    );
    let page = get(&st, "/alerts");
    assert!(
        !page.body.contains("action=\"/api/alerts/rules\""),
        "no form"
    );
}

#[test]
fn status_lists_failed_inputs_newest_first_with_their_run() {
    let engine = Engine::with_store(std::sync::Arc::new(SqliteStore::open_in_memory().unwrap()));
    let st = AppState::new(engine, None, Some(TOKEN.to_string()));
    let upload = |name: &str, body: &str| {
        send(
            &st,
            Request::post(format!("/api/ingest?name={name}"))
                .header("authorization", format!("Bearer {TOKEN}"))
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
    };
    let none = get(&st, "/api/status").json();
    assert_eq!(none["ingest"]["runs"], 0);
    assert!(none["ingest"]["last_run"].is_null());

    // A JSON Lines upload with one good line and one cut off: the good one is stored.
    let body = "{\"url\": \"https://a.example/1\", \"text\": \"Iran sold 40 drones to Russia in May 2024.\"}\n{\"url\": \"https://a.example/2\", \"text\": \"Oil\n";
    let a = upload("feed.jsonl", body);
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.json()["inserted"], 1);
    assert_eq!(a.json()["errors"].as_array().unwrap().len(), 1);
    let b = upload("later.jsonl", "{\"text\": 5}\n");
    assert_eq!(b.status, StatusCode::OK, "{}", b.body);

    let s = get(&st, "/api/status").json();
    let ingest = &s["ingest"];
    assert_eq!(ingest["runs"], 2);
    assert_eq!(ingest["failures"], 2);
    assert_eq!(ingest["failed_inputs"], 2);
    let recent = ingest["recent"].as_array().unwrap();
    assert!(recent[0]["input"].as_str().unwrap().contains("later.jsonl"));
    assert!(recent[1]["input"].as_str().unwrap().contains("feed.jsonl"));
    assert!(!recent[1]["error"].as_str().unwrap().is_empty());
    assert!(recent[0]["run"].as_u64() > recent[1]["run"].as_u64());
    let last = &ingest["last_run"];
    assert_eq!(last["origin"], "upload");
    assert_eq!(last["failed"], 1);
    assert_eq!(s["documents"], 1);
    let page = get(&st, "/status");
    assert!(page.body.contains("later.jsonl") && page.body.contains("feed.jsonl"));
}
