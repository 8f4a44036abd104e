//! Inflating packed values with one decompressor per thread.
//!
//! A reader of the kept analysis inflates one packed value per bucket: 120,000 at 100k
//! articles. `flate2::read::DeflateDecoder::new` allocates and zeroes a fresh inflate state
//! (its tables and 32 KB window) for each, which was about a twentieth of `sinew report`'s
//! CPU there, page faults included; reset, one state serves every value a thread reads.

use std::cell::RefCell;

use flate2::{Decompress, FlushDecompress, Status};

thread_local! {
    /// The thread's raw-deflate decompressor, reset before each value.
    static INFLATER: RefCell<Decompress> = RefCell::new(Decompress::new(false));
}

/// Inflates the raw deflate stream `packed` onto the end of `out`, refusing to grow `out`
/// past `limit` bytes (a damaged or hostile value must not fill memory). The error says what
/// went wrong, without naming the value (the caller does).
pub(crate) fn inflate_into(packed: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(), String> {
    // Each call inflates into a stretch of `out` zeroed here, a few times the packed size:
    // flate2's `decompress_vec` zeroes all of a vector's spare room at every call, which for
    // a buffer reused after a large value was more than the value itself (6% of a country's
    // first entity page at 100k articles).
    let step = packed.len().saturating_mul(4).max(4096);
    inflate(packed, out, limit, step, false)
}

/// As [`inflate_into`], but only up to the first line break the value holds: `out` ends
/// before it, and what follows is not inflated (a digest's second line, which most readers
/// skip, was two fifths of the text `sinew report` inflated). A value without one is
/// inflated whole. Damage past the line break goes unseen, as the stream is not read there.
pub(crate) fn inflate_line_into(
    packed: &[u8],
    out: &mut Vec<u8>,
    limit: usize,
) -> Result<(), String> {
    // Smaller stretches than `inflate_into`'s, so that little past the line break is
    // inflated for nothing: packed JSON is some five to ten times smaller than its text.
    let step = packed.len().max(4096);
    inflate(packed, out, limit, step, true)
}

fn inflate(
    packed: &[u8],
    out: &mut Vec<u8>,
    limit: usize,
    step: usize,
    line: bool,
) -> Result<(), String> {
    INFLATER.with(|cell| {
        let mut inflater = cell.borrow_mut();
        inflater.reset(false);
        loop {
            let (read, wrote) = (inflater.total_in(), inflater.total_out());
            let rest = usize::try_from(read)
                .ok()
                .and_then(|at| packed.get(at..))
                .unwrap_or_default();
            let start = out.len();
            out.resize(start + step, 0);
            let status = inflater.decompress(rest, &mut out[start..], FlushDecompress::None);
            let made = usize::try_from(inflater.total_out() - wrote).unwrap_or(step);
            out.truncate(start + made.min(step));
            let status = status.map_err(|e| e.to_string())?;
            if line {
                if let Some(at) = out[start..].iter().position(|&b| b == b'\n') {
                    out.truncate(start + at);
                    return Ok(());
                }
            }
            if out.len() > limit {
                return Err(format!("it inflates past {limit} bytes"));
            }
            if status == Status::StreamEnd {
                return Ok(());
            }
            if inflater.total_in() == read && inflater.total_out() == wrote {
                // no progress with room to write: the stream ends before its last block
                return Err("it ends before its last block".into());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::{inflate_into, inflate_line_into};

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn one_decompressor_inflates_value_after_value_whole() {
        // values of different sizes and contents, one after the other on one thread, the
        // largest far beyond the first room reserved
        let values: Vec<Vec<u8>> = vec![
            b"Kestrel Freight shipped 4,200 tonnes of copper ore to Port Valmer.".repeat(3),
            Vec::new(),
            (0..200_000u32)
                .flat_map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes())
                .collect(),
            b"{\"lead\":{}}".to_vec(),
        ];
        let mut out = Vec::new();
        for v in &values {
            out.clear();
            inflate_into(&deflate(v), &mut out, usize::MAX).unwrap();
            assert_eq!(&out, v);
        }
    }

    #[test]
    fn a_cut_or_damaged_stream_or_one_past_the_limit_is_an_error() {
        let text = b"Ossland's imports of wheat rose by a fifth in the spring. ".repeat(50);
        let packed = deflate(&text);
        let mut out = Vec::new();
        assert!(inflate_into(&packed[..packed.len() / 2], &mut out, usize::MAX).is_err());
        out.clear();
        assert!(inflate_into(&[0xff, 0xff, 0xff], &mut out, usize::MAX).is_err());
        out.clear();
        assert!(inflate_into(&packed, &mut out, 100).is_err());
        // and the decompressor still serves the next value
        out.clear();
        inflate_into(&packed, &mut out, usize::MAX).unwrap();
        assert_eq!(out, text);
    }

    #[test]
    fn a_line_is_inflated_up_to_its_break_and_a_value_without_one_whole() {
        // a first line longer than any one stretch inflated, then a long second line
        let first = b"{\"bucket\":\"tonnes of grain from Ossland\",\"n\":7}".repeat(400);
        let second = b"[\"Port Valmer took the barley\"]".repeat(2_000);
        let mut text = first.clone();
        text.push(b'\n');
        text.extend_from_slice(&second);
        let mut out = Vec::new();
        inflate_line_into(&deflate(&text), &mut out, usize::MAX).unwrap();
        assert_eq!(out, first);
        // a break at the very start leaves nothing; none at all leaves the whole value
        out.clear();
        inflate_line_into(&deflate(b"\nrest"), &mut out, usize::MAX).unwrap();
        assert!(out.is_empty());
        out.clear();
        inflate_line_into(&deflate(&second), &mut out, usize::MAX).unwrap();
        assert_eq!(out, second);
        // and the decompressor, left mid-stream, serves the next value whole
        out.clear();
        inflate_into(&deflate(&text), &mut out, usize::MAX).unwrap();
        assert_eq!(out, text);
    }
}
