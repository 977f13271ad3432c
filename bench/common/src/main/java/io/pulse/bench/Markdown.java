package io.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The pieces every benchmark's report is made of: the min / median / max table, the rounds, the file. */
public final class Markdown {

    /** The head of the results table; {@link #row} and {@link #ratioRow} follow it. */
    public static final String TABLE_HEADER = "| | min | median | max |\n|---|---:|---:|---:|\n";

    private Markdown() {}

    /** One side's row: {@code | name | min | median | max |}, rates with thousands separators. */
    public static String row(String name, Stats s) {
        return String.format("| %s | %,.0f | %,.0f | %,.0f |%n", name, s.min(), s.median(), s.max());
    }

    /** A ratio in the median column, in bold per cent: {@code | name | | **88 %** | |}. */
    public static String ratioRow(String name, double ratio) {
        return String.format("| %s | | **%.0f %%** | |%n", name, 100 * ratio);
    }

    /**
     * The results table of a benchmark whose sides are an enum: one row per side in declaration
     * order, then the ratio of the medians of side (a) over side (b).
     */
    public static <S extends Enum<S>> String sidesTable(Map<S, List<Double>> measured, Function<S, String> label, S a, S b) {
        StringBuilder md = new StringBuilder(TABLE_HEADER);
        for (S side : a.getDeclaringClass().getEnumConstants()) {
            md.append(row(label.apply(side), Stats.of(measured.get(side))));
        }
        md.append(ratioRow("(a) / (b), medians", Stats.of(measured.get(a)).median() / Stats.of(measured.get(b)).median()));
        return md.toString();
    }

    /** Every measured round, the sides' rates separated by " / ", the rounds by "; ". */
    @SafeVarargs
    public static String perRound(List<Double>... sides) {
        return IntStream.range(0, sides[0].size())
                .mapToObj(i -> {
                    String[] rates = new String[sides.length];
                    for (int s = 0; s < sides.length; s++) {
                        rates[s] = String.format("%,.0f", sides[s].get(i));
                    }
                    return String.join(" / ", rates);
                })
                .collect(Collectors.joining("; "));
    }

    /** Records per sink over the rounds: "sink n" per sink, "sink min–max" where the rounds differed. */
    public static String sinkOutputs(List<Map<String, Long>> rounds) {
        TreeSet<String> names = new TreeSet<>();
        rounds.forEach(r -> names.addAll(r.keySet()));
        List<String> items = new ArrayList<>();
        for (String name : names) {
            LongSummaryStatistics st = rounds.stream().mapToLong(r -> r.getOrDefault(name, 0L)).summaryStatistics();
            items.add(name + " " + (st.getMin() == st.getMax() ? String.format("%,d", st.getMin())
                    : String.format("%,d–%,d", st.getMin(), st.getMax())));
        }
        return String.join(", ", items);
    }

    /** Prints the report after a blank line, writes it to {@code out} and says where. */
    public static void printAndWrite(String report, Path out) throws IOException {
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("written to " + out.toAbsolutePath().normalize());
    }
}
