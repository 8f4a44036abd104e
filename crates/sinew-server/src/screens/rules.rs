//! Which alerts does the analyst want flagged? Alert rules: `GET /api/alerts/rules` lists
//! them with how many stored alerts each matches, `POST /api/alerts/rules` creates one,
//! `DELETE /api/alerts/rules/{id}` removes one, and `POST /alerts/rules/{id}/delete` is the
//! same removal for the alerts screen's form (a form cannot send DELETE).
//!
//! A rule names any of: alert kinds (`kind`, repeated or comma-separated: conflict,
//! new_flow, revision), an entity that must be the alert's subject or object (resolved to its
//! canonical name as the entity page resolves it, "DPRK" to North Korea; a name not yet
//! stored is kept as typed, since a rule may wait for news), and a word the alert's line
//! must say (`measure`: "containers", matched at a word's start, so "container" finds
//! "containers"). Rules label alerts, never hide them, so a rule set today applies to the
//! alerts raised before it.
//!
//! Writes need the server's token: a JSON client sends `Authorization: Bearer`, and the
//! alerts screen's form (no script may add a header under the CSP) sends a `token` field,
//! compared the same way; the form is answered with a redirect back to the alerts screen.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Redirect, Response};
use serde::Serialize;
use sinew_store::{AlertRule, StoredRule};
use sinew_types::{Alert, AlertKind};

use crate::params::Params;
use crate::screens::ingest::{authorize, check_token};
use crate::{AppState, ServerError};

/// Longest rule name or measure word kept (a rule is a label, not a document).
const MAX_FIELD: usize = 200;

/// A rule as the screens and the API show it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RuleRow {
    pub(crate) id: u64,
    pub(crate) created_at: String,
    pub(crate) name: String,
    pub(crate) kinds: Vec<&'static str>,
    pub(crate) entity: Option<String>,
    pub(crate) measure: Option<String>,
    /// Stored alerts it matches.
    pub(crate) matched: usize,
    /// The alerts screen filtered to it.
    pub(crate) href: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct RulesView {
    rules: Vec<RuleRow>,
}

/// Whether `rule` matches `alert`: every condition it names holds.
pub(crate) fn matches(rule: &AlertRule, alert: &Alert) -> bool {
    let kind = rule.kinds.is_empty() || rule.kinds.contains(&alert.kind);
    let entity = rule.entity.as_deref().is_none_or(|e| {
        [&alert.subject, &alert.object]
            .iter()
            .any(|s| s.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(e)))
    });
    let word = rule
        .measure
        .as_deref()
        .is_none_or(|m| says_word(&alert.message, m));
    kind && entity && word
}

/// Whether `text` has a word starting with `word` (case-insensitive).
fn says_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return true;
    }
    text.match_indices(&word).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

pub(crate) fn row(rule: &StoredRule, alerts: &[Alert]) -> RuleRow {
    RuleRow {
        id: rule.id,
        created_at: rule.created_at.clone(),
        name: rule.rule.name.clone(),
        kinds: rule.rule.kinds.iter().map(|k| k.as_str()).collect(),
        entity: rule.rule.entity.clone(),
        measure: rule.rule.measure.clone(),
        matched: alerts.iter().filter(|a| matches(&rule.rule, a)).count(),
        href: format!("/alerts?rule={}", rule.id),
    }
}

pub(crate) fn stored_rules(state: &AppState) -> Result<Vec<StoredRule>, ServerError> {
    state
        .engine()
        .store()
        .alert_rules()
        .map_err(|e| ServerError::Internal(e.to_string()))
}

fn view(state: &AppState) -> Result<RulesView, ServerError> {
    let alerts: Vec<Alert> = state
        .engine()
        .store()
        .alerts()
        .map_err(|e| ServerError::Internal(e.to_string()))?
        .into_iter()
        .map(|a| a.alert)
        .collect();
    let rules = stored_rules(state)?
        .iter()
        .map(|r| row(r, &alerts))
        .collect();
    Ok(RulesView { rules })
}

