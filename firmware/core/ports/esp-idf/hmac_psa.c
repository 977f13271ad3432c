/* ESP-IDF 6: HMAC-SHA256 through the PSA Crypto API. The key is imported once into a volatile
 * key slot and used by id from then on. */
#include "esp_idf_version.h"

#if ESP_IDF_VERSION >= ESP_IDF_VERSION_VAL(6, 0, 0)

#include "psa/crypto.h"
#include "pulse_hmac_esp.h"

static psa_key_id_t hmac_key;

static int compute(void *ctx, const uint8_t *msg, size_t len, uint8_t out[PULSE_HMAC_SHA256_LEN]) {
    (void)ctx;
    size_t out_len = 0;
    psa_status_t status = psa_mac_compute(hmac_key, PSA_ALG_HMAC(PSA_ALG_SHA_256), msg, len, out,
                                          PULSE_HMAC_SHA256_LEN, &out_len);
    return status == PSA_SUCCESS && out_len == PULSE_HMAC_SHA256_LEN ? 0 : -1;
}

int pulse_hmac_esp_init(const uint8_t *key, size_t key_len, pulse_hmac_port *port) {
    if (psa_crypto_init() != PSA_SUCCESS) {
        return -1;
    }
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE);
    psa_set_key_algorithm(&attributes, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    psa_set_key_type(&attributes, PSA_KEY_TYPE_HMAC);
    psa_status_t status = psa_import_key(&attributes, key, key_len, &hmac_key);
    psa_reset_key_attributes(&attributes);
    if (status != PSA_SUCCESS) {
        return -1;
    }
    port->compute = compute;
    port->ctx = NULL;
    return 0;
}

#endif
