//! Periods: what time a figure covers, written as the contract's `YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD` or a range `A..B`.
//!
//! # Grammar
//!
//! [`find`] reads these period expressions in a sentence (case ignored):
//!
//! | written | expression |
//! |---|---|
//! | `2017`, `in 2017`, `2013-2023`, `between 2013 and 2023`, `2022/23`, `FY2023` | years |
//! | `this year`, `last year`, `the previous year`, `next year`, `earlier this year` | a year relative to the article's |
//! | `July 2018`, `in July`, `January-September this year`, `between January and July 2024`, `from January to July` | months |
//! | `the first half of 2024`, `H1 2024`, `the first quarter of 2024`, `Q3 2023`, `the first seven months of 2024`, `ten months of 2025`, `over ten months` | months from January (the year of the text when none is named) |
//! | `as of July`, `as of July 2024` | January to that month |
//! | `the first week of May`, `the last week of March 2024` | seven days of a month |
//! | `April 16-17`, `September 5`, `5 September 2019`, `October 2, 2024`, `12.09.2019` | days |
//! | `over the past 10 years`, `in the last two decades`, `the past decade` | the N years up to the sentence's latest year, else the article's |
//! | `the same period of the previous year`, `the same period last year`, `the same period in 2023` | the sentence's frame, another year |
//! | `the past 12 months`, `the past week`, `the last 10 days` | up to the article's date |
//! | `last week`, `this week` | that calendar week, Monday to Sunday (this week: to the article's date) |
//! | `on Tuesday`, `early on Thursday`, `last Friday` | the latest such day on or before the article's date (before it after `last`) |
//! | `over the weekend`, `at the weekend`, `last weekend`, `a weekend operation` | the Saturday and Sunday on or before the article's date (before it after `last`) |
//! | `late last year`, `early 2025`, `mid-2024` | the whole period: the word before it is read as part of it |
//! | `since 2015`, `began in 2015` | from then to the article's year |
//! | `since January`, `since the start of the year` | from then to the article's month |
//! | `year to date`, `YTD`, `so far this year`, `so far in 2024`, `2024 to date` | January to the article's month (all the year when it is over) |
//! | `fiscal year to date`, `FYTD`, `so far this fiscal year`, `in fiscal 2024 so far` | the fiscal year to the article's month |
//! | `the same period of fiscal year 2023`, `the same period last fiscal year` | the sentence's frame, another fiscal year |
//! | `from 2020 to date` | from then to the article's year |
//! | `months earlier`, `weeks earlier` | the year of the text before |
//! | `the 1990s` | a decade |
//!
//! Each expression gets a [`Role`]: a period right after a comparison word
//! ("compared to 2021") is a baseline; one next to a verb of saying ("said on
//! July 9", "a statement on Sunday said") or before a document noun ("the 2019
//! edition") is a reference; neither frames the other figures of the sentence.

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;

use super::scan::Scan;
use crate::lexicon::{FiscalCalendar, Lexicon};
use crate::text::date::{date_at, day_of, month, weekday, year};
use crate::text::{parse_number, Kind};

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PDate {
    /// Year.
    pub year: i16,
    /// Month (1–12), if known.
    pub month: Option<i8>,
    /// Day of month, if known (then `month` is known too).
    pub day: Option<i8>,
}

impl PDate {
    /// A whole year.
    pub fn year(year: i16) -> PDate {
        PDate { year, month: None, day: None }
    }

    /// A whole month.
    pub fn month(year: i16, month: i8) -> PDate {
        PDate { year, month: Some(month), day: None }
    }

    /// One day.
    pub fn day(year: i16, month: i8, day: i8) -> PDate {
        PDate { year, month: Some(month), day: Some(day) }
    }

    /// The first day this date covers.
    pub fn first_day(&self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// The last day this date covers.
    pub fn last_day(&self) -> Date {
        let m = self.month.unwrap_or(12);
        match self.day {
            Some(d) => Date::new(self.year, m, d).unwrap_or(Date::MAX),
            None => Date::new(self.year, m, 1).map(|d| d.last_of_month()).unwrap_or(Date::MAX),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PDate> {
        let mut parts = s.split('-');
        let y: i16 = parts.next()?.parse().ok()?;
        let m: Option<i8> = parts.next().map(str::parse).transpose().ok()?;
        let d: Option<i8> = parts.next().map(str::parse).transpose().ok()?;
        if parts.next().is_some()
            || m.is_some_and(|m| !(1..=12).contains(&m))
            || d.is_some_and(|d| !(1..=31).contains(&d))
        {
            return None;
        }
        Some(PDate { year: y, month: m, day: d })
    }
}

impl fmt::Display for PDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A period: one date or a range of dates (both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// First date.
    pub start: PDate,
    /// Last date.
    pub end: PDate,
}

impl Period {
    /// A period of one date.
    pub fn single(d: PDate) -> Period {
        Period { start: d, end: d }
    }

    /// A whole year.
    pub fn year(y: i16) -> Period {
        Period::single(PDate::year(y))
    }

    /// A range; the ends are swapped if written backwards.
    pub fn range(a: PDate, b: PDate) -> Period {
        if b.first_day() < a.first_day() {
            Period { start: b, end: a }
        } else {
            Period { start: a, end: b }
        }
    }

    /// Parses the wire format (`2024`, `2024-07`, `2024-01..2024-07`).
    pub fn parse(s: &str) -> Option<Period> {
        match s.split_once("..") {
            Some((a, b)) => Some(Period::range(PDate::parse(a.trim())?, PDate::parse(b.trim())?)),
            None => Some(Period::single(PDate::parse(s.trim())?)),
        }
    }

    /// First day covered.
    pub fn first_day(&self) -> Date {
        self.start.first_day()
    }

    /// Last day covered.
    pub fn last_day(&self) -> Date {
        self.end.last_day()
    }

    /// The first and last day as `yyyymmdd` numbers (for range filters).
    pub fn day_numbers(&self) -> (i64, i64) {
        let n = |d: Date| i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day());
        (n(self.first_day()), n(self.last_day()))
    }

    /// True when every day of `other` is in this period.
    pub fn contains(&self, other: &Period) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }

    /// True when the two periods share a day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// Number of days the two periods share (0 when they do not overlap).
    pub fn shared_days(&self, other: &Period) -> i64 {
        let first = self.first_day().max(other.first_day());
        let last = self.last_day().min(other.last_day());
        if first > last {
            return 0;
        }
        (last - first).get_days() as i64 + 1
    }

    /// Number of days covered.
    pub fn days(&self) -> i64 {
        (self.last_day() - self.first_day()).get_days() as i64 + 1
    }

    /// The same period `years` years later (earlier when negative).
    pub fn shift_years(&self, years: i16) -> Period {
        let s = |d: PDate| PDate { year: d.year + years, ..d };
        Period { start: s(self.start), end: s(self.end) }
    }

    /// True for twelve whole months not from January: a fiscal year such
    /// as `2023-10..2024-09`.
    pub fn is_split_year(&self) -> bool {
        match (self.start.month, self.start.day, self.end.month, self.end.day) {
            (Some(m1), None, Some(m2), None) => m1 > 1 && self.end.year == self.start.year + 1 && m2 == m1 - 1,
            _ => false,
        }
    }

    /// The period at year precision.
    pub fn years_only(&self) -> Period {
        Period::range(PDate::year(self.start.year), PDate::year(self.end.year))
    }

    /// The latest year the period touches.
    pub fn end_year(&self) -> i16 {
        self.end.year
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Period::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a period: {s:?}")))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}..{}", self.start, self.end)
        }
    }
}

/// A year written in a period expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written out.
    Abs(i16),
    /// Relative to the article's year: 0 this year, -1 last year.
    Rel(i16),
    /// Not written: the year of the text around it.
    Context,
}

/// A period expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// From one year to another (often the same).
    Years(YearRef, YearRef),
    /// Months `from..=to` of a year.
    Months {
        /// First month.
        from: i8,
        /// Last month.
        to: i8,
        /// The year.
        year: YearRef,
    },
    /// Days `from..=to` of a month.
    Days {
        /// The month.
        month: i8,
        /// First day.
        from: i8,
        /// Last day.
        to: i8,
        /// The year.
        year: YearRef,
    },
    /// The N years up to an anchor year.
    PastYears(i16),
    /// The sentence's frame period in another year.
    SamePeriod(YearRef),
    /// From a date (a year, or a month: "since July 2016") to the article's year.
    Since(PDate),
    /// The year of the text before ("months earlier").
    Earlier,
    /// A decade, by its first year.
    Decade(i16),
    /// A month relative to the article's date: 0 this month, -1 last month.
    RelMonth(i8),
    /// The N days up to the article's date ("the past week", "the last 10 days").
    PastDays(i16),
    /// A calendar week, Monday to Sunday, relative to the article's: 0 this
    /// week (up to the article's date), -1 last week.
    RelWeek(i8),
    /// From a month without a year ("since January") to the article's month.
    SinceMonth(i8),
    /// A weekday near the article's date ("on Tuesday", "last Friday"): the
    /// latest one on or before it ("last": before it); in a sentence about
    /// the future ("will be charged on Tuesday", "next Monday") the first
    /// one on or after it ("next": after it).
    Weekday {
        /// Monday 1 to Sunday 7.
        day: i8,
        /// Written after "last" or "next": never the article's own day.
        strict: bool,
        /// In a sentence about the future: a day after the article's.
        ahead: bool,
        /// The last day of a run of days ("on Saturday and Sunday",
        /// "from Friday to Sunday"), when there is one.
        through: Option<i8>,
    },
    /// The weekend on or before the article's date ("over the weekend",
    /// "last weekend"): its Saturday and Sunday; "last" skips a weekend the
    /// article's date falls in.
    Weekend {
        /// Written after "last": never the article's own weekend.
        strict: bool,
    },
    /// A day N days before the article's date ("yesterday", "last night").
    DaysAgo(i8),
    /// The day the text before last named, moved N days ("the same day": 0,
    /// "the next day": 1, "the day before": -1).
    DayOfEarlier(i8),
    /// The N months up to the article's month ("the past 12 months").
    PastMonths(i8),
    /// N months up to a named month ("the year to March 2024", "the 12
    /// months ending June"), across the turn of a year when need be.
    MonthsTo {
        /// How many months.
        months: i8,
        /// The last month.
        to: i8,
        /// Its year.
        year: YearRef,
    },
    /// "the year before", "a year earlier", "the previous year", "a decade
    /// earlier" (10): the year N before the sentence's frame ([`Anchor::frame`]),
    /// else before the article's year. `fiscal`: "the previous fiscal year",
    /// with no frame the fiscal year before the article's.
    YearsBefore {
        /// How many years back.
        years: i16,
        /// A fiscal year was named.
        fiscal: bool,
    },
    /// From one written point to another of any precision ("between January
    /// 2022 and March 2023", "from May 2023 through June 2024", "between March
    /// 1 and March 15"); a first point without a year takes the last one's.
    Span(Point, Point),
    /// A fiscal year: "fiscal year 2024", "FY24", "last fiscal year" (the
    /// year it is named by), or "the 2023-24 financial year" (`split`: the
    /// year it starts in). Its months are those of the article's country
    /// ([`Anchor::fiscal`]); with none known, the calendar year(s) written.
    Fiscal {
        /// The year named, or the first of a split year.
        year: YearRef,
        /// Written as a split year ("2023/24").
        split: bool,
        /// Only up to the article's month: "fiscal year to date", "so far
        /// in fiscal 2024".
        to_date: bool,
    },
    /// Months of a fiscal year counted from its first: "the first half of
    /// 2024–25" (July to December 2024 in Australia), "the first quarter of
    /// FY2025". With no fiscal calendar known, a split year's whole span.
    FiscalMonths {
        /// First month, counted from the fiscal year's first (1).
        from: i8,
        /// Last month, counted the same way.
        to: i8,
        /// The fiscal year, as [`Expr::Fiscal`] names it.
        year: YearRef,
        /// Written as a split year ("2024/25").
        split: bool,
    },
    /// A calendar year up to the article's month, when the article is of that
    /// year ("year to date", "so far in 2024", "this year so far"); else the
    /// whole year.
    ToDate(YearRef),
    /// The sentence's frame period in another fiscal year: "the same period
    /// of fiscal year 2023", "the same period last fiscal year".
    SameFiscalPeriod(YearRef),
}

impl FiscalCalendar {
    /// The fiscal year named `name`.
    pub fn year(&self, name: i16) -> Period {
        let first = if self.named_by_start || self.starts == 1 { name } else { name - 1 };
        self.starting_in(first)
    }

    /// The fiscal year that starts in calendar year `first`.
    pub fn starting_in(&self, first: i16) -> Period {
        if self.starts == 1 {
            return Period::year(first);
        }
        Period::range(PDate::month(first, self.starts), PDate::month(first + 1, self.starts - 1))
    }

    /// The name of the fiscal year that holds `date`.
    pub fn name_of(&self, date: Date) -> i16 {
        let first = if date.month() >= self.starts { date.year() } else { date.year() - 1 };
        if self.named_by_start || self.starts == 1 {
            first
        } else {
            first + 1
        }
    }
}

/// One end of a [`Expr::Span`]: a year, a month of it or a day of that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The year.
    pub year: YearRef,
    /// The month, if written.
    pub month: Option<i8>,
    /// The day, if written (then the month is too).
    pub day: Option<i8>,
}

