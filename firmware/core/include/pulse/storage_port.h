/* Where the offline buffer keeps its bytes: RAM, RTC RAM (survives deep sleep and resets) or a
 * flash partition. The ring only reads and writes byte ranges inside [0, size). */
#ifndef PULSE_STORAGE_PORT_H
#define PULSE_STORAGE_PORT_H

#include <stdint.h>

typedef struct {
    int (*read)(void *ctx, uint32_t offset, void *dst, uint32_t len);         /* 0 = ok */
    int (*write)(void *ctx, uint32_t offset, const void *src, uint32_t len);  /* 0 = ok */
    void *ctx;
    uint32_t size;
} pulse_storage;

/* Plain memory: a static array, or one placed in RTC RAM by the ESP-IDF glue. */
pulse_storage pulse_storage_memory(uint8_t *bytes, uint32_t size);

#endif
