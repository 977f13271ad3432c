#include "pulse/pseudonym.h"

int pulse_pseudonym_digest(const pulse_hmac_port *hmac, const pulse_mac *mac,
                           uint8_t digest[PULSE_HMAC_SHA256_LEN]) {
    char normalized[PULSE_MAC_TEXT_LEN + 1];
    pulse_mac_format(mac, normalized);
    return hmac->compute(hmac->ctx, (const uint8_t *)normalized, PULSE_MAC_TEXT_LEN, digest);
}

void pulse_hex_lower(const uint8_t *bytes, size_t n, char *out) {
    static const char HEX[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = HEX[bytes[i] >> 4];
        out[2 * i + 1] = HEX[bytes[i] & 0x0f];
    }
    out[2 * n] = '\0';
}
