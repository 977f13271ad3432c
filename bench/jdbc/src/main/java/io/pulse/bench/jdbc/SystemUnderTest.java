package io.pulse.bench.jdbc;

import io.pulse.bench.LocalFlink;
import io.pulse.bench.Machine;
import io.pulse.testservers.RequiredBinary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The report's machine section: {@link Machine}'s items, with the load average, Flink, MariaDB and the sink's source. */
final class SystemUnderTest {

    private SystemUnderTest() {}

    /** @param loadAtStart {@code Machine.loadAverage(3)} at the start of the run */
    static String machine(Connection db, String loadAtStart) {
        return Machine.describe(
                List.of("load average (1/5/15 min): " + loadAtStart + " at the start, " + Machine.loadAverage(3) + " at the end"),
                List.of("Flink: " + LocalFlink.version() + " (local MiniCluster in the benchmark's JVM)",
                        "MariaDB: " + mariaDbVersion() + ", started by `MariaDbServer` of pulse-test-servers ("
                                + serverSettings(db) + ")",
                        "sink under test: " + sinkSource()));
    }

    /** The real version: the server is started with --version=5.7.19-10.11.0-MariaDB for the driver's sake. */
    private static String mariaDbVersion() {
        String out;
        try {
            out = Machine.commandOutput(RequiredBinary.find("mariadbd", "mariadb-server").toString(), "--version");
        } catch (RuntimeException e) {
            return "unknown";
        }
        int ver = out.indexOf("Ver ");
        return out.isEmpty() ? "unknown" : ver < 0 ? out : out.substring(ver + 4);
    }

    /** The commit of jobs/.../storage in the working tree the benchmark runs from (../.. of bench/jdbc). */
    private static String sinkSource() {
        String storage = "jobs/src/main/java/io/pulse/jobs/storage";
        String commit = Machine.commandOutput("git", "-C", "../..", "log", "-1", "--format=%h %s", "--", storage);
        if (commit.isEmpty()) {
            return "pulse-jobs from the local Maven repository (source commit unknown)";
        }
        String changes = Machine.commandOutput("git", "-C", "../..", "status", "--porcelain", "--", storage);
        return "pulse-jobs installed from `" + storage + "` at commit " + commit
                + (changes.isEmpty() ? "" : " (with uncommitted changes)");
    }

    private static String serverSettings(Connection db) {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT @@innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit, @@log_bin")) {
            r.next();
            return "innodb_buffer_pool_size " + r.getLong(1) / 1048576 + " MiB, innodb_flush_log_at_trx_commit "
                    + r.getInt(2) + ", binary log " + (r.getInt(3) == 1 ? "on" : "off");
        } catch (SQLException e) {
            return "settings unknown: " + e.getMessage();
        }
    }
}
