//! The crate's modules stand in layers, each importing only from the layers
//! below it: no import runs back up, no pass imports another pass, and no
//! two modules import each other round a circle. Read from the source, so
//! a new import that breaks the order fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest layer first. Modules on one line
/// share a layer and may import each other (but not in a circle).
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["lexicon"],
    &["error", "options", "document", "eval"],
    &["corpus", "tabular"],
    &["ingest"],
    &["pipeline"],
    &["passes"],
    &["render"],
    &["input"],
    &["batch"],
    &["review"],
];

/// The module behind a name the crate root re-exports (`crate::Document`).
fn reexported_from(name: &str) -> &str {
    match name {
        "Error" | "ErrorKind" | "Result" => "error",
        "Block" | "Document" | "Edit" | "InputFormat" | "ListItem" | "Meta" | "Origin"
        | "Removed" | "Table" | "TextRole" => "document",
        "Fix" | "Pass" | "PassContext" | "Pipeline" => "pipeline",
        "Options" => "options",
        "Corpus" => "corpus",
        other => other,
    }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file (`passes/casing`, `ingest/html/dom`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The modules a file's non-test code names as `crate::a::b::c` or, from
/// module `here`, as `super::c`: the longest leading part of the path that
/// is a module (`a/b`).
fn imports(code: &str, here: &[String], modules: &BTreeSet<String>) -> BTreeSet<String> {
    // Unit tests may reach anywhere; they sit at the end of a file. Doc
    // links in comments are no imports.
    let code: String = code
        .split("#[cfg(test)]")
        .next()
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    for (at, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        // `super::super::x` is read once, from its first `super`.
        let inside_word =
            at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        if inside_word || code[..at].ends_with("super::") {
            continue;
        }
        let full: Vec<&str> = code[at..]
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or("")
            .split("::")
            .filter(|s| !s.is_empty())
            .collect();
        let mut path: Vec<&str> = if full.first() == Some(&"crate") {
            full[1..].to_vec()
        } else {
            let ups = full.iter().take_while(|s| **s == "super").count();
            if ups > here.len() {
                continue;
            }
            here[..here.len() - ups]
                .iter()
                .map(String::as_str)
                .chain(full[ups..].iter().copied())
                .collect()
        };
        let Some(first) = path.first_mut() else {
            continue;
        };
        *first = reexported_from(first);
        let module = (1..=path.len())
            .rev()
            .map(|n| path[..n].join("/"))
            .find(|m| modules.contains(m))
            .unwrap_or_else(|| path[0].to_string());
        out.insert(module);
    }
    out
}

struct Graph {
    /// A file's module (`a/b/c`) → the modules it imports.
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn graph() -> Option<Graph> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut modules = BTreeSet::new();
    let mut per_file: Vec<(Vec<String>, String)> = Vec::new();
    for f in &files {
        let m = module_of(&src, f);
        if m.is_empty() || m[0] == "lib" || m[0] == "main" || m[0] == "cli" {
            // The crate root declares the modules; the binary sits above all.
            continue;
        }
        for n in 1..=m.len() {
            modules.insert(m[..n].join("/"));
        }
        per_file.push((m, std::fs::read_to_string(f).unwrap()));
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, code) in per_file {
        let targets = imports(&code, &m, &modules);
        let key = m.join("/");
        edges.entry(key.clone()).or_default().extend(
            targets
                .into_iter()
                .filter(|t| *t != key && !key.starts_with(&format!("{t}/"))),
        );
    }
    Some(Graph { edges })
}

fn top(module: &str) -> &str {
    module.split('/').next().unwrap()
}

#[test]
fn no_import_runs_up_a_layer() {
    let g = graph().unwrap();
    let mut wrong = Vec::new();
    for (from, targets) in &g.edges {
        let Some(lf) = layer_of(top(from)) else {
            wrong.push(format!("{from} is in no layer"));
            continue;
        };
        for to in targets {
            match layer_of(top(to)) {
                Some(lt) if lt <= lf => {}
                Some(_) => wrong.push(format!("{from} imports {to}, a higher layer")),
                None => wrong.push(format!("{from} imports {to}, which is in no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_pass_imports_another_pass() {
    let g = graph().unwrap();
    let wrong: Vec<String> = g
        .edges
        .iter()
        .filter(|(from, _)| from.starts_with("passes/"))
        .flat_map(|(from, targets)| {
            let pass = |m: &str| m.split('/').nth(1).map(str::to_string);
            targets
                .iter()
                .filter(move |t| t.starts_with("passes/") && pass(t) != pass(from))
                .map(move |t| format!("{from} imports {t}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_two_modules_import_each_other_round_a_circle() {
    let g = graph().unwrap();
    // Depth-first search for a back edge, module by module.
    fn visit<'g>(
        node: &'g str,
        g: &'g Graph,
        state: &mut BTreeMap<&'g str, u8>,
        path: &mut Vec<&'g str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let start = path.iter().position(|p| *p == node).unwrap();
                let mut circle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                circle.push(node.to_string());
                return Some(circle);
            }
            _ => {}
        }
        state.insert(node, 1);
        path.push(node);
        for next in g.edges.get(node).into_iter().flatten() {
            // An import of a whole top-level module (`crate::pipeline`)
            // stands for its root file.
            if let Some(circle) = visit(next.as_str(), g, state, path) {
                return Some(circle);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in g.edges.keys() {
        let mut path = Vec::new();
        if let Some(circle) = visit(node, &g, &mut state, &mut path) {
            panic!("import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_checks_see_a_broken_order() {
    // The reader of imports finds what a check needs to fail on.
    let modules: BTreeSet<String> = ["passes", "passes/typos", "text", "text/words"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let found = imports(
        "fn g() { super::words::x() }",
        &["text".to_string(), "sentences".to_string()],
        &modules,
    );
    assert_eq!(found.into_iter().collect::<Vec<_>>(), ["text/words"]);
    let found = imports(
        "use crate::passes::typos::edits;\n// see crate::pipeline\nfn f() { crate::text::words::words(x) }\n#[cfg(test)]\nuse crate::render;",
        &["render".to_string()],
        &modules,
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["passes/typos", "text/words"]
    );
    assert!(layer_of("text") < layer_of("passes"));
}
