#include "pulse/dp_noise.h"

#include <math.h>
#include <string.h>

bool pulse_dp_enabled(pulse_dp_setting s) {
    return s.epsilon > 0 && s.sensitivity > 0 && isfinite(s.epsilon) && isfinite(s.sensitivity);
}

double pulse_laplace(const pulse_random *rng, double scale) {
    /* Inverse of the Laplace CDF at u in (0, 1); u never reaches 0 or 1, so log never sees 0. */
    double u = pulse_random_open_unit(rng);
    if (u < 0.5) {
        return scale * log(2 * u);
    }
    return -scale * log(2 * (1 - u));
}

double pulse_dp_number(const pulse_random *rng, pulse_dp_setting s, double value, double min,
                       double max) {
    if (!pulse_dp_enabled(s)) {
        return value;
    }
    double noisy = value + pulse_laplace(rng, s.sensitivity / s.epsilon);
    return noisy < min ? min : noisy > max ? max : noisy;
}

bool pulse_dp_bit(const pulse_random *rng, pulse_dp_setting s, bool value) {
    if (!pulse_dp_enabled(s)) {
        return value;
    }
    double keep = exp(s.epsilon) / (1 + exp(s.epsilon));
    return pulse_random_open_unit(rng) < keep ? value : !value;
}

pulse_dp_setting pulse_dp_lookup(const pulse_dp_metric *table, unsigned n, const char *metric) {
    for (unsigned i = 0; i < n; i++) {
        if (strcmp(table[i].metric, metric) == 0) {
            return table[i].setting;
        }
    }
    pulse_dp_setting off = {0, 0};
    return off;
}
