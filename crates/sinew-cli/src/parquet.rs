//! Parquet output: one flat table a file, typed columns (text, 64-bit integers, doubles,
//! booleans, dates), nullable where a value can be missing, Snappy-compressed, for pandas,
//! polars, DuckDB and Spark.
//!
//! Written with the `parquet` crate's low-level column writer, without `arrow`: the exports
//! are rows the command already holds, so building Arrow arrays first would only add a copy
//! and some forty crates to the build (ARCHITECTURE.md). Rows are buffered column by column
//! and written as a row group every [`GROUP_ROWS`] rows or [`GROUP_BYTES`] of text, so a
//! large export holds one group in memory, not the whole table.

use std::io::Write;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

/// Rows a row group holds at most.
const GROUP_ROWS: usize = 65_536;
/// Text bytes after which a row group is written early (document texts are large).
const GROUP_BYTES: usize = 64 << 20;

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// UTF-8 text (`BYTE_ARRAY`, logical type `STRING`).
    Text,
    /// `INT64`.
    Int,
    /// `DOUBLE`.
    Float,
    /// `BOOLEAN`.
    Bool,
    /// A calendar day (`INT32`, logical type `DATE`: days since 1970-01-01).
    Date,
}

/// A column of a table: its name, type and whether a row may leave it empty.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) nullable: bool,
}

/// A column every row fills.
pub(crate) const fn req(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
    }
}

/// A column a row may leave empty (null).
pub(crate) const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(NaiveDate),
}

impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Text(v)
    }
}
impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Text(v.to_string())
    }
}
impl From<&String> for Cell {
    fn from(v: &String) -> Cell {
        Cell::Text(v.clone())
    }
}
impl From<i64> for Cell {
    fn from(v: i64) -> Cell {
        Cell::Int(v)
    }
}
impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        // Offsets and counts: far below i64::MAX on any real store.
        Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Cell {
    fn from(v: u64) -> Cell {
        Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Float(v)
    }
}
impl From<bool> for Cell {
    fn from(v: bool) -> Cell {
        Cell::Bool(v)
    }
}
impl From<NaiveDate> for Cell {
    fn from(v: NaiveDate) -> Cell {
        Cell::Date(v)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Null, Into::into)
    }
}

/// The values of one column in the current row group, with the definition level of each row
/// for a nullable column (1 present, 0 null).
enum Values {
    Text(Vec<ByteArray>),
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
    Date(Vec<i32>),
}

impl Values {
    fn new(kind: Kind) -> Values {
        match kind {
            Kind::Text => Values::Text(Vec::new()),
            Kind::Int => Values::Int(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Bool => Values::Bool(Vec::new()),
            Kind::Date => Values::Date(Vec::new()),
        }
    }
}

/// Days since 1970-01-01, Parquet's `DATE`.
fn epoch_days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    // chrono's dates span about ±262,000 years: the day count fits an i32.
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// A Parquet file being written, one row at a time.
pub(crate) struct TableWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: &'static [Column],
    values: Vec<Values>,
    defs: Vec<Vec<i16>>,
    rows: usize,
    bytes: usize,
}

fn schema(table: &str, columns: &[Column]) -> Result<Type> {
    let mut fields = Vec::with_capacity(columns.len());
    for c in columns {
        let (physical, logical) = match c.kind {
            Kind::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
            Kind::Int => (Physical::INT64, None),
            Kind::Float => (Physical::DOUBLE, None),
            Kind::Bool => (Physical::BOOLEAN, None),
            Kind::Date => (Physical::INT32, Some(LogicalType::Date)),
        };
        let repetition = if c.nullable {
            Repetition::OPTIONAL
        } else {
            Repetition::REQUIRED
        };
        let field = Type::primitive_type_builder(c.name, physical)
            .with_repetition(repetition)
            .with_logical_type(logical)
            .build()
            .with_context(|| format!("parquet column {}", c.name))?;
        fields.push(Arc::new(field));
    }
    Ok(Type::group_type_builder(table)
        .with_fields(fields)
        .build()?)
}

