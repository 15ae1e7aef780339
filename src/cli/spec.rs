//! The REPL's commands: one table with usage, help and examples. `:help`,
//! the hints and a test that runs every example all read it.

/// One REPL command.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    /// Name, with its colon.
    pub name: &'static str,
    /// Usage line.
    pub usage: &'static str,
    /// One line of help.
    pub help: &'static str,
    /// Lines a user can type, each a working example.
    pub examples: &'static [&'static str],
}

/// Every REPL command. Anything else typed is a question.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: ":help",
        usage: ":help [COMMAND]",
        help: "list commands, or explain one",
        examples: &[":help", ":help :facts"],
    },
    CommandSpec {
        name: ":sources",
        usage: ":sources",
        help: "list the indexed articles with title, date and fact count",
        examples: &[":sources"],
    },
    CommandSpec {
        name: ":show",
        usage: ":show DOC",
        help: "print an article of the corpus",
        examples: &[":show a.txt"],
    },
    CommandSpec {
        name: ":facts",
        usage: ":facts [FILTER]",
        help: "list facts; every substance, agency, place, event and period named must hold",
        examples: &[":facts", ":facts heroin since 2018 customs", ":facts seized in Azerbaijan in 2018"],
    },
    CommandSpec {
        name: ":json",
        usage: ":json on|off",
        help: "print answers as JSON (the --json format) or as text",
        examples: &[":json on", ":json off"],
    },
    CommandSpec {
        name: ":why",
        usage: ":why",
        help: "explain how the last question was read and why each answer ranked",
        examples: &[":why"],
    },
    CommandSpec {
        name: ":sync",
        usage: ":sync",
        help: "bring the index in step with the corpus now (also done before every question)",
        examples: &[":sync"],
    },
    CommandSpec { name: ":quit", usage: ":quit", help: "leave (also Ctrl-D)", examples: &[] },
];

/// The command named `name` (with or without its colon).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    let name = if name.starts_with(':') { name.to_owned() } else { format!(":{name}") };
    COMMANDS.iter().find(|c| c.name == name || (c.name == ":quit" && (name == ":q" || name == ":exit")))
}