impl Point {
    /// The point a one-point expression names (a year, a month, a day).
    fn of(e: &Expr) -> Option<Point> {
        match *e {
            Expr::Years(x, y) if x == y && x != YearRef::Context => Some(Point { year: x, month: None, day: None }),
            Expr::Months { from, to, year } if from == to => Some(Point { year, month: Some(from), day: None }),
            Expr::Days { month, from, to, year } if from == to => {
                Some(Point { year, month: Some(month), day: Some(from) })
            }
            _ => None,
        }
    }

    fn at(&self, year: i16) -> PDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => PDate::day(year, m, d),
            (Some(m), None) => PDate::month(year, m),
            _ => PDate::year(year),
        }
    }
}

/// How a period relates to the figures of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It frames the figures.
    Frame,
    /// A comparison's baseline: it frames only figures after the comparison word.
    Baseline,
    /// It dates a statement or names a document.
    Reference,
    /// It stands in brackets with a figure, and dates that figure alone
    /// ("fell to 232 kg (318 kg in 2022)").
    Own,
}

/// A period expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Tokens it covers.
    pub toks: Range<usize>,
    /// What it says.
    pub expr: Expr,
    /// How it relates to the sentence's figures.
    pub role: Role,
    /// Its number tokens are part of the period, not quantities ("April 16-17");
    /// false for "the past 10 years", whose "10 years" is also a duration.
    pub consumes: bool,
}

/// What resolution needs from outside the sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchor {
    /// The article's year: stated, else inferred from the text.
    pub article_year: Option<i16>,
    /// The period of the text just before.
    pub state: Option<Period>,
    /// The sentence's own frame period (for "the same period of the previous year").
    pub frame: Option<Period>,
    /// The last single day the text before named, in any paragraph (for
    /// "the same day").
    pub earlier_day: Option<Period>,
    /// The latest year written in the sentence.
    pub latest_year: Option<i16>,
    /// The article's full date, when stated (for "last month").
    pub date: Option<Date>,
    /// The fiscal year of the article's country, when it has its own.
    pub fiscal: Option<FiscalCalendar>,
}

impl Anchor {
    /// `whole` cut at the article's month when the article's date falls in
    /// it ("so far this fiscal year" in March 2025: October 2024 to March
    /// 2025); else `whole`.
    fn up_to_date(&self, whole: Period) -> Period {
        let Some(d) = self.date.filter(|&d| whole.first_day() <= d) else { return whole };
        let month = PDate::month(d.year(), d.month());
        // In the period's last month (or after it): all of it.
        if month.last_day() >= whole.last_day() {
            return whole;
        }
        Period::range(PDate::month(whole.start.year, whole.start.month.unwrap_or(1)), month)
    }

    /// The year of a month named without one and without an earlier period to
    /// take it from: the latest that does not start after the article's date
    /// ("in November" in an article of March 2025 is November 2024). `None`
    /// when the year is written, the text before gives it, or the article has
    /// no full date.
    ///
    /// When the text before is on the article's own year, a month after the
    /// article's is still last year's: "In December" in an article of
    /// January 2025 on a seizure "on Wednesday" is December 2024.
    fn unwritten_year(&self, y: YearRef, month: i8) -> Option<i16> {
        let date = self.date.filter(|_| y == YearRef::Context)?;
        let year = date.year();
        match self.state {
            None => Some(if month > date.month() { year - 1 } else { year }),
            Some(state) if state.end_year() == year && month > date.month() => Some(year - 1),
            Some(_) => None,
        }
    }
}

impl Expr {
    /// The period this expression means, given the anchor; `None` when a
    /// needed year is unknown.
    pub fn resolve(&self, a: &Anchor) -> Option<Period> {
        let context_year = || a.state.map(|s| s.end_year()).or(a.article_year);
        let year = |y: YearRef| match y {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(k) => a.article_year.map(|ay| ay + k),
            YearRef::Context => context_year(),
        };
        match *self {
            Expr::Years(x, y) => Some(Period::range(PDate::year(year(x)?), PDate::year(year(y)?))),
            Expr::Months { from, to, year: y } => {
                let y = a.unwritten_year(y, if from > to { to } else { from }).or_else(|| year(y))?;
                // "November to February 2024" starts in 2023.
                let y1 = if from > to { y - 1 } else { y };
                Some(Period::range(PDate::month(y1, from), PDate::month(y, to)))
            }
            Expr::Days { month, from, to, year: y } => {
                let y = a.unwritten_year(y, month).or_else(|| year(y))?;
                // Days past the month's end move the span back into it ("the
                // last week of February": 22 to 28 in 2025).
                let len = Date::new(y, month, 1).ok()?.days_in_month();
                let over = (to - len).max(0);
                Some(Period::range(PDate::day(y, month, from - over), PDate::day(y, month, to - over)))
            }
            Expr::PastYears(n) => {
                let anchor = a.latest_year.or(a.article_year)?;
                Some(Period::range(PDate::year(anchor - n), PDate::year(anchor)))
            }
            Expr::SamePeriod(y) => {
                let frame = a.frame.or(a.state)?;
                match y {
                    YearRef::Rel(k) => Some(frame.shift_years(k)),
                    YearRef::Abs(y) => Some(frame.shift_years(y - frame.start.year)),
                    YearRef::Context => Some(frame),
                }
            }
            Expr::Since(from) => {
                // Up to the article's date, as finely as the start is given:
                // "since 2016" to this year, "since 1 October 2023" to today.
                let dated = a.date.filter(|d| d.year() == a.article_year.unwrap_or(d.year()));
                let to = match (from.month, from.day, dated) {
                    (Some(_), Some(_), Some(d)) => PDate::day(d.year(), d.month(), d.day()),
                    (Some(_), None, Some(d)) => PDate::month(d.year(), d.month()),
                    _ => PDate::year(a.article_year?),
                };
                (to.last_day() >= from.first_day()).then(|| Period::range(from, to))
            }
            Expr::Earlier => a.state.map(|s| s.years_only()),
            Expr::Decade(d) => Some(Period::range(PDate::year(d), PDate::year(d + 9))),
            Expr::YearsBefore { years: n, fiscal } => match a.frame {
                // "In fiscal 2024 (October to September) … the year before":
                // the twelve months before a frame of twelve months.
                Some(p) if p.is_split_year() => Some(p.shift_years(-n)),
                Some(p) => Some(Period::year(p.start.year - n)),
                None if fiscal => Expr::Fiscal { year: YearRef::Rel(-n), split: false, to_date: false }.resolve(a),
                None => a.article_year.map(|y| Period::year(y - n)),
            },
            Expr::RelMonth(k) => {
                let d = a.date?.checked_add(jiff::Span::new().months(k)).ok()?;
                Some(Period::single(PDate::month(d.year(), d.month())))
            }
            Expr::PastDays(n) => {
                let d = a.date?;
                let from = d.checked_sub(jiff::Span::new().days(n)).ok()?;
                Some(Period::range(
                    PDate::day(from.year(), from.month(), from.day()),
                    PDate::day(d.year(), d.month(), d.day()),
                ))
            }
            Expr::RelWeek(k) => {
                let d = a.date?;
                let back = i64::from(d.weekday().to_monday_zero_offset()) - 7 * i64::from(k);
                let monday = d.checked_sub(jiff::Span::new().days(back)).ok()?;
                let sunday = monday.checked_add(jiff::Span::new().days(6)).ok()?;
                let end = if k == 0 { d } else { sunday };
                Some(Period::range(
                    PDate::day(monday.year(), monday.month(), monday.day()),
                    PDate::day(end.year(), end.month(), end.day()),
                ))
            }
            Expr::SinceMonth(m) => {
                let d = a.date?;
                let y = if m > d.month() { d.year() - 1 } else { d.year() };
                Some(Period::range(PDate::month(y, m), PDate::month(d.year(), d.month())))
            }
            Expr::Weekday { day, strict, ahead, through } => {
                let d = a.date?;
                let today = d.weekday().to_monday_one_offset();
                // A run of days is dated by its last.
                let last = through.unwrap_or(day);
                let gap = if ahead { day - today } else { today - last };
                let gap = match gap.rem_euclid(7) {
                    0 if strict => 7,
                    n => n,
                };
                let gap = if ahead { i64::from(gap) } else { -i64::from(gap) };
                let d = d.checked_add(jiff::Span::new().days(gap)).ok()?;
                let one = |d: jiff::civil::Date| PDate::day(d.year(), d.month(), d.day());
                match through.filter(|_| !ahead) {
                    Some(last) => {
                        let first =
                            d.checked_sub(jiff::Span::new().days(i64::from((last - day).rem_euclid(7)))).ok()?;
                        Some(Period::range(one(first), one(d)))
                    }
                    None => Some(Period::single(one(d))),
                }
            }
            Expr::Weekend { strict } => {
                // Days back from the article's date to the weekend's Sunday.
                let d = a.date?;
                let gap = match d.weekday().to_monday_one_offset() {
                    7 if !strict => 0,
                    6 if !strict => -1,
                    n => i64::from(n),
                };
                let sunday = d.checked_sub(jiff::Span::new().days(gap)).ok()?;
                let saturday = sunday.checked_sub(jiff::Span::new().days(1)).ok()?;
                Some(Period {
                    start: PDate::day(saturday.year(), saturday.month(), saturday.day()),
                    end: PDate::day(sunday.year(), sunday.month(), sunday.day()),
                })
            }
            Expr::DaysAgo(n) => {
                let d = a.date?.checked_sub(jiff::Span::new().days(n)).ok()?;
                Some(Period::single(PDate::day(d.year(), d.month(), d.day())))
            }
            Expr::DayOfEarlier(n) => {
                let d = a.earlier_day?.first_day().checked_add(jiff::Span::new().days(n)).ok()?;
                Some(Period::single(PDate::day(d.year(), d.month(), d.day())))
            }
            Expr::PastMonths(n) => {
                let d = a.date?;
                Some(months_up_to(d.year(), d.month(), n))
            }
            Expr::MonthsTo { months, to, year: y } => {
                let y = a.unwritten_year(y, to).or_else(|| year(y))?;
                Some(months_up_to(y, to, months))
            }
            Expr::Span(from, to) => {
                let y2 = to.month.and_then(|m| a.unwritten_year(to.year, m)).or_else(|| year(to.year))?;
                let end = to.at(y2);
                let y1 = match from.year {
                    // "from 5 November to 3 February 2024": November of 2023
                    // (month names alone are read as `Months` above).
                    YearRef::Context if from.at(y2).first_day() > end.first_day() => y2 - 1,
                    YearRef::Context => y2,
                    y => year(y)?,
                };
                Some(Period::range(from.at(y1), end))
            }
            Expr::Fiscal { year: y, split, to_date } => {
                let Some(cal) = a.fiscal else {
                    // No fiscal calendar known: the calendar years written.
                    let y = year(y)?;
                    let whole = Period::range(PDate::year(y), PDate::year(if split { y + 1 } else { y }));
                    return Some(if to_date { a.up_to_date(whole) } else { whole });
                };
                let whole = if split {
                    cal.starting_in(year(y)?)
                } else {
                    let name = match (y, a.date) {
                        // "last fiscal year": counted from the one the article is written in.
                        (YearRef::Rel(k), Some(d)) => cal.name_of(d) + k,
                        _ => year(y)?,
                    };
                    cal.year(name)
                };
                Some(if to_date { a.up_to_date(whole) } else { whole })
            }
            Expr::FiscalMonths { from, to, year: y, split } => {
                let months_of = |whole: Period| {
                    let first = i32::from(whole.start.year) * 12 + i32::from(whole.start.month.unwrap_or(1)) - 1;
                    let last = first + i32::from(to) - 1;
                    // Month numbers are 1..=12 and years stay near the article's.
                    months_up_to(last.div_euclid(12) as i16, (last.rem_euclid(12) + 1) as i8, to - from + 1)
                };
                if y == YearRef::Context {
                    // "the first ten months of the fiscal year" in November
                    // 2024: of the latest fiscal year whose months named are
                    // over (FY2024's, not FY2025's); with no fiscal calendar
                    // known, of the calendar year.
                    let (Some(cal), Some(date)) = (a.fiscal, a.date) else {
                        return Expr::Months { from, to, year: y }.resolve(a);
                    };
                    let name = cal.name_of(date);
                    let this = months_of(cal.year(name));
                    return Some(if this.last_day() <= date { this } else { months_of(cal.year(name - 1)) });
                }
                let whole = Expr::Fiscal { year: y, split, to_date: false }.resolve(a)?;
                if a.fiscal.is_none() && split {
                    return Some(whole);
                }
                Some(months_of(whole))
            }
            Expr::ToDate(y) => Some(a.up_to_date(Period::year(year(y)?))),
            Expr::SameFiscalPeriod(y) => {
                let frame = a.frame.or(a.state)?;
                let shift = match (y, a.fiscal) {
                    (YearRef::Abs(y), Some(cal)) => y - cal.name_of(frame.first_day()),
                    (YearRef::Abs(y), None) => y - frame.start.year,
                    (YearRef::Rel(k), _) => k,
                    (YearRef::Context, _) => 0,
                };
                Some(frame.shift_years(shift))
            }
        }
    }
}

