/* The crypto port: everything the core needs from a crypto library is one keyed HMAC-SHA256.
 * The key is bound when a port is created, so a port can keep it in a secure element or a PSA
 * key slot (ESP-IDF 6) as easily as in RAM (mbedTLS in ESP-IDF 5, the software one here). */
#ifndef PULSE_HMAC_PORT_H
#define PULSE_HMAC_PORT_H

#include <stddef.h>
#include <stdint.h>

#define PULSE_HMAC_SHA256_LEN 32

typedef struct {
    /* out = HMAC-SHA256(bound key, msg); returns 0 on success. */
    int (*compute)(void *ctx, const uint8_t *msg, size_t len, uint8_t out[PULSE_HMAC_SHA256_LEN]);
    void *ctx;
} pulse_hmac_port;

#endif
