//! Calendar dates, as TOML writes them (`2019-07-30`). How a date prints in the report is
//! the wording's business (`wording`); [`Date::long`] is for the editor's terminal.

use std::fmt;

/// A calendar date, as written in TOML (`2019-07-30`), without time or zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date if the day exists in that month of that year.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// "30 July 2019": how diagnostics and the terminal write a date (the report's dates
    /// are worded per language by `wording`).
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }

    /// Seconds from 1970-01-01 to midnight UTC of this date.
    pub fn unix_seconds(&self) -> i64 {
        // Days from civil, after Howard Hinnant's well-known algorithm.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }

    /// The UTC date of a Unix time (as `SOURCE_DATE_EPOCH` gives it).
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

/// ISO 8601, as in TOML and JSON: `2019-07-30`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_in_un_documents() {
        assert_eq!(Date::new(2019, 7, 30).unwrap().long(), "30 July 2019");
        assert_eq!(Date::new(2019, 7, 30).unwrap().to_string(), "2019-07-30");
        assert_eq!(Date::new(2019, 2, 29), None);
        assert!(Date::new(2020, 2, 29).is_some());
        assert_eq!(Date::new(2019, 13, 1), None);
    }

    #[test]
    fn unix_seconds_round_trip() {
        let d = Date::new(2019, 7, 30).unwrap();
        assert_eq!(d.unix_seconds(), 1_564_444_800);
        assert_eq!(Date::from_unix_seconds(1_564_444_800 + 3_600), Some(d));
        assert_eq!(Date::from_unix_seconds(0), Date::new(1970, 1, 1));
    }
}
