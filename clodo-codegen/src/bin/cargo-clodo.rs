//! `cargo clodo`: the command-line front of `clodo-codegen`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clodo_codegen::contract;

#[derive(Parser)]
#[command(name = "cargo", bin_name = "cargo")]
enum Cargo {
    /// Clodo: blocks, contracts and clients.
    Clodo(Cli),
}

#[derive(clap::Args)]
#[command(version, about = "Clodo: blocks, contracts and clients")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Export the OpenAPI contract a block serves (the same bytes as its /openapi.json).
    Contract {
        /// The block's package.
        #[arg(short = 'p', long = "package")]
        package: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Compare with the file given by --out instead of writing it; exit 1 on any difference.
        #[arg(long, requires = "out")]
        check: bool,
    },
}

fn main() -> ExitCode {
    let Cargo::Clodo(cli) = Cargo::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), contract::ContractError> {
    match cli.command {
        Command::Contract {
            package,
            out,
            check,
        } => {
            eprintln!("building {package} and reading its contract...");
            let bytes = contract::export(&package, None)?;
            match (out, check) {
                (Some(path), true) => {
                    contract::check(&package, &bytes, &path)?;
                    eprintln!("{} matches the contract {package} serves", path.display());
                }
                (Some(path), false) => {
                    contract::write(&path, &bytes)?;
                    eprintln!("wrote {}", path.display());
                }
                (None, _) => {
                    use std::io::Write as _;
                    std::io::stdout().write_all(&bytes).map_err(|source| {
                        contract::ContractError::Io {
                            path: "<stdout>".into(),
                            source,
                        }
                    })?;
                }
            }
            Ok(())
        }
    }
}
