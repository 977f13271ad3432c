/* Sensor conversions that need no hardware, kept here so they are tested on the host. */
#ifndef PULSE_SENSOR_MATH_H
#define PULSE_SENSOR_MATH_H

#include <stdbool.h>
#include <stdint.h>

/* DHT22/AM2302: 40 bits = humidity x10 (16), temperature x10 (16, bit 15 = negative),
 * checksum (8, the low byte of the sum of the first four bytes). */
bool pulse_dht22_decode(const uint8_t raw[5], double *celsius, double *humidity);

/* Resistance of the sensor in a divider: supply -- sensor -- out -- load -- ground. */
double pulse_divider_upper_ohms(double supply_volts, double out_volts, double load_ohms);

/* a * x^b, the log-log straight lines of MQ-2 and LDR datasheets; NaN when x <= 0. */
double pulse_power_law(double x, double a, double b);

/* State of charge of a 1-cell Li-ion/LiPo from its resting voltage (0..100), piecewise linear. */
double pulse_lipo_percent(double volts);

#endif
