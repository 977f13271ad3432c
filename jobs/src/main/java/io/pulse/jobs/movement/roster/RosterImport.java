package io.pulse.jobs.movement.roster;

import io.pulse.jobs.movement.ingest.Pseudonyms;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pulse people import roster.csv}: reads a roster with raw MACs and upserts its people by
 * pseudonym into {@code people}, so importing the same file again changes nothing. Each line is
 * written on its own: a refused line (bad field, or a roll number that another person already has)
 * is reported and the others are imported.
 */
public final class RosterImport {

    /** What an import did: rows imported, and one "line N: reason" per refused line. */
    public record Report(int imported, List<String> rejected) {
        public String summary() {
            return "people: " + imported + " imported, " + rejected.size() + " rejected";
        }
    }

    private final RosterCsv csv;
    private final JdbcSettings jdbc;

    public RosterImport(String hmacKey, JdbcSettings jdbc) {
        this.csv = new RosterCsv(new Pseudonyms(hmacKey));
        this.jdbc = jdbc;
    }

    public Report importFile(Path file) throws IOException, RosterCsv.BadHeader, SQLException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> rejected = new ArrayList<>();
        int[] imported = {0};
        try (Connection connection = DatabaseConnections.open(jdbc);
             PreparedStatement upsert = connection.prepareStatement(Person.TABLE.sql());
             PreparedStatement owner = connection.prepareStatement("SELECT person_id FROM people WHERE roll_no = ?")) {
            connection.setAutoCommit(true);
            SQLException[] failure = {null};
            csv.read(lines, (line, person) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    // An upsert would match the unique roll_no and overwrite the other person's row.
                    if (person.rollNo() != null && !ownsRollNo(owner, person)) {
                        rejected.add("line " + line + ": roll_no '" + person.rollNo() + "' belongs to another person");
                        return;
                    }
                    Person.TABLE.bind(upsert, person);
                    upsert.executeUpdate();
                    imported[0]++;
                } catch (SQLIntegrityConstraintViolationException e) {
                    rejected.add("line " + line + ": roll_no '" + person.rollNo() + "' belongs to another person");
                } catch (SQLException e) {
                    failure[0] = e;
                }
            }, (line, reason) -> rejected.add("line " + line + ": " + reason));
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        rejected.sort((a, b) -> Integer.compare(lineNumber(a), lineNumber(b)));
        return new Report(imported[0], rejected);
    }

    private static boolean ownsRollNo(PreparedStatement owner, Person person) throws SQLException {
        owner.setString(1, person.rollNo());
        try (ResultSet r = owner.executeQuery()) {
            return !r.next() || r.getString(1).equals(person.personId());
        }
    }

    private static int lineNumber(String rejection) {
        return Integer.parseInt(rejection.substring(5, rejection.indexOf(':')));
    }
}