/// Reads a rule from its fields (JSON or form alike): validated, the entity resolved.
fn rule_from(state: &AppState, fields: &Params) -> Result<AlertRule, ServerError> {
    let mut kinds = Vec::new();
    for k in fields
        .all("kind")
        .iter()
        .flat_map(|k| k.split(','))
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        let kind = AlertKind::parse(k).ok_or_else(|| {
            ServerError::bad(
                "kind",
                format!("{k:?} is not an alert kind (conflict, new_flow, revision)"),
            )
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let field = |key: &str| -> Result<Option<String>, ServerError> {
        match fields.get(key) {
            Some(v) if v.chars().count() > MAX_FIELD => Err(ServerError::bad(
                key,
                format!("longer than {MAX_FIELD} characters"),
            )),
            Some(v) => Ok(Some(v.to_string())),
            None => Ok(None),
        }
    };
    let entity = match field("entity")? {
        Some(name) => Some(match state.resolve(&name) {
            Ok(canonical) => canonical,
            Err(ServerError::UnknownEntity { .. }) => name,
            Err(e) => return Err(e),
        }),
        None => None,
    };
    let measure = field("measure")?.map(|m| m.to_lowercase());
    let name = match field("name")? {
        Some(n) => n,
        None => {
            let mut parts: Vec<String> = Vec::new();
            if !kinds.is_empty() {
                let k: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                parts.push(k.join(" or "));
            }
            parts.extend(entity.clone());
            parts.extend(measure.clone());
            if parts.is_empty() {
                "every alert".to_string()
            } else {
                parts.join(" · ")
            }
        }
    };
    Ok(AlertRule {
        name,
        kinds,
        entity,
        measure,
    })
}

/// Whether the request's body is JSON (else a urlencoded form is read).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"))
}

/// The request's fields: a JSON object (strings, or arrays of strings for `kind`), else a
/// urlencoded form.
fn fields_of(json: bool, body: &[u8]) -> Result<Params, ServerError> {
    if json {
        let value: serde_json::Value = serde_json::from_slice(body)
            .map_err(|e| ServerError::bad("body", format!("not JSON: {e}")))?;
        let obj = value
            .as_object()
            .ok_or_else(|| ServerError::bad("body", "not a JSON object"))?;
        let mut pairs = Vec::new();
        for (k, v) in obj {
            match v {
                serde_json::Value::String(s) => pairs.push((k.clone(), s.clone())),
                serde_json::Value::Array(items) => {
                    for item in items {
                        let s = item
                            .as_str()
                            .ok_or_else(|| ServerError::bad(k, "a list must hold strings only"))?;
                        pairs.push((k.clone(), s.to_string()));
                    }
                }
                serde_json::Value::Null => {}
                _ => return Err(ServerError::bad(k, "must be a string or a list of strings")),
            }
        }
        return Ok(Params::from_pairs(pairs));
    }
    let text = std::str::from_utf8(body).map_err(|_| ServerError::bad("body", "not UTF-8"))?;
    Ok(Params::parse(Some(text)))
}

pub(crate) async fn list(State(state): State<AppState>) -> Result<Json<RulesView>, ServerError> {
    state.blocking(view).await.map(Json)
}

pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ServerError> {
    let form = !is_json(&headers);
    // A JSON client is authorised before its body is read; a form carries its token inside.
    if !form {
        authorize(&state, &headers)?;
    }
    let fields = fields_of(!form, &body)?;
    if form {
        check_token(&state, fields.get("token"))?;
    }
    let stored = state
        .blocking(move |s| {
            let rule = rule_from(s, &fields)?;
            s.engine()
                .store()
                .put_alert_rule(&rule)
                .map_err(|e| ServerError::Internal(e.to_string()))
        })
        .await?;
    if form {
        return Ok(Redirect::to(&format!("/alerts?rule={}", stored.id)).into_response());
    }
    Ok((StatusCode::CREATED, Json(row(&stored, &[]))).into_response())
}

fn parse_id(id: &str) -> Result<u64, ServerError> {
    id.parse()
        .map_err(|_| ServerError::bad("id", format!("{id:?} is not a rule number")))
}

async fn remove(state: AppState, id: String) -> Result<u64, ServerError> {
    let id = parse_id(&id)?;
    let gone = state
        .blocking(move |s| {
            s.engine()
                .store()
                .delete_alert_rule(id)
                .map_err(|e| ServerError::Internal(e.to_string()))
        })
        .await?;
    if gone {
        Ok(id)
    } else {
        Err(ServerError::NotFound {
            what: "alert rule",
            name: id.to_string(),
        })
    }
}

pub(crate) async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<serde_json::Value>, ServerError> {
    authorize(&state, &headers)?;
    let id = remove(state, id).await?;
    Ok(Json(serde_json::json!({ "deleted": id })))
}

/// The alerts screen's delete button: a form with the token.
pub(crate) async fn delete_form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Redirect, ServerError> {
    let text = std::str::from_utf8(&body).map_err(|_| ServerError::bad("body", "not UTF-8"))?;
    check_token(&state, Params::parse(Some(text)).get("token"))?;
    remove(state, id).await?;
    Ok(Redirect::to("/alerts"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::DocId;

    fn alert(kind: AlertKind, subject: &str, message: &str) -> Alert {
        Alert {
            kind,
            key: "k".into(),
            doc: DocId("d".into()),
            subject: Some(subject.into()),
            object: Some("Russia".into()),
            message: message.into(),
        }
    }

    #[test]
    fn a_rule_matches_when_every_condition_it_names_holds() {
        let a = alert(
            AlertKind::Conflict,
            "North Korea",
            "conflict: b.txt says “9,000 containers” for North Korea → Russia deliveries",
        );
        let any = AlertRule::default();
        assert!(matches(&any, &a));
        let rule = AlertRule {
            kinds: vec![AlertKind::Conflict, AlertKind::Revision],
            entity: Some("russia".into()),
            measure: Some("Container".into()),
            ..AlertRule::default()
        };
        assert!(matches(&rule, &a), "object, case and plural");
        let flows = AlertRule {
            kinds: vec![AlertKind::NewFlow],
            ..AlertRule::default()
        };
        assert!(!matches(&flows, &a));
        let other = AlertRule {
            entity: Some("Iran".into()),
            ..AlertRule::default()
        };
        assert!(!matches(&other, &a));
        // A word must start where the measure starts: "tainers" is no word of the line.
        let inside = AlertRule {
            measure: Some("tainers".into()),
            ..AlertRule::default()
        };
        assert!(!matches(&inside, &a));
    }
}
