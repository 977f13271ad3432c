/* macHash on the device equals the movement job's pseudonym, for every row of the shared table
 * (pseudonym_vectors.h, which PseudonymCrossCheckTest checks against the job's own function). */
#include <string.h>

#include "pseudonym_vectors.h"
#include "pulse/hmac_soft.h"
#include "pulse/pseudonym.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static void test_every_row_of_the_shared_table(void) {
    size_t rows = sizeof PSEUDONYM_VECTORS / sizeof PSEUDONYM_VECTORS[0];
    TEST_ASSERT_GREATER_OR_EQUAL(20, rows);
    for (size_t i = 0; i < rows; i++) {
        const pseudonym_vector *v = &PSEUDONYM_VECTORS[i];
        pulse_hmac_soft state;
        pulse_hmac_soft_init(&state, (const uint8_t *)v->key, strlen(v->key));
        pulse_hmac_port port = pulse_hmac_soft_port(&state);
        pulse_mac mac;
        char normalized[PULSE_MAC_TEXT_LEN + 1];
        uint8_t digest[PULSE_HMAC_SHA256_LEN];
        char hex[PULSE_MAC_HASH_HEX_LEN + 1];
        TEST_ASSERT_TRUE_MESSAGE(pulse_mac_parse(v->mac, &mac), v->mac);
        pulse_mac_format(&mac, normalized);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(v->normalized, normalized, v->mac);
        TEST_ASSERT_EQUAL_INT(0, pulse_pseudonym_digest(&port, &mac, digest));
        pulse_hex_lower(digest, sizeof digest, hex);
        TEST_ASSERT_EQUAL_STRING_MESSAGE(v->mac_hash, hex, v->mac);
    }
}

static void test_hex_is_lowercase_and_64_characters(void) {
    uint8_t bytes[PULSE_HMAC_SHA256_LEN];
    char hex[PULSE_MAC_HASH_HEX_LEN + 1];
    for (int i = 0; i < PULSE_HMAC_SHA256_LEN; i++) {
        bytes[i] = (uint8_t)(0xAB + i);
    }
    pulse_hex_lower(bytes, sizeof bytes, hex);
    TEST_ASSERT_EQUAL_INT(64, strlen(hex));
    TEST_ASSERT_EQUAL_MEMORY("abacadae", hex, 8);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_every_row_of_the_shared_table);
    RUN_TEST(test_hex_is_lowercase_and_64_characters);
    return UNITY_END();
}
