//! Top-level domains and file extensions: the part after the last dot of a
//! name such as `example.com` or `index.html`, so that a dot before one of
//! them is never taken for a sentence end that lost its space.
//!
//! Source: the generic and most common country-code top-level domains of the
//! IANA root zone database, and the file extensions of common web, document,
//! image, archive and source-code formats, written down by hand.

/// Sorted, lowercase.
const NAMES: &[&str] = &[
    "ai", "app", "asp", "aspx", "au", "avi", "bat", "biz", "bmp", "br", "c", "ca", "cc", "cfg",
    "ch", "cn", "co", "com", "conf", "cpp", "cs", "css", "csv", "de", "dev", "dll", "doc", "docx",
    "edu", "es", "eu", "exe", "fr", "gif", "go", "gov", "gz", "h", "htm", "html", "info", "ini",
    "int", "io", "it", "java", "jp", "jpeg", "jpg", "js", "json", "jsx", "kr", "log", "ly", "md",
    "me", "mil", "mkv", "mov", "mp3", "mp4", "net", "nl", "org", "pdf", "php", "pl", "png", "ppt",
    "pptx", "py", "rb", "rs", "ru", "se", "sh", "sql", "svg", "tar", "tgz", "toml", "ts", "tsx",
    "tv", "txt", "uk", "us", "wav", "webp", "xls", "xlsx", "xml", "yaml", "yml", "zip",
];

/// True when `name` (any case) is a known top-level domain or file extension.
pub fn is_tld_or_extension(name: &str) -> bool {
    // Asked at many periods: one packed look-up rather than a binary search.
    static SET: std::sync::OnceLock<crate::text::WordTable<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::text::WordTable::new(NAMES.iter().map(|w| (*w, ()))))
        .get_ascii_lowercase(name)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_lookup_ignores_case() {
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_tld_or_extension("COM"));
        assert!(is_tld_or_extension("js"));
        assert!(!is_tld_or_extension("Initiatives"));
    }
}
