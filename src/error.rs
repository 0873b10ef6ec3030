//! The crate's error type: opaque, with a non-exhaustive kind.

/// What went wrong, in broad classes a caller can branch on.
///
/// New kinds may be added in minor releases, so match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    Io,
    /// The input holds no content at all (zero bytes, or only white space).
    Empty,
    /// The input looks like a binary file rather than text or HTML.
    Binary,
    /// The input is not valid UTF-8 and carries no byte-order mark or charset
    /// that says which other encoding it uses.
    InvalidUtf8,
    /// A gzip stream is corrupt or truncated.
    Gzip,
    /// The input is larger than the configured limit.
    TooLarge,
    /// A JSON Lines record could not be read.
    Json,
    /// A pass name that the pipeline does not know.
    UnknownPass,
    /// The input's kind (by extension) is not one pristine reads.
    Unsupported,
    /// The path is not a regular file (a FIFO, a device, a socket), or a
    /// link leaving the input tree; it is not read.
    NotAFile,
    /// An HTML page holds more elements than the configured limit.
    TooManyNodes,
    /// An HTML table expands to more cells than the configured limit.
    TooManyCells,
    /// A document took longer than the configured time budget.
    TimeBudget,
    /// Writing an output failed (disk full, a closed stream).
    Write,
}

impl ErrorKind {
    /// A short stable name for reports (`"invalid-utf8"`, `"gzip"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::InvalidUtf8 => "invalid-utf8",
            ErrorKind::Gzip => "gzip",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::Json => "json",
            ErrorKind::UnknownPass => "unknown-pass",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::NotAFile => "not-a-file",
            ErrorKind::TooManyNodes => "too-many-nodes",
            ErrorKind::TooManyCells => "too-many-cells",
            ErrorKind::TimeBudget => "time-budget",
            ErrorKind::Write => "write",
        }
    }
}

/// An error from reading, decoding or cleaning a document.
///
/// The kind is available through [`Error::kind`]; the message says what
/// happened in words meant for a person.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: {message}", kind.as_str())]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// Builds an error of `kind` with a human-readable `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The class of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The human-readable description, without the kind prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
