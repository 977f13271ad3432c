package io.pulse.jobs.movement.roster;

import java.util.ArrayList;
import java.util.List;

/** One line of a CSV file: fields separated by commas, optionally in double quotes ("" is a quote). */
final class CsvLine {

    private CsvLine() {}

    /** The fields, trimmed; throws IllegalArgumentException for an unclosed quote. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
