/* Validation of the contract's ids and metric names, so a misconfigured device fails at start
 * instead of having every message refused by the jobs. */
#ifndef PULSE_IDS_H
#define PULSE_IDS_H

#include <stdbool.h>

/* gate, scanner, deviceId: 1..64 of A-Z a-z 0-9 . _ - */
bool pulse_id_valid(const char *id);

/* metric name: 1..64 of A-Z a-z 0-9 _, first a letter */
bool pulse_metric_name_valid(const char *name);

#endif
