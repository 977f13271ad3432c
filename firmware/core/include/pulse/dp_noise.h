/* Local differential privacy on the sensor node: noise is added before a value leaves the
 * device. Numbers get Laplace noise of scale sensitivity/epsilon (epsilon-DP for a query of
 * that sensitivity); booleans (motion, flame) get randomized response, which is epsilon-DP for
 * one bit. Off by default: an epsilon <= 0 means no noise. */
#ifndef PULSE_DP_NOISE_H
#define PULSE_DP_NOISE_H

#include <stdbool.h>

#include "pulse/random_port.h"

typedef struct {
    double epsilon;     /* <= 0: off */
    double sensitivity; /* the most one person can change the value, in its unit */
} pulse_dp_setting;

typedef struct {
    const char *metric;
    pulse_dp_setting setting;
} pulse_dp_metric;

bool pulse_dp_enabled(pulse_dp_setting s);

/* One draw from Laplace(0, scale). */
double pulse_laplace(const pulse_random *rng, double scale);

/* value + Laplace(sensitivity / epsilon), clamped to [min, max] (clamping after the noise is
 * post-processing and keeps the guarantee). Unchanged when the setting is off. */
double pulse_dp_number(const pulse_random *rng, pulse_dp_setting s, double value, double min,
                       double max);

/* The true bit with probability e^eps / (1 + e^eps), else its opposite. */
bool pulse_dp_bit(const pulse_random *rng, pulse_dp_setting s, bool value);

/* The setting for a metric in a table, or an off setting. */
pulse_dp_setting pulse_dp_lookup(const pulse_dp_metric *table, unsigned n, const char *metric);

#endif
