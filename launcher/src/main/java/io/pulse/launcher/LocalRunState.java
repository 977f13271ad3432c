package io.pulse.launcher;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.OptionsException;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code ./pulse run <job>} keeps so that running the same command again after a crash
 * (kill -9, power loss) resumes where the job stopped: a state folder per job with its retained
 * checkpoints and its MQTT spool. The run restores the newest checkpoint there; {@code --fresh}
 * deletes both and starts over.
 *
 * <p>Options of this launcher only: {@code --state.dir DIR} (default
 * {@code $XDG_STATE_HOME/pulse/<job>}, else {@code ~/.local/state/pulse/<job>}) and {@code --fresh}.
 * An explicit {@code --checkpoint.dir} or {@code --mqtt.spool-dir} wins over the state folder.
 */
final class LocalRunState {

    static final String STATE_DIR = "--state.dir";
    static final String FRESH = "--fresh";

    /** This launcher's own options of {@code run}, for its usage text: flag, value, description. */
    static String help(String job) {
        String nl = System.lineSeparator();
        return JobOptions.helpLine(STATE_DIR + " DIR", "the job's state folder: its retained checkpoints"
                        + " and MQTT spool, so that the same command after a crash resumes [default "
                        + defaultStateDir(System.getenv(), job) + "]")
                + JobOptions.helpLine(FRESH, "delete the state folder's checkpoints and spool and start over")
                + JobOptions.helpLine("-h, --help", "this text");
    }

    /** The job's command line for {@code PulseJobs}, and the Flink settings that resume it. */
    record Prepared(String[] jobArgs, Configuration flink, Path checkpoints) {}

    private LocalRunState() {}

    /** A {@code run} command line: the job, this launcher's options, and the job's options. */
    record Split(String job, String stateDir, boolean fresh, List<String> jobOptions) {}

    /** @param args {@code <job> [--key value ...]} as given to {@code run} */
    static Split split(String[] args) {
        String job = args[0];
        List<String> rest = new ArrayList<>();
        String stateDir = null;
        boolean fresh = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(FRESH)) {
                fresh = true;
            } else if (arg.equals(STATE_DIR)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new OptionsException(STATE_DIR + " needs a value");
                }
                stateDir = args[++i];
            } else if (arg.startsWith(STATE_DIR + "=")) {
                stateDir = arg.substring(STATE_DIR.length() + 1);
            } else {
                rest.add(arg);
            }
        }
        return new Split(job, stateDir, fresh, rest);
    }

    /** @param args {@code <job> [--key value ...]} as given to {@code run} */
    static Prepared prepare(String[] args, Map<String, String> env, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("-") || Arrays.asList(args).contains("--help")
                || args[0].equals("help")) {
            return new Prepared(args, new Configuration(), null);
        }
        Split split = split(args);
        String job = split.job();
        String stateDir = split.stateDir();
        boolean fresh = split.fresh();
        List<String> rest = split.jobOptions();
        Path state = stateDir != null ? Path.of(stateDir).toAbsolutePath().normalize() : defaultStateDir(env, job);
        boolean ownCheckpoints = given(rest, "--checkpoint.dir").isEmpty();
        Path checkpoints = given(rest, "--checkpoint.dir").map(Path::of).orElse(state.resolve("checkpoints"));
        Path spool = given(rest, "--mqtt.spool-dir").map(Path::of).orElse(state.resolve("spool"));
        if (fresh) {
            // Only what the state folder owns: a folder the user named may hold other jobs' files.
            if (ownCheckpoints) {
                deleteTree(checkpoints);
            }
            if (given(rest, "--mqtt.spool-dir").isEmpty()) {
                deleteTree(spool);
            }
            out.println("pulse: --fresh: starting the " + job + " job over; removed what " + state + " held"
                    + (ownCheckpoints ? "" : " (the --checkpoint.dir you gave is left as it is)"));
        }
        List<String> jobArgs = new ArrayList<>();
        jobArgs.add(job);
        jobArgs.addAll(rest);
        if (given(rest, "--checkpoint.dir").isEmpty()) {
            jobArgs.addAll(List.of("--checkpoint.dir", checkpoints.toString()));
        }
        if (given(rest, "--mqtt.spool-dir").isEmpty()) {
            jobArgs.addAll(List.of("--mqtt.spool-dir", spool.toString()));
        }
        Configuration flink = new Configuration();
        Optional<Path> newest = fresh ? Optional.empty() : newestCheckpoint(checkpoints);
        newest.ifPresentOrElse(checkpoint -> {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
            out.println("pulse: resuming the " + job + " job from " + checkpoint + " (taken "
                    + modified(checkpoint.resolve("_metadata")) + "); " + FRESH + " starts over");
            if (ownCheckpoints) {
                removeOlderJobs(checkpoints, checkpoint.getParent());
            }
        }, () -> out.println("pulse: no checkpoint of the " + job + " job to resume in " + checkpoints + ": starting from the beginning"));
        return new Prepared(jobArgs.toArray(String[]::new), flink, checkpoints);
    }

    static Path defaultStateDir(Map<String, String> env, String job) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("pulse").resolve(job);
    }

    /** A local path given as {@code --key value} or {@code --key=value}. */
    private static Optional<String> given(List<String> args, String key) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(key) && i + 1 < args.size()) {
                return Optional.of(localPath(args.get(i + 1)));
            }
            if (args.get(i).startsWith(key + "=")) {
                return Optional.of(localPath(args.get(i).substring(key.length() + 1)));
            }
        }
        return Optional.empty();
    }

    private static String localPath(String value) {
        return value.startsWith("file://") ? Path.of(java.net.URI.create(value)).toString() : value;
    }

    /** The newest completed checkpoint: {@code <dir>/<job id>/chk-<n>} holding {@code _metadata}. */
    static Optional<Path> newestCheckpoint(Path checkpoints) {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpoints)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(LocalRunState::completed)
                    .max(Comparator.comparing((Path chk) -> modified(chk.resolve("_metadata")))
                            .thenComparing(chk -> Long.parseLong(chk.getFileName().toString().substring(4))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints in " + checkpoints + ": " + e.getMessage(), e);
        }
    }

    private static Stream<Path> completed(Path jobDir) {
        try (Stream<Path> entries = Files.list(jobDir)) {
            return entries.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** Checkpoints of earlier runs are older than the one resumed: they only take space. */
    private static void removeOlderJobs(Path checkpoints, Path keep) {
        try (Stream<Path> jobs = Files.list(checkpoints)) {
            jobs.filter(Files::isDirectory).filter(dir -> !dir.equals(keep)).forEach(LocalRunState::deleteTree);
        } catch (IOException e) {
            // leftovers only cost disk space
        }
    }

    private static Instant modified(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return time.toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
