/* What the jobs' commands can switch on this node: the fan and the buzzer. */
#ifndef PULSE_NODE_ACTUATORS_H
#define PULSE_NODE_ACTUATORS_H

#include <stddef.h>

#include "pulse/commands.h"

/* The table for pulse_command_handle; *count receives its length. */
const pulse_actuator *actuators_init(size_t *count);

#endif
