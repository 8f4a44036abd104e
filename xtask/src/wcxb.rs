//! The WCXB development set of article pages (`../shared/dev/extraction/wcxb-dev-articles`):
//! `html/ID.html.gz` pages and `ground-truth/ID.json` answers. Shared by `eval-extract` and
//! `bench-extract`, so both read the same pages.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The default location, relative to the workspace root.
pub(crate) const DEFAULT_DIR: &str = "../shared/dev/extraction/wcxb-dev-articles";

/// The set's page ids (file stems of `html/ID.html.gz`), sorted; `None`, with the reason
/// printed, when the folder is absent (a user's clone has no `../shared`).
pub(crate) fn page_ids(dir: &Path) -> Result<Option<Vec<String>>> {
    let html = dir.join("html");
    if !html.is_dir() {
        println!(
            "{} is absent (it lives in the project's shared dev data): nothing to do",
            html.display()
        );
        return Ok(None);
    }
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&html).with_context(|| format!("reading {}", html.display()))? {
        let name = entry?.file_name();
        if let Some(id) = name.to_string_lossy().strip_suffix(".html.gz") {
            ids.push(id.to_string());
        }
    }
    ids.sort();
    Ok(Some(ids))
}

/// Decompresses each page into `cache/ID.html` and returns those paths in `ids` order. A
/// cached page at least as new as its `.gz` is reused, so only the first run pays for it;
/// `sinew extract` then reads plain HTML whether or not it reads gzip itself.
pub(crate) fn decompress(dir: &Path, ids: &[String], cache: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(cache).with_context(|| format!("creating {}", cache.display()))?;
    let mut paths = Vec::with_capacity(ids.len());
    for id in ids {
        let gz = dir.join("html").join(format!("{id}.html.gz"));
        let out = cache.join(format!("{id}.html"));
        if !is_fresh(&out, &gz) {
            let file =
                std::fs::File::open(&gz).with_context(|| format!("opening {}", gz.display()))?;
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .with_context(|| format!("decompressing {}", gz.display()))?;
            // Written aside and renamed, so an interrupted run never leaves a cut page that a
            // later run would take as fresh.
            let part = cache.join(format!("{id}.html.part"));
            std::fs::write(&part, &bytes).with_context(|| format!("writing {}", part.display()))?;
            std::fs::rename(&part, &out)?;
        }
        paths.push(out);
    }
    Ok(paths)
}

fn is_fresh(out: &Path, source: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(out), modified(source)) {
        (Some(o), Some(s)) => o >= s,
        _ => false,
    }
}

/// What the set says a page holds; a missing or null field is `None`.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Gold {
    pub(crate) main_content: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) publish_date: Option<String>,
}

/// Reads `ground-truth/ID.json`.
pub(crate) fn gold(dir: &Path, id: &str) -> Result<Gold> {
    let path = dir.join("ground-truth").join(format!("{id}.json"));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let field = |name: &str| v["ground_truth"][name].as_str().map(str::to_string);
    Ok(Gold {
        main_content: field("main_content"),
        title: field("title"),
        author: field("author"),
        publish_date: field("publish_date"),
    })
}