/// The seven days that end with day `day` of `month` of `year`, back into
/// the month before when they start there (February counted as 28 days when
/// the year is not known yet).
fn week_ending(month: i8, day: i8, year: YearRef) -> Expr {
    if day >= 7 {
        return Expr::Days { month, from: day - 6, to: day, year };
    }
    let (prev_month, prev_year) = match year {
        _ if month > 1 => (month - 1, year),
        YearRef::Abs(y) => (12, YearRef::Abs(y - 1)),
        YearRef::Rel(r) => (12, YearRef::Rel(r - 1)),
        // (A first week of January in a year not known: its own days.)
        YearRef::Context => return Expr::Days { month, from: 1, to: day, year },
    };
    // (2001 for a year not known: no leap year.)
    let known = if let YearRef::Abs(y) = prev_year { y } else { 2001 };
    let prev_len = Date::new(known, prev_month, 1).map_or(28, |d| d.days_in_month());
    let first = Point { year: prev_year, month: Some(prev_month), day: Some(prev_len - (6 - day)) };
    Expr::Span(first, Point { year, month: Some(month), day: Some(day) })
}

/// The `n` months that end with month `to` of `year`.
fn months_up_to(year: i16, to: i8, n: i8) -> Period {
    let last = i32::from(year) * 12 + i32::from(to) - 1;
    let first = last - i32::from(n.max(1)) + 1;
    // Month numbers are 1..=12 and years stay near the article's.
    let date = |m: i32| PDate::month(m.div_euclid(12) as i16, (m.rem_euclid(12) + 1) as i8);
    Period::range(date(first), date(last))
}

fn small_number(scan: &Scan, i: usize, lex: &Lexicon) -> Option<i16> {
    match scan.kind(i)? {
        Kind::Number => {
            parse_number(scan.tok(i)).filter(|v| v.fract() == 0.0 && *v > 0.0 && *v < 200.0).map(|v| v as i16)
        }
        Kind::Word => {
            let (hit, end) = scan.phrase_at(&lex.cardinals, i)?;
            if end != i + 1 {
                return None;
            }
            hit.value().copied().filter(|v| v.fract() == 0.0 && *v > 0.0).map(|v| v as i16)
        }
        Kind::Punct => None,
    }
}

/// A day of the month at token `i`: one or two digits, 1 to 31, with an
/// ordinal suffix glued to it or not ("15", "15th").
fn day_at(scan: &Scan, i: usize) -> Option<(i8, usize)> {
    let d = day_of(scan.toks.get(i)?, scan.text)?;
    let suffix = scan.glued(i + 1) && scan.is_any(i + 1, &["st", "nd", "rd", "th"]);
    Some((d, i + 1 + usize::from(suffix)))
}

/// "15 July", "3-5 March", "15th of July": the month, first and last day, and
/// the token after the month.
fn day_first_at(scan: &Scan, i: usize) -> Option<(i8, i8, i8, usize)> {
    let (d1, mut k) = day_at(scan, i)?;
    let mut d2 = d1;
    if day_range_connector(scan, i, k) {
        let (d, e) = day_at(scan, k + 1).filter(|&(d, _)| d > d1)?;
        d2 = d;
        k = e;
    }
    if scan.is(k, "of") {
        k += 1;
    }
    let (m, end) = month_at(scan, k)?;
    Some((m, d1, d2, end))
}

/// True when token `k`, after the day at token `day`, joins it to a last day:
/// a dash ("3-5 March"), "to", "through" or "until" after "from" ("from 1 to
/// 31 July"), "and" after "between" or "on" ("on 17 and 18 June") or
/// between days in a row ("17 and 18 June").
fn day_range_connector(scan: &Scan, day: usize, k: usize) -> bool {
    let opened_by = |w: &str| day > 0 && scan.is(day - 1, w);
    let next_day = || {
        let first = day_at(scan, day).map(|(d, _)| d);
        let second = day_at(scan, k + 1).map(|(d, _)| d);
        matches!((first, second), (Some(a), Some(b)) if b == a + 1)
    };
    scan.is_dash(k)
        || opened_by("from") && scan.is_any(k, &["to", "through", "until", "till"])
        || scan.is(k, "and") && (opened_by("between") || opened_by("on") || next_day())
}

/// A month name at token `i` and the token after it: an abbreviation's dot
/// ("Sept. 20", "Oct. 1") belongs to the name.
fn month_at(scan: &Scan, i: usize) -> Option<(i8, usize)> {
    if !scan.is_word(i) {
        return None;
    }
    let m = month(scan.tok(i))?;
    let abbreviated = scan.tok(i).len() <= 4 && !scan.is_any(i, &["may", "june", "july"]);
    let dot = abbreviated && scan.is_punct(i + 1, '.') && scan.glued(i + 1);
    Some((m, i + 1 + usize::from(dot)))
}

fn year_at(scan: &Scan, i: usize) -> Option<i16> {
    scan.toks.get(i).and_then(|t| year(t, scan.text))
}

/// A year written after a month range or in a "first half of" phrase:
/// `2024`, `of 2024`, `this year`, `last year`, `the previous year`.
fn year_ref_at(scan: &Scan, i: usize) -> Option<(YearRef, usize)> {
    let mut j = i;
    if scan.is(j, "of") || scan.is(j, "in") {
        j += 1;
    }
    if scan.is_punct(j, ',') {
        j += 1;
    }
    if let Some(y) = year_at(scan, j) {
        return Some((YearRef::Abs(y), j + 1));
    }
    relative_year_at(scan, j)
}

/// "this year", "last year", "the previous year", "next year", "the current year".
fn relative_year_at(scan: &Scan, i: usize) -> Option<(YearRef, usize)> {
    let mut j = i;
    if scan.is(j, "the") {
        j += 1;
    }
    let k = if scan.is_any(j, &["this", "current"]) {
        0
    } else if scan.is_any(j, &["last", "previous", "past", "preceding", "prior"]) {
        -1
    } else if scan.is(j, "next") {
        1
    } else {
        return None;
    };
    // "of last year's total": a possessive year is the year.
    scan.is_any(j + 1, &["year", "year's", "year\u{2019}s"]).then_some((YearRef::Rel(k), j + 2))
}

/// Parts of a day, which name it too ("that night").
const DAY_PARTS: &[&str] = &["day", "night", "morning", "afternoon", "evening"];

/// "the same day" (0), "that night" (0), "the next day", "the following
/// morning" (1), "the day before", "the previous day" (-1) at token `i`:
/// the shift and the token one past the phrase.
fn day_of_earlier_at(scan: &Scan, i: usize) -> Option<(i8, usize)> {
    if scan.is(i, "that") && scan.is_any(i + 1, DAY_PARTS) {
        return Some((0, i + 2));
    }
    if !scan.is(i, "the") {
        return None;
    }
    let shift = match scan.lower(i + 1) {
        "same" => 0,
        "next" | "following" => 1,
        "previous" => -1,
        w if DAY_PARTS.contains(&w) && scan.is(i + 2, "before") => return Some((-1, i + 3)),
        _ => return None,
    };
    scan.is_any(i + 2, DAY_PARTS).then_some((shift, i + 3))
}

/// Tokens either side of "today" looked at for a verb of the past.
const TODAY_REACH: usize = 12;

/// True when the words around token `i` tell of the past: a verb in -ed
/// (not a present passive, "is considered") or a past form such as
/// "found", and no future ("were refused bail and will appear in court
/// today").
fn told_in_the_past(scan: &Scan, i: usize, lex: &Lexicon) -> bool {
    let bound = |k: usize| scan.is_punct(k, ';') || scan.is_punct(k, ':');
    let reach_lo = i.saturating_sub(TODAY_REACH);
    let reach_hi = scan.len().min(i + 1 + TODAY_REACH);
    let lo = (reach_lo..i).rev().find(|&k| bound(k)).map_or(reach_lo, |k| k + 1);
    let hi = (i + 1..reach_hi).find(|&k| bound(k)).unwrap_or(reach_hi);
    let future = (lo..hi).any(|k| scan.phrase_at(&lex.grammar.future_auxiliaries, k).is_some());
    !future
        && (lo..hi).filter(|&k| k != i && scan.is_word(k)).any(|k| {
            let w = scan.lower(k);
            let past = w.len() > 4 && w.ends_with("ed") || PAST_FORMS.contains(&w);
            past && !(k > 0 && scan.is_any(k - 1, &["is", "are", "am", "be"]))
        })
}

/// Past forms of verbs news tells its day's events with, besides those in -ed.
const PAST_FORMS: &[&str] = &["found", "caught", "sold", "held", "took", "made", "said", "told", "gave", "led"];

