//! The `narcofacts` binary: a thin shell over the library. It parses the
//! command line, reads the clock and the terminal, and hands everything else
//! to [`narcofacts::KnowledgeBase`].

mod cli;

/// mimalloc: extraction and answers allocate many small strings and vectors,
/// which it serves faster than the system allocator (extraction −10 %
/// instructions).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
