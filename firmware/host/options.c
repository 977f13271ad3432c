#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pulse/ids.h"

static const char USAGE[] =
    "usage: pulse-virtual-device gate-scanner|sensor-node --broker HOST:PORT [options]\n"
    "  --username U (password from PULSE_MQTT_PASSWORD)  --cafile FILE (TLS)\n"
    "  --keepalive S  --reconnect-min-ms MS  --reconnect-max-ms MS\n"
    "  gate scanner: --gate G --scanner S --role in|out|outer|inner --min-rssi DBM --debounce-ms MS\n"
    "                (pseudonym key from PULSE_HMAC_KEY; without it raw MACs are sent)\n"
    "  sensor node:  --device-id D --interval-ms MS --privacy METRIC:EPSILON:SENSITIVITY\n"
    "  --clock system|script  --sntp-delay-ms MS  --ring-bytes N  --batch-objects N  --batch-bytes N\n";

static bool number(const char *text, long long min, long long max, long long *out) {
    char *end;
    long long v = strtoll(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < min || v > max) {
        return false;
    }
    *out = v;
    return true;
}

static bool privacy(options *o, const char *spec) {
    static char names[OPTIONS_MAX_PRIVACY][32];
    if (o->privacy_count == OPTIONS_MAX_PRIVACY) {
        return false;
    }
    char metric[32];
    double epsilon, sensitivity;
    if (sscanf(spec, "%31[^:]:%lf:%lf", metric, &epsilon, &sensitivity) != 3 || epsilon <= 0 || sensitivity <= 0) {
        return false;
    }
    strcpy(names[o->privacy_count], metric);
    pulse_dp_metric *m = &o->privacy[o->privacy_count++];
    m->metric = names[o->privacy_count - 1];
    m->setting.epsilon = epsilon;
    m->setting.sensitivity = sensitivity;
    return true;
}

static bool fail(const char *what, const char *value) {
    fprintf(stderr, "pulse-virtual-device: %s%s%s\n%s", what, value ? ": " : "", value ? value : "", USAGE);
    return false;
}

bool options_parse(options *o, int argc, char **argv) {
    memset(o, 0, sizeof *o);
    o->keepalive_s = 10;
    o->reconnect_min_ms = 1000;
    o->reconnect_max_ms = 16000;
    o->min_rssi = -90;
    o->debounce_ms = 60000;
    o->ring_bytes = 64 * 1024;
    o->batch_objects = 100;
    o->batch_bytes = 16 * 1024;
    o->clock = CLOCK_SYSTEM;
    o->password = getenv("PULSE_MQTT_PASSWORD");
    o->hmac_key = getenv("PULSE_HMAC_KEY");
    if (o->hmac_key != NULL && o->hmac_key[0] == '\0') {
        o->hmac_key = NULL;
    }
    if (argc < 2) {
        return fail("which device?", NULL);
    }
    if (strcmp(argv[1], "gate-scanner") == 0) {
        o->kind = KIND_GATE_SCANNER;
    } else if (strcmp(argv[1], "sensor-node") == 0) {
        o->kind = KIND_SENSOR_NODE;
    } else {
        return fail("unknown device", argv[1]);
    }
    for (int i = 2; i < argc; i += 2) {
        const char *name = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        long long n;
        if (value == NULL) {
            return fail("missing value for", name);
        }
        if (strcmp(name, "--broker") == 0) {
            static char host[256];
            const char *colon = strrchr(value, ':');
            if (colon == NULL || colon == value || (size_t)(colon - value) >= sizeof host
                || !number(colon + 1, 1, 65535, &n)) {
                return fail("--broker must be HOST:PORT", value);
            }
            memcpy(host, value, (size_t)(colon - value));
            host[colon - value] = '\0';
            o->host = host;
            o->port = (int)n;
        } else if (strcmp(name, "--username") == 0) {
            o->username = value;
        } else if (strcmp(name, "--cafile") == 0) {
            o->cafile = value;
        } else if (strcmp(name, "--keepalive") == 0 && number(value, 5, 3600, &n)) {
            o->keepalive_s = (int)n;
        } else if (strcmp(name, "--reconnect-min-ms") == 0 && number(value, 10, 3600000, &n)) {
            o->reconnect_min_ms = n;
        } else if (strcmp(name, "--reconnect-max-ms") == 0 && number(value, 10, 3600000, &n)) {
            o->reconnect_max_ms = n;
        } else if (strcmp(name, "--gate") == 0) {
            o->gate = value;
        } else if (strcmp(name, "--scanner") == 0) {
            o->scanner = value;
        } else if (strcmp(name, "--role") == 0) {
            o->role = value;
        } else if (strcmp(name, "--min-rssi") == 0 && number(value, -128, 0, &n)) {
            o->min_rssi = (int)n;
        } else if (strcmp(name, "--debounce-ms") == 0 && number(value, 0, 60000, &n)) {
            o->debounce_ms = n; /* at most the movement job's window, see debounce.h */
        } else if (strcmp(name, "--device-id") == 0) {
            o->device_id = value;
        } else if (strcmp(name, "--interval-ms") == 0 && number(value, 0, 86400000, &n)) {
            o->interval_ms = n;
        } else if (strcmp(name, "--privacy") == 0 && privacy(o, value)) {
            continue;
        } else if (strcmp(name, "--clock") == 0 && (strcmp(value, "system") == 0 || strcmp(value, "script") == 0)) {
            o->clock = strcmp(value, "system") == 0 ? CLOCK_SYSTEM : CLOCK_SCRIPT;
        } else if (strcmp(name, "--sntp-delay-ms") == 0 && number(value, 0, 86400000, &n)) {
            o->sntp_delay_ms = n;
        } else if (strcmp(name, "--ring-bytes") == 0 && number(value, 64, 16 * 1024 * 1024, &n)) {
            o->ring_bytes = (uint32_t)n;
        } else if (strcmp(name, "--batch-objects") == 0 && number(value, 1, 1000, &n)) {
            o->batch_objects = (uint32_t)n;
        } else if (strcmp(name, "--batch-bytes") == 0 && number(value, 256, 65536, &n)) {
            o->batch_bytes = (uint32_t)n;
        } else {
            return fail("bad option or value", name);
        }
    }
    if (o->host == NULL) {
        return fail("--broker is required", NULL);
    }
    if (o->kind == KIND_GATE_SCANNER) {
        static const char *ROLES[] = {"in", "out", "outer", "inner"};
        bool role_ok = false;
        for (int i = 0; i < 4 && o->role; i++) {
            role_ok |= strcmp(o->role, ROLES[i]) == 0;
        }
        if (!pulse_id_valid(o->gate) || !pulse_id_valid(o->scanner) || !role_ok) {
            return fail("a gate scanner needs a valid --gate, --scanner and --role", NULL);
        }
    } else if (!pulse_id_valid(o->device_id)) {
        return fail("a sensor node needs a valid --device-id", NULL);
    }
    return true;
}
