//! `cargo clodo new-block`: a new block crate from the templates in
//! `templates/` (embedded in the binary).
//!
//! Everything is written into a staging directory beside the target and
//! renamed into place at the end, so a failure leaves nothing half-written.

use std::path::{Component, Path, PathBuf};

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Which example the new block starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Template {
    /// A public greeting, notes for signed-in users, a staff-only listing.
    #[default]
    Basic,
    /// Items with create, read, update and delete.
    Crud,
}

/// How the new crate depends on `clodo-sdk`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SdkDependency {
    /// A path dependency on this `clodo-sdk` directory.
    Path(PathBuf),
    /// A registry version.
    Version(String),
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
    template!("wrangler.toml" => "common/wrangler.toml.tmpl"),
    template!("README.md" => "common/README.md.tmpl"),
];

const BASIC: &[File] = &[
    template!("src/lib.rs" => "basic/lib.rs.tmpl"),
    template!("migrations/0001_init.sql" => "basic/0001_init.sql.tmpl"),
    template!("tests/http.rs" => "basic/http.rs.tmpl"),
];
const BASIC_TOUR: &str = include_str!("../../templates/basic/tour.md.tmpl");

const CRUD: &[File] = &[
    template!("src/lib.rs" => "crud/lib.rs.tmpl"),
    template!("migrations/0001_init.sql" => "crud/0001_init.sql.tmpl"),
    template!("tests/http.rs" => "crud/http.rs.tmpl"),
];
const CRUD_TOUR: &str = include_str!("../../templates/crud/tour.md.tmpl");

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

/// Finds this repository's `clodo-sdk` by walking up from `start` to a
/// workspace whose `Cargo.toml` lists it.
pub fn find_sdk(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let manifest = d.join("Cargo.toml");
        if let Ok(text) = std::fs::read_to_string(&manifest)
            && text.contains("[workspace]")
            && text.contains("clodo-sdk")
            && d.join("clodo-sdk/Cargo.toml").exists()
        {
            return Some(d.join("clodo-sdk"));
        }
        dir = d.parent();
    }
    None
}

/// Whether `dir` lies inside a cargo workspace (so the new crate needs a
/// `[workspace]` table of its own to build by itself).
fn inside_workspace(dir: &Path) -> bool {
    dir.ancestors().skip(1).any(|d| {
        std::fs::read_to_string(d.join("Cargo.toml")).is_ok_and(|t| t.contains("[workspace]"))
    })
}

/// `to` relative to `from` (both absolute).
fn relative(from: &Path, to: &Path) -> PathBuf {
    let a: Vec<Component<'_>> = from.components().collect();
    let b: Vec<Component<'_>> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    for c in &b[common..] {
        out.push(c.as_os_str());
    }
    out
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
    /// The `clodo-sdk` dependency line used.
    pub sdk: String,
}

/// Writes a new block crate named `name` into `dir` (which must be missing or empty).
pub fn new_block(
    name: &str,
    dir: &Path,
    template: Template,
    sdk: &SdkDependency,
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
    let sdk_line = match sdk {
        SdkDependency::Path(p) => {
            let p = absolute(p)?;
            let rel = relative(&dir, &p);
            format!(
                "{{ path = {:?} }}",
                rel.to_string_lossy().replace('\\', "/")
            )
        }
        SdkDependency::Version(v) => format!("{v:?}"),
    };
    let workspace = if inside_workspace(&dir) {
        "\n# Builds on its own inside the enclosing workspace's directory; remove this\n\
         # table and add the crate to that workspace's members to make it one of them.\n\
         [workspace]\n"
    } else {
        ""
    };
    let (files, tour) = match template {
        Template::Basic => (BASIC, BASIC_TOUR),
        Template::Crud => (CRUD, CRUD_TOUR),
    };
    let crate_name = name.to_snake_case();
    let type_name = name.to_upper_camel_case();
    let fill = |text: &str| {
        text.replace("{{name}}", name)
            .replace("{{crate}}", &crate_name)
            .replace("{{Type}}", &type_name)
            .replace("{{sdk}}", &sdk_line)
            .replace("{{workspace}}", workspace)
            .replace("{{tour}}", tour)
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
        for f in COMMON.iter().chain(files) {
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
            sdk: sdk_line,
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
    fn relative_paths() {
        assert_eq!(
            relative(
                Path::new("/w/main/blocks/x"),
                Path::new("/w/main/clodo-sdk")
            ),
            PathBuf::from("../../clodo-sdk")
        );
    }

    #[test]
    fn refuses_non_empty_dirs_and_leaves_nothing_on_failure() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("x");
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("keep"), "").expect("write");
        let err = new_block(
            "x",
            &dir,
            Template::Basic,
            &SdkDependency::Version("0.1.0".into()),
        )
        .expect_err("not empty");
        assert!(matches!(err, ScaffoldError::NotEmpty(_)), "{err}");
        let err = new_block(
            "Bad",
            &tmp.path().join("y"),
            Template::Basic,
            &SdkDependency::Version("0.1.0".into()),
        )
        .expect_err("bad name");
        assert!(err.to_string().contains("lowercase"), "{err}");
        assert!(!tmp.path().join("y").exists());
        let entries: Vec<_> = std::fs::read_dir(tmp.path()).expect("read").collect();
        assert_eq!(entries.len(), 1, "no staging directory left behind");
    }

    #[test]
    fn fills_placeholders() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = new_block(
            "pet-shop",
            &tmp.path().join("pet-shop"),
            Template::Crud,
            &SdkDependency::Version("0.1.0".into()),
        )
        .expect("scaffolds");
        let lib = std::fs::read_to_string(out.dir.join("src/lib.rs")).expect("lib");
        assert!(lib.contains("pub struct PetShop;"));
        assert!(!lib.contains("{{"));
        let manifest = std::fs::read_to_string(out.dir.join("Cargo.toml")).expect("manifest");
        assert!(manifest.contains("clodo-sdk = \"0.1.0\""), "{manifest}");
        assert!(out.dir.join("domains/dev.localhost.toml").exists());
        assert!(out.dir.join("domains/domain.schema.json").exists());
        assert!(out.dir.join(".gitignore").exists());
    }
}
