/* Commands the jobs send on devices/{deviceId}/commands, e.g. {"command":"fan","state":"on"}
 * (the telemetry job's rules publish them when an alert opens or resolves). A device registers
 * its actuators by name; anything else is refused with a reason, never half done. */
#ifndef PULSE_COMMANDS_H
#define PULSE_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#define PULSE_COMMAND_REASON_MAX 96

typedef struct {
    const char *name; /* the "command" value, e.g. "fan" */
    /* Switches the actuator; returns 0 on success. */
    int (*set)(void *ctx, const char *name, bool on);
    void *ctx;
} pulse_actuator;

typedef enum {
    PULSE_COMMAND_DONE,
    PULSE_COMMAND_INVALID, /* not a command this firmware understands */
    PULSE_COMMAND_FAILED   /* understood, but the actuator failed */
} pulse_command_result;

/* Parses and carries out one command message; on anything but DONE, reason says why. */
pulse_command_result pulse_command_handle(const pulse_actuator *actuators, size_t n,
                                          const char *payload, size_t len,
                                          char reason[PULSE_COMMAND_REASON_MAX]);

/* devices/{deviceId}/commands; false when it does not fit or the id is invalid. */
bool pulse_command_topic(char *out, size_t cap, const char *device_id);

#endif
