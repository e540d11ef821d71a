//! `cargo clodo new-block`: a new block crate from the templates in
//! `templates/` (embedded in the binary).
//!
//! Everything is written into a staging directory beside the target and
//! renamed into place at the end, so a failure leaves nothing half-written.

use std::path::{Path, PathBuf};

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::own_crates::{self, Source};

/// Which example the new block starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Template {
    /// A public greeting, notes for signed-in users, a staff-only listing.
    #[default]
    Basic,
    /// Items with create, read, update and delete.
    Crud,
}

/// What went wrong scaffolding.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// Not a valid crate name.
    #[error("{name:?} is not a valid block name: {reason}")]
    InvalidName {
        /// The name given.
        name: String,
        /// Why.
        reason: String,
    },
    /// The target directory exists and has files in it.
    #[error("{} already exists and is not empty; choose another name or --path", .0.display())]
    NotEmpty(PathBuf),
    /// The Clodo source tree lacks a crate the template depends on (a tree
    /// from before the generic blocks moved to `blocks/`).
    #[error("{}: no {krate} crate there, which the template depends on", path.display())]
    MissingCrate {
        /// The crate (`clodo-auth`).
        krate: &'static str,
        /// The manifest looked for.
        path: PathBuf,
    },
    /// Writing failed (nothing was left behind).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

struct File {
    path: &'static str,
    text: &'static str,
}

macro_rules! template {
    ($path:literal => $file:literal) => {
        File {
            path: $path,
            text: include_str!(concat!("../../templates/", $file)),
        }
    };
}

const COMMON: &[File] = &[
    template!("Cargo.toml" => "common/Cargo.toml.tmpl"),
    template!("build.rs" => "common/build.rs.tmpl"),
    template!("src/main.rs" => "common/main.rs.tmpl"),
    template!(".gitignore" => "common/gitignore.tmpl"),
    template!("domains/dev.localhost.toml" => "common/dev.toml.tmpl"),
    template!("README.md" => "common/README.md.tmpl"),
];

const BASIC: &[File] = &[
    template!("src/lib.rs" => "basic/lib.rs.tmpl"),
    template!("migrations/0001_init.sql" => "basic/0001_init.sql.tmpl"),
    template!("tests/http.rs" => "basic/http.rs.tmpl"),
];

const CRUD: &[File] = &[
    template!("src/lib.rs" => "crud/lib.rs.tmpl"),
    template!("migrations/0001_init.sql" => "crud/0001_init.sql.tmpl"),
    template!("tests/http.rs" => "crud/http.rs.tmpl"),
    template!("schema/data.toml" => "crud/data.toml.tmpl"),
];

/// What a template puts into the common files (the README's tour).
struct Parts {
    files: &'static [File],
    tour: &'static str,
    public_tour: &'static str,
    staff_tour: &'static str,
    data_blurb: &'static str,
    data_files: &'static str,
    /// The generic blocks the template mounts (crate names, from the same
    /// source as `clodo-sdk`).
    blocks: &'static [&'static str],
}

const BASIC_PARTS: Parts = Parts {
    files: BASIC,
    tour: include_str!("../../templates/basic/tour.md.tmpl"),
    public_tour: "curl -s 127.0.0.1:8787/hello\n\
                  curl -si 127.0.0.1:8787/notes/mine          # 401: no token\n",
    staff_tour: "curl -s 127.0.0.1:8787/notes -H \"authorization: Bearer $STAFF_TOKEN\"\n",
    data_blurb: "",
    data_files: "",
    blocks: &["clodo-auth"],
};

const CRUD_PARTS: Parts = Parts {
    files: CRUD,
    tour: include_str!("../../templates/crud/tour.md.tmpl"),
    public_tour: "curl -s 127.0.0.1:8787/items\n\
                  curl -si -X POST 127.0.0.1:8787/items -H 'content-type: application/json' -d '{}'   # 401: no token\n",
    staff_tour: "curl -si -X DELETE 127.0.0.1:8787/items/1 -H \"authorization: Bearer $STAFF_TOKEN\"     # 204\n\
                 curl -s 127.0.0.1:8787/data/suppliers -H \"authorization: Bearer $STAFF_TOKEN\"   # staff see every supplier\n",
    data_blurb: " and its data block",
    data_files: "\n- `schema/data.toml`: the data block's models, served at `/data/<model>`.",
    blocks: &["clodo-auth", "clodo-data"],
};

/// Names cargo or the platforms reserve.
const RESERVED: &[&str] = &[
    "test",
    "core",
    "std",
    "alloc",
    "proc_macro",
    "proc-macro",
    "build",
    "deps",
    "examples",
    "incremental",
    "clodo",
    "clodo-sdk",
    "clodo_sdk",
    "clodo-macros",
    "clodo-codegen",
    "con",
    "prn",
    "aux",
    "nul",
    "com1",
    "com2",
    "com3",
    "com4",
    "lpt1",
    "lpt2",
    "lpt3",
    "self",
    "super",
    "crate",
];

