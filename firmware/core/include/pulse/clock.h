/* Wall time from SNTP, with a "not set" state that never invents a time. A reading taken before
 * the first sync is stamped with the monotonic time since boot and gets its wall time once the
 * clock is set; one from an earlier boot that never got a wall time cannot be dated, and is
 * dropped and counted rather than sent with a made-up ts. */
#ifndef PULSE_CLOCK_H
#define PULSE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    bool set;
    int64_t wall_minus_mono_ms;
    uint32_t boot_id;
} pulse_clock;

typedef enum { PULSE_STAMP_WALL = 1, PULSE_STAMP_MONO = 2 } pulse_stamp_kind;

typedef struct {
    uint8_t kind;      /* pulse_stamp_kind */
    uint32_t boot_id;  /* for MONO: the boot whose monotonic clock it counts in */
    int64_t ms;        /* epoch ms (WALL) or ms since boot (MONO) */
} pulse_stamp;

typedef enum {
    PULSE_TIME_OK,      /* wall time known */
    PULSE_TIME_NOT_YET, /* this boot's clock is not set yet: wait */
    PULSE_TIME_NEVER    /* an earlier boot's monotonic time: can never be dated */
} pulse_time_status;

/* boot_id must differ between boots (a random number, or a counter kept in NVS). */
void pulse_clock_init(pulse_clock *c, uint32_t boot_id);

/* SNTP says it is wall_ms at monotonic mono_ms. A wall time before 2000 is what an unset RTC
 * reports: ignored (returns false). */
bool pulse_clock_sync(pulse_clock *c, int64_t wall_ms, int64_t mono_ms);

pulse_stamp pulse_clock_stamp(const pulse_clock *c, int64_t mono_ms);

pulse_time_status pulse_clock_resolve(const pulse_clock *c, const pulse_stamp *s, int64_t *wall_ms);

#endif
