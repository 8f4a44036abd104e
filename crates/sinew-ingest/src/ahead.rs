//! How far ahead can a stream be read without consuming it? [`Ahead`] wraps a buffered
//! reader, counts the bytes consumed (for the offsets errors name) and lends a bounded look at
//! what comes next, so a reader can check whether a record starts there and still stream.

use std::io::{self, BufRead, Read};

/// A buffered reader that counts the bytes consumed, for record offsets, and can look a
/// bounded way ahead without consuming, to check whether a record starts there.
pub(crate) struct Ahead<R> {
    inner: R,
    /// Bytes taken from `inner` to look ahead, not yet consumed from `start` on; read before
    /// `inner` again.
    buf: Vec<u8>,
    start: usize,
    /// Bytes consumed so far.
    pub(crate) pos: u64,
}

impl<R: BufRead> Ahead<R> {
    pub(crate) fn new(inner: R) -> Self {
        Ahead {
            inner,
            buf: Vec::new(),
            start: 0,
            pos: 0,
        }
    }

    /// The next `n` bytes or more (fewer at the end of input), not consumed.
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
            // Usually the inner buffer holds them already: no copy.
            if self.inner.fill_buf()?.len() >= n {
                return self.inner.fill_buf();
            }
        } else if self.buf.len() - self.start >= n {
            return Ok(&self.buf[self.start..]);
        }
        // The look crosses the end of the inner buffer: what is left of this one moves to
        // the front and up to `2 * n` bytes are gathered, so that looks within the next `n`
        // bytes consumed copy nothing and the copying stays linear in the input.
        self.buf.drain(..self.start);
        self.start = 0;
        while self.buf.len() < 2 * n {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let take = available.len().min(2 * n - self.buf.len());
            self.buf.extend_from_slice(&available[..take]);
            self.inner.consume(take);
        }
        Ok(&self.buf)
    }
}

impl<R: BufRead> Read for Ahead<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = if self.start < self.buf.len() {
            let n = out.len().min(self.buf.len() - self.start);
            out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
            self.start += n;
            n
        } else {
            self.inner.read(out)?
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Ahead<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start < self.buf.len() {
            return Ok(&self.buf[self.start..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if self.start < self.buf.len() {
            self.start += amt;
        } else {
            self.inner.consume(amt);
        }
        self.pos += amt as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peeks_across_the_inner_buffer_and_reads_every_byte_once() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        // An inner buffer of 7 bytes: every look of 20 crosses its end.
        let mut r = Ahead::new(io::BufReader::with_capacity(7, &data[..]));
        let mut out = Vec::new();
        let mut one = [0u8; 3];
        while (r.pos as usize) < data.len() {
            let at = r.pos as usize;
            let ahead = r.peek(20).unwrap().to_vec();
            let want = &data[at..(at + 20).min(data.len())];
            assert!(
                ahead.starts_with(want) && ahead.len() >= want.len(),
                "at {at}"
            );
            // Alternate consuming by `read` and by `consume`.
            if at.is_multiple_of(2) {
                let n = r.read(&mut one).unwrap();
                out.extend_from_slice(&one[..n]);
            } else {
                let buf = r.fill_buf().unwrap();
                let n = buf.len().min(5);
                out.extend_from_slice(&buf[..n]);
                r.consume(n);
            }
        }
        assert_eq!(out, data);
        assert!(r.peek(20).unwrap().is_empty());
    }
}
