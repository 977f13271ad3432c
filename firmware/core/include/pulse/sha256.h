/* SHA-256 (FIPS 180-4), written for Pulse: the host and RISC-V builds have no crypto library.
 * ESP-IDF builds use mbedTLS/PSA through the HMAC port instead (ports/esp-idf). */
#ifndef PULSE_SHA256_H
#define PULSE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define PULSE_SHA256_LEN 32
#define PULSE_SHA256_BLOCK 64

typedef struct {
    uint32_t h[8];
    uint64_t total_bytes;
    uint8_t block[PULSE_SHA256_BLOCK];
    size_t used;
} pulse_sha256_state;

void pulse_sha256_init(pulse_sha256_state *s);
void pulse_sha256_update(pulse_sha256_state *s, const void *data, size_t len);
void pulse_sha256_final(pulse_sha256_state *s, uint8_t out[PULSE_SHA256_LEN]);

/* One call: out = SHA-256(data). */
void pulse_sha256(const void *data, size_t len, uint8_t out[PULSE_SHA256_LEN]);

#endif
