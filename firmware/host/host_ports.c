#include "host_ports.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int64_t host_mono_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int64_t host_wall_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static uint32_t os_random(void *ctx) {
    FILE *f = ctx;
    uint32_t v;
    if (fread(&v, sizeof v, 1, f) != 1) {
        fprintf(stderr, "pulse-virtual-device: cannot read /dev/urandom\n");
        exit(1); /* privacy noise without randomness would be no privacy at all */
    }
    return v;
}

pulse_random host_random(void) {
    FILE *f = fopen("/dev/urandom", "rb");
    if (f == NULL) {
        fprintf(stderr, "pulse-virtual-device: cannot open /dev/urandom\n");
        exit(1);
    }
    pulse_random r = {os_random, f};
    return r;
}
