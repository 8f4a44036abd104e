//! `sinew load`: the records of a map step (`sinew extract [--annotate]`, run in many
//! processes or under Spark) into the store, as ingest stores what it reads.
//!
//! Inputs are JSON Lines (a record a line) or Parquet (a record a row, as JSON text in a
//! column named `record`, which is how `scripts/spark/sinew_map.py` writes it; snappy,
//! Spark's default, or uncompressed), told apart by Parquet's magic bytes. A folder is read
//! whole, its files in name order (Spark's `part-00000...` keep the input's order), leaving
//! out the names Spark and Hadoop give their bookkeeping (`_SUCCESS`, `.crc` files: names
//! starting with `_` or `.`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::reader::RowIter;
use parquet::record::Field;
use parquet::schema::types::Type;
use sinew_engine::{ErrorKind, IngestError};
use sinew_engine::{IngestOptions, LoadInput, MapRecord};

use super::open;
use crate::json;
use crate::ui::Ui;

type Records<'a> = Box<dyn Iterator<Item = Result<MapRecord, IngestError>> + 'a>;

pub(crate) fn run(
    db: Option<&Path>,
    ui: &Ui,
    paths: &[PathBuf],
    no_alerts: bool,
) -> Result<ExitCode> {
    let engine = open(db)?;
    let opts = IngestOptions {
        alerts: !no_alerts,
        origin: "load".to_string(),
        ..IngestOptions::default()
    };
    let mut errors = Vec::new();
    let mut inputs = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            let stdin = BufReader::new(std::io::stdin().lock());
            inputs.push(LoadInput {
                name: "stdin".to_string(),
                bytes: 0,
                records: json_lines("stdin".to_string(), stdin),
            });
            continue;
        }
        for file in files(path, &mut errors) {
            match open_input(&file) {
                Ok(input) => inputs.push(input),
                Err(e) => errors.push(e),
            }
        }
    }
    let mut summary = engine.load(inputs, &opts)?;
    // Inputs that could not be opened come first, as they were met first.
    errors.append(&mut summary.errors);
    summary.errors = errors;
    super::ingest::report(&engine, "loaded", &summary, ui.quiet)
}

fn error(input: &Path, why: impl Into<String>) -> IngestError {
    IngestError::new(
        input.display().to_string(),
        ErrorKind::BadRecord(why.into()),
    )
}

/// The files of `path`: itself, or a folder's files (recursively, in name order) but for
/// bookkeeping files; an unreadable path is an error naming it.
fn files(path: &Path, errors: &mut Vec<IngestError>) -> Vec<PathBuf> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            errors.push(error(path, e.to_string()));
            return Vec::new();
        }
    };
    if !meta.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut entries = match std::fs::read_dir(path) {
        Ok(dir) => dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect::<Vec<_>>(),
        Err(e) => {
            errors.push(error(path, e.to_string()));
            return Vec::new();
        }
    };
    entries.sort();
    entries
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('_') && !n.starts_with('.'))
        })
        .flat_map(|p| files(&p, errors))
        .collect()
}

/// One file as an input: Parquet when it starts with Parquet's magic bytes, else JSON Lines.
fn open_input(path: &Path) -> Result<LoadInput<'static>, IngestError> {
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    let mut file = File::open(path).map_err(|e| error(path, e.to_string()))?;
    let mut magic = [0u8; 4];
    let parquet = file.read_exact(&mut magic).is_ok() && &magic == b"PAR1";
    let name = path.display().to_string();
    let records = if parquet {
        parquet_rows(path)?
    } else {
        let file = File::open(path).map_err(|e| error(path, e.to_string()))?;
        json_lines(name.clone(), BufReader::new(file))
    };
    Ok(LoadInput {
        name,
        bytes,
        records,
    })
}

/// The records of JSON Lines, each error naming the input and line; blank lines are passed
/// over.
fn json_lines<R: BufRead + 'static>(name: String, reader: R) -> Records<'static> {
    Box::new(
        reader
            .lines()
            .enumerate()
            .filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty()))
            .map(move |(n, line)| {
                let at = format!("{name} line {}", n + 1);
                let line = line.map_err(|e| {
                    IngestError::new(at.clone(), ErrorKind::BadRecord(e.to_string()))
                })?;
                json::read_map_record(&line)
                    .map_err(|why| IngestError::new(at, ErrorKind::BadRecord(why)))
            }),
    )
}

/// The records of a Parquet file: the JSON text of its `record` column, row by row.
fn parquet_rows(path: &Path) -> Result<Records<'static>, IngestError> {
    let file = File::open(path).map_err(|e| error(path, e.to_string()))?;
    let reader = SerializedFileReader::new(file)
        .map_err(|e| error(path, format!("not a readable Parquet file: {e}")))?;
    let root = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .root_schema()
        .clone();
    let Some(column) = root
        .get_fields()
        .iter()
        .find(|f| f.name() == "record" && f.is_primitive())
        .cloned()
    else {
        let names: Vec<&str> = root.get_fields().iter().map(|f| f.name()).collect();
        return Err(error(
            path,
            format!(
                "no \"record\" column (the map record as JSON text) among its columns {names:?}"
            ),
        ));
    };
    let projection = Type::group_type_builder(root.name())
        .with_fields(vec![column])
        .build()
        .map_err(|e| error(path, e.to_string()))?;
    let rows = RowIter::from_file_into(Box::new(reader))
        .project(Some(projection))
        .map_err(|e| error(path, e.to_string()))?;
    let name = path.display().to_string();
    Ok(Box::new(rows.enumerate().map(move |(n, row)| {
        let at = format!("{name} row {}", n + 1);
        let bad = |why: String| IngestError::new(at.clone(), ErrorKind::BadRecord(why));
        let row = row.map_err(|e| bad(e.to_string()))?;
        let text = match row.get_column_iter().next().map(|(_, f)| f) {
            Some(Field::Str(s)) => s.clone(),
            Some(Field::Bytes(b)) => String::from_utf8(b.data().to_vec())
                .map_err(|_| bad("the record is not UTF-8".to_string()))?,
            _ => return Err(bad("the \"record\" column is empty or not text".to_string())),
        };
        json::read_map_record(&text).map_err(bad)
    })))
}
