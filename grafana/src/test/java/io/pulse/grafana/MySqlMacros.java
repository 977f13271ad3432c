package io.pulse.grafana;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a MySQL panel query the way Grafana's MySQL data source does before it sends it: first
 * the substitutions of every SQL data source ({@code $__interval_ms}, {@code $__interval},
 * {@code $__unixEpochFrom()}, {@code $__unixEpochTo()}), then the MySQL macros as defined in
 * Grafana's {@code pkg/tsdb/mysql/macros.go}: a macro is {@code $name(args)} where args contain
 * no ')' and are split at commas. Template variables must already be substituted
 * ({@link TemplateVariables}); Grafana's front end does that first.
 */
public final class MySqlMacros {

    private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
    /** Statements Grafana refuses to send (macros.go: restrictedRegExp). */
    private static final Pattern RESTRICTED = Pattern.compile(
            "([\\s]*show[\\s]+grants|[\\s,]session_user\\([^)]*\\)|[\\s,]current_user(\\([^)]*\\))?"
                    + "|[\\s,]system_user\\([^)]*\\)|[\\s,]user\\([^)]*\\))([\\s,;]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private MySqlMacros() {}

    public static String expand(String sql, TimeRange range, GrafanaInterval interval) {
        String global = sql.replace("$__interval_ms", Long.toString(interval.millis()))
                .replace("$__interval", interval.text())
                .replace("$__unixEpochFrom()", Long.toString(seconds(range.fromMillis())))
                .replace("$__unixEpochTo()", Long.toString(seconds(range.toMillis())));
        if (RESTRICTED.matcher(global).find()) {
            throw new IllegalArgumentException("Grafana refuses queries with show grants or *_user(): " + sql);
        }
        Matcher m = MACRO.matcher(global);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> args = new ArrayList<>();
            for (String arg : m.group(2).split(",", -1)) {
                args.add(arg.strip());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(macro(m.group(1), args, range)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String macro(String name, List<String> args, TimeRange range) {
        long from = seconds(range.fromMillis());
        long to = seconds(range.toMillis());
        return switch (name) {
            case "__time", "__timeEpoch" -> "UNIX_TIMESTAMP(" + column(name, args) + ") as time_sec";
            case "__timeFilter" -> from < 0
                    ? column(name, args) + " BETWEEN DATE_ADD(FROM_UNIXTIME(0), INTERVAL " + from + " SECOND) AND FROM_UNIXTIME(" + to + ")"
                    : column(name, args) + " BETWEEN FROM_UNIXTIME(" + from + ") AND FROM_UNIXTIME(" + to + ")";
            case "__timeFrom" -> "FROM_UNIXTIME(" + from + ")";
            case "__timeTo" -> "FROM_UNIXTIME(" + to + ")";
            case "__timeGroup" -> "UNIX_TIMESTAMP(" + args.get(0) + ") DIV " + groupSeconds(name, args, "'\"") + " * "
                    + groupSeconds(name, args, "'\"");
            case "__timeGroupAlias" -> macro("__timeGroup", args, range) + " AS \"time\"";
            case "__unixEpochFilter" -> column(name, args) + " >= " + from + " AND " + args.get(0) + " <= " + to;
            case "__unixEpochNanoFilter" -> column(name, args) + " >= " + nanos(range.fromMillis()) + " AND " + args.get(0)
                    + " <= " + nanos(range.toMillis());
            case "__unixEpochNanoFrom" -> Long.toString(nanos(range.fromMillis()));
            case "__unixEpochNanoTo" -> Long.toString(nanos(range.toMillis()));
            case "__unixEpochGroup" -> args.get(0) + " DIV " + goFloat(name, args) + " * " + goFloat(name, args);
            case "__unixEpochGroupAlias" -> macro("__unixEpochGroup", args, range) + " AS \"time\"";
            default -> throw new IllegalArgumentException("unknown macro $" + name);
        };
    }

    private static String column(String name, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("missing time column argument for macro $" + name);
        }
        return args.get(0);
    }

    /** Go's {@code %.0f} of the interval in seconds. */
    private static String groupSeconds(String name, List<String> args, String quotes) {
        return new BigDecimal(interval(name, args, quotes).toMillis()).movePointLeft(3)
                .setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Go's {@code %v} of a float64 number of seconds: 300 or 0.5. */
    private static String goFloat(String name, List<String> args) {
        return new BigDecimal(interval(name, args, "'").toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static Duration interval(String name, List<String> args, String quotes) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("macro $" + name + " needs a time column and an interval");
        }
        String text = args.get(1);
        for (char q : quotes.toCharArray()) {
            text = text.replace(String.valueOf(q), "");
        }
        return parseInterval(text);
    }

    /** Grafana's interval strings: a number and ms, s, m, h, d or w (gtime.ParseInterval). */
    static Duration parseInterval(String text) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("error parsing interval " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static long seconds(long millis) {
        return Math.floorDiv(millis, 1000);
    }

    private static long nanos(long millis) {
        return millis * 1_000_000;
    }
}
