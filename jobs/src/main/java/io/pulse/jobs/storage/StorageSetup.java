package io.pulse.jobs.storage;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;

import java.util.Map;

/**
 * What {@code pulse db migrate} and a job's start do to the database: apply the migrations, and
 * create the read-only dashboard user when its password is in the environment.
 */
public final class StorageSetup {

    private StorageSetup() {}

    public static JdbcSettings settings(JobOptions options) {
        String url = options.jdbcUrl().orElseThrow(() -> new IllegalStateException(Option.JDBC_URL.flag() + " is required"));
        return JdbcSettings.of(url, options.jdbcUser().orElse(null), options.jdbcPassword().orElse(null))
                .withBatching(number(options, Option.JDBC_BATCH_SIZE), number(options, Option.JDBC_BATCH_INTERVAL),
                        number(options, Option.JDBC_MAX_RETRIES))
                .withTimeouts(options.jdbcConnectTimeout(), options.jdbcSocketTimeout());
    }

    /** Options of a number kind are checked when parsed and all have defaults. */
    private static int number(JobOptions options, Option option) {
        return Integer.parseInt(options.get(option).orElseThrow());
    }

    /** @return one line per step done, for the terminal */
    public static String migrate(JobOptions options, Map<String, String> environment) {
        JdbcSettings settings = settings(options);
        String summary = "MySQL at " + settings + ": " + SchemaMigrator.migrate(settings);
        String password = environment.get(ReadOnlyUser.PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            String user = environment.getOrDefault(ReadOnlyUser.USER_VARIABLE, ReadOnlyUser.DEFAULT_USER);
            ReadOnlyUser.ensure(settings, user, password);
            summary += System.lineSeparator() + "read-only user '" + user + "' can SELECT (password from "
                    + ReadOnlyUser.PASSWORD_VARIABLE + ")";
        }
        return summary;
    }
}
