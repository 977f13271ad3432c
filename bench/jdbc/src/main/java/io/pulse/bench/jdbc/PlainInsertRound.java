package io.pulse.bench.jdbc;

import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * (b) The ceiling: one thread, one connection (the same URL, so {@code rewriteBatchedStatements=true}),
 * one PreparedStatement with the sink's own upsert SQL ({@code UpsertTable.sql()}), rows bound with
 * typed setters, {@code executeBatch} and {@code commit} every {@code batch} rows. No Flink. Rows
 * are generated inside the loop by the same function the sink's source uses.
 */
final class PlainInsertRound {

    private PlainInsertRound() {}

    /** @return the wall-clock seconds of the whole loop, connecting included */
    static double seconds(JdbcSettings settings, long rows, int batch) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(BenchRows.TABLE.sql())) {
                int pending = 0;
                for (long i = 0; i < rows; i++) {
                    BenchRows.bindPlain(insert, BenchRows.row(i));
                    insert.addBatch();
                    if (++pending == batch) {
                        insert.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
