#include "pulse/storage_port.h"

#include <string.h>

static int memory_read(void *ctx, uint32_t offset, void *dst, uint32_t len) {
    memcpy(dst, (const uint8_t *)ctx + offset, len);
    return 0;
}

static int memory_write(void *ctx, uint32_t offset, const void *src, uint32_t len) {
    memcpy((uint8_t *)ctx + offset, src, len);
    return 0;
}

pulse_storage pulse_storage_memory(uint8_t *bytes, uint32_t size) {
    pulse_storage s = {memory_read, memory_write, bytes, size};
    return s;
}
