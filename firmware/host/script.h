/* The lines a test writes to the virtual device's stdin, standing in for the radio, SNTP and
 * the sensors:
 *   frame MONO_MS|- RSSI HEX   an 802.11 frame received at MONO_MS (- = now)
 *   sntp WALL_MS MONO_MS       SNTP answered: it was WALL_MS at MONO_MS
 *   sntp now                   the host's clock, now
 *   set METRIC VALUE           a sensor reads VALUE (a number, true or false) from now on
 *   unset METRIC               that sensor is gone
 *   sample [MONO_MS]           take a reading now (sensor node)
 *   report [MONO_MS]           queue the scanner's health telemetry (gate scanner)
 *   drain                      print "drained" once everything buffered is acknowledged
 *   status                     print the counters
 *   quit */
#ifndef PULSE_HOST_SCRIPT_H
#define PULSE_HOST_SCRIPT_H

#include "device.h"

void script_line(device *d, char *line, int64_t now_ms);

#endif
