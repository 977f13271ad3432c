/* Where the offline buffer keeps its bytes on an ESP32.
 *   DRAM: as large as configured (tens of KB); survives Wi-Fi and broker outages, not a reset.
 *   RTC RAM: survives resets and deep sleep too, but there is little of it (8 KB of RTC fast
 *   memory on the ESP32-C3, shared with other RTC data): PULSE_RTC_BUFFER_BYTES, 4 KB by default.
 * A flash partition would survive power loss; it needs a storage port that erases sectors before
 * writing them, which this firmware does not have yet (see firmware/README.md). */
#ifndef PULSE_ESP_OFFLINE_BUFFER_H
#define PULSE_ESP_OFFLINE_BUFFER_H

#include <stdbool.h>
#include <stdint.h>

#include "pulse/ring.h"

#ifndef PULSE_RTC_BUFFER_BYTES
#define PULSE_RTC_BUFFER_BYTES 4096
#endif

/* Opens the ring; true when a buffer kept in RTC RAM across a reset was found intact. */
bool pulse_offline_buffer_open(pulse_ring *ring, bool in_rtc, uint32_t dram_bytes);

#endif
