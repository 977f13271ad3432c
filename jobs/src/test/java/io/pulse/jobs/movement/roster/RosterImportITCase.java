package io.pulse.jobs.movement.roster;

import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.MariaDbServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster import on a real MariaDB: pseudonyms only, bad lines reported by number. */
class RosterImportITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    /** openssl: printf 'a4:5e:60:12:34:56' | openssl dgst -sha256 -hmac campus-secret */
    static final String A4_PERSON = "d30972d52a856065097683662387e4f47c0d373aaeaa8ff1b3a15f436a28aa0d";

    @Test
    void goodLinesBecomePseudonymousPeopleAndBadOnesAreReportedByLine(@TempDir Path dir) throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.createDatabase("roster"), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        Path csv = Files.writeString(dir.resolve("roster.csv"), String.join("\n",
                "mac,roll_no,year,gender,hostel,branch,stream",
                "A4:5E:60:12:34:56,21CS001,2021,F,\"Hostel 4, North\",CSE,BTech",
                "a4-5e-60-12-34-57,21ME002,2021,M,H2,ME,BTech",
                "",
                "A4:5E:60:12:34,21EE003,2021,M,H3,EE,BTech",                 // line 5: short MAC
                "A6:11:22:33:44:55,21EE004,2021,F,H3,EE,BTech",              // line 6: randomized
                "00:1A:2B:3C:4D:5E,21EE005,second,F,H3,EE,BTech",            // line 7: bad year
                "00:1A:2B:3C:4D:5F,21CS001,2022,M,H1,CSE,BTech",             // line 8: roll number taken
                "001A2B3C4D60,,,,,,") + "\n");                               // line 9: a MAC alone is enough

        RosterImport.Report report = new RosterImport("campus-secret", jdbc).importFile(csv);

        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.rejected()).containsExactly(
                "line 5: mac is missing or not a MAC address (six hex octets separated by : or -)",
                "line 6: mac is a randomized (locally administered) address: it never identifies a person",
                "line 7: year must be a whole number from 1 to 9999, got 'second'",
                "line 8: roll_no '21CS001' belongs to another person");
        assertThat(report.summary()).isEqualTo("people: 3 imported, 4 rejected");
        List<String> rows = rows(jdbc);
        assertThat(rows).hasSize(3).contains(A4_PERSON + "|21CS001|2021|F|Hostel 4, North|CSE|BTech");
        assertThat(rows).allSatisfy(row -> assertThat(MacAddress.containsMac(row)).as(row).isFalse());

        // Importing again changes nothing.
        assertThat(new RosterImport("campus-secret", jdbc).importFile(csv).imported()).isEqualTo(3);
        assertThat(rows(jdbc)).containsExactlyInAnyOrderElementsOf(rows);
    }

    private static List<String> rows(JdbcSettings jdbc) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT person_id, roll_no, year, gender, hostel, branch, stream FROM people")) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4) + "|"
                        + r.getString(5) + "|" + r.getString(6) + "|" + r.getString(7));
            }
        }
        return rows;
    }
}
