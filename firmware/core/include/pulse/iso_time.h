/* UTC epoch milliseconds as the contract's ISO-8601 text: 2026-03-02T08:00:01.250Z. */
#ifndef PULSE_ISO_TIME_H
#define PULSE_ISO_TIME_H

#include <stdbool.h>
#include <stdint.h>

#define PULSE_ISO_TIME_LEN 24

/* False for times before 2000-01-01 (never valid in the contract) or after 9999. */
bool pulse_iso_time(int64_t epoch_ms, char out[PULSE_ISO_TIME_LEN + 1]);

#endif
