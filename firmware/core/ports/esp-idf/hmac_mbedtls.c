/* ESP-IDF 5: HMAC-SHA256 through mbedTLS 3's message-digest API. */
#include "esp_idf_version.h"

#if ESP_IDF_VERSION < ESP_IDF_VERSION_VAL(6, 0, 0)

#include "mbedtls/md.h"
#include "pulse_hmac_esp.h"

static mbedtls_md_context_t hmac_context;

static int compute(void *ctx, const uint8_t *msg, size_t len, uint8_t out[PULSE_HMAC_SHA256_LEN]) {
    mbedtls_md_context_t *md = ctx;
    /* reset keeps the key: each message costs no key setup */
    if (mbedtls_md_hmac_reset(md) != 0 || mbedtls_md_hmac_update(md, msg, len) != 0
        || mbedtls_md_hmac_finish(md, out) != 0) {
        return -1;
    }
    return 0;
}

int pulse_hmac_esp_init(const uint8_t *key, size_t key_len, pulse_hmac_port *port) {
    const mbedtls_md_info_t *sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    mbedtls_md_init(&hmac_context);
    if (sha256 == NULL || mbedtls_md_setup(&hmac_context, sha256, 1) != 0
        || mbedtls_md_hmac_starts(&hmac_context, key, key_len) != 0) {
        mbedtls_md_free(&hmac_context);
        return -1;
    }
    port->compute = compute;
    port->ctx = &hmac_context;
    return 0;
}

#endif