/// Checks that `name` can be the new crate's name.
pub fn check_name(name: &str) -> Result<(), ScaffoldError> {
    let fail = |reason: &str| {
        Err(ScaffoldError::InvalidName {
            name: name.to_owned(),
            reason: reason.to_owned(),
        })
    };
    if name.is_empty() {
        return fail("it is empty");
    }
    if name.len() > 64 {
        return fail("it is longer than 64 characters");
    }
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return fail("it must start with a lowercase letter (a-z)");
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
    {
        return fail(&format!(
            "{c:?} is not allowed; use lowercase letters, digits, `-` and `_`"
        ));
    }
    let snake = name.replace('-', "_");
    if RESERVED.contains(&name) || RESERVED.contains(&snake.as_str()) || is_keyword(&snake) {
        return fail("it is reserved (a Rust keyword, a standard crate or a name cargo uses)");
    }
    Ok(())
}

fn is_keyword(s: &str) -> bool {
    [
        "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern",
        "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "static", "struct", "trait", "true", "type", "unsafe",
        "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override",
        "priv", "try", "typeof", "unsized", "virtual", "yield",
    ]
    .contains(&s)
}

/// Whether `dir` lies inside a cargo workspace (so the new crate needs a
/// `[workspace]` table of its own to build by itself).
fn inside_workspace(dir: &Path) -> bool {
    dir.ancestors().skip(1).any(|d| {
        std::fs::read_to_string(d.join("Cargo.toml")).is_ok_and(|t| t.contains("[workspace]"))
    })
}

fn absolute(p: &Path) -> Result<PathBuf, ScaffoldError> {
    std::path::absolute(p).map_err(|source| ScaffoldError::Io {
        path: p.to_path_buf(),
        source,
    })
}

/// What `new_block` wrote.
#[derive(Debug)]
pub struct Scaffolded {
    /// The crate directory.
    pub dir: PathBuf,
    /// Files written, relative to it.
    pub files: Vec<PathBuf>,
    /// The `clodo-sdk` dependency line written (`clodo-sdk = { .. }`).
    pub sdk: String,
    /// The dependency lines of the generic blocks it mounts
    /// (`clodo-auth = { .. }`), from the same source.
    pub blocks: Vec<String>,
}

