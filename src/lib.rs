//! # narcofacts
//!
//! An embedded knowledge base of numeric facts about drug trafficking, built
//! from news articles and official reports, where every number is traced back
//! to the file, byte range and sentence it came from.
//!
//! ```no_run
//! use narcofacts::{Config, KnowledgeBase};
//!
//! # fn main() -> narcofacts::Result<()> {
//! let mut kb = KnowledgeBase::open(Config::new("corpus", "index"))?;
//! kb.sync()?;
//! let answer = kb.ask("heroin seized by customs 2021")?;
//! if let Some(best) = answer.answers.first() {
//!     println!("{} of {} ({})", best.fact.value_text(), best.fact.what.as_deref().unwrap_or("?"), best.fact.doc);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! ## Codemap
//!
//! Data flows one way; each module may use only those above it:
//!
//! | layer | module | does |
//! |---|---|---|
//! | 0 | [`error`], [`span`], [`config`], [`vocab`] | errors, byte spans, settings, closed vocabularies |
//! | 1 | [`lexicon`], [`text`] | word tables (data files), tokenizer, calendar dates |
//! | 2 | [`corpus`] | lists, reads and decodes corpus files; change detection |
//! | 3 | [`clean`] | article text, page furniture removed, title/source/date |
//! | 4 | [`chunk`] | sentences and passages |
//! | 5 | [`extract`] | numeric facts with context |
//! | 6 | [`index`] | the tantivy index: sync with the corpus, read facts and passages |
//! | 7 | [`query`] | questions parsed into structured requests |
//! | 8 | [`search`] | retrieval and ranking |
//! | 9 | [`answer`], [`render`] | answers; human and JSON output |
//! | 10 | [`kb`] | the façade: [`KnowledgeBase`] |
//! | 11 | [`watch`] | keeps the index in step as the corpus changes |

#![warn(missing_docs)]

pub mod config;
pub mod error;
pub mod span;
pub mod vocab;

#[cfg(test)]
mod testing;

pub mod lexicon;
pub mod text;

pub mod corpus;

pub mod clean;

pub mod chunk;

pub mod extract;

pub mod index;

pub mod query;

pub mod answer;
pub mod search;

pub mod kb;

pub mod watch;

pub mod render;

pub use answer::Answer;
pub use config::Config;
pub use error::{Diagnostic, Error, Result, Severity};
pub use extract::{Fact, Period};
pub use kb::{KnowledgeBase, SyncReport};
pub use vocab::{Approx, Event, MassUnit, Unit};
