#include "pulse/commands.h"

#include <stdio.h>
#include <string.h>

#include "pulse/ids.h"
#include "pulse/json_flat.h"

#define MAX_FIELDS 8

/* reason = why + detail, cut to fit */
static pulse_command_result refuse(char reason[PULSE_COMMAND_REASON_MAX], const char *why,
                                   const char *detail) {
    size_t n = strlen(why);
    n = n < PULSE_COMMAND_REASON_MAX - 1 ? n : PULSE_COMMAND_REASON_MAX - 1;
    memcpy(reason, why, n);
    size_t m = detail ? strlen(detail) : 0;
    m = m < PULSE_COMMAND_REASON_MAX - 1 - n ? m : PULSE_COMMAND_REASON_MAX - 1 - n;
    memcpy(reason + n, detail, m);
    reason[n + m] = '\0';
    return PULSE_COMMAND_INVALID;
}

pulse_command_result pulse_command_handle(const pulse_actuator *actuators, size_t n,
                                          const char *payload, size_t len,
                                          char reason[PULSE_COMMAND_REASON_MAX]) {
    pulse_json_field fields[MAX_FIELDS];
    size_t count;
    reason[0] = '\0';
    const char *error = pulse_json_flat_parse(payload, len, fields, MAX_FIELDS, &count);
    if (error != NULL) {
        return refuse(reason, "not a command: ", error);
    }
    const pulse_json_field *command = pulse_json_flat_find(fields, count, "command");
    const pulse_json_field *state = pulse_json_flat_find(fields, count, "state");
    if (command == NULL || command->type != PULSE_JSON_STRING) {
        return refuse(reason, "\"command\" must be a string", NULL);
    }
    if (state == NULL || state->type != PULSE_JSON_STRING
        || (strcmp(state->text, "on") != 0 && strcmp(state->text, "off") != 0)) {
        return refuse(reason, "\"state\" must be \"on\" or \"off\"", NULL);
    }
    for (size_t i = 0; i < count; i++) {
        if (strcmp(fields[i].key, "command") != 0 && strcmp(fields[i].key, "state") != 0) {
            return refuse(reason, "unknown field: ", fields[i].key);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(actuators[i].name, command->text) == 0) {
            bool on = strcmp(state->text, "on") == 0;
            if (actuators[i].set(actuators[i].ctx, actuators[i].name, on) != 0) {
                refuse(reason, command->text, on ? " did not switch on" : " did not switch off");
                return PULSE_COMMAND_FAILED;
            }
            return PULSE_COMMAND_DONE;
        }
    }
    return refuse(reason, "no such actuator: ", command->text);
}

bool pulse_command_topic(char *out, size_t cap, const char *device_id) {
    if (!pulse_id_valid(device_id)) {
        return false;
    }
    int n = snprintf(out, cap, "devices/%s/commands", device_id);
    return n > 0 && (size_t)n < cap;
}
