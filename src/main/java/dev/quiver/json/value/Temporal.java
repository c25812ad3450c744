package dev.quiver.json.value;

import dev.quiver.columnar.ArrowType.TimeUnit;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Text forms of dates, times and timestamps (ISO-8601, fraction digits fixed by the unit: s none, ms 3,
 * us 6, ns 9). Parsing throws {@link IllegalArgumentException} with a message a person can act on.
 */
public final class Temporal {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private Temporal() {}

  public static long unitsPerSecond(TimeUnit unit) {
    switch (unit) {
      case SECOND:
        return 1L;
      case MILLISECOND:
        return 1_000L;
      case MICROSECOND:
        return 1_000_000L;
      default:
        return 1_000_000_000L;
    }
  }

  public static int fractionDigits(TimeUnit unit) {
    switch (unit) {
      case SECOND:
        return 0;
      case MILLISECOND:
        return 3;
      case MICROSECOND:
        return 6;
      default:
        return 9;
    }
  }

  public static String unitName(TimeUnit unit) {
    switch (unit) {
      case SECOND:
        return "s";
      case MILLISECOND:
        return "ms";
      case MICROSECOND:
        return "us";
      default:
        return "ns";
    }
  }

  /** The zone of a timestamp type's timezone string, or null for a naive timestamp. */
  public static ZoneId zone(String timezone) {
    if (timezone == null) {
      return null;
    }
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone \"" + timezone + "\"");
    }
  }

  // ---- dates

  public static String formatDate32(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  public static int parseDate32(String text) {
    long days = parseDate(text).toEpochDay();
    if (days != (int) days) {
      throw new IllegalArgumentException("date out of the date32 range: \"" + text + "\"");
    }
    return (int) days;
  }

  public static String formatDate64(long millis) {
    if (Math.floorMod(millis, MILLIS_PER_DAY) == 0) {
      return LocalDate.ofEpochDay(Math.floorDiv(millis, MILLIS_PER_DAY)).toString();
    }
    return formatTimestamp(millis, TimeUnit.MILLISECOND, ZoneOffset.UTC);
  }

  public static long parseDate64(String text) {
    if (text.indexOf('T') < 0 && text.indexOf(' ') < 0) {
      return Math.multiplyExact(parseDate(text).toEpochDay(), MILLIS_PER_DAY);
    }
    return parseTimestamp(text, TimeUnit.MILLISECOND, ZoneOffset.UTC);
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not an ISO date (YYYY-MM-DD): \"" + text + "\"");
    }
  }

  // ---- times of day

  public static String formatTime(long value, TimeUnit unit) {
    long perSecond = unitsPerSecond(unit);
    String sign = value < 0 ? "-" : "";
    long v = Math.abs(value);
    long seconds = v / perSecond;
    StringBuilder sb = new StringBuilder(sign);
    two(sb, seconds / 3600).append(':');
    two(sb, seconds / 60 % 60).append(':');
    two(sb, seconds % 60);
    appendFraction(sb, v % perSecond, fractionDigits(unit));
    return sb.toString();
  }

  /** Parses "HH:MM:SS[.fraction]"; "24:00:00" (end of day, as ISO 8601 allows) is one day. */
  public static long parseTime(String text, TimeUnit unit) {
    if (text.startsWith("24:") && text.matches("24:00:00(\\.0{1,9})?")) {
      return 86_400L * unitsPerSecond(unit);
    }
    LocalTime time;
    try {
      time = LocalTime.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not an ISO time of day (HH:MM:SS[.fraction]): \"" + text + "\"");
    }
    return toUnits(time.toSecondOfDay(), time.getNano(), unit, text);
  }

  // ---- timestamps

  /** The instant {@code value} (units since the epoch) in {@code zone}, or as naive wall time if null. */
  public static String formatTimestamp(long value, TimeUnit unit, ZoneId zone) {
    long perSecond = unitsPerSecond(unit);
    long seconds = Math.floorDiv(value, perSecond);
    long subUnits = Math.floorMod(value, perSecond);
    int nanos = (int) (subUnits * (1_000_000_000L / perSecond));
    LocalDateTime local;
    String offset = "";
    try {
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      if (zone == null) {
        local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      } else {
        ZonedDateTime zoned = instant.atZone(zone);
        local = zoned.toLocalDateTime();
        offset = zoned.getOffset().getTotalSeconds() == 0 ? "Z" : zoned.getOffset().getId();
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("timestamp out of the supported range: " + value + " " + unitName(unit));
    }
    StringBuilder sb = new StringBuilder(40).append(local.toLocalDate()).append('T');
    two(sb, local.getHour()).append(':');
    two(sb, local.getMinute()).append(':');
    two(sb, local.getSecond());
    appendFraction(sb, subUnits, fractionDigits(unit));
    return sb.append(offset).toString();
  }

  /**
   * Parses an ISO date-time, with or without an offset or [zone]; a date alone means midnight. A naive text
   * into a zoned field is taken as UTC; a text with an offset into a naive field keeps its wall time.
   */
  public static long parseTimestamp(String text, TimeUnit unit, ZoneId zone) {
    String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    LocalDateTime wall;
    Instant instant;
    try {
      if (t.length() <= 11 && t.indexOf('T') < 0) {
        wall = LocalDate.parse(t).atStartOfDay();
        instant = wall.toInstant(ZoneOffset.UTC);
      } else {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
            t, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime) {
          ZonedDateTime z = (ZonedDateTime) parsed;
          wall = z.toLocalDateTime();
          instant = z.toInstant();
        } else {
          wall = (LocalDateTime) parsed;
          instant = wall.toInstant(ZoneOffset.UTC);
        }
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not an ISO date-time (e.g. \"2024-01-31T12:34:56.789Z\"): \"" + text + "\"");
    }
    if (zone == null) {
      instant = wall.toInstant(ZoneOffset.UTC);
    }
    return toUnits(instant.getEpochSecond(), instant.getNano(), unit, text);
  }

  private static long toUnits(long seconds, int nanos, TimeUnit unit, String text) {
    long nanosPerUnit = 1_000_000_000L / unitsPerSecond(unit);
    if (nanos % nanosPerUnit != 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" has more fraction digits than the unit " + unitName(unit) + " holds");
    }
    try {
      long perSecond = unitsPerSecond(unit);
      long sub = nanos / nanosPerUnit;
      if (seconds < 0 && sub > 0) { // stay in range near Long.MIN_VALUE
        return Math.addExact(Math.multiplyExact(seconds + 1, perSecond), sub - perSecond);
      }
      return Math.addExact(Math.multiplyExact(seconds, perSecond), sub);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + text + "\" is out of range for the unit " + unitName(unit));
    }
  }

  private static StringBuilder two(StringBuilder sb, long v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }

  private static void appendFraction(StringBuilder sb, long subUnits, int digits) {
    if (digits == 0) {
      return;
    }
    String s = Long.toString(subUnits);
    sb.append('.');
    for (int i = s.length(); i < digits; i++) {
      sb.append('0');
    }
    sb.append(s);
  }
}
