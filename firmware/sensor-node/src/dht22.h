/* DHT22/AM2302 on one GPIO: the 40-bit frame, decoded by the core (pulse_dht22_decode). */
#ifndef PULSE_NODE_DHT22_H
#define PULSE_NODE_DHT22_H

#include <stdbool.h>
#include <stdint.h>

bool dht22_read(int pin, uint8_t raw[5]);

#endif
