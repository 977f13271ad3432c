#include "pulse/mac.h"

#include <string.h>

static int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Reads 12 hex digits from text, skipping a separator after the positions in `sep_after`. */
static bool read_digits(const char *text, size_t len, char sep, const size_t *sep_after,
                        size_t seps, pulse_mac *out) {
    size_t pos = 0;
    size_t next_sep = 0;
    for (size_t digit = 0; digit < 12; digit++) {
        if (pos >= len) {
            return false;
        }
        int v = hex_value(text[pos++]);
        if (v < 0) {
            return false;
        }
        if (digit % 2 == 0) {
            out->octet[digit / 2] = (uint8_t)(v << 4);
        } else {
            out->octet[digit / 2] |= (uint8_t)v;
        }
        if (next_sep < seps && digit + 1 == sep_after[next_sep]) {
            if (pos >= len || text[pos++] != sep) {
                return false;
            }
            next_sep++;
        }
    }
    return pos == len;
}

bool pulse_mac_parse(const char *text, pulse_mac *out) {
    static const size_t PAIRS[] = {2, 4, 6, 8, 10};
    static const size_t CISCO[] = {4, 8};
    if (text == NULL) {
        return false;
    }
    size_t len = strlen(text);
    pulse_mac mac;
    bool ok = false;
    if (len == 12) {
        ok = read_digits(text, len, 0, NULL, 0, &mac);
    } else if (len == 17 && (text[2] == ':' || text[2] == '-' || text[2] == '.')) {
        ok = read_digits(text, len, text[2], PAIRS, 5, &mac);
    } else if (len == 14 && text[4] == '.') {
        ok = read_digits(text, len, '.', CISCO, 2, &mac);
    }
    if (ok) {
        *out = mac;
    }
    return ok;
}

void pulse_mac_format(const pulse_mac *mac, char out[PULSE_MAC_TEXT_LEN + 1]) {
    static const char HEX[] = "0123456789abcdef";
    for (int i = 0; i < 6; i++) {
        out[3 * i] = HEX[mac->octet[i] >> 4];
        out[3 * i + 1] = HEX[mac->octet[i] & 0x0f];
        out[3 * i + 2] = i < 5 ? ':' : '\0';
    }
}

bool pulse_mac_locally_administered(const pulse_mac *mac) {
    return (mac->octet[0] & 0x02) != 0;
}

bool pulse_mac_group(const pulse_mac *mac) {
    return (mac->octet[0] & 0x01) != 0;
}

bool pulse_mac_equal(const pulse_mac *a, const pulse_mac *b) {
    return memcmp(a->octet, b->octet, 6) == 0;
}
