package io.pulse.firmware;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The core's C unit tests, built with the host's gcc and run by ctest. */
class CoreTestsOnHostTest {

    @Test
    void everyUnitTestOfTheCorePassesOnTheHost() {
        CTestReport report = CTestReport.run(FirmwareBuild.host(), "host");
        System.out.println(report.summary("firmware core on the host (gcc)"));

        assertThat(report.run().exitCode()).as("ctest's exit code; output:\n" + report.run().tail(80)).isZero();
        assertThat(report.suitesTotal()).as("suites ctest ran").isEqualTo(CTestReport.declaredSuites());
        assertThat(report.suitesPassed()).isEqualTo(report.suitesTotal());
        assertThat(report.unitTests()).as("unit tests that ran, against the RUN_TEST lines in core/test")
                .isEqualTo(CTestReport.declaredUnitTests());
        assertThat(report.unitFailures()).isZero();
    }
}
