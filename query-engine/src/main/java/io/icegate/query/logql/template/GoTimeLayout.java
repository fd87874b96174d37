package io.icegate.query.logql.template;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's reference-time layouts ({@code 2006-01-02T15:04:05.999999999Z07:00}) for formatting and
 * parsing, as {@code time.Format} and {@code time.Parse} read them: a layout is cut into the
 * standard chunks Go recognises ({@code Jan}, {@code 02}, {@code 15}, {@code .000}, {@code -07:00},
 * {@code MST}, …) and literal text.
 */
final class GoTimeLayout {
  private static final String[] LONG_MONTHS = {
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
    "December"
  };
  private static final String[] LONG_DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  private GoTimeLayout() {}

  /** A chunk: a standard element ({@code std} non-null) or literal text. */
  private record Chunk(String std, String literal, int digits) {}

  private static List<Chunk> chunks(String layout) {
    List<Chunk> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      String std = null;
      int digits = 0;
      int len = 0;
      char c = layout.charAt(i);
      String rest = layout.substring(i);
      switch (c) {
        case 'J' -> {
          if (rest.startsWith("January")) {
            std = "January";
          } else if (rest.startsWith("Jan")) {
            std = "Jan";
          }
        }
        case 'M' -> {
          if (rest.startsWith("Monday")) {
            std = "Monday";
          } else if (rest.startsWith("Mon")) {
            std = "Mon";
          } else if (rest.startsWith("MST")) {
            std = "MST";
          }
        }
        case '0' -> {
          if (rest.startsWith("002")) {
            std = "002";
          } else if (rest.length() > 1 && rest.charAt(1) >= '1' && rest.charAt(1) <= '6') {
            std = rest.substring(0, 2);
          }
        }
        case '1' -> std = rest.startsWith("15") ? "15" : "1";
        case '2' -> std = rest.startsWith("2006") ? "2006" : "2";
        case '_' -> {
          if (rest.startsWith("_2") && !rest.startsWith("_2006")) {
            std = "_2";
          } else if (rest.startsWith("__2")) {
            std = "__2";
          }
        }
        case '3', '4', '5' -> std = String.valueOf(c);
        case 'P' -> std = rest.startsWith("PM") ? "PM" : null;
        case 'p' -> std = rest.startsWith("pm") ? "pm" : null;
        case '-', 'Z' -> {
          for (String z : new String[] {"070000", "07:00:00", "0700", "07:00", "07"}) {
            if (rest.startsWith(c + z)) {
              std = c + z;
              break;
            }
          }
        }
        case '.', ',' -> {
          if (rest.length() > 1 && (rest.charAt(1) == '0' || rest.charAt(1) == '9')) {
            char d = rest.charAt(1);
            int j = 1;
            while (j < rest.length() && rest.charAt(j) == d) {
              j++;
            }
            if (j >= rest.length() || !Character.isDigit(rest.charAt(j))) {
              std = d == '0' ? ".0" : ".9";
              digits = j - 1;
              len = j;
            }
          }
        }
        default -> {}
      }
      if (std == null) {
        lit.append(c);
        i++;
        continue;
      }
      if (!lit.isEmpty()) {
        out.add(new Chunk(null, lit.toString(), 0));
        lit.setLength(0);
      }
      out.add(new Chunk(std, c == '.' || c == ',' ? String.valueOf(c) : null, digits));
      i += len > 0 ? len : std.length();
    }
    if (!lit.isEmpty()) {
      out.add(new Chunk(null, lit.toString(), 0));
    }
    return out;
  }

  static String format(GoTime time, String layout) {
    ZonedDateTime t = time.dateTime();
    StringBuilder sb = new StringBuilder();
    for (Chunk ch : chunks(layout)) {
      if (ch.std() == null) {
        sb.append(ch.literal());
        continue;
      }
      int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
      int offset = t.getOffset().getTotalSeconds();
      switch (ch.std()) {
        case "January" -> sb.append(LONG_MONTHS[t.getMonthValue() - 1]);
        case "Jan" -> sb.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
        case "1" -> sb.append(t.getMonthValue());
        case "01" -> pad(sb, t.getMonthValue(), 2);
        case "Monday" -> sb.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1]);
        case "Mon" -> sb.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
        case "2" -> sb.append(t.getDayOfMonth());
        case "_2" -> sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
        case "02" -> pad(sb, t.getDayOfMonth(), 2);
        case "002" -> pad(sb, t.getDayOfYear(), 3);
        case "__2" -> sb.append(String.format("%3d", t.getDayOfYear()));
        case "15" -> pad(sb, t.getHour(), 2);
        case "3" -> sb.append(hour12);
        case "03" -> pad(sb, hour12, 2);
        case "4" -> sb.append(t.getMinute());
        case "04" -> pad(sb, t.getMinute(), 2);
        case "5" -> sb.append(t.getSecond());
        case "05" -> pad(sb, t.getSecond(), 2);
        case "2006" -> pad(sb, t.getYear(), 4);
        case "06" -> pad(sb, Math.floorMod(t.getYear(), 100), 2);
        case "PM" -> sb.append(t.getHour() >= 12 ? "PM" : "AM");
        case "pm" -> sb.append(t.getHour() >= 12 ? "pm" : "am");
        case "MST" -> sb.append(abbreviation(t));
        case ".0", ".9" -> fraction(sb, ch, t.getNano());
        default -> offset(sb, ch.std(), offset);
      }
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(Math.abs(value));
    if (value < 0) {
      sb.append('-');
    }
    sb.append("0".repeat(Math.max(0, width - s.length()))).append(s);
  }

  private static void fraction(StringBuilder sb, Chunk ch, int nanos) {
    String digits = String.format("%09d", nanos).substring(0, ch.digits());
    if (ch.std().equals(".9")) {
      digits = digits.replaceFirst("0+$", "");
      if (digits.isEmpty()) {
        return;
      }
    }
    sb.append(ch.literal()).append(digits);
  }

  private static void offset(StringBuilder sb, String std, int offset) {
    if (std.startsWith("Z") && offset == 0) {
      sb.append('Z');
      return;
    }
    int abs = Math.abs(offset);
    sb.append(offset < 0 ? '-' : '+');
    pad(sb, abs / 3600, 2);
    String rest = std.substring(3);
    if (rest.isEmpty()) {
      return;
    }
    boolean colon = rest.startsWith(":");
    if (colon) {
      sb.append(':');
    }
    pad(sb, abs / 60 % 60, 2);
    if (rest.length() > (colon ? 3 : 2)) {
      if (colon) {
        sb.append(':');
      }
      pad(sb, abs % 60, 2);
    }
  }

  private static String abbreviation(ZonedDateTime t) {
    ZoneId zone = t.getZone();
    if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Z")) {
      return "UTC";
    }
    if (zone instanceof ZoneOffset) {
      StringBuilder sb = new StringBuilder();
      offset(sb, "-0700", t.getOffset().getTotalSeconds());
      return sb.toString();
    }
    return zone.getDisplayName(TextStyle.SHORT, Locale.ROOT);
  }

  /** Go's {@code time.ParseInLocation}; throws {@link IllegalArgumentException} on a mismatch. */
  static GoTime parse(String layout, String value, ZoneId defaultZone) {
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    int pm = -1;
    ZoneId zone = null;
    Cursor in = new Cursor(value);
    List<Chunk> chunks = chunks(layout);
    for (int k = 0; k < chunks.size(); k++) {
      Chunk ch = chunks.get(k);
      if (ch.std() == null) {
        in.expect(ch.literal());
        continue;
      }
      switch (ch.std()) {
        case "2006" -> year = in.fixed(4);
        case "06" -> {
          int y = in.fixed(2);
          year = y >= 69 ? 1900 + y : 2000 + y;
        }
        case "January", "Jan" -> month = in.name(LONG_MONTHS, ch.std().equals("Jan")) + 1;
        case "Monday", "Mon" -> in.name(LONG_DAYS, ch.std().equals("Mon"));
        case "1", "01" -> month = in.number(ch.std().equals("01"), 1, 12);
        case "_2" -> {
          in.skipSpace();
          day = in.number(false, 1, 31);
        }
        case "2", "02" -> day = in.number(ch.std().equals("02"), 1, 31);
        case "002", "__2" -> in.number(ch.std().equals("002"), 1, 366);
        case "15" -> hour = in.number(false, 0, 23);
        case "3", "03" -> hour = in.number(ch.std().equals("03"), 0, 12);
        case "4", "04" -> minute = in.number(ch.std().equals("04"), 0, 59);
        case "5", "05" -> {
          second = in.number(ch.std().equals("05"), 0, 59);
          boolean layoutFraction =
              k + 1 < chunks.size()
                  && chunks.get(k + 1).std() != null
                  && chunks.get(k + 1).std().startsWith(".");
          if (!layoutFraction && in.atFraction()) {
            nanos = in.fraction(-1);
          }
        }
        case "PM", "pm" -> pm = in.ampm();
        case "MST" -> zone = in.zoneName();
        case ".0" -> nanos = in.fraction(ch.digits());
        case ".9" -> {
          if (in.atFraction()) {
            nanos = in.fraction(-1);
          }
        }
        default -> zone = in.offset(ch.std());
      }
    }
    if (!in.atEnd()) {
      throw new IllegalArgumentException("extra text: " + in.rest());
    }
    if (pm == 1 && hour < 12) {
      hour += 12;
    } else if (pm == 0 && hour == 12) {
      hour = 0;
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      ZoneId z = zone != null ? zone : defaultZone;
      return new GoTime(local.atZone(z).toInstant(), z);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("day out of range", e);
    }
  }

  /** Reads a value left to right. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    String rest() {
      return s.substring(pos);
    }

    void expect(String literal) {
      if (!s.startsWith(literal, pos)) {
        throw new IllegalArgumentException("cannot parse " + rest() + " as " + literal);
      }
      pos += literal.length();
    }

    void skipSpace() {
      if (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    int fixed(int n) {
      if (pos + n > s.length()) {
        throw new IllegalArgumentException("cannot parse " + rest());
      }
      for (int i = pos; i < pos + n; i++) {
        if (!Character.isDigit(s.charAt(i))) {
          throw new IllegalArgumentException("cannot parse " + rest());
        }
      }
      int v = Integer.parseInt(s.substring(pos, pos + n));
      pos += n;
      return v;
    }

    int number(boolean twoDigits, int min, int max) {
      int v;
      if (twoDigits) {
        v = fixed(2);
      } else {
        int start = pos;
        while (pos < s.length() && pos - start < 2 && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        if (pos == start) {
          throw new IllegalArgumentException("cannot parse " + rest());
        }
        v = Integer.parseInt(s.substring(start, pos));
      }
      if (v < min || v > max) {
        throw new IllegalArgumentException("value out of range");
      }
      return v;
    }

    int name(String[] names, boolean short3) {
      for (int i = 0; i < names.length; i++) {
        String n = short3 ? names[i].substring(0, 3) : names[i];
        if (s.regionMatches(true, pos, n, 0, n.length())) {
          pos += n.length();
          return i;
        }
      }
      throw new IllegalArgumentException("bad name: " + rest());
    }

    int ampm() {
      if (s.regionMatches(true, pos, "PM", 0, 2)) {
        pos += 2;
        return 1;
      }
      if (s.regionMatches(true, pos, "AM", 0, 2)) {
        pos += 2;
        return 0;
      }
      throw new IllegalArgumentException("cannot parse " + rest() + " as PM");
    }

    boolean atFraction() {
      return pos + 1 < s.length()
          && (s.charAt(pos) == '.' || s.charAt(pos) == ',')
          && Character.isDigit(s.charAt(pos + 1));
    }

    /** Reads {@code .ddd}: exactly {@code digits} digits, or any number when negative. */
    int fraction(int digits) {
      if (!atFraction()) {
        throw new IllegalArgumentException("cannot parse " + rest() + " as fraction");
      }
      pos++;
      int start = pos;
      while (pos < s.length()
          && Character.isDigit(s.charAt(pos))
          && (digits < 0 || pos - start < digits)) {
        pos++;
      }
      if (digits > 0 && pos - start != digits) {
        throw new IllegalArgumentException("cannot parse fraction");
      }
      String d = (s.substring(start, pos) + "000000000").substring(0, 9);
      return Integer.parseInt(d);
    }

    ZoneId zoneName() {
      int start = pos;
      while (pos < s.length() && Character.isUpperCase(s.charAt(pos))) {
        pos++;
      }
      String name = s.substring(start, pos);
      if (name.length() < 3) {
        throw new IllegalArgumentException("cannot parse " + s.substring(start) + " as MST");
      }
      // Go keeps an unknown abbreviation with offset zero; so do we, UTC included.
      return ZoneOffset.UTC;
    }

    ZoneId offset(String std) {
      if (std.startsWith("Z") && pos < s.length() && s.charAt(pos) == 'Z') {
        pos++;
        return ZoneOffset.UTC;
      }
      if (pos >= s.length() || (s.charAt(pos) != '+' && s.charAt(pos) != '-')) {
        throw new IllegalArgumentException("cannot parse " + rest() + " as " + std);
      }
      int sign = s.charAt(pos++) == '-' ? -1 : 1;
      String shape = std.substring(1);
      int hours = fixed(2);
      int minutes = 0;
      int seconds = 0;
      if (shape.length() > 2) {
        if (shape.charAt(2) == ':') {
          expect(":");
        }
        minutes = fixed(2);
        if (shape.length() == 6 || shape.length() == 8) {
          if (shape.contains(":")) {
            expect(":");
          }
          seconds = fixed(2);
        }
      }
      return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
    }
  }
}
