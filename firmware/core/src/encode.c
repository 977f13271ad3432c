#include "pulse/encode.h"

#include "pulse/iso_time.h"
#include "pulse/mac.h"
#include "pulse/pseudonym.h"

/* Three decimals: finer than any of the node's sensors, short enough for big batches. */
#define METRIC_DECIMALS 3

static bool put_ts(pulse_json *j, int64_t wall_ms) {
    char ts[PULSE_ISO_TIME_LEN + 1];
    if (!pulse_iso_time(wall_ms, ts)) {
        return false;
    }
    pulse_json_key(j, "ts");
    pulse_json_string(j, ts);
    return true;
}

bool pulse_encode_sighting(pulse_json *j, const char *scanner, const char *role,
                           const pulse_sighting *s, int64_t wall_ms) {
    pulse_json_object_begin(j);
    pulse_json_key(j, "scanner");
    pulse_json_string(j, scanner);
    pulse_json_key(j, "role");
    pulse_json_string(j, role);
    if (!put_ts(j, wall_ms)) {
        return false;
    }
    if (s->hashed) {
        char hex[PULSE_MAC_HASH_HEX_LEN + 1];
        pulse_hex_lower(s->id, PULSE_HMAC_SHA256_LEN, hex);
        pulse_json_key(j, "macHash");
        pulse_json_string(j, hex);
    } else {
        pulse_mac mac;
        char text[PULSE_MAC_TEXT_LEN + 1];
        for (int i = 0; i < 6; i++) {
            mac.octet[i] = s->id[i];
        }
        pulse_mac_format(&mac, text);
        pulse_json_key(j, "mac");
        pulse_json_string(j, text);
    }
    if (s->has_rssi) {
        pulse_json_key(j, "rssi");
        pulse_json_int(j, s->rssi);
    }
    pulse_json_key(j, "randomized");
    pulse_json_bool(j, s->randomized);
    pulse_json_object_end(j);
    return !j->failed;
}

bool pulse_encode_reading(pulse_json *j, const char *device_id, const pulse_reading *r,
                          int64_t wall_ms) {
    pulse_json_object_begin(j);
    pulse_json_key(j, "deviceId");
    pulse_json_string(j, device_id);
    if (!put_ts(j, wall_ms)) {
        return false;
    }
    for (unsigned i = 0; i < r->count; i++) {
        const pulse_metric *m = &r->metrics[i];
        pulse_json_key(j, m->name);
        if (m->is_bool) {
            pulse_json_bool(j, m->value != 0);
        } else {
            pulse_json_number(j, m->value, METRIC_DECIMALS);
        }
    }
    pulse_json_object_end(j);
    return !j->failed;
}
