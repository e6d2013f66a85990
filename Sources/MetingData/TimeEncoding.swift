/// How a numeric variable holds dates or times, by the convention of the
/// file it came from, so that `list` and `freq` can show 2011-04-30 where
/// the file stores 13523500800 (SPSS) or 18747 (Stata). The numbers stay
/// as they are: a file written back keeps them.
public enum TimeEncoding: String, Sendable, Equatable {
  /// SPSS DATE, ADATE, EDATE, SDATE, JDATE…: seconds since 1582-10-14.
  case spssDate
  /// SPSS DATETIME, YMDHMS: seconds since 1582-10-14.
  case spssDateTime
  /// Stata %td, SAS DATE…: days since 1960-01-01.
  case days1960
  /// Stata %tc/%tC: milliseconds since 1960-01-01.
  case milliseconds1960
  /// SAS DATETIME: seconds since 1960-01-01.
  case seconds1960
  /// Excel (1900 date system): days since 1899-12-30, the time of day as
  /// the fraction; serials below 61 count Excel's fictitious 1900-02-29
  /// (serial 1 is 1900-01-01). 1904-system workbooks are shifted to this
  /// system when read.
  case excelDate
  case excelDateTime

  /// The encoding a file's format implies, or nil for plain numbers.
  public static func from(format: String?, file: StatFileFormat) -> TimeEncoding? {
    guard let f = format?.uppercased() else { return nil }
    switch file {
    case .sav, .por:
      if f.hasPrefix("DATETIME") || f.hasPrefix("YMDHMS") { return .spssDateTime }
      for prefix in ["DATE", "ADATE", "EDATE", "SDATE", "JDATE"] where f.hasPrefix(prefix) { return .spssDate }
      return nil
    case .dta:
      if f.hasPrefix("%TD") || f.hasPrefix("%D") { return .days1960 }
      if f.hasPrefix("%TC") { return .milliseconds1960 }
      return nil
    case .sas7bdat, .xpt:
      if f.hasPrefix("DATETIME") { return .seconds1960 }
      for prefix in ["DATE", "YYMMDD", "MMDDYY", "DDMMYY", "E8601DA", "WORDDATE"] where f.hasPrefix(prefix) { return .days1960 }
      return nil
    case .xlsx:
      // The Excel reader names the kind it found in the cells' styles.
      return f == "DATETIME" ? .excelDateTime : f == "DATE" ? .excelDate : nil
    }
  }

  /// Seconds since 1970-01-01 of a value in this encoding.
  public func unixSeconds(_ value: Double) -> Double {
    switch self {
    case .spssDate, .spssDateTime: value - 12_219_379_200
    case .days1960: value * 86_400 - 315_619_200
    case .milliseconds1960: value / 1000 - 315_619_200
    case .seconds1960: value - 315_619_200
    case .excelDate, .excelDateTime:
      // Excel keeps times to the millisecond; so does this (0.58333… days
      // is 14:00:00, not 13:59:59.99…).
      ((value >= 1 && value < 61 ? value - 25_568 : value - 25_569) * 86_400_000).rounded() / 1000
    }
  }

  /// The same moment in another encoding.
  public func convert(_ value: Double, to target: TimeEncoding) -> Double {
    guard self != target else { return value }
    return target.value(unixSeconds: unixSeconds(value))
  }

  /// The value in this encoding of a moment in seconds since 1970-01-01.
  public func value(unixSeconds s: Double) -> Double {
    switch self {
    case .spssDate, .spssDateTime: return s + 12_219_379_200
    case .days1960: return ((s + 315_619_200) / 86_400).rounded(.down)
    case .milliseconds1960: return (s + 315_619_200) * 1000
    case .seconds1960: return s + 315_619_200
    case .excelDate, .excelDateTime:
      let days = s / 86_400 + 25_569
      return days < 61 && days >= 2 ? days - 1 : days
    }
  }

  /// Whether values carry a time of day.
  public var hasTime: Bool {
    switch self {
    case .spssDateTime, .milliseconds1960, .seconds1960, .excelDateTime: true
    case .spssDate, .days1960, .excelDate: false
    }
  }

  /// The value as ISO 8601 text (2011-04-30, or 2011-04-30 14:05:00).
  public func text(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    // To the millisecond first: an Excel time of 14:00 is 0.58333… days.
    let seconds = (unixSeconds(value) * 1000).rounded() / 1000
    guard abs(seconds) < 1e13 else { return nil }
    let whole = Int64(seconds.rounded(.down))
    let (days, secondOfDay) = (whole.floorDivided(by: 86_400), whole.floorModulo(86_400))
    let date = TimeEncoding.isoDate(days: days)
    guard hasTime else { return date }
    let (h, mi, s) = (secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    func two(_ x: Int64) -> String { x < 10 ? "0\(x)" : "\(x)" }
    return "\(date) \(two(h)):\(two(mi)):\(two(s))"
  }

  /// "2011-04-30" for a day count from 1970-01-01.
  public static func isoDate(days: Int64) -> String {
    let (y, m, d) = civil(fromDays: days)
    return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
  /// days_from_civil, the inverse of `civil(fromDays:)`).
  public static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The proleptic Gregorian date of a day count from 1970-01-01
  /// (Howard Hinnant's civil_from_days).
  static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

extension Int64 {
  func floorDivided(by d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
  func floorModulo(_ d: Int64) -> Int64 { self - floorDivided(by: d) * d }
}