/// The expression starting at token `i`, with the token index one past it and
/// whether its numbers are consumed.
fn expr_at(scan: &Scan, i: usize, lex: &Lexicon) -> Option<(Expr, usize, bool)> {
    if scan.is(i, "yesterday") {
        return Some((Expr::DaysAgo(1), i + 1, true));
    }
    if scan.is(i, "last") && scan.is(i + 1, "night") {
        return Some((Expr::DaysAgo(1), i + 2, true));
    }
    // "the same day", "that night", "the following morning", "the day
    // before": a day of the text before.
    if let Some((shift, end)) = day_of_earlier_at(scan, i) {
        return Some((Expr::DayOfEarlier(shift), end, true));
    }
    // "over the weekend", "at the weekend", "this weekend", "last weekend",
    // "during a weekend operation".
    {
        let j = i + usize::from(scan.is_any(i, &["the", "this", "last", "a"]));
        if j > i && scan.is(j, "weekend") {
            return Some((Expr::Weekend { strict: scan.is(i, "last") }, j + 1, true));
        }
    }
    // "year to date", "YTD": January to the article's month.
    if scan.is_any(i, &["year-to-date", "ytd"]) {
        return Some((Expr::ToDate(YearRef::Rel(0)), i + 1, true));
    }
    if scan.is(i, "year") {
        if let Some(end) = to_date_at(scan, i + 1) {
            return Some((Expr::ToDate(YearRef::Rel(0)), end, true));
        }
    }
    // "so far this year", "so far in 2024", "thus far in fiscal 2024": the
    // year up to the article's month ("this year so far": see `find`).
    if scan.is_any(i, &["so", "thus"]) && scan.is(i + 1, "far") {
        let k = i + 2 + usize::from(scan.is_any(i + 2, &["in", "during", "for"]));
        let (expr, end, consumes) = expr_at(scan, k, lex)?;
        return Some((up_to_date(expr)?, end, consumes));
    }
    // "was sentenced today", "seized … early today", "Today, the judge
    // ordered…", "seized 5 kg of heroin today": the article's day, after a
    // verb of the past or a time of day, or in a clause told in the past;
    // "Today, the country produces…" is no date.
    if scan.is(i, "today") && {
        let w = if i > 0 { scan.lower(i - 1) } else { "" };
        scan.is_any(i.wrapping_sub(1), &["early", "earlier", "late", "later"])
            || i > 0 && scan.is_word(i - 1) && (w.ends_with("ed") || lex.is_event_verb(w))
            || told_in_the_past(scan, i, lex)
    } {
        return Some((Expr::DaysAgo(0), i + 1, true));
    }
    // on Tuesday (night), last Friday, "offloaded … Thursday at"; not "Good
    // Friday" nor "Super Tuesday" (a capitalised word before it).
    if let Some(day) = scan.is_word(i).then(|| weekday(scan.tok(i))).flatten() {
        let after_lower = i > 0
            && (scan.is_punct(i - 1, ',')
                || scan.is_number(i - 1)
                || scan.is_word(i - 1) && scan.tok(i - 1).starts_with(|c: char| c.is_lowercase()));
        if after_lower {
            let end = if scan.is_any(i + 1, &["morning", "afternoon", "evening", "night"]) { i + 2 } else { i + 1 };
            let ahead = scan.is(i - 1, "next")
                || (i.saturating_sub(FUTURE_WORDS)..i)
                    .any(|k| scan.phrase_at(&lex.grammar.future_auxiliaries, k).is_some());
            let strict = scan.is_any(i - 1, &["last", "next"]);
            // "on Saturday and Sunday", "from Friday to Sunday"
            let through = if scan.is_any(end, &["and", "to", "through"]) && scan.is_word(end + 1) {
                weekday(scan.tok(end + 1))
            } else {
                None
            };
            let end = if through.is_some() { end + 2 } else { end };
            return Some((Expr::Weekday { day, strict, ahead, through }, end, true));
        }
        return None;
    }
    if let Some(found) = fiscal_at(scan, i) {
        return Some(found);
    }
    // the same period of the previous year / the same period last year / in 2023
    {
        let mut j = i;
        if scan.is(j, "the") {
            j += 1;
        }
        if scan.is(j, "same") && scan.is_any(j + 1, &["period", "time", "months"]) {
            j += 2;
            // "of fiscal year 2023", "last fiscal year"
            let fiscal_from = j + usize::from(scan.is_any(j, &["of", "in"]));
            if let Some((Expr::Fiscal { year, .. }, end, _)) = fiscal_at(scan, fiscal_from) {
                return Some((Expr::SameFiscalPeriod(year), end, true));
            }
            if let Some((y, end)) = year_ref_at(scan, j) {
                let y = if y == YearRef::Rel(0) { YearRef::Context } else { y };
                return Some((Expr::SamePeriod(y), end, true));
            }
            if scan.is(j, "a") && scan.is(j + 1, "year") && scan.is_any(j + 2, &["earlier", "before", "ago"]) {
                return Some((Expr::SamePeriod(YearRef::Rel(-1)), j + 3, true));
            }
            return Some((Expr::SamePeriod(YearRef::Context), j, true));
        }
    }
    // "the week ending 14 November 2025", "the week to March 9": the seven
    // days up to a date.
    {
        let j = i + usize::from(scan.is(i, "the"));
        if scan.is(j, "week") && scan.is_any(j + 1, &["ending", "ended", "to"]) {
            if let Some((Expr::Days { month, from, to, year }, end, _)) = expr_at(scan, j + 2, lex) {
                if from == to {
                    return Some((week_ending(month, to, year), end, true));
                }
            }
        }
    }
    // the first half / second half / first quarter / first seven months of YEAR; H1 2024; Q3 2023
    {
        let mut j = i;
        if scan.is(j, "the") {
            j += 1;
        }
        let ordinal = |w: &str| match w {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            "last" | "final" => Some(0),
            _ => None,
        };
        if let Some(ord) = scan.toks.get(j).and_then(|_| ordinal(scan.lower(j))) {
            // "the last week of March", "the first week of May 2024": seven
            // days of a month (the last week is moved back to fit the month).
            if scan.is(j + 1, "week") && scan.is(j + 2, "of") {
                if let Some((month, k)) = month_at(scan, j + 3) {
                    let (from, to) = if ord == 0 { (25, 31) } else { (7 * ord - 6, 7 * ord) };
                    let (year, end) = match year_at(scan, k) {
                        Some(y) => (YearRef::Abs(y), k + 1),
                        None => (YearRef::Context, k),
                    };
                    return Some((Expr::Days { month, from, to, year }, end, true));
                }
            }
            let (months, end): (Option<(i8, i8)>, usize) = if scan.is(j + 1, "half") {
                (Some(if ord == 1 { (1, 6) } else { (7, 12) }), j + 2)
            } else if scan.is(j + 1, "quarter") {
                let q = if ord == 0 { 4 } else { ord };
                (Some((3 * q - 2, 3 * q)), j + 2)
            } else if let Some(n) = small_number(scan, j + 1, lex).filter(|&n| (1..=12).contains(&n)) {
                if scan.is_any(j + 2, &["months", "month"]) && ord == 1 {
                    (Some((1, n as i8)), j + 3)
                } else if scan.is_any(j + 2, &["months", "month"]) && ord == 0 {
                    (Some((13 - n as i8, 12)), j + 3)
                } else {
                    (None, j)
                }
            } else {
                (None, j)
            };
            if let Some((from, to)) = months {
                // "the first half of 2024–25", "the first quarter of FY2025": a fiscal year's months.
                let k = end + usize::from(scan.is_any(end, &["of", "in"]));
                if let Some((Expr::Fiscal { year, split, to_date: false }, e, _)) = expr_at(scan, k, lex) {
                    return Some((Expr::FiscalMonths { from, to, year, split }, e, true));
                }
                // "the first ten months of the fiscal year": of the text's
                // fiscal year (see `resolve`).
                let bare_fiscal = scan.is(k, "the").then(|| fiscal_noun_at(scan, k + 1)).flatten();
                if let Some(e) =
                    bare_fiscal.filter(|&e| scan.is(e - 1, "year") && fiscal_year_number(scan, e).is_none())
                {
                    return Some((Expr::FiscalMonths { from, to, year: YearRef::Context, split: false }, e, true));
                }
                let Some((year, end)) = year_ref_at(scan, end) else {
                    // "the last 12 months" of no year named: up to the article's date.
                    if ord == 0 && scan.is_any(end - 1, &["months", "month"]) {
                        return Some((Expr::PastMonths(13 - from), end, true));
                    }
                    // ("the first half of the year": of the year in context.)
                    let of_the_year = scan.is(end, "of") && scan.is(end + 1, "the") && scan.is(end + 2, "year");
                    let end = if of_the_year && !scan.is_number(end + 3) { end + 3 } else { end };
                    return Some((Expr::Months { from, to, year: YearRef::Context }, end, true));
                };
                return Some((Expr::Months { from, to, year }, end, true));
            }
        }
        // the year to March 2024 / the 12 months ending June / the year ended 31 March 2024
        {
            let (months, k) = if scan.is_any(j, &["year", "fiscal", "financial"]) {
                let k = if scan.is(j, "year") { j + 1 } else { j + 1 + usize::from(scan.is(j + 1, "year")) };
                (Some(12), k)
            } else {
                // "the 12 months", "the 12-month period"
                let unit = j + 1 + usize::from(scan.is_punct(j + 1, '-') && scan.glued(j + 1));
                if scan.is_any(unit, &["months", "month"]) {
                    let k = unit + 1 + usize::from(scan.is(unit + 1, "period"));
                    (small_number(scan, j, lex).filter(|&n| (1..=36).contains(&n)).map(|n| n as i8), k)
                } else {
                    (None, j)
                }
            };
            if let Some(months) = months.filter(|_| scan.is_any(k, &["to", "ending", "ended", "through"])) {
                if let Some(found) = months_to(scan, k, months) {
                    return Some(found);
                }
            }
        }
        // "the last Iranian calendar year (ended March 20, 2025)": the twelve
        // months to the date in brackets.
        if scan.is_punct(j, '(') && j > 0 && scan.is(j - 1, "year") && scan.is_any(j + 1, &["ended", "ending"]) {
            if let Some((e, end, consumes)) = months_to(scan, j + 1, 12) {
                return Some((e, end + usize::from(scan.is_punct(end, ')')), consumes));
            }
        }
        // "H1 2024", "Q3 2023": a letter glued to one digit.
        let letter = scan.tok(j);
        let digit = scan.tok(j + 1);
        if scan.is_word(j) && (letter == "H" || letter == "Q") && scan.glued(j + 1) && digit.len() == 1 {
            let n = (digit.as_bytes()[0].wrapping_sub(b'0')) as i8;
            let months = match (letter, n) {
                ("H", 1) => Some((1, 6)),
                ("H", 2) => Some((7, 12)),
                ("Q", 1..=4) => Some((3 * n - 2, 3 * n)),
                _ => None,
            };
            if let Some((from, to)) = months {
                if let Some((year, end)) = year_ref_at(scan, j + 2) {
                    return Some((Expr::Months { from, to, year }, end, true));
                }
            }
        }
    }
    // (over|in|during) the past/last N years|decades ; the past decade
    {
        let mut j = i;
        if scan.is(j, "the") {
            j += 1;
        }
        if scan.is_any(j, &["past", "last", "previous", "preceding"]) {
            if let Some(n) = small_number(scan, j + 1, lex) {
                // "the past 11 calendar months", "the last 11 Iranian
                // (calendar) months": up to two words of the calendar.
                let qualifier = |k: usize| {
                    scan.is_any(k, &["calendar", "full", "consecutive", "solar", "lunar"]) || scan.is_capitalised(k)
                };
                let mut u = j + 2;
                while u < j + 4 && qualifier(u) && (u + 1..=j + 4).any(|k| scan.is_any(k, &["months", "years"])) {
                    u += 1;
                }
                if scan.is_any(u, &["years", "year"]) {
                    return Some((Expr::PastYears(n), u + 1, false));
                }
                if scan.is_any(u, &["decades", "decade"]) {
                    return Some((Expr::PastYears(n * 10), u + 1, false));
                }
                if scan.is_any(u, &["months", "month"]) && n <= 36 && year_ref_at(scan, u + 1).is_none() {
                    return Some((Expr::PastMonths(n as i8), u + 1, true));
                }
                if scan.is_any(u, &["weeks", "week"]) && n <= 52 {
                    return Some((Expr::PastDays(n * 7), u + 1, true));
                }
                if scan.is_any(u, &["days", "day"]) && n <= 366 {
                    return Some((Expr::PastDays(n), u + 1, true));
                }
                // "over the past 48 hours": the days they reach back to.
                if scan.is_any(u, &["hours", "hour"]) && n <= 24 * 31 {
                    return Some((Expr::PastDays((n + 23) / 24), u + 1, true));
                }
            }
            if scan.is(j + 1, "decade") {
                return Some((Expr::PastYears(10), j + 2, true));
            }
            // ("last week" alone is the calendar week before the article's.)
            if scan.is(j + 1, "week") && !(j == i && scan.is(j, "last")) {
                return Some((Expr::PastDays(7), j + 2, true));
            }
            // "in the past year", "in the last year": the twelve months
            // before the article ("last year" alone is the calendar year).
            if j > i && scan.is_any(j, &["past", "last"]) && scan.is(j + 1, "year") {
                return Some((Expr::PastMonths(12), j + 2, true));
            }
        }
    }
    // "ten months of 2025", "in 10 months of this year", "over eleven
    // months of the year": the months of the year up to the Nth; so too
    // "Over ten months, police seized…" with no year named, in the year of
    // the text (not "in ten months' time", nor "jailed for ten months").
    {
        let lead = i > 0 && scan.is_any(i - 1, &["over", "in", "during"]);
        if let Some(n) = small_number(scan, i, lex).filter(|&n| (2..=12).contains(&n)) {
            if scan.is(i + 1, "months") {
                let k = i + 2;
                let of_the_year = scan.is(k, "of") && scan.is(k + 1, "the") && scan.is(k + 2, "year");
                let months = |year, end| Some((Expr::Months { from: 1, to: n as i8, year }, end, true));
                if of_the_year {
                    return months(YearRef::Context, k + 3);
                }
                if scan.is(k, "of") {
                    if let Some((year, end)) = year_ref_at(scan, k) {
                        return months(year, end);
                    }
                }
                let closes = k >= scan.len() || scan.is_punct(k, ',') || scan.is_punct(k, '.');
                if lead && closes {
                    return months(YearRef::Context, k);
                }
            }
        }
    }
    // as of July [2024]
    if scan.is(i, "as") && scan.is(i + 1, "of") {
        let mut j = i + 2;
        if scan.is(j, "the") && scan.is(j + 1, "end") && scan.is(j + 2, "of") {
            j += 3;
        }
        if let Some((m, after)) = month_at(scan, j) {
            let (year, end) = year_ref_at(scan, after).unwrap_or((YearRef::Context, after));
            return Some((Expr::Months { from: 1, to: m, year }, end, true));
        }
    }
    // "The operation, called Marea, began in March": from then on, as after
    // "since".
    if scan.is_word(i) && lex.grammar.beginnings.get(scan.lower(i)).is_some() && scan.is_any(i + 1, &["in", "on"]) {
        if let Some(found) = since_date(scan, i + 2) {
            return Some(found);
        }
    }
    // since 2015 / since around 2015 / since Claudia Sheinbaum took office on Oct. 1
    if scan.is(i, "since") {
        if let Some(found) = since_date(scan, i + 1) {
            return Some(found);
        }
        // A clause of its own up to its date: "since the crackdown began in
        // 2016", "Since Claudia Sheinbaum took office on Oct. 1".
        for k in i + 2..(i + 2 + SINCE_CLAUSE_WORDS).min(scan.len()) {
            if !scan.is_word(k) {
                break;
            }
            if scan.is_any(k, &["in", "on"]) {
                if let Some(found) = since_date(scan, k + 1) {
                    return Some(found);
                }
            }
        }
    }
    // (just|a few|several) months|weeks|days earlier/before
    {
        let mut j = i;
        if scan.is_any(j, &["just", "only", "several", "some"]) {
            j += 1;
        }
        if scan.is(j, "a") && scan.is(j + 1, "few") {
            j += 2;
        }
        // (Not "jailed for three years and four months after police found…"
        // nor "for four months after": a term's unit, which counts; "four
        // months later" is a time.)
        let counted =
            || j == i && i > 1 && scan.is_any(i - 2, &["and", "for", "to"]) && small_number(scan, i - 1, lex).is_some();
        if scan.is_any(j, &["months", "weeks", "days"])
            && scan.is_any(j + 1, &["earlier", "before", "later", "after"])
            && !counted()
        {
            return Some((Expr::Earlier, j + 2, true));
        }
    }
    // "1,238 people had been arrested during the year" after a sentence on
    // 2025 (or on March 2025), "the seizures of the year reached R$ 3.1
    // billion": the year of the text before. (Not "the year
    // to March", "the year ended…", "the year 2024" or "the year before".)
    if scan.is(i, "the")
        && scan.is(i + 1, "year")
        && i > 0
        && scan.is_any(i - 1, &["during", "over", "throughout", "for", "in", "of"])
        && !scan.is_number(i + 2)
        && !scan
            .is_any(i + 2, &["to", "ended", "ending", "before", "earlier", "after", "ago", "of", "under", "through"])
    {
        return Some((Expr::Earlier, i + 2, true));
    }
    // between January and July 2024 / from January to July / January-September this year
    {
        let mut j = i;
        let opened = scan.is_any(j, &["between", "from"]);
        if opened {
            j += 1;
        }
        if let Some((m1, k)) = month_at(scan, j) {
            let sep =
                scan.is_dash(k) || scan.is_any(k, &["to", "through", "until", "and"]) && (opened || !scan.is(k, "and"));
            if sep {
                if let Some((m2, after)) = month_at(scan, k + 1) {
                    let (year, end) = year_ref_at(scan, after).unwrap_or((YearRef::Context, after));
                    return Some((Expr::Months { from: m1, to: m2, year }, end, true));
                }
            }
        }
    }
    // January-September this year (one hyphenated word)
    if scan.is_word(i) && scan.tok(i).contains('-') {
        let mut parts = scan.tok(i).split('-');
        if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) {
            if let (Some(m1), Some(m2)) = (month(a), month(b)) {
                let (year, end) = year_ref_at(scan, i + 1).unwrap_or((YearRef::Context, i + 1));
                return Some((Expr::Months { from: m1, to: m2, year }, end, true));
            }
        }
    }
    // full dates: October 2, 2024 / 2 October 2024 / 12.09.2019 / 2024-10-02
    if let Some((_, date, end)) = date_at(&scan.toks, i, scan.text) {
        let year = YearRef::Abs(date.year());
        return Some((Expr::Days { month: date.month(), from: date.day(), to: date.day(), year }, end, true));
    }
    // 15 July / 3-5 March / 15th of July (a day before its month, no year:
    // the year written is a full date, read above)
    if let Some((m, d1, d2, end)) = day_first_at(scan, i) {
        let (year, end) = match year_at(scan, end) {
            Some(y) => (YearRef::Abs(y), end + 1),
            None => (YearRef::Context, end),
        };
        return Some((Expr::Days { month: m, from: d1, to: d2, year }, end, true));
    }
    // April 16-17 / September 5 / July 2018 / in July
    if let Some((m, k)) = month_at(scan, i) {
        if let Some((d1, after)) = day_at(scan, k) {
            if scan.is_number(after) {
                return None;
            }
            // "April 16-17"; "from July 1 to 31," when no unit follows the last day.
            let joined = scan.is_dash(after)
                || day_range_connector(scan, i, after)
                    && day_at(scan, after + 1).is_some_and(|(_, e)| {
                        e >= scan.len() || scan.kind(e) == Some(crate::text::Kind::Punct) || year_at(scan, e).is_some()
                    });
            let (d2, mut end) = match (joined, day_at(scan, after + 1)) {
                (true, Some((d2, e))) if d2 > d1 => (d2, e),
                _ => (d1, after),
            };
            if scan.is_punct(end, ',') && year_at(scan, end + 1).is_some() {
                end += 1;
            }
            let (year, end) = match year_at(scan, end) {
                Some(y) => (YearRef::Abs(y), end + 1),
                None => (YearRef::Context, end),
            };
            return Some((Expr::Days { month: m, from: d1, to: d2, year }, end, true));
        }
        if let Some(y) = year_at(scan, k) {
            return Some((Expr::Months { from: m, to: m, year: YearRef::Abs(y) }, k + 1, true));
        }
        if let Some((year, end)) = relative_year_at(scan, k) {
            return Some((Expr::Months { from: m, to: m, year }, end, true));
        }
        // A month name alone counts after a preposition ("in July", "by March").
        if i > 0
            && scan.is_any(
                i - 1,
                &[
                    "in", "on", "by", "during", "since", "until", "till", "of", "through", "from", "to", "last",
                    "this", "early", "late", "mid",
                ],
            )
        {
            let year = if scan.is(i - 1, "last") { YearRef::Rel(-1) } else { YearRef::Context };
            return Some((Expr::Months { from: m, to: m, year }, i + 1, true));
        }
        return None;
    }
    // this month / last month / the previous month
    {
        let j = if scan.is(i, "the") { i + 1 } else { i };
        let k = if scan.is_any(j, &["this", "current"]) {
            Some(0)
        } else if scan.is_any(j, &["last", "previous", "past"]) {
            Some(-1)
        } else if scan.is(j, "next") {
            Some(1)
        } else {
            None
        };
        if let Some(k) = k.filter(|_| scan.is(j + 1, "month")) {
            return Some((Expr::RelMonth(k), j + 2, true));
        }
        // "last week", "this week" (but "the past week" is the seven days
        // up to the article's; "next week" dates no figure).
        let calendar_week = |k: i8| k == 0 && j == i || scan.is(j, "last");
        if let Some(k) = k.filter(|&k| calendar_week(k)).filter(|_| scan.is(j + 1, "week")) {
            return Some((Expr::RelWeek(k), j + 2, true));
        }
    }
    // "five years ago", "a decade ago", "two months ago", "three weeks ago",
    // "a fortnight ago":
    // back from the article's date.
    {
        let n = match scan.is(i + 2, "ago") {
            false => None,
            true if scan.is_any(i, &["a", "an"]) => Some(1),
            true => small_number(scan, i, lex),
        };
        if let Some(n) = n {
            let back = match scan.lower(i + 1) {
                "year" | "years" => Some(Expr::Years(YearRef::Rel(-n), YearRef::Rel(-n))),
                "decade" | "decades" => Some(Expr::Years(YearRef::Rel(-10 * n), YearRef::Rel(-10 * n))),
                "month" | "months" => i8::try_from(n).ok().map(|n| Expr::RelMonth(-n)),
                "week" | "weeks" => i8::try_from(7 * n).ok().map(Expr::DaysAgo),
                "fortnight" | "fortnights" => i8::try_from(14 * n).ok().map(Expr::DaysAgo),
                "day" | "days" => i8::try_from(n).ok().map(Expr::DaysAgo),
                _ => None,
            };
            if let Some(expr) = back {
                return Some((expr, i + 3, true));
            }
        }
    }
    // the year before / a year earlier / the previous year (relative to the text's year)
    {
        let j = if scan.is_any(i, &["the", "a"]) { i + 1 } else { i };
        let span = |w: usize| match scan.lower(w) {
            "year" => Some(1),
            "decade" => Some(10),
            _ => None,
        };
        if let Some(n) = span(j).filter(|_| scan.is_any(j + 1, &["before", "earlier", "prior"])) {
            return Some((Expr::YearsBefore { years: n, fiscal: false }, j + 2, true));
        }
        // ("more than double the previous year's 620 kilograms")
        let year = scan.is_any(j + 1, &["year", "year's", "year\u{2019}s"]);
        if scan.is(i, "the") && scan.is_any(j, &["previous", "preceding", "prior"]) && year {
            return Some((Expr::YearsBefore { years: 1, fiscal: false }, j + 2, true));
        }
    }
    // this year / last year / earlier this year
    if let Some((y, end)) = relative_year_at(scan, i) {
        return Some((Expr::Years(y, y), end, true));
    }
    // the 1990s
    if let Some(y) = year_at(scan, i) {
        if scan.glued(i + 1) && scan.is(i + 1, "s") {
            return Some((Expr::Decade(y - y % 10), i + 2, true));
        }
        // 2013-2023 / 2022/23 / between 2013 and 2023 / from 2013 to 2023
        if (scan.is_dash(i + 1) || scan.is_punct(i + 1, '/') || scan.is_any(i + 1, &["to", "and", "through"]))
            && scan.is_number(i + 2)
        {
            // A split year's second half in two digits: "2022/23", and with a
            // dash written tight only for the next year ("2023-24", not
            // "2023 - 24 people").
            let second = year_at(scan, i + 2).or_else(|| {
                let s = scan.tok(i + 2);
                let short = (s.len() == 2).then(|| s.parse::<i16>().ok().map(|v| y - y % 100 + v)).flatten()?;
                let slash = scan.is_punct(i + 1, '/');
                let tight_dash = scan.is_dash(i + 1) && scan.glued(i + 1) && scan.glued(i + 2) && short == y + 1;
                (slash || tight_dash).then_some(short)
            });
            if let Some(y2) = second.filter(|&y2| y2 > y && y2 - y < 200) {
                let and_ok = !scan.is(i + 1, "and") || (i > 0 && scan.is(i - 1, "between"));
                // "the 2023-24 financial year"; "in 2023/24" alone too, a
                // fiscal year where the article's country has one.
                if y2 == y + 1 {
                    let end = fiscal_noun_at(scan, i + 3).or((scan.tok(i + 2).len() == 2).then_some(i + 3));
                    if let Some(end) = end {
                        return Some((Expr::Fiscal { year: YearRef::Abs(y), split: true, to_date: false }, end, true));
                    }
                }
                if and_ok {
                    return Some((Expr::Years(YearRef::Abs(y), YearRef::Abs(y2)), i + 3, true));
                }
            }
        }
        // "the 2024 fiscal year"
        if let Some(end) = fiscal_noun_at(scan, i + 1) {
            return Some((Expr::Fiscal { year: YearRef::Abs(y), split: false, to_date: false }, end, true));
        }
        return Some((Expr::Years(YearRef::Abs(y), YearRef::Abs(y)), i + 1, true));
    }
    None
}

