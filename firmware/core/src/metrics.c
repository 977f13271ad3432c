#include "pulse/metrics.h"

#include <stddef.h>
#include <string.h>

/* CONTRACT.md section 1, "Device telemetry". */
static const pulse_metric_range KNOWN[] = {
    {"temperature", false, -50, 150},
    {"humidity", false, 0, 100},
    {"vibration", false, 0, 50},
    {"speed", false, 0, 100},
    {"battery", false, 0, 100},
    {"gas", false, 0, 100000},
    {"flame", true, 0, 1},
    {"motion", true, 0, 1},
    {"light", false, 0, 200000},
};

const pulse_metric_range *pulse_metric_range_of(const char *name) {
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++) {
        if (strcmp(KNOWN[i].name, name) == 0) {
            return &KNOWN[i];
        }
    }
    return NULL;
}
