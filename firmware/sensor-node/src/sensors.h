/* The node's sensors as one pulse_reading: temperature and humidity (DHT22), gas (MQ-2),
 * flame, motion (PIR), light (LDR), shock (SW-420) and battery. A sensor that fails to read is
 * left out of that reading. */
#ifndef PULSE_NODE_SENSORS_H
#define PULSE_NODE_SENSORS_H

#include "pulse/record.h"

void sensors_init(void);
void sensors_read(pulse_reading *out);

#endif
