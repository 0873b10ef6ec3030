//! Reading inputs into records within limits.
//!
//! Every size is checked before the bytes are held: a file's length from its
//! metadata, a gzip stream through a capped decoder, a JSON Lines record as
//! its line is read, a WARC record from its `Content-Length`. A file of many
//! records is read lazily, one record at a time, so a folder of any size
//! streams through in bounded memory.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::discover::regular_file;
use super::{InputFile, InputKind, Payload, Record};
use crate::error::{Error, ErrorKind, Result};
use crate::options::Options;

/// The records of one input file, read lazily and in order. A file that
/// cannot be opened yields one failed record naming it.
pub fn records(file: &InputFile, options: &Options) -> Box<dyn Iterator<Item = Record> + Send> {
    let source = file.relative.to_string_lossy().into_owned();
    let limit = options.max_input_bytes;
    match file.kind {
        InputKind::Html => Box::new(std::iter::once(match read_capped(&file.path, limit) {
            Ok(b) => Record::new(source, Payload::Html(b)),
            Err(e) => Record::failed(source, e),
        })),
        InputKind::Text => Box::new(std::iter::once(match read_capped(&file.path, limit) {
            Ok(b) => Record::new(source, Payload::TextBytes(b)),
            Err(e) => Record::failed(source, e),
        })),
        InputKind::JsonLines => match open_stream(&file.path) {
            Ok(r) => Box::new(JsonLines::new(source, r, limit, false)),
            Err(e) => Box::new(std::iter::once(Record::failed(source, e))),
        },
        InputKind::Warc => match open_stream(&file.path) {
            Ok(r) => Box::new(super::warc::WarcRecords::spawn(source, r, limit)),
            Err(e) => Box::new(std::iter::once(Record::failed(source, e))),
        },
    }
}

fn io_error(e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read: {e}"))
}

fn too_large(limit: usize) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!("input is larger than the limit of {limit} bytes"),
    )
}

/// Opens a regular file (never a FIFO or a device), checking the handle
/// itself too, so a path swapped after the walk is still refused.
fn open_regular(path: &Path) -> Result<File> {
    regular_file(path)?;
    let f = File::open(path).map_err(io_error)?;
    let meta = f.metadata().map_err(io_error)?;
    if !meta.is_file() {
        return Err(Error::new(
            ErrorKind::NotAFile,
            "not a regular file; not read",
        ));
    }
    Ok(f)
}

/// Reads a whole file of one document: its size is checked against `limit`
/// before reading, and a gzip file is inflated through a decoder that stops
/// one byte past the limit, so neither a sparse 4 GB file nor a gzip bomb is
/// ever held in memory.
pub fn read_capped(path: &Path, limit: Option<usize>) -> Result<Vec<u8>> {
    let f = open_regular(path)?;
    let len = f.metadata().map_err(io_error)?.len();
    let mut reader = BufReader::new(f);
    let gz = is_gzip(&mut reader)?;
    if let Some(l) = limit {
        // A compressed file larger than the limit cannot inflate below it
        // by much; a plain one is simply too large.
        if len > l as u64 {
            return Err(too_large(l));
        }
    }
    let cap = limit.map_or(u64::MAX, |l| l as u64 + 1);
    let mut out = Vec::with_capacity(if gz { 0 } else { len as usize });
    if gz {
        flate2::bufread::MultiGzDecoder::new(reader)
            .take(cap)
            .read_to_end(&mut out)
            .map_err(gzip_error)?;
    } else {
        reader.take(cap).read_to_end(&mut out).map_err(io_error)?;
    }
    if let Some(l) = limit
        && out.len() > l
    {
        return Err(too_large(l));
    }
    Ok(out)
}

fn gzip_error(e: std::io::Error) -> Error {
    Error::new(
        ErrorKind::Gzip,
        format!("gzip stream is corrupt or truncated: {e}"),
    )
}

fn is_gzip(reader: &mut impl BufRead) -> Result<bool> {
    let head = reader.fill_buf().map_err(io_error)?;
    Ok(head.starts_with(&[0x1f, 0x8b]))
}

