package io.pulse.jobs.movement.roster;

import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.movement.ingest.Pseudonyms;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a roster CSV with raw MACs, e.g. {@code mac,roll_no,year,gender,hostel,branch,stream}
 * (a header line first; only {@code mac} is required, columns in any order), into {@link Person}s
 * that hold only the pseudonym. A refused line is reported with its number and a reason that
 * never quotes the MAC.
 */
public final class RosterCsv {

    static final List<String> COLUMNS = List.of("mac", "roll_no", "year", "gender", "hostel", "branch", "stream");
    private static final Map<String, Integer> MAX_CHARS = Map.of("roll_no", 32, "gender", 16, "hostel", 64, "branch", 64, "stream", 64);

    private final Pseudonyms pseudonyms;

    public RosterCsv(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** Thrown when the header cannot be used: nothing is read then. */
    public static final class BadHeader extends Exception {
        BadHeader(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param lines    the file's lines, header first
     * @param people   every valid line's person, with its line number (1-based)
     * @param rejected every refused line's number and reason
     */
    public void read(List<String> lines, BiConsumer<Integer, Person> people, BiConsumer<Integer, String> rejected) throws BadHeader {
        if (lines.isEmpty()) {
            throw new BadHeader("the file is empty: it needs a header line such as " + String.join(",", COLUMNS));
        }
        Map<String, Integer> header = header(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                people.accept(i + 1, person(CsvLine.split(line), header));
            } catch (IllegalArgumentException e) {
                rejected.accept(i + 1, e.getMessage());
            }
        }
    }

    private static Map<String, Integer> header(String line) throws BadHeader {
        List<String> names = CsvLine.split(line.startsWith("\uFEFF") ? line.substring(1) : line);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new BadHeader("unknown column '" + names.get(i) + "' in the header; the columns are " + String.join(", ", COLUMNS));
            }
            if (header.put(name, i) != null) {
                throw new BadHeader("column '" + name + "' appears twice in the header");
            }
        }
        if (!header.containsKey("mac")) {
            throw new BadHeader("the header has no 'mac' column");
        }
        return header;
    }

    private Person person(List<String> fields, Map<String, Integer> header) {
        String normalized = MacAddress.normalize(field(fields, header, "mac"));
        if (normalized == null) {
            throw new IllegalArgumentException("mac is missing or not a MAC address (six hex octets separated by : or -)");
        }
        if (MacAddress.locallyAdministered(normalized)) {
            throw new IllegalArgumentException("mac is a randomized (locally administered) address: it never identifies a person");
        }
        Integer year = null;
        String yearText = field(fields, header, "year");
        if (yearText != null) {
            try {
                year = Integer.valueOf(yearText);
            } catch (NumberFormatException e) {
                year = -1;
            }
            if (year < 1 || year > 9999) {
                throw new IllegalArgumentException("year must be a whole number from 1 to 9999, got '" + MacAddress.mask(yearText) + "'");
            }
        }
        return new Person(pseudonyms.personId(normalized), text(fields, header, "roll_no"), year,
                text(fields, header, "gender"), text(fields, header, "hostel"), text(fields, header, "branch"),
                text(fields, header, "stream"));
    }

    private static String text(List<String> fields, Map<String, Integer> header, String column) {
        String value = field(fields, header, column);
        if (value != null && value.length() > MAX_CHARS.get(column)) {
            throw new IllegalArgumentException(column + " is longer than " + MAX_CHARS.get(column) + " characters");
        }
        return value;
    }

    /** The field's value, or null when the column is absent or the field empty. */
    private static String field(List<String> fields, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= fields.size() || fields.get(index).isEmpty()) {
            return null;
        }
        return fields.get(index);
    }
}
