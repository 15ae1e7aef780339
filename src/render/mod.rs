//! Output: facts and answers as JSON (the contract) or as text for people.

pub mod json;
