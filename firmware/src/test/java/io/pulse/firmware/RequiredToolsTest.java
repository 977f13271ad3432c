package io.pulse.firmware;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing build tool fails the run with the command that installs it, never a skip. */
class RequiredToolsTest {

    @Test
    void aMissingFileOrBinaryNamesTheAptGetCommand() {
        assertThatThrownBy(() -> RequiredTools.Tool.file("/nonexistent/picolibc.specs", "picolibc-riscv64-unknown-elf").check())
                .hasMessageContaining("apt-get install -y picolibc-riscv64-unknown-elf");
        assertThatThrownBy(() -> RequiredTools.Tool.binary("no-such-compiler-xyz", "gcc-xyz").check())
                .hasMessageContaining("apt-get install -y gcc-xyz");
    }

    @Test
    void everythingTheFirmwareTestsNeedIsInstalledHere() {
        assertThatCode(() -> {
            RequiredTools.check(RequiredTools.HOST);
            RequiredTools.check(RequiredTools.RISCV);
        }).doesNotThrowAnyException();
    }
}
