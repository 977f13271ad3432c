/* The contract's known telemetry metrics and their valid ranges. The sensor node keeps its
 * values inside them (a value the job would refuse is a sensor fault, not a reading). */
#ifndef PULSE_METRICS_H
#define PULSE_METRICS_H

#include <stdbool.h>

typedef struct {
    const char *name;
    bool is_bool;
    double min;
    double max;
} pulse_metric_range;

/* The range of a known metric, or NULL for one the contract does not name. */
const pulse_metric_range *pulse_metric_range_of(const char *name);

#endif
