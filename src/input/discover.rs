//! Walking the inputs: which paths are read, skipped or refused, and why.

use std::path::{Path, PathBuf};

use super::{InputFile, InputKind};
use crate::error::{Error, ErrorKind, Result};

/// How the walk treats links and the output folder.
#[derive(Debug, Clone, Default)]
pub struct WalkPolicy {
    /// Read file links whose target lies outside the input folder (off by
    /// default: a link out of the tree is skipped with a note, so a folder
    /// cannot make a run publish files from elsewhere).
    pub follow_links_out: bool,
    /// A folder never read, even when it lies inside an input folder: the
    /// run's own output folder, so a rerun does not read its outputs.
    pub exclude: Option<PathBuf>,
}

/// A path the walk passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path.
    pub path: PathBuf,
    /// Why it was not read.
    pub reason: String,
}

/// What walking the inputs found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, in a stable order (inputs in the order given, each
    /// folder's files sorted by name).
    pub files: Vec<InputFile>,
    /// Paths passed over on purpose: other kinds of file found in a folder,
    /// links leaving the input tree, the output folder.
    pub skipped: Vec<Skipped>,
    /// Paths that cannot be read: a FIFO or device, a file given by name
    /// whose kind pristine does not read, a folder that cannot be walked.
    pub errors: Vec<(PathBuf, Error)>,
}

/// Walks `inputs` (files and folders, folders recursively).
///
/// A path that does not exist is an error of kind [`ErrorKind::Io`], returned
/// before anything is read, so a typo in a command line fails fast.
pub fn discover(inputs: &[PathBuf], policy: &WalkPolicy) -> Result<Discovery> {
    for p in inputs {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(Error::new(
                ErrorKind::Io,
                format!("{}: no such file or folder", p.display()),
            ));
        }
    }
    let exclude = policy.exclude.as_ref().and_then(|p| p.canonicalize().ok());
    let mut d = Discovery::default();
    for input in inputs {
        if !input.is_dir() {
            // A file named on the command line is read whatever it links
            // to, as long as that is a regular file: the caller chose it.
            let relative = input
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| input.clone());
            match regular_file(input) {
                Ok(()) => match InputKind::of(input) {
                    Some(kind) => d.files.push(InputFile {
                        path: input.clone(),
                        relative,
                        kind,
                    }),
                    None => d.errors.push((
                        input.clone(),
                        Error::new(
                            ErrorKind::Unsupported,
                            "not a kind of file pristine reads (.html .htm .xhtml .txt .text .md .jsonl .warc, optionally .gz)",
                        ),
                    )),
                },
                Err(e) => d.errors.push((input.clone(), e)),
            }
            continue;
        }
        walk_folder(input, policy, exclude.as_deref(), &mut d);
    }
    Ok(d)
}

fn walk_folder(root: &Path, policy: &WalkPolicy, exclude: Option<&Path>, d: &mut Discovery) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let mut walker = walker;
    while let Some(entry) = walker.next() {
        let e = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let msg = format!("cannot be walked: {err}");
                d.errors.push((path, Error::new(ErrorKind::Io, msg)));
                continue;
            }
        };
        let path = e.path().to_path_buf();
        let file_type = e.file_type();
        if file_type.is_dir() {
            if e.depth() > 0 && exclude.is_some_and(|x| path.canonicalize().is_ok_and(|c| c == x)) {
                d.skipped.push(Skipped {
                    path,
                    reason: "the output folder".into(),
                });
                walker.skip_current_dir();
            }
            continue;
        }
        let Some(kind) = InputKind::of(&path) else {
            d.skipped.push(Skipped {
                path,
                reason: "not a kind of file pristine reads".into(),
            });
            continue;
        };
        if file_type.is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.is_dir() => {
                    d.skipped.push(Skipped {
                        path,
                        reason: "a link to a folder (not followed)".into(),
                    });
                    continue;
                }
                Ok(target) if !target.starts_with(&canonical_root) && !policy.follow_links_out => {
                    d.skipped.push(Skipped {
                        path,
                        reason: format!(
                            "a link leaving the input folder (to {}); --follow reads it",
                            target.display()
                        ),
                    });
                    continue;
                }
                Ok(_) => {}
                Err(err) => {
                    let msg = format!("a broken link: {err}");
                    d.errors.push((path, Error::new(ErrorKind::Io, msg)));
                    continue;
                }
            }
        }
        if let Err(err) = regular_file(&path) {
            d.errors.push((path, err));
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.clone());
        d.files.push(InputFile {
            path,
            relative,
            kind,
        });
    }
}

/// Errors with [`ErrorKind::NotAFile`] unless `path` (links followed) is a
/// regular file: opening a FIFO blocks until a writer comes, and a device
/// may never end.
pub fn regular_file(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read: {e}")))?;
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a folder"
    } else {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a FIFO"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_block_device() || t.is_char_device() {
            "a device"
        } else {
            "not a regular file"
        }
    };
    Err(Error::new(
        ErrorKind::NotAFile,
        format!("{what}, not a regular file; not read"),
    ))
}
