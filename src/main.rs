//! The `narcofacts` binary: a thin shell over the library. It parses the
//! command line, reads the clock and the terminal, and hands everything else
//! to [`narcofacts::KnowledgeBase`].

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
