#include "pulse/wifi_frame.h"

#include <string.h>

/* 802.11 frame control, first byte: bits 2-3 type, bits 4-7 subtype; second byte: bit 0 To DS,
 * bit 1 From DS. A management or data header holds addr1..addr3 at offsets 4, 10 and 16. */
enum { TYPE_MANAGEMENT = 0, TYPE_CONTROL = 1, TYPE_DATA = 2 };
enum {
    SUB_ASSOC_REQUEST = 0,
    SUB_REASSOC_REQUEST = 2,
    SUB_PROBE_REQUEST = 4,
    SUB_DISASSOC = 10,
    SUB_AUTH = 11,
    SUB_DEAUTH = 12,
    SUB_ACTION = 13
};
#define HEADER_LEN 24

static void mac_at(const uint8_t *frame, size_t offset, pulse_mac *out) {
    memcpy(out->octet, frame + offset, 6);
}

bool pulse_wifi_frame_sender(const uint8_t *frame, size_t len, pulse_frame_sender *out) {
    if (frame == NULL || len < HEADER_LEN) {
        return false;
    }
    unsigned type = (frame[0] >> 2) & 0x3;
    unsigned subtype = (frame[0] >> 4) & 0xf;
    bool to_ds = (frame[1] & 0x01) != 0;
    bool from_ds = (frame[1] & 0x02) != 0;
    pulse_mac addr1, addr2, addr3;
    mac_at(frame, 4, &addr1);
    mac_at(frame, 10, &addr2);
    mac_at(frame, 16, &addr3);
    if (pulse_mac_group(&addr2)) {
        return false; /* a transmitter is never a group address */
    }
    if (type == TYPE_MANAGEMENT) {
        bool station_only = subtype == SUB_ASSOC_REQUEST || subtype == SUB_REASSOC_REQUEST
                            || subtype == SUB_PROBE_REQUEST;
        /* these go both ways: from the AP when the transmitter is the BSSID */
        bool either = subtype == SUB_DISASSOC || subtype == SUB_AUTH || subtype == SUB_DEAUTH
                      || subtype == SUB_ACTION;
        if (!station_only && !(either && !pulse_mac_equal(&addr2, &addr3))) {
            return false;
        }
        out->station = addr2;
        out->bssid = addr3;
        out->data_to_ap = false;
        return true;
    }
    if (type == TYPE_DATA && to_ds && !from_ds) {
        out->station = addr2;
        out->bssid = addr1;
        out->data_to_ap = true;
        return true;
    }
    return false; /* control frames, data from an AP, mesh and ad-hoc traffic */
}
