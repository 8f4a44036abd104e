//! Paths to the list of files to read.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::IngestError;

/// Extensions picked up when walking folders.
const WANTED: &[&str] = &[
    "txt", "text", "html", "htm", "jsonl", "warc", "xml", "rss", "atom",
];

/// A wanted extension, or `.gz` after one (`page.html.gz`).
fn wanted(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let inner = crate::open::strip_gz(name);
    Path::new(inner)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WANTED.iter().any(|w| w.eq_ignore_ascii_case(e)))
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Expands files and folders (recursively) into the files to read, sorted and without
/// repeats. Folders contribute `.txt`, `.text`, `.html`, `.htm`, `.jsonl`, `.warc`, `.xml`,
/// `.rss` and `.atom` files (any case),
/// gzip'd or not (`page.html.gz`), skipping hidden entries and symbolic links to folders (which could loop); a file named
/// explicitly is kept whatever its extension. Each missing or unreadable path is an error; the
/// others are still listed.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => errors.push(IngestError::io(path.display().to_string(), e)),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(IngestError::io(dir.display().to_string(), e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(IngestError::io(dir.display().to_string(), e));
                    continue;
                }
            };
            let path = entry.path();
            if hidden(&path) {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_symlink() {
                // Follow links to files, never links to folders.
                if fs::metadata(&path).is_ok_and(|m| m.is_file()) && wanted(&path) {
                    files.push(path);
                }
            } else if kind.is_file() && wanted(&path) {
                files.push(path);
            }
        }
    }
}
