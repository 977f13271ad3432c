/* HMAC-SHA256 (RFC 2104) over the core's own SHA-256, as a pulse_hmac_port. */
#ifndef PULSE_HMAC_SOFT_H
#define PULSE_HMAC_SOFT_H

#include "pulse/hmac_port.h"
#include "pulse/sha256.h"

/* The hash states after absorbing key^ipad and key^opad: each message then costs no key work. */
typedef struct {
    pulse_sha256_state inner;
    pulse_sha256_state outer;
} pulse_hmac_soft;

void pulse_hmac_soft_init(pulse_hmac_soft *h, const uint8_t *key, size_t key_len);
pulse_hmac_port pulse_hmac_soft_port(pulse_hmac_soft *h);

/* One call: out = HMAC-SHA256(key, msg). */
void pulse_hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *msg, size_t len,
                       uint8_t out[PULSE_HMAC_SHA256_LEN]);

#endif
