//! WARC files (`.warc`, `.warc.gz`): each HTML response record is a document.
//!
//! The format is read with the `warc` crate's streaming reader, so a record's
//! body is only read once its `Content-Length` is known to be within the
//! limit; larger ones are skipped and reported. The reading runs on a thread
//! of its own feeding a small bounded queue: the run pulls records as it
//! needs them, and memory holds only a few records whatever the file's size.

use std::io::{BufRead, Read};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use warc::{RecordType, WarcHeader, WarcReader};

use super::{Payload, Record};
use crate::error::{Error, ErrorKind};

/// Records read ahead of the run.
const QUEUE: usize = 8;

/// The HTML response records of a WARC stream, in order.
pub struct WarcRecords {
    queue: Receiver<Record>,
}

impl WarcRecords {
    /// Starts reading `reader` (already inflated) on a thread of its own.
    pub fn spawn(source: String, reader: Box<dyn BufRead + Send>, limit: Option<usize>) -> Self {
        let (tx, rx) = sync_channel(QUEUE);
        let started = std::thread::Builder::new()
            .name("warc-reader".into())
            .spawn({
                let source = source.clone();
                let tx = tx.clone();
                move || read_all(&source, reader, limit, &tx)
            });
        if let Err(e) = started {
            let err = Error::new(ErrorKind::Io, format!("cannot start a reader: {e}"));
            let _ = tx.send(Record::failed(source, err));
        }
        WarcRecords { queue: rx }
    }
}

impl Iterator for WarcRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.queue.recv().ok()
    }
}

fn read_all(
    source: &str,
    reader: Box<dyn BufRead + Send>,
    limit: Option<usize>,
    tx: &SyncSender<Record>,
) {
    let mut warc = WarcReader::new(reader);
    let mut stream = warc.stream_records();
    let mut n = 0usize;
    while let Some(item) = stream.next_item() {
        n += 1;
        let name = format!("{source}:{n}");
        let record = match item {
            Ok(r) => r,
            Err(e) => {
                // The stream cannot be resynchronised after a broken record.
                let err = Error::new(ErrorKind::Io, format!("record {n}: not a WARC record: {e}"));
                let _ = tx.send(Record::failed(name, err));
                return;
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let url = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().to_string());
        let length = record.content_length();
        if let Some(l) = limit
            && length > l as u64
        {
            let err = Error::new(
                ErrorKind::TooLarge,
                format!("record {n}: {length} bytes, larger than the limit of {l} bytes"),
            );
            let mut failed = Record::failed(name, err);
            failed.url = url;
            if tx.send(failed).is_err() {
                return;
            }
            continue;
        }
        let mut body = Vec::with_capacity(length as usize);
        let mut record = record;
        if let Err(e) = record.read_to_end(&mut body) {
            let err = Error::new(ErrorKind::Io, format!("record {n}: cannot read: {e}"));
            let _ = tx.send(Record::failed(name, err));
            return;
        }
        let Some(html) = html_payload(&body) else {
            continue;
        };
        let out = Record {
            source: name,
            id: None,
            url,
            payload: Payload::Html(html.to_vec()),
        };
        if tx.send(out).is_err() {
            return;
        }
    }
}

/// The payload of an HTTP response when it is an HTML page: after the
/// header block, when the `Content-Type` says HTML (or says nothing and the
/// body starts like markup).
fn html_payload(response: &[u8]) -> Option<&[u8]> {
    let split = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let (head, body) = (&response[..split], &response[split + 4..]);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let content_type = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type:"))
        .map(str::trim);
    let is_html = match content_type {
        Some(t) => t.contains("html"),
        None => body
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'<'),
    };
    (is_html && !body.is_empty()).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warc_record(kind: &str, uri: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{:08}-0000-0000-0000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            body.len()
        )
        .into_bytes();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn html_responses_become_records_with_their_url() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello.</p></body></html>";
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        let mut file = warc_record("request", "https://a.example/", b"GET / HTTP/1.1\r\n\r\n");
        file.extend(warc_record("response", "https://a.example/", page));
        file.extend(warc_record("response", "https://a.example/i.png", image));
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(file));
        let recs: Vec<Record> = WarcRecords::spawn("c.warc".into(), reader, None).collect();
        assert_eq!(recs.len(), 1, "{recs:?}");
        assert_eq!(recs[0].url.as_deref(), Some("https://a.example/"));
        assert!(matches!(&recs[0].payload, Payload::Html(b) if b.starts_with(b"<html>")));
    }

    #[test]
    fn an_oversized_record_is_reported_and_skipped() {
        let page =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>A page of some length here.</p>";
        let mut file = warc_record("response", "https://a.example/1", page);
        file.extend(warc_record(
            "response",
            "https://a.example/2",
            b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>",
        ));
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(file));
        let recs: Vec<Record> = WarcRecords::spawn("c.warc".into(), reader, Some(40)).collect();
        assert_eq!(recs.len(), 2);
        assert!(matches!(&recs[0].payload, Payload::Failed(e) if e.kind() == ErrorKind::TooLarge));
        assert!(matches!(&recs[1].payload, Payload::Html(_)));
    }
}
