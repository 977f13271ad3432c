/* What an ESP32 gets from esp_timer, SNTP and its hardware RNG, taken from the host's OS. */
#ifndef PULSE_HOST_PORTS_H
#define PULSE_HOST_PORTS_H

#include <stdint.h>

#include "pulse/random_port.h"

int64_t host_mono_ms(void);
int64_t host_wall_ms(void);
/* The OS's random numbers (getrandom): what esp_random() is on the device. */
pulse_random host_random(void);

#endif
