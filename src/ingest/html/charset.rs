//! Bytes of an HTML page to text: byte-order mark, then the charset the page
//! declares in its first few kilobytes, then detection.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::error::{Error, ErrorKind, Result};
use crate::ingest::decode;

/// How far into the page a `<meta charset>` is looked for (browsers look at
/// the first 1024 bytes; pages with long heads put it later).
const PRESCAN_BYTES: usize = 4096;

/// Decodes an HTML page. Valid UTF-8 wins over a declared legacy charset:
/// pages are often re-encoded by scrapers while their `<meta>` still names
/// the original encoding, and multi-byte UTF-8 sequences almost never occur
/// by chance in legacy-encoded text.
pub fn decode_html(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(text);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.contains('\0') && !looks_like_markup(bytes) {
            return Err(binary());
        }
        return Ok(Cow::Borrowed(s));
    }
    if decode::looks_binary(bytes) && !looks_like_markup(bytes) {
        return Err(binary());
    }
    let enc = declared_charset(bytes).unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    });
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Ok(text)
}

fn binary() -> Error {
    Error::new(
        ErrorKind::Binary,
        "input looks like a binary file, not HTML",
    )
}

/// True when the start of the bytes holds an HTML tag a page would begin with.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    [
        "<html",
        "<!doctype",
        "<head",
        "<body",
        "<div",
        "<p>",
        "<meta",
    ]
    .iter()
    .any(|needle| find_ci(head, needle.as_bytes(), 0).is_some())
}

/// The encoding named by `<meta charset=...>` or
/// `<meta http-equiv="content-type" content="...; charset=...">` in the
/// first kilobytes. UTF-16 labels are read as UTF-8, as browsers do: a page
/// that could be scanned as ASCII is not UTF-16.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut from = 0;
    while let Some(at) = find_ci(head, b"<meta", from) {
        let end = head[at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |p| at + p);
        let tag = &head[at..end];
        if let Some(c) = find_ci(tag, b"charset", 0) {
            let mut v = &tag[c + 7..];
            v = trim_start(v);
            if let Some(rest) = v.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    return Some(if enc.output_encoding() == UTF_8 {
                        UTF_8
                    } else {
                        enc
                    });
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(mut v: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = v {
        if first.is_ascii_whitespace() {
            v = rest;
        } else {
            break;
        }
    }
    v
}

/// Position of `needle` (lowercase ASCII) in `hay` at or after `from`,
/// ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() || from > hay.len() - needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| {
        hay[i..i + needle.len()]
            .iter()
            .zip(needle)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_legacy_charset_is_used() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xE9</body></html>";
        assert!(decode_html(page).unwrap().contains("café"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xCC\xE8\xF0</p>";
        assert!(decode_html(page).unwrap().contains("Мир"));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let page = "<meta charset=\"iso-8859-1\"><p>naïve café</p>";
        assert!(decode_html(page.as_bytes()).unwrap().contains("naïve café"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page =
            b"<p>Le caf\xE9 de la gare \xE9tait ferm\xE9 le matin, mais la f\xEAte continuait.</p>";
        assert!(decode_html(page).unwrap().contains("café"));
    }

    #[test]
    fn bom_decides() {
        let page = b"\xFF\xFE<\0p\0>\0h\0i\0";
        assert_eq!(decode_html(page).unwrap(), "<p>hi");
    }

    #[test]
    fn binary_is_refused() {
        let junk = [0u8, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 0x80, 0x81];
        assert_eq!(decode_html(&junk).unwrap_err().kind(), ErrorKind::Binary);
    }
}
