package io.pulse.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One ctest run over a build directory, with what it proved: suites passed (ctest's summary) and
 * unit tests run and failed (the Unity summaries each suite prints).
 */
record CTestReport(CommandRun run, int suitesPassed, int suitesTotal, int unitTests, int unitFailures) {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+)% tests passed, (\\d+) tests failed out of (\\d+)");
    private static final Pattern UNITY = Pattern.compile("(\\d+) Tests (\\d+) Failures (\\d+) Ignored");

    static CTestReport run(Path buildDir, String name) {
        // --verbose: every suite's output, once (with --output-on-failure a failing one comes twice)
        CommandRun run = CommandRun.run(List.of("ctest", "--verbose", "--timeout", "300"), buildDir,
                FirmwareBuild.logDir().resolve("ctest-" + name + ".log"), Duration.ofMinutes(15));
        Matcher summary = SUMMARY.matcher(run.output());
        int failed = -1, total = -1;
        while (summary.find()) {
            failed = Integer.parseInt(summary.group(2));
            total = Integer.parseInt(summary.group(3));
        }
        int tests = 0, failures = 0;
        Matcher unity = UNITY.matcher(run.output());
        while (unity.find()) {
            tests += Integer.parseInt(unity.group(1));
            failures += Integer.parseInt(unity.group(2));
        }
        return new CTestReport(run, total - failed, total, tests, failures);
    }

    /** The RUN_TEST lines in the core's test sources: how many unit tests must have run. */
    static int declaredUnitTests() {
        try (Stream<Path> files = Files.walk(FirmwareBuild.sourceDir().resolve("core/test"))) {
            return files.filter(f -> f.getFileName().toString().matches("test_.*\\.c")).mapToInt(f -> {
                try {
                    return (int) Files.readAllLines(f).stream().filter(l -> l.trim().startsWith("RUN_TEST(")).count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test_* folders: how many suites ctest must have run. */
    static int declaredSuites() {
        try (Stream<Path> dirs = Files.list(FirmwareBuild.sourceDir().resolve("core/test"))) {
            return (int) dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith("test_")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String summary(String where) {
        return String.format("%s: %d of %d suites passed, %d unit tests, %d failed (log: %s)", where, suitesPassed,
                suitesTotal, unitTests, unitFailures, run.log());
    }
}
