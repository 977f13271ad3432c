/* ADC1 one-shot readings in millivolts, calibrated with the chip's eFuse data. */
#ifndef PULSE_NODE_ANALOG_H
#define PULSE_NODE_ANALOG_H

#include <stdbool.h>

bool analog_init(const int *channels, int count);

/* The mean of 16 readings in mV, or -1. */
int analog_mv(int channel);

#endif
