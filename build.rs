//! Derives the dictionary's lists once, at build time, from the vendored
//! word lists (see `src/lexicon/dictionary_lists.rs`), so no process pays
//! for them at start-up.

use std::path::Path;
use std::{env, fs};

#[path = "src/lexicon/dictionary_lists.rs"]
mod dictionary_lists;

use dictionary_lists::{capitalised_only, english_counts, reversed, sorted_bytewise};

const AFF: &str = "data/hunspell/en_US.aff";
const DIC: &str = "data/hunspell/en_US.dic";
const ENGLISH_FREQUENCY: &str = "data/frequency/en.txt";

fn read(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Words one a line: no word of the lists holds a line break.
fn write_lines<W: AsRef<[u8]>>(out: &Path, name: &str, words: &[W]) {
    let mut bytes = Vec::new();
    for w in words {
        bytes.extend_from_slice(w.as_ref());
        bytes.push(b'\n');
    }
    let path = out.join(name);
    fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lexicon/dictionary_lists.rs");
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let (aff, dic, frequency) = (read(AFF), read(DIC), read(ENGLISH_FREQUENCY));
    let hunspell = spellbook::Dictionary::new(&aff, &dic)
        .unwrap_or_else(|e| panic!("vendored en_US dictionary does not parse: {e}"));
    write_lines(out, "names.txt", &capitalised_only(&dic, &hunspell));
    let words: Vec<&[u8]> = english_counts(&frequency)
        .map(|(w, _)| w.as_bytes())
        .collect();
    write_lines(out, "forwards.txt", &sorted_bytewise(words.clone()));
    write_lines(out, "backwards.bin", &sorted_bytewise(reversed(&words)));
}
