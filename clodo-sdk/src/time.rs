//! Timestamps as RFC 3339 text in UTC, the form Clodo stores them in.
//!
//! [`Timestamp`] is the type to use in rows and JSON bodies. It is kept as
//! text, in one fixed-width form, `2026-11-25T09:10:11.250Z` (UTC,
//! milliseconds: what JavaScript's `Date.toISOString()` and SQLite's
//! `strftime('%Y-%m-%dT%H:%M:%fZ')` produce), so that the same column works
//! on SQLite and D1 and text order in SQL is time order. Parsing accepts
//! any RFC 3339 date-time (any offset, any number of fraction digits; digits
//! below the millisecond are dropped) and normalises it to UTC.

use std::fmt;
use std::str::FromStr;

/// Seconds since the Unix epoch, now.
pub fn unix_now() -> u64 {
    crate::auth::unix_now()
}

/// Milliseconds since the Unix epoch, now.
#[cfg(not(target_arch = "wasm32"))]
pub fn unix_now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Milliseconds since the Unix epoch, now (`Date.now()` on wasm32).
#[cfg(target_arch = "wasm32")]
pub fn unix_now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// `2026-11-25T09:10:11Z` for a Unix time in seconds.
pub fn rfc3339_utc(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let rem = unix_secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The current time as RFC 3339 UTC.
pub fn now_rfc3339() -> String {
    rfc3339_utc(unix_now())
}

/// Milliseconds from the epoch to 0000-01-01T00:00:00Z and to the end of 9999.
const MIN_MILLIS: i64 = -62_167_219_200_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;

/// An instant with millisecond precision, between the years 0000 and 9999,
/// stored and sent as RFC 3339 UTC text (`2026-11-25T09:10:11.250Z`).
///
/// ```
/// use clodo_sdk::time::Timestamp;
///
/// let t: Timestamp = "2026-11-25T10:10:11+01:00".parse().unwrap();
/// assert_eq!(t.to_string(), "2026-11-25T09:10:11.000Z");
/// assert_eq!(t.unix_secs(), 1_795_597_811);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    millis: i64,
}

/// Why text is not a timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not an RFC 3339 timestamp such as 2026-11-25T09:10:11Z: {reason}")]
pub struct TimestampError {
    /// The text (at most 64 characters of it).
    pub input: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl Timestamp {
    /// The earliest instant: 0000-01-01T00:00:00.000Z.
    pub const MIN: Timestamp = Timestamp { millis: MIN_MILLIS };
    /// The latest instant: 9999-12-31T23:59:59.999Z.
    pub const MAX: Timestamp = Timestamp { millis: MAX_MILLIS };

    /// Now, to the millisecond.
    pub fn now() -> Self {
        Self {
            millis: unix_now_millis().clamp(MIN_MILLIS, MAX_MILLIS),
        }
    }

    /// The instant `millis` milliseconds after the Unix epoch, if between the
    /// years 0000 and 9999.
    pub fn from_unix_millis(millis: i64) -> Option<Self> {
        (MIN_MILLIS..=MAX_MILLIS)
            .contains(&millis)
            .then_some(Self { millis })
    }

    /// The instant `secs` seconds after the Unix epoch, if between the years
    /// 0000 and 9999.
    pub fn from_unix_secs(secs: i64) -> Option<Self> {
        secs.checked_mul(1000).and_then(Self::from_unix_millis)
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(self) -> i64 {
        self.millis
    }

    /// Whole seconds since the Unix epoch (rounded down).
    pub fn unix_secs(self) -> i64 {
        self.millis.div_euclid(1000)
    }

    /// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        parse_rfc3339(text).map_err(|reason| TimestampError {
            input: text.chars().take(64).collect(),
            reason,
        })
    }
}

fn digits(b: &[u8], from: usize, n: usize) -> Result<i64, &'static str> {
    let part = b.get(from..from + n).ok_or("it is too short")?;
    if !part.iter().all(u8::is_ascii_digit) {
        return Err("expected digits in the date or time");
    }
    Ok(part.iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0')))
}

