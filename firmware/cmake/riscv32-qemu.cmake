# Cross-compiling the core for a 32-bit RISC-V MCU with the ESP32-C3's ISA (rv32imc, ilp32), with
# Debian's riscv64-unknown-elf-gcc and picolibc; ctest runs each test in qemu-system-riscv32's
# `virt` machine with semihosting (printf and the exit code reach the host). The emulated CPU has
# no FPU and no atomics (f, d, a off), like the ESP32-C3: an instruction the chip lacks would trap.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(PULSE_RV32_ARCH "-march=rv32imc -mabi=ilp32")
set(CMAKE_C_FLAGS_INIT "${PULSE_RV32_ARCH} --specs=picolibc.specs")
# qemu's virt machine: code from 0x80000000; 320 KiB of RAM after it, about the data RAM an
# ESP32-C3 application gets, so a test that needs more would not fit the real chip either; an
# 8 KiB stack, what the firmware gives its application task.
# (CMAKE_C_FLAGS, with the arch and the specs, are on the link line too)
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "--oslib=semihost --crt0=semihost -DPICOLIBC_DOUBLE_PRINTF_SCANF \
-Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x100000 \
-Wl,--defsym=__ram=0x80100000 -Wl,--defsym=__ram_size=0x50000 -Wl,--defsym=__stack_size=0x2000")

set(CMAKE_CROSSCOMPILING_EMULATOR
    qemu-system-riscv32 -machine virt -cpu rv32,f=false,d=false,a=false -bios none -nographic -monitor none -serial none
    -semihosting-config enable=on,target=native -kernel)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
