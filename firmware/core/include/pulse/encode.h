/* Records as the contract's JSON objects (CONTRACT.md section 1). */
#ifndef PULSE_ENCODE_H
#define PULSE_ENCODE_H

#include <stdbool.h>
#include <stdint.h>

#include "pulse/json_writer.h"
#include "pulse/record.h"

/* A gate sighting: {"scanner","role","ts","macHash" or "mac","rssi","randomized"}. The flag is
 * always written: the contract reads a macHash without it as "not randomized". */
bool pulse_encode_sighting(pulse_json *j, const char *scanner, const char *role,
                           const pulse_sighting *s, int64_t wall_ms);

/* A telemetry reading: {"deviceId","ts", metric: number or boolean, ...}. */
bool pulse_encode_reading(pulse_json *j, const char *device_id, const pulse_reading *r,
                          int64_t wall_ms);

#endif
