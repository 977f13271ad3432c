#include "pulse/hmac_soft.h"

#include <string.h>

void pulse_hmac_soft_init(pulse_hmac_soft *h, const uint8_t *key, size_t key_len) {
    uint8_t block[PULSE_SHA256_BLOCK] = {0};
    if (key_len > PULSE_SHA256_BLOCK) {
        pulse_sha256(key, key_len, block); /* RFC 2104: a long key is hashed first */
    } else if (key_len > 0) {
        memcpy(block, key, key_len);
    }
    uint8_t pad[PULSE_SHA256_BLOCK];
    for (int i = 0; i < PULSE_SHA256_BLOCK; i++) {
        pad[i] = block[i] ^ 0x36;
    }
    pulse_sha256_init(&h->inner);
    pulse_sha256_update(&h->inner, pad, sizeof pad);
    for (int i = 0; i < PULSE_SHA256_BLOCK; i++) {
        pad[i] = block[i] ^ 0x5c;
    }
    pulse_sha256_init(&h->outer);
    pulse_sha256_update(&h->outer, pad, sizeof pad);
    memset(block, 0, sizeof block); /* no copy of the key left on the stack */
    memset(pad, 0, sizeof pad);
}

static int compute(void *ctx, const uint8_t *msg, size_t len, uint8_t out[PULSE_HMAC_SHA256_LEN]) {
    const pulse_hmac_soft *h = ctx;
    pulse_sha256_state s = h->inner;
    uint8_t inner[PULSE_SHA256_LEN];
    pulse_sha256_update(&s, msg, len);
    pulse_sha256_final(&s, inner);
    s = h->outer;
    pulse_sha256_update(&s, inner, sizeof inner);
    pulse_sha256_final(&s, out);
    return 0;
}

pulse_hmac_port pulse_hmac_soft_port(pulse_hmac_soft *h) {
    pulse_hmac_port port = {compute, h};
    return port;
}

void pulse_hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *msg, size_t len,
                       uint8_t out[PULSE_HMAC_SHA256_LEN]) {
    pulse_hmac_soft h;
    pulse_hmac_soft_init(&h, key, key_len);
    compute(&h, msg, len, out);
    memset(&h, 0, sizeof h);
}
