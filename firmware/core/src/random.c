#include "pulse/random_port.h"

double pulse_random_open_unit(const pulse_random *rng) {
    for (;;) {
        uint64_t hi = rng->next(rng->ctx) >> 5; /* 27 bits */
        uint64_t lo = rng->next(rng->ctx) >> 6; /* 26 bits */
        uint64_t bits = hi << 26 | lo;          /* 53 bits: every double step in [0, 1) */
        if (bits != 0) {
            return (double)bits / 9007199254740992.0; /* 2^53 */
        }
    }
}

static uint32_t xorshift_next(void *ctx) {
    pulse_xorshift *x = ctx;
    x->state ^= x->state >> 12;
    x->state ^= x->state << 25;
    x->state ^= x->state >> 27;
    return (uint32_t)((x->state * 0x2545F4914F6CDD1DULL) >> 32);
}

pulse_random pulse_xorshift_port(pulse_xorshift *x, uint64_t seed) {
    x->state = seed != 0 ? seed : 0x9E3779B97F4A7C15ULL; /* the state must never be 0 */
    pulse_random r = {xorshift_next, x};
    return r;
}
