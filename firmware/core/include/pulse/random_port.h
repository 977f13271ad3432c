/* Random numbers for the privacy noise: the hardware RNG on an ESP32 (esp_random), the OS on a
 * host; a seeded generator in tests, so a failing draw can be replayed. */
#ifndef PULSE_RANDOM_PORT_H
#define PULSE_RANDOM_PORT_H

#include <stdint.h>

typedef struct {
    uint32_t (*next)(void *ctx);
    void *ctx;
} pulse_random;

/* Uniform in the open interval (0, 1), 53 random bits. */
double pulse_random_open_unit(const pulse_random *rng);

/* xorshift64*: fast and reproducible, for tests and simulations; NOT for privacy in the field. */
typedef struct {
    uint64_t state;
} pulse_xorshift;

pulse_random pulse_xorshift_port(pulse_xorshift *x, uint64_t seed);

#endif
