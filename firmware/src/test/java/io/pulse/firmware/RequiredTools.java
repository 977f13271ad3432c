package io.pulse.firmware;

import io.pulse.testservers.RequiredBinary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Debian packages the firmware's builds need. A missing one FAILS the test with the command
 * that installs it (never a skip: a green run must have built and run everything). The same
 * list is in {@code ./pulse}'s TEST_BINARIES, so {@code ./pulse test} installs them as root.
 */
final class RequiredTools {

    /** Host build: the core, its tests, the pseudonym tool and the virtual ESP32. */
    static final List<Tool> HOST = List.of(
            Tool.binary("cmake", "cmake"),
            Tool.binary("ctest", "cmake"),
            Tool.binary("make", "make"),
            Tool.binary("gcc", "gcc"),
            Tool.file("/usr/include/stdio.h", "libc6-dev"),
            Tool.file("/usr/include/mosquitto.h", "libmosquitto-dev"));

    /** The RISC-V build and its test runs. */
    static final List<Tool> RISCV = List.of(
            Tool.binary("riscv64-unknown-elf-gcc", "gcc-riscv64-unknown-elf"),
            Tool.file("/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs", "picolibc-riscv64-unknown-elf"),
            Tool.binary("qemu-system-riscv32", "qemu-system-misc"));

    private RequiredTools() {}

    static void check(List<Tool> tools) {
        for (Tool tool : tools) {
            tool.check();
        }
    }

    record Tool(String name, String debianPackage, boolean isFile) {

        static Tool binary(String name, String debianPackage) {
            return new Tool(name, debianPackage, false);
        }

        static Tool file(String path, String debianPackage) {
            return new Tool(path, debianPackage, true);
        }

        void check() {
            if (!isFile) {
                RequiredBinary.find(name, debianPackage); // throws with the apt-get command
            } else if (!Files.isRegularFile(Path.of(name))) {
                throw new IllegalStateException(name + " not found: install it with 'apt-get install -y "
                        + debianPackage + "' (or run ./pulse test as root, which installs it)");
            }
        }
    }
}
