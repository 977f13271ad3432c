/* The crypto port on ESP-IDF: HMAC-SHA256 from the SDK's crypto library, which uses the chip's
 * SHA accelerator. ESP-IDF 5 ships mbedTLS 3 (hmac_mbedtls.c); ESP-IDF 6 moves to the PSA Crypto
 * API (hmac_psa.c). Exactly one of them compiles, by ESP_IDF_VERSION. Not built here: no ESP-IDF
 * on the development machines (see firmware/README.md). */
#ifndef PULSE_HMAC_ESP_H
#define PULSE_HMAC_ESP_H

#include <stddef.h>
#include <stdint.h>

#include "pulse/hmac_port.h"

/* Binds the key (the movement job's --movement.hmac-key, as UTF-8 bytes). Returns 0 on success;
 * the port lives as long as the program. */
int pulse_hmac_esp_init(const uint8_t *key, size_t key_len, pulse_hmac_port *port);

#endif