/// A buffered stream over a file of many records, inflated when it is gzip.
pub fn open_stream(path: &Path) -> Result<Box<dyn BufRead + Send>> {
    let f = open_regular(path)?;
    let mut reader = BufReader::with_capacity(64 * 1024, f);
    if is_gzip(&mut reader)? {
        Ok(Box::new(GzipErrors(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(reader),
        ))))
    } else {
        Ok(Box::new(reader))
    }
}

/// Marks read errors of a gzip stream as such, so a truncated `.jsonl.gz`
/// is reported as a gzip error rather than a generic read failure.
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf).map_err(mark_gzip)
    }
}

impl<R: BufRead> BufRead for GzipErrors<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.0.fill_buf().map_err(mark_gzip)
    }
    fn consume(&mut self, amt: usize) {
        self.0.consume(amt)
    }
}

fn mark_gzip(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(
        e.kind(),
        format!("gzip stream is corrupt or truncated: {e}"),
    )
}

/// What one capped line read gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// The line was longer than the cap; it was read past and dropped. The
    /// number is how many bytes it held, at least.
    TooLong(u64),
    /// The stream has ended.
    End,
}

/// Reads one line into `buf` (cleared first), never holding more than `cap`
/// bytes of it: a longer line is consumed to its end and reported, so a
/// single huge record costs time but not memory.
pub fn read_capped_line(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut seen: u64 = 0;
    let mut overflow = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if overflow {
                Line::TooLong(seen)
            } else if seen == 0 {
                Line::End
            } else {
                Line::Read
            });
        }
        let (part, done) = match memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        seen += part.len() as u64;
        if !overflow {
            if buf.len() + part.len() > cap {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        if done.is_some() {
            return Ok(if overflow {
                Line::TooLong(seen)
            } else {
                Line::Read
            });
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// The records of a JSON Lines stream (`{"id", "url", "html" | "text"}` a
/// line), one per line, each line capped at the input limit.
pub struct JsonLines {
    source: String,
    reader: Box<dyn BufRead + Send>,
    limit: Option<usize>,
    /// Blank lines give a failed record instead of being passed over, so a
    /// stream's outputs stay aligned line for line with its inputs.
    keep_blank: bool,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    /// Reads records from `reader`, naming them `source:LINE`.
    pub fn new(
        source: impl Into<String>,
        reader: Box<dyn BufRead + Send>,
        limit: Option<usize>,
        keep_blank: bool,
    ) -> Self {
        JsonLines {
            source: source.into(),
            reader,
            limit,
            keep_blank,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for JsonLines {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.line += 1;
            let name = format!("{}:{}", self.source, self.line);
            let cap = self.limit.unwrap_or(usize::MAX);
            match read_capped_line(&mut self.reader, &mut self.buf, cap) {
                Ok(Line::End) => self.done = true,
                Ok(Line::TooLong(n)) => {
                    let limit = self.limit.unwrap_or(0);
                    let err = Error::new(
                        ErrorKind::TooLarge,
                        format!(
                            "line {}: a record of {n} bytes or more, larger than the limit of {limit} bytes",
                            self.line
                        ),
                    );
                    return Some(Record::failed(name, err));
                }
                Ok(Line::Read) => {
                    let text = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
                    if text.iter().all(u8::is_ascii_whitespace) {
                        if self.keep_blank {
                            let err = Error::new(
                                ErrorKind::Empty,
                                format!("line {}: a blank line", self.line),
                            );
                            return Some(Record::failed(name, err));
                        }
                        continue;
                    }
                    return Some(json_record(name, self.line, text));
                }
                Err(e) => {
                    // A read error ends the stream: what follows it cannot
                    // be trusted to be aligned with the input's lines.
                    self.done = true;
                    let kind = if e.to_string().contains("gzip") {
                        ErrorKind::Gzip
                    } else {
                        ErrorKind::Io
                    };
                    let err = Error::new(kind, format!("line {}: {e}", self.line));
                    return Some(Record::failed(name, err));
                }
            }
        }
        None
    }
}

/// One JSON Lines record; a record needs an `html` or `text` string, and may
/// carry `id`, `url` and `source` (the name it goes by in outputs and errors;
/// by default the stream's name and the line number).
pub fn json_record(name: String, line: usize, bytes: &[u8]) -> Record {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let err = Error::new(
                ErrorKind::InvalidUtf8,
                format!(
                    "line {line}: not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                ),
            );
            return Record::failed(name, err);
        }
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let err = Error::new(ErrorKind::Json, format!("line {line}: {e}"));
            return Record::failed(name, err);
        }
    };
    let field = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let id = field("id").or_else(|| {
        value
            .get("id")
            .filter(|v| v.is_number())
            .map(|v| v.to_string())
    });
    let payload = match (field("html"), field("text")) {
        (Some(h), _) => Payload::Html(h.into_bytes()),
        (None, Some(t)) => Payload::Text(t),
        (None, None) => Payload::Failed(Error::new(
            ErrorKind::Json,
            format!("line {line}: a record needs an \"html\" or \"text\" string"),
        )),
    };
    Record {
        // A record may name itself (`"source"`), so the same record comes
        // out the same whichever stream carried it (a file, a partition).
        source: field("source").unwrap_or(name),
        id,
        url: field("url"),
        payload,
    }
}

/// Splits a JSON Lines text held in memory into records (blank lines passed
/// over).
pub fn read_json_lines(source: &str, bytes: &[u8]) -> Vec<Record> {
    let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(bytes.to_vec()));
    JsonLines::new(source, reader, None, false).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_records_and_their_failures() {
        let recs = read_json_lines(
            "f.jsonl",
            b"{\"id\": 7, \"text\": \"Hello there.\"}\n\nnot json\n{\"id\": \"x\"}\n{\"html\": \"<p>Hi</p>\", \"url\": \"https://e.org/\"}\n",
        );
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0].id.as_deref(), Some("7"));
        assert!(matches!(recs[1].payload, Payload::Failed(_)));
        assert_eq!(recs[1].source, "f.jsonl:3");
        assert!(matches!(recs[2].payload, Payload::Failed(_)));
        assert_eq!(recs[3].url.as_deref(), Some("https://e.org/"));
    }

    #[test]
    fn an_overlong_line_is_one_failed_record_and_the_next_is_read() {
        let mut input = b"{\"text\": \"".to_vec();
        input.extend(std::iter::repeat_n(b'a', 5000));
        input.extend_from_slice(b"\"}\n{\"text\": \"Short one.\"}\n");
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(input));
        let recs: Vec<Record> = JsonLines::new("f.jsonl", reader, Some(100), false).collect();
        assert_eq!(recs.len(), 2);
        match &recs[0].payload {
            Payload::Failed(e) => assert_eq!(e.kind(), ErrorKind::TooLarge),
            p => panic!("expected a failure, got {p:?}"),
        }
        assert!(matches!(recs[1].payload, Payload::Text(ref t) if t == "Short one."));
    }

    #[test]
    fn lone_surrogates_and_bad_bytes_are_record_errors() {
        let recs = read_json_lines(
            "f.jsonl",
            b"{\"text\": \"a\\ud800b\"}\n{\"text\": \"caf\xe9\"}\n{\"text\": \"fine\"}\n",
        );
        assert_eq!(recs.len(), 3);
        for r in &recs[..2] {
            assert!(matches!(r.payload, Payload::Failed(_)), "{r:?}");
        }
        assert!(matches!(recs[2].payload, Payload::Text(_)));
    }

    #[test]
    fn blank_lines_can_keep_their_place() {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(
            b"{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n".to_vec(),
        ));
        let recs: Vec<Record> = JsonLines::new("-", reader, None, true).collect();
        assert_eq!(recs.len(), 3);
        assert!(matches!(recs[1].payload, Payload::Failed(_)));
    }

    #[test]
    fn capped_reads_refuse_large_and_bombed_files() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(10_000)
            .unwrap();
        assert_eq!(
            read_capped(&big, Some(1000)).unwrap_err().kind(),
            ErrorKind::TooLarge
        );
        let bomb = dir.path().join("bomb.txt.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b'a'; 1_000_000]).unwrap();
        std::fs::write(&bomb, enc.finish().unwrap()).unwrap();
        assert_eq!(
            read_capped(&bomb, Some(10_000)).unwrap_err().kind(),
            ErrorKind::TooLarge
        );
        assert_eq!(read_capped(&bomb, None).unwrap().len(), 1_000_000);
    }
}
