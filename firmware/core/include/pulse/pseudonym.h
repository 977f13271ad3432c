/* The contract's pseudonym, computed on the device: macHash = lowercase hex of
 * HMAC-SHA256(key, normalized MAC), the same value the movement job computes from a raw MAC. */
#ifndef PULSE_PSEUDONYM_H
#define PULSE_PSEUDONYM_H

#include <stddef.h>
#include <stdint.h>

#include "pulse/hmac_port.h"
#include "pulse/mac.h"

#define PULSE_MAC_HASH_HEX_LEN 64

/* digest = HMAC-SHA256(key of the port, "aa:bb:cc:dd:ee:ff"); returns 0 on success. */
int pulse_pseudonym_digest(const pulse_hmac_port *hmac, const pulse_mac *mac,
                           uint8_t digest[PULSE_HMAC_SHA256_LEN]);

/* Lowercase hex of n bytes into out (2n characters and a NUL). */
void pulse_hex_lower(const uint8_t *bytes, size_t n, char *out);

#endif
