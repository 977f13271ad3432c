/* pulse-virtual-device: the firmware's core on a PC ("virtual ESP32"), publishing through a
 * real MQTT broker. See device.h for what it is and script.h for the lines it reads. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "device.h"
#include "host_ports.h"
#include "options.h"
#include "script.h"

static device the_device;

/* Reads what stdin has and runs every complete line; false at end of input. */
static bool read_lines(device *d, int timeout_ms) {
    static char buf[4096];
    static size_t used;
    struct pollfd in = {0, POLLIN, 0};
    int ready = poll(&in, 1, timeout_ms);
    if (ready <= 0) {
        return ready == 0 || errno == EINTR;
    }
    ssize_t n = read(0, buf + used, sizeof buf - 1 - used);
    if (n <= 0) {
        return false;
    }
    used += (size_t)n;
    char *start = buf;
    char *newline;
    while ((newline = memchr(start, '\n', used - (size_t)(start - buf))) != NULL) {
        *newline = '\0';
        script_line(d, start, host_mono_ms());
        start = newline + 1;
    }
    used -= (size_t)(start - buf);
    memmove(buf, start, used);
    if (used == sizeof buf - 1) {
        used = 0; /* a line longer than the buffer: dropped */
        say("error line too long");
    }
    return true;
}

int main(int argc, char **argv) {
    options o;
    if (!options_parse(&o, argc, argv)) {
        return 2;
    }
    device *d = &the_device;
    if (!device_init(d, &o)) {
        fprintf(stderr, "pulse-virtual-device: cannot start (invalid ids or out of memory)\n");
        return 1;
    }
    int64_t start = host_mono_ms();
    int64_t next_sample = start + o.interval_ms;
    bool clock_pending = o.clock == CLOCK_SYSTEM;
    say("ready %s", o.kind == KIND_GATE_SCANNER ? "gate-scanner" : "sensor-node");
    while (!d->quit) {
        int64_t now = host_mono_ms();
        if (clock_pending && now - start >= o.sntp_delay_ms) {
            device_sync_clock(d, host_wall_ms(), now);
            clock_pending = false;
        }
        if (o.kind == KIND_SENSOR_NODE && o.interval_ms > 0 && now >= next_sample) {
            device_sample(d, now);
            next_sample += o.interval_ms;
        }
        /* wait on the broker's socket when there is one, on stdin otherwise */
        bool active = mqtt_link_active(&d->link);
        device_service(d, now, active ? 10 : 0);
        if (!read_lines(d, active ? 0 : 10)) {
            break;
        }
    }
    device_close(d);
    say("bye");
    return 0;
}
