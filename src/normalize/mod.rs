//! Normalisation of the values a 公文 writes in free text: Chinese and full-width numerals
//! ([`numeral`]), calendar dates ([`date`]), 完成时限 deadlines ([`deadline`]) and task-role unit
//! and leader lists ([`units`], over the compiled unit [`gazetteer`]). Everything here is a pure, total function over `&str`: no I/O,
//! no panics, and the raw text is never altered — callers keep it and store the normalised value
//! beside it.

pub mod date;
pub mod deadline;
pub mod gazetteer;
pub mod numeral;
pub mod remark;
pub mod units;

pub use date::{is_date_line, parse_date, Date};
pub use deadline::{parse_deadline, Deadline, DeadlineKind, DeadlineWords};
pub use numeral::{ascii_digits, cn_number};
pub use units::{split_list, split_names, UnitRules};