/// Writes a new block crate named `name` into `dir` (which must be missing or empty).
pub fn new_block(
    name: &str,
    dir: &Path,
    template: Template,
    sdk: &Source,
) -> Result<Scaffolded, ScaffoldError> {
    check_name(name)?;
    let dir = absolute(dir)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ScaffoldError::Io { path, source }
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(&dir).map_err(io(&dir))?;
        if entries.next().is_some() {
            return Err(ScaffoldError::NotEmpty(dir));
        }
    }
    let parts = match template {
        Template::Basic => &BASIC_PARTS,
        Template::Crud => &CRUD_PARTS,
    };
    if let Source::Path(root) = sdk {
        for &krate in parts.blocks {
            let path = root.join(own_crates::folder_of(krate)).join("Cargo.toml");
            if !path.is_file() {
                return Err(ScaffoldError::MissingCrate { krate, path });
            }
        }
    }
    let sdk_line = sdk.dependency("clodo-sdk", &dir, &[]);
    let block_lines: Vec<String> = parts
        .blocks
        .iter()
        .map(|b| format!("{b} = {}", sdk.dependency(b, &dir, &[])))
        .collect();
    let blocks_toml: String = block_lines.iter().map(|l| format!("{l}\n")).collect();
    let workers_tools = match sdk {
        Source::Path(root) => format!(
            "`bash {}` (about 5 minutes)",
            root.join(".ci/install-workers.sh").display()
        ),
        _ => "`bash .ci/install-workers.sh` in a clone of Clodo (about 5 minutes)".to_owned(),
    };
    let workspace = if inside_workspace(&dir) {
        "\n# Builds on its own inside the enclosing workspace's directory; remove this\n\
         # table and add the crate to that workspace's members to make it one of them.\n\
         [workspace]\n"
    } else {
        ""
    };
    let crate_name = name.to_snake_case();
    let type_name = name.to_upper_camel_case();
    let fill = |text: &str| {
        text.replace("{{name}}", name)
            .replace("{{crate}}", &crate_name)
            .replace("{{Type}}", &type_name)
            .replace("{{sdk}}", &sdk_line)
            .replace("{{blocks}}", &blocks_toml)
            .replace("{{workspace}}", workspace)
            .replace("{{tour}}", parts.tour)
            .replace("{{public_tour}}", parts.public_tour)
            .replace("{{staff_tour}}", parts.staff_tour)
            .replace("{{data_blurb}}", parts.data_blurb)
            .replace("{{data_files}}", parts.data_files)
            .replace("{{workers_tools}}", &workers_tools)
    };

    // Stage beside the target, then move into place.
    let parent = dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.clone());
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let stage = parent.join(format!(".{name}.clodo-new-{}", std::process::id()));
    let result = (|| {
        let mut written = Vec::new();
        for f in COMMON.iter().chain(parts.files) {
            let path = stage.join(f.path);
            if let Some(d) = path.parent() {
                std::fs::create_dir_all(d).map_err(io(d))?;
            }
            std::fs::write(&path, fill(f.text)).map_err(io(&path))?;
            written.push(PathBuf::from(f.path));
        }
        // The schema `domains/*.toml` name on their first line, for editors.
        let schema = Path::new("domains").join(crate::domain::SCHEMA_FILE);
        let path = stage.join(&schema);
        std::fs::write(&path, crate::domain::schema_text()).map_err(io(&path))?;
        written.push(schema);
        // Start from the versions Clodo itself is tested with (cargo drops
        // what the new crate does not use), rather than whatever is newest.
        if let Some(lock) = sdk.lock_file() {
            let path = stage.join("Cargo.lock");
            std::fs::copy(&lock, &path).map_err(io(&path))?;
            written.push(PathBuf::from("Cargo.lock"));
        }
        if dir.exists() {
            std::fs::remove_dir(&dir).map_err(io(&dir))?;
        }
        std::fs::rename(&stage, &dir).map_err(io(&dir))?;
        Ok(written)
    })();
    match result {
        Ok(files) => Ok(Scaffolded {
            dir,
            files,
            sdk: format!("clodo-sdk = {sdk_line}"),
            blocks: block_lines,
        }),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&stage);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(check_name("bakery-orders").is_ok());
        assert!(check_name("a1_b").is_ok());
        for bad in [
            "",
            "Bakery",
            "1st",
            "bakery orders",
            "std",
            "fn",
            "test",
            "clodo-sdk",
            "über",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn refuses_non_empty_dirs_and_leaves_nothing_on_failure() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("x");
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("keep"), "").expect("write");
        let err = new_block("x", &dir, Template::Basic, &Source::Version("0.1.0".into()))
            .expect_err("not empty");
        assert!(matches!(err, ScaffoldError::NotEmpty(_)), "{err}");
        let err = new_block(
            "Bad",
            &tmp.path().join("y"),
            Template::Basic,
            &Source::Version("0.1.0".into()),
        )
        .expect_err("bad name");
        assert!(err.to_string().contains("lowercase"), "{err}");
        assert!(!tmp.path().join("y").exists());
        let entries: Vec<_> = std::fs::read_dir(tmp.path()).expect("read").collect();
        assert_eq!(entries.len(), 1, "no staging directory left behind");
    }

    #[test]
    fn a_tree_without_the_blocks_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let old = tmp.path().join("clodo");
        std::fs::create_dir_all(old.join("clodo-sdk")).expect("mkdir");
        std::fs::write(old.join("clodo-sdk/Cargo.toml"), "name = \"clodo-sdk\"\n").expect("write");
        let err = new_block(
            "x",
            &tmp.path().join("x"),
            Template::Basic,
            &Source::Path(old.clone()),
        )
        .expect_err("no blocks/auth");
        assert!(
            matches!(&err, ScaffoldError::MissingCrate { krate: "clodo-auth", path }
                if *path == old.join("blocks/auth/Cargo.toml")),
            "{err}"
        );
        assert!(!tmp.path().join("x").exists());
    }

    #[test]
    fn fills_placeholders() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = new_block(
            "pet-shop",
            &tmp.path().join("pet-shop"),
            Template::Crud,
            &Source::Version("0.1.0".into()),
        )
        .expect("scaffolds");
        let lib = std::fs::read_to_string(out.dir.join("src/lib.rs")).expect("lib");
        assert!(lib.contains("pub struct PetShop;"));
        assert!(!lib.contains("{{"));
        let manifest = std::fs::read_to_string(out.dir.join("Cargo.toml")).expect("manifest");
        assert!(
            manifest.contains(
                "clodo-sdk = { version = \"0.1.0\" }\n\
                               clodo-auth = { version = \"0.1.0\" }\n\
                               clodo-data = { version = \"0.1.0\" }\n"
            ),
            "{manifest}"
        );
        assert_eq!(
            out.blocks,
            [
                r#"clodo-auth = { version = "0.1.0" }"#,
                r#"clodo-data = { version = "0.1.0" }"#
            ]
        );
        assert!(out.dir.join("schema/data.toml").exists());
        assert!(
            !out.dir.join("Cargo.lock").exists(),
            "no lock file from a registry source"
        );
        assert!(out.dir.join("domains/dev.localhost.toml").exists());
        assert!(out.dir.join("domains/domain.schema.json").exists());
        assert!(out.dir.join(".gitignore").exists());
    }
}
