package io.pulse.jobs.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates or upgrades Pulse's MySQL schema with the versioned migrations in
 * {@code db/migration} (Flyway). Re-running is safe: applied migrations are skipped, and a
 * migration that was changed after it was applied is refused.
 */
public final class SchemaMigrator {

    private SchemaMigrator() {}

    /** @return a one-line summary, e.g. "schema at version 1 (1 migration applied)" */
    public static String migrate(JdbcSettings settings) {
        // Connect once ourselves: Flyway's own error for an unreachable server is many lines long.
        try (Connection ignored = DatabaseConnections.open(settings)) {
            Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(new DriverDataSource(settings)) // never DriverManager: see DriverDataSource
                    .locations("classpath:db/migration")
                    .connectRetries(0)
                    .load();
            MigrateResult result = flyway.migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
            return "schema at version " + version + " (" + result.migrationsExecuted + " migration"
                    + (result.migrationsExecuted == 1 ? "" : "s") + " applied)";
        } catch (SQLException e) {
            throw new StorageException("cannot use MySQL at " + settings + ": " + DatabaseConnections.rootMessage(e), e);
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageException("migrating MySQL at " + settings + " failed: " + DatabaseConnections.rootMessage(e), e);
        }
    }
}
