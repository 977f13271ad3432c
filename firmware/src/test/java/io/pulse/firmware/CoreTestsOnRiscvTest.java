package io.pulse.firmware;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same core and tests cross-compiled for a 32-bit RISC-V MCU (rv32imc, ilp32: the ESP32-C3's
 * ISA) with picolibc, each test run by ctest in qemu-system-riscv32 with semihosting.
 */
class CoreTestsOnRiscvTest {

    private static final int EM_RISCV = 243;
    private static final int EF_RISCV_RVC = 0x1;
    private static final int EF_RISCV_FLOAT_ABI = 0x6;

    @Test
    void everyUnitTestOfTheCorePassesOnRv32imcUnderQemu() {
        Path build = FirmwareBuild.riscv32();
        List<Path> elves = testExecutables(build);
        assertThat(elves).hasSize(CTestReport.declaredSuites());
        for (Path elf : elves) {
            assertRv32imcSoftFloat(elf);
        }

        CTestReport report = CTestReport.run(build, "riscv32");
        System.out.println(report.summary("firmware core on rv32imc (qemu-system-riscv32)"));

        assertThat(report.run().output()).as("ctest ran the tests in qemu").contains("qemu-system-riscv32");
        assertThat(report.run().exitCode()).as("ctest's exit code; output:\n" + report.run().tail(80)).isZero();
        assertThat(report.suitesTotal()).isEqualTo(CTestReport.declaredSuites());
        assertThat(report.suitesPassed()).isEqualTo(report.suitesTotal());
        assertThat(report.unitTests()).isEqualTo(CTestReport.declaredUnitTests());
        assertThat(report.unitFailures()).isZero();
    }

    /** ELF32, RISC-V, compressed instructions, soft-float ABI: what runs on an ESP32-C3. */
    private static void assertRv32imcSoftFloat(Path elf) {
        try {
            ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(h.getInt(0)).as(elf + " is an ELF file").isEqualTo(0x464c457f);
            assertThat(h.get(4)).as(elf + " is 32-bit").isEqualTo((byte) 1);
            assertThat(Short.toUnsignedInt(h.getShort(18))).as(elf + " is RISC-V").isEqualTo(EM_RISCV);
            int flags = h.getInt(36);
            assertThat(flags & EF_RISCV_RVC).as(elf + " uses compressed instructions").isEqualTo(EF_RISCV_RVC);
            assertThat(flags & EF_RISCV_FLOAT_ABI).as(elf + " has the soft-float ABI").isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> testExecutables(Path build) {
        try (Stream<Path> files = Files.list(build.resolve("core/test"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("test_") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