/// "fiscal year", "financial year" or "fiscal" alone at token `i`: the token
/// one past it.
fn fiscal_noun_at(scan: &Scan, i: usize) -> Option<usize> {
    if scan.is(i, "financial") && scan.is(i + 1, "year") {
        return Some(i + 2);
    }
    scan.is(i, "fiscal").then(|| if scan.is(i + 1, "year") { i + 2 } else { i + 1 })
}

/// True when a table's header names fiscal years ("fiscal_year", "Financial
/// year", "FY"): the years under it are fiscal years.
pub fn names_fiscal_years(scan: &Scan) -> bool {
    (0..scan.len()).any(|k| fiscal_noun_at(scan, k).is_some() || scan.is(k, "fy"))
}

/// A fiscal year opening at token `i`: "fiscal year 2024", "fiscal 2024",
/// "financial year 2023/24", "FY2024", "FY 2023-24", "FY24", "this fiscal
/// year", "the previous financial year".
fn fiscal_at(scan: &Scan, i: usize) -> Option<(Expr, usize, bool)> {
    // this / last / next fiscal year
    let j = if scan.is(i, "the") { i + 1 } else { i };
    let relative = if scan.is_any(j, &["this", "current"]) {
        Some(0)
    } else if scan.is_any(j, &["last", "previous", "past", "preceding", "prior"]) {
        Some(-1)
    } else if scan.is(j, "next") {
        Some(1)
    } else {
        None
    };
    if let Some(k) = relative {
        // "last fiscal year"; "last fiscal" alone as Indian English has it
        // ("Last fiscal, the DRI seized…"), but not "last fiscal quarter".
        let end = fiscal_noun_at(scan, j + 1)
            .filter(|&end| scan.is(end - 1, "year") || !scan.is_word(end) || scan.is_any(end, &["so", "alone"]))?;
        // "the previous fiscal year": the one before the sentence's.
        if j > i && scan.is_any(j, &["previous", "preceding", "prior"]) {
            return Some((Expr::YearsBefore { years: 1, fiscal: true }, end, true));
        }
        return Some((Expr::Fiscal { year: YearRef::Rel(k), split: false, to_date: false }, end, true));
    }
    // "FYTD", "fiscal-year-to-date", "fiscal year-to-date", "fiscal year to date"
    let this_to_date = Expr::Fiscal { year: YearRef::Rel(0), split: false, to_date: true };
    if scan.is_any(i, &["fytd", "fiscal-year-to-date"]) {
        return Some((this_to_date, i + 1, true));
    }
    let after = if scan.tok(i) == "FY" {
        i + 1 + usize::from(scan.is_dash(i + 1) && scan.glued(i + 1))
    } else {
        fiscal_noun_at(scan, i)?
    };
    if scan.is(after, "year-to-date") {
        return Some((this_to_date, after + 1, true));
    }
    if let Some(end) = to_date_at(scan, after).filter(|_| scan.is(after - 1, "year")) {
        return Some((this_to_date, end, true));
    }
    let first = fiscal_year_number(scan, after)?;
    // "2023-24", "2023/24", "2023–2024": the year after, after a slash or dash.
    let second = (scan.is_punct(after + 1, '/') || scan.is_dash(after + 1))
        .then(|| fiscal_year_number(scan, after + 2))
        .flatten()
        .filter(|&y| y == first + 1 || y % 100 == (first + 1) % 100);
    Some(match second {
        Some(_) => (Expr::Fiscal { year: YearRef::Abs(first), split: true, to_date: false }, after + 3, true),
        None => (Expr::Fiscal { year: YearRef::Abs(first), split: false, to_date: false }, after + 1, true),
    })
}

/// A year at token `i` as fiscal years are written: "2024", or "24" (2024).
fn fiscal_year_number(scan: &Scan, i: usize) -> Option<i16> {
    if let Some(y) = year_at(scan, i) {
        return Some(y);
    }
    let s = scan.tok(i);
    let v: i16 = s.parse().ok().filter(|_| s.len() == 2 && scan.is_number(i))?;
    Some(if v < 70 { 2000 + v } else { 1900 + v })
}

/// True when a bare year at token `i` is really a count ("2000 people") or
/// an identifier ("the hotline 1910", "flight 2024"; but a document's year,
/// "the Act 1961", is read as one: see `role_of`).
fn year_is_no_year(scan: &Scan, i: usize, lex: &Lexicon) -> bool {
    // "In 2023 deaths fell": after a preposition of time it is the year.
    let dated = i > 0 && scan.is_any(i - 1, &["in", "during", "since", "until", "throughout"]);
    let identifier = i > 0
        && scan.phrase_before(&lex.grammar.identifier_before, i, 2).is_some()
        && scan.phrase_before(&lex.grammar.year_reference_nouns, i, 1).is_none();
    identifier
        || !dated && (scan.phrase_at(&lex.counted, i + 1).is_some() || scan.phrase_at(&lex.units, i + 1).is_some())
}

/// True when a period expression may start at token `i`: a number or a word
/// of the grammar's openers (a month name among them) — an article only when
/// the word after it may open one too (or is "few"). Most tokens are none,
/// and skip the grammar.
fn may_open(scan: &Scan, i: usize, lex: &Lexicon, ago: bool) -> bool {
    if !scan.is_word(i) {
        // "(ended March 20, 2025)" after a year
        return scan.is_number(i) || scan.is_punct(i, '(') && scan.is_any(i + 1, &["ended", "ending"]);
    }
    let opens = |k: usize| scan.is_number(k) || scan.is_word(k) && scan.starts_phrase(&lex.grammar.period_openers, k);
    if !opens(i) {
        // "five years ago", "an hour ago"
        return ago && scan.is(i + 2, "ago") && (scan.is(i, "an") || scan.phrase_at(&lex.cardinals, i).is_some());
    }
    // Articles open one only before another opening word ("the first half",
    // "a year earlier", "a few months before").
    if matches!(scan.lower(i), "the" | "a") {
        // "a month ago" too.
        return opens(i + 1) || scan.is(i + 1, "few") || ago && scan.is(i + 2, "ago");
    }
    true
}

