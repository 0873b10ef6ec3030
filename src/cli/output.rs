//! Where outputs go and how they are written: names mirroring the inputs,
//! atomic writes, and the guards that keep a run from touching its inputs.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use pristine::batch::InputFile;

/// Marks the temporary files a run writes beside its outputs, so a later
/// run can tell its own leftovers (from a killed run) from the user's files.
const TEMP_MARK: &str = ".pristine-";

/// The output path of each file, relative to the output folder: its input
/// path with the extension replaced (see [`output_name`]). Inputs that would
/// share an output (`page.html` and `page.txt`, or two inputs given by
/// files of the same name) keep their whole file name (`page.html.json`),
/// then a counter in input order: no output silently overwrites another.
pub fn output_names(files: &[InputFile], ext: &str) -> Vec<PathBuf> {
    let ext_of = |f: &InputFile| {
        if f.kind.holds_many() { "jsonl" } else { ext }
    };
    let plain: Vec<PathBuf> = files
        .iter()
        .map(|f| output_name(&f.relative, ext_of(f)))
        .collect();
    let mut count: HashMap<&Path, usize> = HashMap::new();
    for p in &plain {
        *count.entry(p.as_path()).or_insert(0) += 1;
    }
    let mut taken: HashSet<PathBuf> = HashSet::new();
    let mut out = Vec::with_capacity(files.len());
    for (f, p) in files.iter().zip(&plain) {
        let mut name = if count[p.as_path()] > 1 {
            let full = f.relative.file_name().unwrap_or_default().to_string_lossy();
            f.relative.with_file_name(format!("{full}.{}", ext_of(f)))
        } else {
            p.clone()
        };
        let stem = name.clone();
        let mut n = 2;
        while !taken.insert(name.clone()) {
            let file = stem.file_name().unwrap_or_default().to_string_lossy();
            name = stem.with_file_name(format!("{n}-{file}"));
            n += 1;
        }
        out.push(name);
    }
    out
}

/// `site/page.html.gz` → `site/page.EXT`.
pub fn output_name(relative: &Path, ext: &str) -> PathBuf {
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".GZ"))
        .unwrap_or(&name);
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    relative.with_file_name(format!("{stem}.{ext}"))
}

/// The canonical paths of the inputs: no output may land on one.
pub struct InputGuard(HashSet<PathBuf>);

impl InputGuard {
    /// Remembers every input file.
    pub fn new(files: &[InputFile]) -> Self {
        InputGuard(
            files
                .iter()
                .filter_map(|f| f.path.canonicalize().ok())
                .collect(),
        )
    }

    /// An error when writing `target` would replace an input.
    pub fn check(&self, target: &Path) -> Result<(), String> {
        match target.canonicalize() {
            Ok(c) if self.0.contains(&c) => Err(format!(
                "{} is an input; it is never overwritten",
                target.display()
            )),
            _ => Ok(()),
        }
    }
}

/// The temporary file `target` is written to before it is renamed into place.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}{TEMP_MARK}{}.tmp", std::process::id()))
}

/// An output being written: bytes go to a temporary file beside the target,
/// renamed over it only by [`AtomicFile::commit`]. Dropped uncommitted, the
/// temporary file is removed: an interrupted run never leaves a
/// half-written output.
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
    durable: bool,
}

impl AtomicFile {
    /// Starts writing `target` (its folder is made when missing). A
    /// `durable` file is synced to disk before it is renamed, so it survives
    /// a power loss too; without it the rename still makes a kill or crash
    /// leave either the whole output or none, and runs are much faster
    /// (syncing each small file serialises the workers on the disk).
    pub fn create(target: &Path, durable: bool) -> std::io::Result<AtomicFile> {
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let temp = temp_path(target);
        let file = std::fs::File::create(&temp)?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            file: Some(std::io::BufWriter::new(file)),
            durable,
        })
    }

    /// Appends bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(bytes),
            None => Err(std::io::Error::other("already committed")),
        }
    }

    /// Flushes (and when durable, syncs) the file and renames it into place.
    pub fn commit(mut self) -> std::io::Result<()> {
        let Some(f) = self.file.take() else {
            return Ok(());
        };
        let f = f.into_inner().map_err(|e| e.into_error())?;
        if self.durable {
            f.sync_all()?;
        }
        drop(f);
        std::fs::rename(&self.temp, &self.target)
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.is_some() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` to `target` atomically (see [`AtomicFile`]).
pub fn write_atomically(target: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    let mut f = AtomicFile::create(target, durable)?;
    f.write_all(bytes)?;
    f.commit()
}

/// Removes the temporary files a killed run left in `dir` (only files this
/// tool names, `.NAME.pristine-PID.tmp`); returns how many went.
pub fn sweep_stale_temporaries(dir: &Path) -> usize {
    let mut removed = 0;
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.')
            && name.ends_with(".tmp")
            && name.contains(TEMP_MARK)
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use pristine::batch::InputKind;

    #[test]
    fn clashing_outputs_keep_their_whole_name() {
        let file = |rel: &str, kind| InputFile {
            path: PathBuf::from(rel),
            relative: PathBuf::from(rel),
            kind,
        };
        let files = [
            file("page.html", InputKind::Html),
            file("page.txt", InputKind::Text),
            file("other.txt", InputKind::Text),
            file("other.txt", InputKind::Text),
        ];
        let names = output_names(&files, "json");
        assert_eq!(
            names,
            [
                PathBuf::from("page.html.json"),
                PathBuf::from("page.txt.json"),
                PathBuf::from("other.txt.json"),
                PathBuf::from("2-other.txt.json"),
            ]
        );
    }

    #[test]
    fn output_names_mirror_inputs() {
        assert_eq!(
            output_name(Path::new("a/b.html.gz"), "json"),
            PathBuf::from("a/b.json")
        );
        assert_eq!(
            output_name(Path::new("notes.md"), "md"),
            PathBuf::from("notes.md")
        );
        assert_eq!(
            output_name(Path::new("x.y.txt"), "txt"),
            PathBuf::from("x.y.txt")
        );
    }

    #[test]
    fn uncommitted_files_leave_nothing_and_stale_ones_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        {
            let mut f = AtomicFile::create(&target, false).unwrap();
            f.write_all(b"half").unwrap();
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        std::fs::write(dir.path().join(".b.json.pristine-123.tmp"), b"x").unwrap();
        std::fs::write(dir.path().join(".keep.tmp"), b"x").unwrap();
        assert_eq!(sweep_stale_temporaries(dir.path()), 1);
        assert!(dir.path().join(".keep.tmp").exists());
    }
}
