package io.pulse.launcher;

import io.pulse.jobs.PulseJobs;
import io.pulse.jobs.movement.ingest.PseudonymKey;
import io.pulse.jobs.movement.roster.RosterCsv;
import io.pulse.jobs.movement.roster.RosterImport;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;
import io.pulse.jobs.options.OptionsException;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.StorageException;
import io.pulse.jobs.storage.StorageSetup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code pulse people import roster.csv --movement.hmac-key KEY --jdbc.url URL ...}: the roster
 * import ({@link RosterImport}). Exit 0 when every line was imported, 1 when some were refused
 * (each listed with its line number) or the import failed, 2 for a wrong command line.
 */
final class PeopleCommand {

    static final Set<Option> OPTIONS = EnumSet.of(Option.JDBC_URL, Option.JDBC_USER, Option.JDBC_PASSWORD,
            Option.JDBC_CONNECT_TIMEOUT, Option.JDBC_SOCKET_TIMEOUT, Option.JDBC_MIGRATE, Option.MOVEMENT_HMAC_KEY,
            Option.MOVEMENT_HMAC_KEY_FILE);

    private PeopleCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("help") || CommandHelp.wanted(args)) {
            out.print(CommandHelp.peopleImport(Pulse.command()));
            return PulseJobs.EXIT_OK;
        }
        if (args.length < 2 || !args[0].equals("import") || args[1].startsWith("--")) {
            err.println("pulse: usage: " + Pulse.command() + " people import FILE.csv --movement.hmac-key KEY"
                    + " --jdbc.url URL --jdbc.user USER --jdbc.password PASSWORD" + Pulse.hint("people import --help"));
            return PulseJobs.EXIT_USAGE;
        }
        Path file = Path.of(args[1]);
        // The file first: asking for a key and a database before saying the file is not there wastes a try.
        if (!Files.isReadable(file)) {
            err.println("pulse: cannot read the roster " + file.toAbsolutePath()
                    + (Files.exists(file) ? " (no permission to read it)" : " (no such file)"));
            return PulseJobs.EXIT_USAGE;
        }
        JobOptions options;
        String key;
        try {
            options = JobOptions.parse(OPTIONS, Arrays.copyOfRange(args, 2, args.length));
            key = PseudonymKey.resolve(options, System.getenv());
            options.require(Option.JDBC_URL, "(the database that holds the people table)");
        } catch (OptionsException e) {
            err.println("pulse: " + e.getMessage() + Pulse.hint("people import --help"));
            return PulseJobs.EXIT_USAGE;
        }
        try {
            if (options.jdbcMigrate()) {
                out.println("pulse: " + StorageSetup.migrate(options, System.getenv()));
            }
            RosterImport.Report report = new RosterImport(key, StorageSetup.settings(options)).importFile(file);
            out.println("pulse: " + report.summary());
            report.rejected().forEach(line -> err.println("pulse: " + line));
            return report.rejected().isEmpty() ? PulseJobs.EXIT_OK : Pulse.EXIT_FAILED;
        } catch (RosterCsv.BadHeader e) {
            err.println("pulse: " + file.toAbsolutePath() + ": " + e.getMessage());
            return Pulse.EXIT_FAILED;
        } catch (IOException e) {
            err.println("pulse: cannot read the roster " + file.toAbsolutePath() + ": " + e.getMessage());
            return Pulse.EXIT_FAILED;
        } catch (StorageException e) {
            err.println("pulse: " + e.getMessage()); // says which database, and why
            return Pulse.EXIT_FAILED;
        } catch (SQLException e) {
            err.println("pulse: the import failed: " + DatabaseConnections.rootMessage(e));
            return Pulse.EXIT_FAILED;
        }
    }
}