impl<W: Write + Send> TableWriter<W> {
    /// Starts a file of `columns` named `table` (the schema's root), on `out`.
    pub(crate) fn new(out: W, table: &str, columns: &'static [Column]) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("sinew {}", env!("CARGO_PKG_VERSION")))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "sinew.table".to_string(),
                table.to_string(),
            )]))
            .build();
        let writer =
            SerializedFileWriter::new(out, Arc::new(schema(table, columns)?), Arc::new(props))?;
        Ok(TableWriter {
            writer,
            columns,
            values: columns.iter().map(|c| Values::new(c.kind)).collect(),
            defs: columns.iter().map(|_| Vec::new()).collect(),
            rows: 0,
            bytes: 0,
        })
    }

    /// Adds a row: one cell a column, in the columns' order, each of the column's type or
    /// null (for a nullable column). A non-finite number in a nullable column is written as
    /// null, as the JSON exports write it.
    pub(crate) fn push(&mut self, row: Vec<Cell>) -> Result<()> {
        if row.len() != self.columns.len() {
            bail!(
                "internal: a row of {} cells for {} parquet columns",
                row.len(),
                self.columns.len()
            );
        }
        for (i, cell) in row.into_iter().enumerate() {
            let col = self.columns[i];
            let cell = match cell {
                Cell::Float(v) if !v.is_finite() && col.nullable => Cell::Null,
                c => c,
            };
            let present = !matches!(cell, Cell::Null);
            match (&mut self.values[i], cell) {
                (_, Cell::Null) if col.nullable => {}
                (_, Cell::Null) => bail!("internal: no value for parquet column {}", col.name),
                (Values::Text(v), Cell::Text(s)) => {
                    self.bytes += s.len();
                    v.push(ByteArray::from(s.into_bytes()));
                }
                (Values::Int(v), Cell::Int(x)) => v.push(x),
                (Values::Float(v), Cell::Float(x)) => v.push(x),
                (Values::Bool(v), Cell::Bool(x)) => v.push(x),
                (Values::Date(v), Cell::Date(d)) => v.push(epoch_days(d)),
                (_, other) => bail!(
                    "internal: {other:?} in parquet column {} of kind {:?}",
                    col.name,
                    col.kind
                ),
            }
            if col.nullable {
                self.defs[i].push(i16::from(present));
            }
        }
        self.rows += 1;
        if self.rows >= GROUP_ROWS || self.bytes >= GROUP_BYTES {
            self.flush_group()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn flush_group(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for (i, col) in self.columns.iter().enumerate() {
            let Some(mut w) = group.next_column()? else {
                bail!("internal: parquet schema has fewer columns than the table");
            };
            let defs = col.nullable.then_some(self.defs[i].as_slice());
            match &mut self.values[i] {
                Values::Text(v) => {
                    w.typed::<ByteArrayType>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::Int(v) => {
                    w.typed::<Int64Type>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::Float(v) => {
                    w.typed::<DoubleType>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::Bool(v) => {
                    w.typed::<BoolType>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::Date(v) => {
                    w.typed::<Int32Type>().write_batch(v, defs, None)?;
                    v.clear();
                }
            }
            self.defs[i].clear();
            w.close()?;
        }
        group.close()?;
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }

    /// Writes the last row group and the footer, and returns the output.
    pub(crate) fn finish(mut self) -> Result<W> {
        self.flush_group()?;
        Ok(self.writer.into_inner()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: &[Column] = &[
        req("name", Kind::Text),
        opt("count", Kind::Int),
        opt("share", Kind::Float),
        req("flag", Kind::Bool),
        opt("day", Kind::Date),
    ];

    fn write(rows: Vec<Vec<Cell>>) -> Result<Vec<u8>> {
        let mut w = TableWriter::new(Vec::new(), "t", COLS)?;
        for r in rows {
            w.push(r)?;
        }
        w.finish()
    }

    #[test]
    fn a_file_starts_and_ends_with_the_magic_bytes() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let bytes = write(vec![
            vec![
                "a".into(),
                3_i64.into(),
                0.5.into(),
                true.into(),
                day.into(),
            ],
            vec![
                "b".into(),
                Cell::Null,
                f64::NAN.into(),
                false.into(),
                Cell::Null,
            ],
        ])
        .unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    }

    #[test]
    fn a_missing_required_value_or_a_wrong_type_is_an_error() {
        let err = write(vec![vec![
            Cell::Null,
            Cell::Null,
            Cell::Null,
            true.into(),
            Cell::Null,
        ]])
        .unwrap_err();
        assert!(err.to_string().contains("name"), "{err}");
        let err = write(vec![vec![
            "a".into(),
            "three".into(),
            Cell::Null,
            true.into(),
            Cell::Null,
        ]])
        .unwrap_err();
        assert!(err.to_string().contains("count"), "{err}");
        assert!(write(vec![vec!["a".into()]]).is_err());
    }

    /// Row `i` of the big table: every kind, with nulls in a pattern.
    fn row(i: usize) -> Vec<Cell> {
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i as u64 % 900);
        vec![
            format!("row {i}").into(),
            (!i.is_multiple_of(3)).then_some(i as i64 * 7).into(),
            (!i.is_multiple_of(5)).then_some(i as f64 / 4.0).into(),
            i.is_multiple_of(2).into(),
            (!i.is_multiple_of(7)).then_some(day).into(),
        ]
    }

    #[test]
    fn a_large_table_is_written_in_row_groups_and_reads_back_with_its_nulls() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::record::Field;

        let n = 2 * GROUP_ROWS + 1_000;
        let file = tempfile::tempfile().unwrap();
        let mut w = TableWriter::new(file.try_clone().unwrap(), "big", COLS).unwrap();
        for i in 0..n {
            w.push(row(i)).unwrap();
        }
        w.finish().unwrap();

        let reader = SerializedFileReader::new(file).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.num_row_groups(), 3);
        assert_eq!(meta.file_metadata().num_rows(), n as i64);
        let table = meta
            .file_metadata()
            .key_value_metadata()
            .and_then(|kv| kv.iter().find(|k| k.key == "sinew.table"))
            .and_then(|k| k.value.clone());
        assert_eq!(table.as_deref(), Some("big"));
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        for (i, got) in reader.get_row_iter(None).unwrap().enumerate() {
            let got = got.unwrap();
            let want = row(i);
            let fields: Vec<&Field> = got.get_column_iter().map(|(_, f)| f).collect();
            assert_eq!(fields.len(), want.len());
            for (f, w) in fields.into_iter().zip(&want) {
                let same = match (f, w) {
                    (Field::Null, Cell::Null) => true,
                    (Field::Str(a), Cell::Text(b)) => a == b,
                    (Field::Long(a), Cell::Int(b)) => a == b,
                    (Field::Double(a), Cell::Float(b)) => a == b,
                    (Field::Bool(a), Cell::Bool(b)) => a == b,
                    (Field::Date(a), Cell::Date(b)) => i64::from(*a) == (*b - epoch).num_days(),
                    _ => false,
                };
                assert!(same, "row {i}: read {f:?}, wrote {w:?}");
            }
        }
    }

    #[test]
    fn days_count_from_1970() {
        assert_eq!(epoch_days(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
        assert_eq!(epoch_days(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(
            epoch_days(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()),
            -1
        );
        assert_eq!(
            epoch_days(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()),
            19_783
        );
    }
}