fn expect(b: &[u8], at: usize, what: &[u8], msg: &'static str) -> Result<(), &'static str> {
    match b.get(at) {
        Some(c) if what.contains(c) => Ok(()),
        _ => Err(msg),
    }
}

fn parse_rfc3339(text: &str) -> Result<Timestamp, &'static str> {
    let b = text.as_bytes();
    let year = digits(b, 0, 4)?;
    expect(b, 4, b"-", "expected `-` after the year")?;
    let month = digits(b, 5, 2)?;
    expect(b, 7, b"-", "expected `-` after the month")?;
    let day = digits(b, 8, 2)?;
    expect(b, 10, b"Tt ", "expected `T` between the date and the time")?;
    let hour = digits(b, 11, 2)?;
    expect(b, 13, b":", "expected `:` after the hour")?;
    let minute = digits(b, 14, 2)?;
    expect(b, 16, b":", "expected `:` after the minutes")?;
    let second = digits(b, 17, 2)?;
    if !(1..=12).contains(&month) {
        return Err("the month is not 01 to 12");
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err("the day does not exist in that month");
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err("the time of day is out of range (leap seconds are not supported)");
    }
    let mut at = 19;
    let mut millis = 0;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            if at - start < 3 {
                millis = millis * 10 + i64::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return Err("expected digits after the decimal point");
        }
        for _ in (at - start)..3 {
            millis *= 10;
        }
    }
    let offset_minutes = match b.get(at) {
        Some(b'Z' | b'z') => {
            at += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            let h = digits(b, at + 1, 2)?;
            expect(b, at + 3, b":", "expected `:` in the offset")?;
            let m = digits(b, at + 4, 2)?;
            if h > 23 || m > 59 {
                return Err("the offset is out of range");
            }
            at += 6;
            if *sign == b'-' {
                -(h * 60 + m)
            } else {
                h * 60 + m
            }
        }
        _ => return Err("expected a time zone: `Z` or an offset such as +01:00"),
    };
    if at != b.len() {
        return Err("unexpected text after the time zone");
    }
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Timestamp::from_unix_millis(secs * 1000 + millis)
        .ok_or("the instant is outside the years 0000 to 9999")
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Timestamp {
    /// The text form, `YYYY-MM-DDTHH:MM:SS.sssZ`, without allocating.
    fn to_bytes(self) -> [u8; 24] {
        let secs = self.millis.div_euclid(1000);
        let ms = self.millis.rem_euclid(1000) as u32;
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let rem = secs.rem_euclid(86_400) as u32;
        let mut out = *b"0000-00-00T00:00:00.000Z";
        let mut put = |at: usize, width: usize, mut v: u32| {
            for i in (at..at + width).rev() {
                out[i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        // Years are 0000 to 9999 (see MIN_MILLIS and MAX_MILLIS).
        put(0, 4, y.clamp(0, 9999) as u32);
        put(5, 2, m);
        put(8, 2, d);
        put(11, 2, rem / 3600);
        put(14, 2, rem % 3600 / 60);
        put(17, 2, rem % 60);
        put(20, 3, ms);
        out
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.to_bytes();
        f.write_str(std::str::from_utf8(&bytes).map_err(|_| fmt::Error)?)
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, TimestampError> {
        Self::parse(s)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let bytes = self.to_bytes();
        s.serialize_str(std::str::from_utf8(&bytes).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp such as 2026-11-25T09:10:11Z")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl schemars::JsonSchema for Timestamp {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date-time" })
    }
}

impl From<Timestamp> for crate::db::Value {
    fn from(t: Timestamp) -> Self {
        crate::db::Value::Text(t.to_string())
    }
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_795_597_811), "2026-11-25T09:10:11Z");
    }

    #[test]
    fn timestamps_round_trip_and_normalise() {
        let cases = [
            ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z", 0),
            (
                "2026-11-25T09:10:11.25Z",
                "2026-11-25T09:10:11.250Z",
                1_795_597_811_250,
            ),
            (
                "2026-11-25T10:10:11.123456+01:00",
                "2026-11-25T09:10:11.123Z",
                1_795_597_811_123,
            ),
            (
                "2026-11-25t04:10:11-05:00",
                "2026-11-25T09:10:11.000Z",
                1_795_597_811_000,
            ),
            ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", -1),
            (
                "2000-02-29 12:00:00Z",
                "2000-02-29T12:00:00.000Z",
                951_825_600_000,
            ),
            (
                "0000-01-01T00:00:00Z",
                "0000-01-01T00:00:00.000Z",
                MIN_MILLIS,
            ),
            (
                "9999-12-31T23:59:59.999Z",
                "9999-12-31T23:59:59.999Z",
                MAX_MILLIS,
            ),
        ];
        for (input, canonical, millis) in cases {
            let t = Timestamp::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(t.to_string(), canonical, "{input}");
            assert_eq!(t.unix_millis(), millis, "{input}");
            assert_eq!(Timestamp::parse(canonical).unwrap(), t);
        }
        let a = Timestamp::parse("2026-01-02T00:00:00Z").unwrap();
        let b = Timestamp::parse("2026-01-10T00:00:00.5Z").unwrap();
        assert!(
            a < b && a.to_string() < b.to_string(),
            "text order is time order"
        );
        assert_eq!(
            Timestamp::from_unix_secs(1_795_597_811)
                .unwrap()
                .unix_secs(),
            1_795_597_811
        );
        assert!(Timestamp::from_unix_millis(MAX_MILLIS + 1).is_none());
        assert!(Timestamp::now() > a);
    }

    #[test]
    fn bad_timestamps_say_why() {
        let cases = [
            ("", "too short"),
            ("2026-11-25", "expected `T`"),
            ("2026-13-01T00:00:00Z", "month"),
            ("2026-02-29T00:00:00Z", "day"),
            ("2026-11-25T24:00:00Z", "time of day"),
            ("2026-11-25T09:10:11", "time zone"),
            ("2026-11-25T09:10:11.Z", "decimal point"),
            ("2026-11-25T09:10:11Zjunk", "after the time zone"),
            ("2026-11-25T09:10:11+0100", "offset"),
            ("0000-01-01T00:00:00+00:01", "outside the years"),
            ("2026/11/25T09:10:11Z", "`-` after the year"),
        ];
        for (input, needle) in cases {
            let e = Timestamp::parse(input).unwrap_err().to_string();
            assert!(e.contains(needle), "{input}: {e}");
            assert!(e.contains("RFC 3339"), "{e}");
        }
    }

    #[test]
    fn serde_uses_the_text_form() {
        let t = Timestamp::parse("2026-11-25T09:10:11Z").unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"2026-11-25T09:10:11.000Z\"");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), t);
        let e = serde_json::from_str::<Timestamp>("\"yesterday\"").unwrap_err();
        assert!(e.to_string().contains("RFC 3339"), "{e}");
        assert!(serde_json::from_str::<Timestamp>("12").is_err());
    }
}