/// Every period expression in a sentence, left to right, with its role.
pub fn find(scan: &Scan, lex: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    // Few sentences say "… ago": the words before one are looked at only then.
    let ago = scan.text.contains("ago");
    let mut i = 0;
    while i < scan.len() {
        if !may_open(scan, i, lex, ago) {
            i += 1;
            continue;
        }
        if let Some((expr, end, consumes)) = expr_at(scan, i, lex) {
            let (expr, start, end) = span_from(scan, i, expr, end, lex);
            let start = with_part_of(scan, start);
            let (expr, start, end) = to_date_after(scan, start, expr, end);
            let bare_year = matches!(expr, Expr::Years(YearRef::Abs(a), YearRef::Abs(b)) if a == b) && end == i + 1;
            if bare_year && year_is_no_year(scan, i, lex) {
                i += 1;
                continue;
            }
            let role = role_of(scan, start, end, &expr, lex);
            out.push(Mention { toks: start..end, expr, role, consumes });
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    // "in the first nine months of the current Iranian calendar year (March
    // 21-December 21)": dates in brackets right after a period spell it out.
    for k in 1..out.len() {
        let (before, m) = (&out[k - 1], &out[k]);
        let spelled_out = m.role == Role::Frame
            && before.role == Role::Frame
            && scan.bracket_around(m.toks.clone()) == Some((m.toks.start - 1, m.toks.end))
            && m.toks.start > before.toks.end
            && m.toks.start - 1 - before.toks.end <= SPELLED_OUT_GAP
            && (before.toks.end..m.toks.start - 1).all(|j| scan.is_word(j));
        if spelled_out {
            out[k - 1].role = Role::Reference;
        }
    }
    out
}

/// Words before a period that name a part of it ("late last year", "early
/// 2025", "mid-2024"): they belong to the period's words, not to a phrase
/// before it. (The period stays whole.)
const PART_OF_PERIOD: &[&str] = &["early", "late", "mid"];

/// The period's first token `start`, moved back over a [`PART_OF_PERIOD`]
/// word (and the hyphen of "mid-2024").
fn with_part_of(scan: &Scan, start: usize) -> usize {
    let hyphen = start > 1 && scan.is_dash(start - 1) && scan.glued(start);
    let before = if hyphen { start - 2 } else { start.saturating_sub(1) };
    if before < start && scan.is_any(before, PART_OF_PERIOD) {
        before
    } else {
        start
    }
}

/// Words that may stand between a period and the dates in brackets that
/// spell it out ("of the current Iranian calendar year").
const SPELLED_OUT_GAP: usize = 6;

/// "so far", "thus far" or "to date" at token `i`: the token one past it.
fn to_date_at(scan: &Scan, i: usize) -> Option<usize> {
    let far = scan.is_any(i, &["so", "thus"]) && scan.is(i + 1, "far");
    (far || scan.is(i, "to") && scan.is(i + 1, "date")).then_some(i + 2)
}

/// The year or fiscal year of `expr` up to the article's month; `None` for
/// other expressions.
fn up_to_date(expr: Expr) -> Option<Expr> {
    match expr {
        Expr::Years(x, y) if x == y => Some(Expr::ToDate(x)),
        Expr::Fiscal { year, split, .. } => Some(Expr::Fiscal { year, split, to_date: true }),
        _ => None,
    }
}

/// An expression at `start..end` followed by "so far" or "to date": "this
/// year so far", "in fiscal 2024 to date" run up to the article's month;
/// "from 2020 to date" runs since 2020 and takes in its "from", which is then
/// no comparison.
fn to_date_after(scan: &Scan, start: usize, expr: Expr, end: usize) -> (Expr, usize, usize) {
    let Some(after) = to_date_at(scan, end) else { return (expr, start, end) };
    if start > 0 && scan.is(start - 1, "from") {
        return match expr {
            Expr::Years(YearRef::Abs(y), YearRef::Abs(y2)) if y == y2 && scan.is(end, "to") => {
                (Expr::Since(PDate::year(y)), start - 1, after)
            }
            _ => (expr, start, end),
        };
    }
    match up_to_date(expr) {
        Some(e) => (e, start, after),
        None => (expr, start, end),
    }
}

/// Joins a one-point expression at `i..end` to a second one after a range
/// connector into a [`Expr::Span`]: "between" opens one closed by "and";
/// "from", or nothing, one closed by "to", "through", "until" or a dash.
/// The span's tokens take in its opening word, which is then no comparison.
fn span_from(scan: &Scan, i: usize, expr: Expr, end: usize, lex: &Lexicon) -> (Expr, usize, usize) {
    let Some(from) = Point::of(&expr) else { return (expr, i, end) };
    let between = i > 0 && scan.is(i - 1, "between");
    let connector = if between {
        scan.is(end, "and")
    } else {
        scan.is_any(end, &["to", "through", "until", "till", "thru"]) || scan.is_dash(end)
    };
    if !connector {
        return (expr, i, end);
    }
    let opened = i > 0 && scan.is_any(i - 1, &["between", "from"]);
    match expr_at(scan, end + 1, lex).and_then(|(second, end2, _)| Some((Point::of(&second)?, end2))) {
        // A bare year after a month or day is no end point ("in March 2023
        // and 2024").
        Some((to, end2)) if to.month.is_some() || from.month.is_none() => {
            (Expr::Span(from, to), if opened { i - 1 } else { i }, end2)
        }
        _ => (expr, i, end),
    }
}

/// A dateline: a date after nothing but capitalised place names, commas and
/// brackets, before a dash ("Montréal, Quebec, April 8, 2025 — The agency
/// seized…", "Bangkok (Thailand), 28 May 2025 –",
/// "MEXICO CITY, May 5 (Reuters) - …") or ending the sentence ("DUSHANBE,
/// October 18, 2024. Tajik agencies…"). It dates the report, not the figures.
pub(crate) fn is_dateline(scan: &Scan, start: usize, end: usize, expr: &Expr) -> bool {
    if !matches!(expr, Expr::Days { .. } | Expr::Months { .. }) || start > 8 {
        return false;
    }
    // A date alone before the dash labels what follows ("- 3 March 2025 —
    // 4,200 kg of hashish seized…"): a dateline names its place first.
    // The date may stand in brackets ("DOVER, Del. (March 3, 2025) –").
    let bracketed = start > 0 && scan.is_punct(start - 1, '(') && scan.is_punct(end, ')');
    let (first, mut k) = if bracketed { (start - 1, end + 1) } else { (start, end) };
    let place_words = first > 0
        && (0..first).all(|j| {
            scan.is_punct(j, ',')
                || scan.is_punct(j, '.')
                || scan.is_punct(j, '(')
                || scan.is_punct(j, ')')
                || scan.is_capitalised(j)
        });
    // An agency's name in brackets may stand between the date and the dash,
    // and so may a wire's between slashes ("June 18, 2025 /CNW/ -").
    for (open, close) in [('(', ')'), ('/', '/')] {
        if scan.is_punct(k, open) {
            let mut j = k + 1;
            while j < scan.len() && j < k + 6 && !scan.is_punct(j, close) {
                j += 1;
            }
            k = j + 1;
        }
    }
    // "DUSHANBE, October 18, 2024." may stand as a sentence of its own.
    let alone = k >= scan.len() || scan.is_punct(k, '.') && k + 1 == scan.len();
    place_words && (scan.is_dash(k) || alone)
}

/// The `months` up to the month after "to", "ending" or "ended" at token
/// `k`, with an optional day on either side of the month ("31 March 2024",
/// "June 30, 2024") and "in" before it ("the 12 months ending in August
/// 2023").
fn months_to(scan: &Scan, k: usize, months: i8) -> Option<(Expr, usize, bool)> {
    let k = k + usize::from(scan.is_any(k, &["ending", "ended"]) && scan.is(k + 1, "in"));
    let m_at = k + 1 + usize::from(scan.is_number(k + 1) && month_at(scan, k + 2).is_some());
    let (to, mut e) = month_at(scan, m_at)?;
    if scan.is_number(e) && year_at(scan, e).is_none() {
        e += 1;
    }
    let (year, end) = year_ref_at(scan, e).unwrap_or((YearRef::Context, e));
    Some((Expr::MonthsTo { months, to, year }, end, true))
}

/// Words a since-clause may have before its date ("since the new
/// government took office in", "since the declaration of a national
/// emergency on drug abuse in").
const SINCE_CLAUSE_WORDS: usize = 10;

/// The date after "since" at token `j`: "2015", "around 2015", "at least
/// 2015", "the start of the year", "October 1", "1 October 2024".
fn since_date(scan: &Scan, mut j: usize) -> Option<(Expr, usize, bool)> {
    // "since at least 2022"
    if scan.is(j, "at") && scan.is(j + 1, "least") {
        j += 2;
    }
    if scan.is_any(j, &["around", "about", "approximately", "roughly", "early", "late", "mid"]) {
        j += 1;
        // "since mid-2023"
        if scan.is_punct(j, '-') {
            j += 1;
        }
    }
    if let Some(y) = year_at(scan, j) {
        return Some((Expr::Since(PDate::year(y)), j + 1, true));
    }
    // "since the 1979 revolution", "since the 2021 takeover": an event named
    // by its year.
    if scan.is(j, "the") && scan.is_word(j + 2) {
        if let Some(y) = year_at(scan, j + 1) {
            return Some((Expr::Since(PDate::year(y)), j + 3, true));
        }
    }
    // "since the start of the year", "since the beginning of 2024"
    if scan.is(j, "the") && scan.is_any(j + 1, &["start", "beginning"]) && scan.is(j + 2, "of") {
        let k = j + 3;
        if scan.is_any(k, &["the", "this"]) && scan.is(k + 1, "year") {
            return Some((Expr::SinceMonth(1), k + 2, true));
        }
        if let Some(y) = year_at(scan, k) {
            return Some((Expr::Since(PDate::year(y)), k + 1, true));
        }
    }
    // "since 1 October": the day before its month.
    let day_first = day_at(scan, j).filter(|&(_, after)| month_at(scan, after).is_some());
    let at = day_first.map_or(j, |(_, after)| after);
    let (m, mut k) = month_at(scan, at)?;
    // "since October 1": the day is read, the span kept to months.
    let day = day_first.or_else(|| day_at(scan, k));
    if day_first.is_none() {
        if let Some((_, after)) = day {
            k = after;
        }
    }
    k += usize::from(scan.is_punct(k, ',') && year_at(scan, k + 1).is_some());
    if let Some(y) = year_at(scan, k) {
        let from = day.map_or(PDate::month(y, m), |(d, _)| PDate::day(y, m, d));
        return Some((Expr::Since(from), k + 1, true));
    }
    // "since January this year": the year is the article's.
    if scan.is(k, "this") && scan.is(k + 1, "year") {
        k += 2;
    }
    Some((Expr::SinceMonth(m), k, true))
}

/// Tokens before "since" in which a [`Grammar::since_references`] word
/// makes its date a reference ("the highest number since").
///
/// [`Grammar::since_references`]: crate::lexicon::Grammar::since_references
const SINCE_REFERENCE_WORDS: usize = 6;

/// Tokens a weekday may stand after a word of the future ("are expected to
/// appear in the Mitchells Plain Magistrate's Court on Friday").
const FUTURE_WORDS: usize = 12;

/// Words the object of a verb of publishing may have before the day it was
/// published ("released its annual figures on Tuesday").
const REPORT_OBJECT_WORDS: usize = 7;

/// Capitalised words a document's title may have between a year and the
/// noun that makes the year part of the name ("2025 National Drug Threat
/// Assessment").
const TITLE_WORDS: usize = 5;

/// Words between a verb of use and a window of use ("used illicit drugs
/// other than cannabis in the past year").
const USE_WINDOW_WORDS: usize = 5;

/// Words a superlative set off after a figure may have before the period
/// it ranks within ("the biggest such seizure this year").
const SUPERLATIVE_SCOPE_WORDS: usize = 4;

fn role_of(scan: &Scan, start: usize, end: usize, expr: &Expr, lex: &Lexicon) -> Role {
    // "up 30.5% on 2022", "a 10 per cent rise on last year": a figure measured
    // against the period right after it.
    if start >= 2
        && scan.is(start - 1, "on")
        && matches!(expr, Expr::Years(..) | Expr::YearsBefore { .. } | Expr::Fiscal { .. })
    {
        let k = start - 2;
        let measured = scan.is_number(k)
            || scan.phrase_before(&lex.units, start - 1, 2).is_some()
            || scan.is_any(k, &["rise", "increase", "drop", "fall", "decrease", "jump"]);
        if measured {
            return Role::Baseline;
        }
    }
    // "an increase of 20 per cent over 2021": a share measured over the
    // period right after it ("seized 2 tonnes over 2021" is not one).
    if start >= 2
        && scan.is(start - 1, "over")
        && matches!(expr, Expr::Years(..) | Expr::YearsBefore { .. } | Expr::Fiscal { .. })
        && scan.is_any(start - 2, &["%", "percent", "cent", "pc"])
    {
        return Role::Baseline;
    }
    // "still 93 percent below 2022 levels", "93% below the level of 2022":
    // a year's level is compared with.
    let level_of = start >= 2 && scan.is(start - 1, "of") && scan.is_any(start - 2, &["level", "levels"]);
    if matches!(expr, Expr::Years(..)) && (scan.is_any(end, &["level", "levels"]) || level_of) {
        return Role::Baseline;
    }
    // "Heroin: 6.3 tons (2023: 9.4 tons)": the figure of an earlier year in
    // brackets, for comparison.
    if start > 0
        && scan.is_punct(start - 1, '(')
        && scan.is_punct(end, ':')
        && matches!(expr, Expr::Years(..) | Expr::Fiscal { .. })
    {
        return Role::Baseline;
    }
    if is_dateline(scan, start, end, expr) {
        return Role::Reference;
    }
    // "The operation comes weeks after police seized 227 tonnes in 2024": the
    // time between two events, which dates neither's figures.
    if matches!(expr, Expr::Earlier) && end > 0 && scan.is_any(end - 1, &["after", "before"]) && scan.is_word(end) {
        return Role::Reference;
    }
    // "the highest number since records began in 1993": a since-date after a
    // superlative is what the figure is compared with. (But "had been
    // operating since 2022 and introduced 60 tonnes during that time": a
    // span the sentence recalls frames its figures.)
    if matches!(expr, Expr::Since(_) | Expr::SinceMonth(_) | Expr::ToDate(_) | Expr::Fiscal { to_date: true, .. })
        && (start.saturating_sub(SINCE_REFERENCE_WORDS)..start)
            .any(|k| scan.phrase_at(&lex.grammar.since_references, k).is_some())
        && !(end..scan.len()).any(|k| scan.phrase_at(&lex.grammar.period_recalls, k).is_some())
    {
        return Role::Reference;
    }
    // "seized 1.6 tonnes of methamphetamine earlier this month, the biggest
    // such seizure this year": the period a superlative set off after a
    // figure ranks it within, not the figure's.
    let scope = (start.saturating_sub(SUPERLATIVE_SCOPE_WORDS + 1)..start).find(|&s| {
        s >= 2
            && scan.is(s - 1, "the")
            && scan.is_punct(s - 2, ',')
            && scan.phrase_at(&lex.grammar.comparison_superlatives, s).is_some()
            && (s..start).all(|t| scan.is_word(t))
    });
    if scope.is_some() {
        return Role::Reference;
    }
    // Skip a preposition before the expression when looking back.
    let mut k = start;
    while k > 0 && scan.is_any(k - 1, &["in", "on", "during", "for", "of", "at", "the", "earlier", "later"]) {
        k -= 1;
    }
    // "announced Tuesday, January 14, 2025, that…": a weekday before the date.
    if k >= 2 && scan.is_punct(k - 1, ',') && weekday(scan.tok(k - 2)).is_some() {
        k -= 2;
    }
    // "a report released by the National Narcotics Control Commission on
    // Wednesday": the name of who reported, between verb and date.
    let mut j = k;
    while j > 0 && scan.is_capitalised(j - 1) {
        j -= 1;
    }
    if j < k && j >= 2 && scan.is(j - 1, "the") {
        j -= 1;
    }
    let by_name = j < k && j >= 2 && scan.is(j - 1, "by");
    // "released its annual figures on Tuesday": a verb of publishing, then
    // the document it put out.
    // ("released its annual figures for 2024 on Tuesday": the object may
    // name the year it covers, which is no day of publishing.)
    let day = matches!(expr, Expr::Days { .. } | Expr::Weekday { .. } | Expr::DaysAgo(_));
    let object_before = day
        && (k.saturating_sub(REPORT_OBJECT_WORDS + 1)..k).any(|r| {
            scan.phrase_at(&lex.grammar.publishing_verbs, r).is_some()
                && scan.is_any(r + 1, &["its", "their", "the", "a", "an", "his", "her"])
                && (r + 1..k).all(|t| scan.is_word(t) || scan.is_number(t))
                && (r + 1..k).any(|t| scan.phrase_at(&lex.grammar.documents, t).is_some())
        });
    // "used cocaine in the past year", "reported using drugs in the last 12
    // months": a survey's window of use, which dates no figure.
    // ("used cocaine last year" is of the calendar year before: only "the
    // past…", "the last…" is a window.)
    let the_last = [start.checked_sub(1), Some(start)]
        .into_iter()
        .flatten()
        .any(|t| scan.is(t, "the") && scan.is_any(t + 1, &["past", "last", "previous", "preceding"]));
    let window = the_last
        && matches!(
            expr,
            Expr::PastMonths(_) | Expr::PastDays(_) | Expr::RelMonth(_) | Expr::Years(YearRef::Rel(_), _)
        );
    if window
        && (k.saturating_sub(USE_WINDOW_WORDS + 1)..k)
            .any(|r| scan.phrase_at(&lex.grammar.condition_verbs, r).is_some())
    {
        return Role::Reference;
    }
    // ("Police say 2024 saw 14 seizures": a year right after the verb, with
    // no preposition, is the subject of what was said.)
    let said_year = k == start && matches!(expr, Expr::Years(..));
    // "In a report Wednesday, the agency said…": the day a document came out.
    let document_day = day
        && k >= 2
        && scan
            .phrase_before(&lex.grammar.documents, k, 2)
            .is_some_and(|(_, at)| at > 0 && scan.is_any(at - 1, &["a", "an", "its", "their", "his", "her", "the"]));
    // ("said in January that…": "said in" is a phrase of its own, ending
    // at the period's start, not before its preposition. But "He said in
    // 2024 the authority seized…": a year with no "that" after it is what
    // was said.)
    let reported = |at: usize| scan.phrase_before(&lex.grammar.reporting, at, 3).is_some();
    let said_in = reported(start) && (scan.is(end, "that") || !matches!(expr, Expr::Years(..)));
    if !said_year && (reported(k) || said_in)
        || by_name && scan.phrase_before(&lex.grammar.reporting, j - 1, 3).is_some()
        || object_before
        || document_day
    {
        return Role::Reference;
    }
    // "remanded until July 3", "adjourned until Monday": the day a wait
    // ends dates no figure.
    if matches!(expr, Expr::Days { .. } | Expr::Weekday { .. })
        && start > 0
        && scan.is_any(start - 1, &["until", "till", "pending"])
    {
        return Role::Reference;
    }
    // "will be arraigned on Tuesday": a day still to come dates no figure.
    if matches!(expr, Expr::Weekday { ahead: true, .. }) {
        return Role::Reference;
    }
    // "A statement by the spokesman on Sunday said…": a day before the verb.
    if matches!(expr, Expr::Days { .. } | Expr::Weekday { .. } | Expr::DaysAgo(_))
        && scan.phrase_at(&lex.grammar.reporting, end).is_some()
    {
        return Role::Reference;
    }
    // "its 2025 National Drug Threat Assessment": the noun may end a
    // capitalised title after the year.
    let titled_noun = (end..(end + TITLE_WORDS).min(scan.len()))
        .take_while(|&j| scan.is_capitalised(j))
        .any(|j| scan.phrase_at(&lex.grammar.year_reference_nouns, j).is_some());
    if matches!(expr, Expr::Years(..))
        && (scan.phrase_at(&lex.grammar.year_reference_nouns, end).is_some() || titled_noun)
    {
        return Role::Reference;
    }
    // "the Narcotic Drugs Act 1961", "the World Drug Report 2024": a year
    // after a capitalised name's noun is part of the name.
    // "the Dangerous Drugs Act of 2002" too.
    // "the NDPS Act, 1985" as well.
    let noun_end =
        if start > 0 && (scan.is(start - 1, "of") || scan.is_punct(start - 1, ',')) { start - 1 } else { start };
    let named = noun_end > 0
        && scan.is_capitalised(noun_end - 1)
        && scan.phrase_before(&lex.grammar.year_reference_nouns, noun_end, 2).is_some();
    if matches!(expr, Expr::Years(..)) && named {
        return Role::Reference;
    }
    // ("In the same period of 2023, 2.1 tons were seized": opening the
    // sentence, it frames the figures after it.)
    if matches!(expr, Expr::SamePeriod(_) | Expr::SameFiscalPeriod(_)) {
        return if k == 0 { Role::Frame } else { Role::Baseline };
    }
    // A comparison word up to six tokens before, skipping one figure:
    // "compared to 10,057 in 2023", "from US$ 1.36 billion in 2022".
    // (A sum's symbol, code and scale word are its tokens too.)
    let in_phrase = |table_end: Option<usize>, j: usize| table_end.is_some_and(|e| e > j);
    for back in 0..=6usize {
        if k < back {
            break;
        }
        if let Some((_, word)) = scan.phrase_before(&lex.grammar.comparison, k - back, 3) {
            let between_ok = (k - back..k).all(|j| {
                scan.is_number(j)
                    // "compared with two a year earlier"
                    || scan.phrase_at(&lex.cardinals, j).is_some()
                    || scan.is_any(j, &["in", "the", "of", "during", "for"])
                    // "down from about €100 five years ago"
                    || in_phrase(scan.phrase_at(&lex.approx, j).map(|(_, e)| e), j)
                    || j > 0 && in_phrase(scan.phrase_at(&lex.approx, j - 1).map(|(_, e)| e), j)
                    // "than in the same quarter of 2024"
                    || scan.is_any(j, &["same", "first", "second", "third", "fourth", "period", "half"])
                    // "compares with 31.4 tonnes seized in all of 2024"
                    || scan.is_any(j, &["all", "whole", "entire"])
                    || scan.is_word(j) && scan.phrase_at(&lex.events, j).is_some()
                    || scan.phrase_at(&lex.grammar.period_nouns, j).is_some()
                    || scan.is_word(j) && scan.phrase_at(&lex.units, j).is_some()
                    // "up from 40% a decade ago"
                    || scan.is_punct(j, '%')
                    // the second word of a unit ("40 per cent in 2015")
                    || j > 0 && scan.phrase_at(&lex.units, j - 1).is_some_and(|(_, e)| e > j)
                    || scan.phrase_at(&lex.scales, j).is_some()
                    || in_phrase(scan.phrase_at(&lex.currency_prefix, j).map(|(_, e)| e), j)
                    || j > 0 && in_phrase(scan.phrase_at(&lex.currency_prefix, j - 1).map(|(_, e)| e), j)
            });
            // "from 2019 to 2023" is a range, not a comparison; "compared
            // with 3.8 tonnes in Q3 2024" compares with a span.
            let range = scan.is_any(word, &["from", "since"])
                && (matches!(*expr, Expr::Years(a, b) if a != b)
                    || matches!(*expr, Expr::Months { from, to, .. } | Expr::Days { from, to, .. } if from != to));
            // ("The previous record, 4.000 kilos, dates from 2020": when
            // the figure was made.)
            let origin =
                scan.is(word, "from") && word > 0 && scan.is_any(word - 1, &["dates", "dating", "dated", "date"]);
            if between_ok && !range && !origin {
                return Role::Baseline;
            }
        }
    }
    Role::Frame
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_all(sentence: &str, anchor: Anchor) -> Vec<String> {
        let lex = Lexicon::builtin().unwrap();
        let scan = Scan::new(sentence);
        let mentions = find(&scan, &lex);
        // (As extraction does: a period counted from the frame is none.)
        let frame = mentions
            .iter()
            .filter(|m| {
                m.role == Role::Frame
                    && !matches!(m.expr, Expr::YearsBefore { .. } | Expr::SamePeriod(_) | Expr::SameFiscalPeriod(_))
            })
            .find_map(|m| m.expr.resolve(&anchor));
        let anchor = Anchor { frame, ..anchor };
        mentions
            .iter()
            .map(|m| {
                let role = match m.role {
                    Role::Frame => "",
                    Role::Baseline => " (baseline)",
                    Role::Reference => " (reference)",
                    Role::Own => " (own)",
                };
                format!("{}{role}", m.expr.resolve(&anchor).map_or("?".to_owned(), |p| p.to_string()))
            })
            .collect()
    }

    fn at(year: i16) -> Anchor {
        Anchor { article_year: Some(year), ..Anchor::default() }
    }

    #[test]
    fn to_date_runs_to_the_article_month() {
        let on = |y, m, d| Anchor { date: Some(jiff::civil::date(y, m, d)), ..at(y) };
        let us = FiscalCalendar { starts: 10, named_by_start: false };
        for (text, anchor, expected) in [
            ("Year to date, police have seized", on(2025, 5, 20), vec!["2025-01..2025-05"]),
            ("year-to-date seizures", on(2025, 5, 20), vec!["2025-01..2025-05"]),
            ("So far in 2025, authorities have seized", on(2025, 5, 20), vec!["2025-01..2025-05"]),
            ("police seized 20 kg this year so far", on(2025, 5, 20), vec!["2025-01..2025-05"]),
            // In the year's last month, or of a year already over: the whole year.
            ("Year to date, the total stands at", on(2024, 12, 5), vec!["2024"]),
            ("seized in 2023 so far", on(2025, 5, 20), vec!["2023"]),
            ("from 2020 to date", on(2025, 5, 20), vec!["2020..2025"]),
            // A superlative's "so far this year" is what it is compared with.
            ("the biggest bust so far this year", on(2025, 1, 18), vec!["2025-01 (reference)"]),
            (
                "So far in fiscal year 2025, 1,200 pounds were seized, compared with 800 pounds in the same period of fiscal year 2024.",
                Anchor { fiscal: Some(us), ..on(2025, 3, 12) },
                vec!["2024-10..2025-03", "2023-10..2024-03 (baseline)"],
            ),
        ] {
            assert_eq!(resolve_all(text, anchor), expected, "{text}");
        }
    }

    #[test]
    fn a_dateline_dates_the_report_not_the_figures() {
        for text in [
            "MEXICO CITY, May 5 (Reuters) - Soldiers seized 2 tonnes",
            "Montréal, Quebec, April 8, 2025 — The agency seized",
            "DOVER, Del. (March 3, 2025) – Troopers found 12 pounds",
        ] {
            assert!(resolve_all(text, at(2025)).iter().all(|p| p.ends_with("(reference)")), "{text}");
        }
    }

    #[test]
    fn periods_of_the_seed_styles() {
        assert_eq!(
            resolve_all("uncovered 6,458 crimes between January and July 2024.", at(2024)),
            ["2024-01..2024-07"]
        );
        assert_eq!(resolve_all("In the first seven months of 2024, it ramped up", at(2024)), ["2024-01..2024-07"]);
        assert_eq!(resolve_all("in January-September this year?", at(2021)), ["2021-01..2021-09"]);
        assert_eq!(resolve_all("In the first half of 2024, 2,844 kg were seized, compared to 2,921 kg during the same period of the previous year.", at(2024)), ["2024-01..2024-06", "2023-01..2023-06 (baseline)"]);
        assert_eq!(resolve_all("Over the past 10 years, crimes rose (2,709 cases were registered in 2013, compared to 10,057 in 2023).", Anchor { latest_year: Some(2023), ..at(2024) }), ["2013..2023", "2013", "2023 (baseline)"]);
        assert_eq!(
            resolve_all("only 330 tons were produced last year — a 95% drop compared to 2021.", at(2024)),
            ["2023", "2021 (baseline)"]
        );
        assert_eq!(resolve_all("on April 16-17, the Commission oversaw", at(2024)), ["2024-04-16..2024-04-17"]);
        assert_eq!(
            resolve_all("The figure compares with 31.4 tonnes seized in all of 2024.", at(2025)),
            ["2024 (baseline)"]
        );
        assert_eq!(resolve_all("As of July, 4,400 individuals", at(2024)), ["2024-01..2024-07"]);
        assert_eq!(resolve_all("In July 2018, 260 kilograms", at(2019)), ["2018-07"]);
        assert_eq!(
            resolve_all("Iranian ambassador said on July 9 according to Press TV.", at(2019)),
            ["2019-07-09 (reference)"]
        );
        assert_eq!(
            resolve_all("According to the 2019 edition of the World Drug Report, 630 tons in 2017.", at(2019)),
            ["2019 (reference)", "2017"]
        );
        assert_eq!(resolve_all("Since around 2015, use surged.", at(2024)), ["2015..2024"]);
        assert_eq!(resolve_all("Since July 2016, more than 6,200 people", at(2024)), ["2016-07..2024"]);
        assert_eq!(resolve_all("The investigation, which began in 2022, led to 16 tonnes.", at(2025)), ["2022..2025"]);
    }

    #[test]
    fn fiscal_years_take_the_countrys_months() {
        let us = FiscalCalendar { starts: 10, named_by_start: false };
        let uk = FiscalCalendar { starts: 4, named_by_start: false };
        let japan = FiscalCalendar { starts: 4, named_by_start: true };
        let at = |fiscal| Anchor { date: Some(jiff::civil::date(2025, 3, 12)), fiscal, ..at(2025) };
        for (text, fiscal, expected) in [
            ("seized in fiscal year 2024", Some(us), "2023-10..2024-09"),
            ("In FY2023, officers seized", Some(us), "2022-10..2023-09"),
            ("in FY24 agents seized", Some(us), "2023-10..2024-09"),
            ("in fiscal 2024 agents seized", Some(us), "2023-10..2024-09"),
            ("so far this fiscal year", Some(us), "2024-10..2025-03"),
            ("Fiscal year to date, officers seized", Some(us), "2024-10..2025-03"),
            ("FYTD seizures rose", Some(us), "2024-10..2025-03"),
            ("seized so far in fiscal year 2025", Some(us), "2024-10..2025-03"),
            // A fiscal year over before the article: all of it.
            ("seized in fiscal 2024 to date", Some(us), "2023-10..2024-09"),
            ("in the 2024-25 financial year so far", Some(uk), "2024-04..2025-03"),
            ("Last fiscal year, agents seized", Some(us), "2023-10..2024-09"),
            ("in the previous financial year", Some(uk), "2023-04..2024-03"),
            ("in the 2023-24 financial year", Some(uk), "2023-04..2024-03"),
            ("in financial year 2022/23", Some(uk), "2022-04..2023-03"),
            ("seized in 2023/24, the Home Office said", Some(uk), "2023-04..2024-03"),
            ("in FY2024", Some(japan), "2024-04..2025-03"),
            // No fiscal calendar known: the calendar years written.
            ("in fiscal year 2024", None, "2024"),
            ("in the 2023-24 financial year", None, "2023..2024"),
            ("seized in 2023/24", None, "2023..2024"),
            ("last fiscal year", None, "2024"),
        ] {
            assert_eq!(resolve_all(text, at(fiscal)), [expected], "{text}");
        }
        // "The year before" a fiscal year is the fiscal year before it.
        assert_eq!(
            resolve_all(
                "In fiscal 2024, they seized 1 billion pills, double the 480 million the year before.",
                at(Some(us))
            ),
            ["2023-10..2024-09", "2022-10..2023-09"]
        );
        assert_eq!(
            resolve_all(
                "They seized 1 billion pills in fiscal 2024, up from 860 million in the previous fiscal year.",
                at(Some(us))
            ),
            ["2023-10..2024-09", "2022-10..2023-09 (baseline)"]
        );
        // A split year in brackets before a colon is a baseline, as a year is.
        assert_eq!(
            resolve_all("Heroin: 6.3 tonnes (2022/23: 9.4 tonnes)", at(Some(uk))),
            ["2022-04..2023-03 (baseline)"]
        );
        let fy2021 = us.year(2021);
        assert_eq!(fy2021.shared_days(&Period::year(2021)), 273);
        assert_eq!(fy2021.shared_days(&Period::year(2022)), 0);
        // "The fiscal year ending June 30, 2024" is the twelve months to June.
        assert_eq!(resolve_all("the fiscal year ending June 30, 2024", at(Some(us))), ["2023-07..2024-06"]);
    }

    #[test]
    fn since_the_start_of_a_year() {
        let d = Anchor { date: Some(jiff::civil::date(2025, 3, 14)), ..at(2025) };
        assert_eq!(resolve_all("worth €60 million since the start of the year.", d), ["2025-01..2025-03"]);
        assert_eq!(resolve_all("seized since the beginning of this year", d), ["2025-01..2025-03"]);
        assert_eq!(resolve_all("seized since the beginning of 2024", d), ["2024..2025"]);
        // One period, not a month's and then the whole year's.
        assert_eq!(resolve_all("seized since January this year", d), ["2025-01..2025-03"]);
    }

    #[test]
    fn today_and_the_day_of_the_text_before() {
        let d = Anchor { date: Some(jiff::civil::date(2025, 3, 6)), ..at(2025) };
        // "Today" told in the past is the article's day; in the present or
        // the future it is no date.
        assert_eq!(resolve_all("Today, the judge ordered him to serve 262 months.", d), ["2025-03-06"]);
        assert_eq!(resolve_all("Police seized 5 kg of heroin today.", d), ["2025-03-06"]);
        assert!(resolve_all("Today, the country produces 300 tons of opium a year.", d).is_empty());
        assert!(resolve_all("They were refused bail and will appear in court today.", d).is_empty());
        // "the same day" is the day named last, wherever it was named.
        let earlier = Anchor { earlier_day: Some(Period::parse("2023-02-09").unwrap()), ..d };
        assert_eq!(resolve_all("A search the same day found 4.5 kg.", earlier), ["2023-02-09"]);
        assert_eq!(resolve_all("The next day, police arrested 3 men.", earlier), ["2023-02-10"]);
        assert_eq!(resolve_all("Police found 2 kg more that night.", earlier), ["2023-02-09"]);
        assert_eq!(resolve_all("A search the same day found 4.5 kg.", d), ["?"]);
    }

    #[test]
    fn years_of_laws_and_statements_frame_nothing() {
        assert_eq!(resolve_all("charged under the NDPS Act, 1985 after 5 kg", at(2025)), ["1985 (reference)"]);
        assert_eq!(resolve_all("the Dangerous Drugs Act of 2002", at(2025)), ["2002 (reference)"]);
        let d = Anchor { date: Some(jiff::civil::date(2025, 1, 22)), ..at(2025) };
        assert_eq!(
            resolve_all("Last year, police seized 9.1 tons, the minister said earlier this month.", d),
            ["2024", "2025-01 (reference)"]
        );
    }

    #[test]
    fn spans_between_points_of_any_precision() {
        let d = |y, m, day| Anchor { date: Some(jiff::civil::date(y, m, day)), ..at(y) };
        assert_eq!(resolve_all("between January 2022 and March 2023", at(2025)), ["2022-01..2023-03"]);
        assert_eq!(resolve_all("From May 2023 through June 2024, police", at(2025)), ["2023-05..2024-06"]);
        assert_eq!(resolve_all("from 2019 to March 2023", at(2025)), ["2019..2023-03"]);
        assert_eq!(resolve_all("between 1 March 2024 and 15 April 2024", at(2025)), ["2024-03-01..2024-04-15"]);
        assert_eq!(resolve_all("Between March 1 and March 15, police", d(2025, 9, 16)), ["2025-03-01..2025-03-15"]);
        assert_eq!(resolve_all("from November to February 2024", at(2025)), ["2023-11..2024-02"]);
        assert_eq!(resolve_all("from 5 November to 3 February 2024", at(2025)), ["2023-11-05..2024-02-03"]);
        // No span: a count after the connector, a bare year after a month.
        assert_eq!(resolve_all("rose from 2,709 in 2013 to 10,057 in 2023", at(2024)), ["2013 (baseline)", "2023"]);
        assert_eq!(resolve_all("in March 2023 and 2024", at(2025)), ["2023-03", "2024"]);
    }

    #[test]
    fn more_period_shapes() {
        assert_eq!(resolve_all("in Q3 2023 and H1 2024", at(2024)), ["2023-07..2023-09", "2024-01..2024-06"]);
        assert_eq!(resolve_all("between 2013 and 2023", at(2024)), ["2013..2023"]);
        assert_eq!(resolve_all("From 2019 to 2023, police seized", at(2024)), ["2019..2023"]);
        assert_eq!(resolve_all("in 2022/23", at(2024)), ["2022..2023"]);
        assert_eq!(resolve_all("seized on 5 September 2019", at(2019)), ["2019-09-05"]);
        assert_eq!(resolve_all("in the 1990s", at(2019)), ["1990..1999"]);
        assert_eq!(resolve_all("in FY2023", at(2024)), ["2023"]);
        assert_eq!(
            resolve_all("116 tonnes in 2023, up from 110 tonnes the year before", at(2024)),
            ["2023", "2022 (baseline)"]
        );
        let dated = Anchor { date: Some(jiff::civil::date(2024, 1, 15)), ..at(2024) };
        assert_eq!(resolve_all("detained 12 couriers last month", dated), ["2023-12"]);
        assert_eq!(resolve_all("over the past decade", at(2019)), ["2009..2019"]);
        let jan_jul = Anchor { frame: None, state: Period::parse("2024-01..2024-07"), ..at(2024) };
        assert_eq!(
            resolve_all("up from 2.1 tons in the same period in 2023", jan_jul),
            ["2023-01..2023-07 (baseline)"]
        );
        // Opening a sentence, it frames the figures after it.
        assert_eq!(resolve_all("In the same period of 2023, 2.1 tons", jan_jul), ["2023-01..2023-07"]);
    }

    #[test]
    fn articles_open_periods_only_before_openers() {
        let dated = Anchor { date: Some(jiff::civil::date(2024, 1, 15)), ..at(2024) };
        assert_eq!(resolve_all("the previous month", dated), ["2023-12"]);
        assert_eq!(resolve_all("a year earlier, 5 kg", at(2024)).len(), 1);
        assert_eq!(resolve_all("a few months earlier, 5 kg", at(2024)).len(), 1);
        assert_eq!(resolve_all("in the January-September period", at(2021)), ["2021-01..2021-09"]);
        assert!(resolve_all("the police found a car", at(2024)).is_empty());
    }

    #[test]
    fn not_periods() {
        assert!(resolve_all("2000 people were arrested", at(2024)).is_empty());
        assert!(resolve_all("we may see 5 kg", at(2024)).is_empty());
        assert!(resolve_all("for 20 years", at(2024)).is_empty());
    }

    #[test]
    fn wire_format_round_trips() {
        for s in ["2024", "2024-07", "2024-04-16..2024-04-17", "1979..2019"] {
            assert_eq!(Period::parse(s).unwrap().to_string(), s);
        }
        assert!(Period::parse("2024-13").is_none());
        let h1 = Period::parse("2024-01..2024-06").unwrap();
        assert!(Period::year(2024).contains(&h1));
        assert!(h1.overlaps(&Period::parse("2024-06").unwrap()));
        assert_eq!(h1.day_numbers(), (20240101, 20240630));
    }
}
