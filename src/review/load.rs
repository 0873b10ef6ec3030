//! Reading a finished run back from its output folder.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{Entry, Failure, Review};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};

/// A summary is never larger than this; bigger JSON files beside the output
/// folder are not read while looking for one.
const SUMMARY_MAX_BYTES: u64 = 16 << 20;

pub(super) fn from_dir(dir: &Path, summary: Option<&Path>) -> Result<Review> {
    if !dir.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            format!("{} is not a folder of pristine outputs", dir.display()),
        ));
    }
    let mut review = Review::default();
    let mut found_summaries: Vec<(PathBuf, Value)> = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry =
            entry.map_err(|e| Error::new(ErrorKind::Io, format!("cannot read the folder: {e}")))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".jsonl") {
            match std::fs::read_to_string(path) {
                Ok(text) => read_lines(&relative, &text, &mut review.entries),
                Err(e) => review.entries.push(unreadable(&relative, &e.to_string())),
            }
        } else if name.ends_with(".json") {
            let value = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|e| e.to_string()));
            match value {
                Ok(v) if is_summary(&v) => found_summaries.push((path.to_path_buf(), v)),
                Ok(v) => review.entries.push(entry_of(&relative, v)),
                Err(e) => review.entries.push(unreadable(&relative, &e)),
            }
        }
    }

    let chosen = match summary {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    format!("cannot read the summary {}: {e}", path.display()),
                )
            })?;
            let v: Value = serde_json::from_str(&text).map_err(|e| {
                Error::new(
                    ErrorKind::Json,
                    format!("the summary {} is not JSON: {e}", path.display()),
                )
            })?;
            Some((path.to_path_buf(), v))
        }
        // One summary inside the folder, else one beside it; with several
        // candidates none is guessed (`--summary` names it).
        None if found_summaries.len() == 1 => found_summaries.pop(),
        None if found_summaries.is_empty() => summary_beside(dir),
        None => None,
    };
    if let Some((path, v)) = chosen {
        review.summary = Some(v);
        review.summary_file = Some(path);
        review.add_summary_failures();
    }
    Ok(review)
}

/// A `--report` summary is recognised by its fields, whatever its name.
fn is_summary(v: &Value) -> bool {
    v.get("documents_read").is_some() && v.get("edits_per_pass").is_some()
}

/// The one summary among the JSON files in the folder holding `dir`.
fn summary_beside(dir: &Path) -> Option<(PathBuf, Value)> {
    let parent = dir.canonicalize().ok()?.parent().map(Path::to_path_buf)?;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(parent).ok()?.flatten() {
        let path = entry.path();
        let small = entry
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() <= SUMMARY_MAX_BYTES);
        if !small || path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        if let Some(v) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .filter(is_summary)
        {
            found.push((path, v));
        }
    }
    if found.len() == 1 { found.pop() } else { None }
}

/// Each line of a JSON Lines output: a document, or a failed record.
fn read_lines(relative: &str, text: &str, entries: &mut Vec<Entry>) {
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{relative}:{}", n + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => entries.push(entry_of(&at, v)),
            Err(e) => entries.push(unreadable(&at, &e.to_string())),
        }
    }
}

/// A document, a failure line (`"error"` as `"kind: message"` or as
/// `{"kind", "message"}`), or an output the page cannot show.
fn entry_of(at: &str, v: Value) -> Entry {
    let source = v
        .get("source")
        .and_then(Value::as_str)
        .unwrap_or(at)
        .to_string();
    if let Some(err) = v.get("error") {
        let (kind, reason) = match err {
            Value::String(s) => match s.split_once(": ") {
                Some((k, m)) => (k.to_string(), m.to_string()),
                None => ("error".to_string(), s.clone()),
            },
            other => (
                other
                    .get("kind")
                    .and_then(Value::as_str)
                    .unwrap_or("error")
                    .to_string(),
                other
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            ),
        };
        return Entry::Failed(Failure {
            source,
            kind,
            reason,
        });
    }
    if v.get("blocks").is_none() {
        return unreadable(
            at,
            "not a JSON document (the review page reads outputs written with --format json)",
        );
    }
    let id = match v.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    match serde_json::from_value::<Document>(v) {
        Ok(mut document) => {
            document.meta.source.get_or_insert_with(|| at.to_string());
            Entry::Document {
                id,
                document: Box::new(document),
            }
        }
        Err(e) => unreadable(at, &e.to_string()),
    }
}

fn unreadable(at: &str, reason: &str) -> Entry {
    Entry::Failed(Failure {
        source: at.to_string(),
        kind: "unreadable-output".to_string(),
        reason: reason.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_lines_in_both_spellings() {
        let mut entries = Vec::new();
        read_lines(
            "feed.jsonl",
            "{\"source\": \"feed.jsonl:1\", \"error\": \"json: bad line\"}\n\n\
             {\"id\": 3, \"error\": {\"kind\": \"empty\", \"message\": \"no text\"}}\n\
             {\"source\": \"f\", \"format\": \"markdown\", \"content\": \"# x\"}\n\
             {not json\n",
            &mut entries,
        );
        let kinds: Vec<_> = entries
            .iter()
            .map(|e| match e {
                Entry::Failed(f) => (f.source.as_str(), f.kind.as_str()),
                Entry::Document { .. } => ("", "document"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("feed.jsonl:1", "json"),
                ("feed.jsonl:3", "empty"),
                ("feed.jsonl:4", "unreadable-output"),
                ("feed.jsonl:5", "unreadable-output"),
            ]
        );
    }
}
