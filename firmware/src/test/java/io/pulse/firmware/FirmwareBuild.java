package io.pulse.firmware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds firmware/ with CMake, once per test JVM and target: {@link #host()} natively with gcc
 * (the core, its tests, pulse-pseudonym and pulse-virtual-device), {@link #riscv32()} for rv32imc
 * with picolibc (the core and its tests, run by ctest under qemu). Into target/cmake/, so
 * {@code mvn clean} removes them. Uses one compiler process unless -Dfirmware.build.jobs says more.
 */
final class FirmwareBuild {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static Path host;
    private static Path riscv32;

    private FirmwareBuild() {}

    /** The firmware/ folder (the module's base directory). */
    static Path sourceDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path logDir() {
        return sourceDir().resolve("target/firmware-logs");
    }

    static synchronized Path host() {
        if (host == null) {
            RequiredTools.check(RequiredTools.HOST);
            host = build("host", List.of());
        }
        return host;
    }

    static synchronized Path riscv32() {
        if (riscv32 == null) {
            RequiredTools.check(RequiredTools.HOST.subList(0, 3)); // cmake, ctest, make
            RequiredTools.check(RequiredTools.RISCV);
            riscv32 = build("riscv32", List.of("-DCMAKE_TOOLCHAIN_FILE=" + sourceDir().resolve("cmake/riscv32-qemu.cmake")));
        }
        return riscv32;
    }

    /** A program of the host build, e.g. pulse-virtual-device. */
    static Path hostProgram(String name) {
        Path program = host().resolve("host").resolve(name);
        if (!Files.isExecutable(program)) {
            throw new AssertionError("the host build made no " + program);
        }
        return program;
    }

    private static Path build(String name, List<String> extraArgs) {
        Path buildDir = sourceDir().resolve("target/cmake").resolve(name);
        List<String> configure = new ArrayList<>(List.of("cmake", "-S", sourceDir().toString(), "-B", buildDir.toString(),
                "-DCMAKE_BUILD_TYPE=RelWithDebInfo"));
        configure.addAll(extraArgs);
        CommandRun.run(configure, sourceDir(), logDir().resolve("cmake-" + name + "-configure.log"), BUILD_TIMEOUT)
                .requireSuccess();
        String jobs = System.getProperty("firmware.build.jobs", "1");
        CommandRun.run(List.of("cmake", "--build", buildDir.toString(), "--parallel", jobs), sourceDir(),
                logDir().resolve("cmake-" + name + "-build.log"), BUILD_TIMEOUT).requireSuccess();
        return buildDir;
    }
}
