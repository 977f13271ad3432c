#include "script.h"

#include <stdlib.h>
#include <string.h>

#include "host_ports.h"

static bool parse_ll(const char *text, long long *out) {
    char *end;
    if (text == NULL || *text == '\0') {
        return false;
    }
    *out = strtoll(text, &end, 10);
    return *end == '\0';
}

/* MONO_MS, "-" or nothing: the monotonic time of an event */
static bool mono_arg(const char *text, int64_t now_ms, int64_t *out) {
    long long v;
    if (text == NULL || strcmp(text, "-") == 0) {
        *out = now_ms;
        return true;
    }
    if (!parse_ll(text, &v)) {
        return false;
    }
    *out = v;
    return true;
}

static size_t hex_bytes(const char *hex, uint8_t *out, size_t cap) {
    size_t n = strlen(hex);
    if (n % 2 != 0 || n / 2 > cap) {
        return 0;
    }
    for (size_t i = 0; i < n / 2; i++) {
        char pair[3] = {hex[2 * i], hex[2 * i + 1], '\0'};
        char *end;
        out[i] = (uint8_t)strtoul(pair, &end, 16);
        if (*end != '\0') {
            return 0;
        }
    }
    return n / 2;
}

void script_line(device *d, char *line, int64_t now_ms) {
    char *words[5] = {0};
    int n = 0;
    for (char *w = strtok(line, " \t\r"); w != NULL && n < 5; w = strtok(NULL, " \t\r")) {
        words[n++] = w;
    }
    if (n == 0) {
        return;
    }
    const char *cmd = words[0];
    int64_t mono;
    long long v;
    if (strcmp(cmd, "frame") == 0 && n == 4 && mono_arg(words[1], now_ms, &mono) && parse_ll(words[2], &v)) {
        uint8_t frame[256];
        size_t len = hex_bytes(words[3], frame, sizeof frame);
        if (len > 0) {
            device_frame(d, mono, (int)v, frame, len);
            return;
        }
    } else if (strcmp(cmd, "sntp") == 0 && n == 2 && strcmp(words[1], "now") == 0) {
        device_sync_clock(d, host_wall_ms(), now_ms);
        return;
    } else if (strcmp(cmd, "sntp") == 0 && n == 3 && parse_ll(words[1], &v) && mono_arg(words[2], now_ms, &mono)) {
        device_sync_clock(d, v, mono);
        return;
    } else if (strcmp(cmd, "set") == 0 && n == 3) {
        bool is_bool = strcmp(words[2], "true") == 0 || strcmp(words[2], "false") == 0;
        char *end;
        double value = is_bool ? strcmp(words[2], "true") == 0 : strtod(words[2], &end);
        if ((is_bool || *end == '\0') && device_set_sensor(d, words[1], value, is_bool)) {
            say("set %s", words[1]);
            return;
        }
    } else if (strcmp(cmd, "unset") == 0 && n == 2) {
        device_unset_sensor(d, words[1]);
        say("unset %s", words[1]);
        return;
    } else if (strcmp(cmd, "sample") == 0 && n <= 2 && mono_arg(words[1], now_ms, &mono)) {
        device_sample(d, mono);
        return;
    } else if (strcmp(cmd, "report") == 0 && n <= 2 && mono_arg(words[1], now_ms, &mono)) {
        device_report(d, mono);
        return;
    } else if (strcmp(cmd, "drain") == 0 && n == 1) {
        d->await_drained = true;
        return;
    } else if (strcmp(cmd, "status") == 0 && n == 1) {
        device_status(d);
        return;
    } else if (strcmp(cmd, "quit") == 0 && n == 1) {
        d->quit = true;
        return;
    }
    say("error cannot read '%s'", cmd);
}
