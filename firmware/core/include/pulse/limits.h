/* The contract's limits (shared/design/CONTRACT.md, section 1) as the firmware must respect them. */
#ifndef PULSE_LIMITS_H
#define PULSE_LIMITS_H

/* Ids (gate, scanner, deviceId): 1..64 characters from A-Z a-z 0-9 . _ - */
#define PULSE_ID_MAX 64
/* Metric names: 1..64 characters from A-Z a-z 0-9 _, starting with a letter. */
#define PULSE_METRIC_NAME_MAX 64
/* At most 32 metrics per reading. */
#define PULSE_CONTRACT_MAX_METRICS 32
/* A message: at most 64 KiB and at most 1,000 objects in an array. */
#define PULSE_CONTRACT_MAX_MESSAGE_BYTES 65536u
#define PULSE_CONTRACT_MAX_BATCH_OBJECTS 1000u
/* ts below 2000-01-01T00:00:00Z is invalid: a clock that says so is not set. */
#define PULSE_MIN_EPOCH_MS 946684800000LL

#endif
