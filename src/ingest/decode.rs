//! Bytes to text: gzip, byte-order marks, UTF-8 validation, binary sniffing.

use std::io::Read;

use crate::error::{Error, ErrorKind, Result};

/// True when `bytes` start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Inflates a gzip stream, refusing to grow past `limit` bytes. A truncated
/// or corrupt stream is an error, never a silently shortened document.
pub fn gunzip(bytes: &[u8], limit: Option<usize>) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let cap = limit.map_or(u64::MAX, |l| l as u64 + 1);
    decoder.take(cap).read_to_end(&mut out).map_err(|e| {
        Error::new(
            ErrorKind::Gzip,
            format!("gzip stream is corrupt or truncated: {e}"),
        )
    })?;
    check_size(out.len(), limit)?;
    Ok(out)
}

/// Errors with [`ErrorKind::TooLarge`] when `len` exceeds `limit`.
pub fn check_size(len: usize, limit: Option<usize>) -> Result<()> {
    match limit {
        Some(l) if len > l => Err(Error::new(
            ErrorKind::TooLarge,
            format!("input is larger than the limit of {l} bytes"),
        )),
        _ => Ok(()),
    }
}

/// True when `bytes` look like a binary file: a NUL byte, or many control
/// characters, in the first few kilobytes. (UTF-16 with a byte-order mark is
/// text and must be checked for before this.)
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

/// Decodes a text dump: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.
///
/// Invalid UTF-8 without a BOM is an error that names the first bad byte's
/// offset: guessing another encoding for a text dump would silently corrupt
/// it, and nothing may be lost without a word.
pub fn decode_text(bytes: &[u8], limit: Option<usize>) -> Result<String> {
    let owned;
    let bytes = if is_gzip(bytes) {
        owned = gunzip(bytes, limit)?;
        &owned[..]
    } else {
        check_size(bytes.len(), limit)?;
        bytes
    };
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Error::new(
                ErrorKind::InvalidUtf8,
                format!(
                    "input is not valid {} despite its byte-order mark",
                    enc.name()
                ),
            ));
        }
        return non_empty(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            "input looks like a binary file, not text",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => non_empty(s.to_string()),
        Err(e) => Err(Error::new(
            ErrorKind::InvalidUtf8,
            format!(
                "input is not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to()
            ),
        )),
    }
}

/// Errors with [`ErrorKind::Empty`] when `text` holds nothing but white space.
pub fn non_empty(text: String) -> Result<String> {
    check_non_empty(&text)?;
    Ok(text)
}

/// An error when `text` holds nothing but white space.
pub fn check_non_empty(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        Err(Error::new(ErrorKind::Empty, "input is empty"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi", None).unwrap(), "hi");
    }

    #[test]
    fn utf16_with_bom_is_text() {
        assert_eq!(decode_text(b"\xFF\xFEh\0i\0", None).unwrap(), "hi");
    }

    #[test]
    fn bad_inputs_are_clear_errors() {
        assert_eq!(decode_text(b"", None).unwrap_err().kind(), ErrorKind::Empty);
        assert_eq!(
            decode_text(b"  \n", None).unwrap_err().kind(),
            ErrorKind::Empty
        );
        assert_eq!(
            decode_text(b"a\0b", None).unwrap_err().kind(),
            ErrorKind::Binary
        );
        assert_eq!(
            decode_text(b"caf\xE9 au lait", None).unwrap_err().kind(),
            ErrorKind::InvalidUtf8
        );
        assert_eq!(
            decode_text(b"abcdef", Some(3)).unwrap_err().kind(),
            ErrorKind::TooLarge
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all("some text that will be cut short ".repeat(50).as_bytes())
            .unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(decode_text(&gz, None).unwrap().len(), 33 * 50);
        let cut = &gz[..gz.len() / 2];
        assert_eq!(decode_text(cut, None).unwrap_err().kind(), ErrorKind::Gzip);
    }
}
