//! Text utilities shared by cleaning, extraction and question parsing: a
//! tokenizer that keeps byte spans, number parsing, and calendar dates.
//!
//! Pure functions over `&str`; no tables beyond month names, no IO.

pub mod date;
pub mod token;

pub use token::{is_possessive, parse_number, title_case, tokenize, Kind, Token};
