/* HMAC-SHA256 against RFC 4231's test cases, one-shot and through the port. */
#include <string.h>

#include "pulse/hmac_soft.h"
#include "pulse/pseudonym.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static void check(const uint8_t *key, size_t key_len, const uint8_t *msg, size_t len, const char *expected) {
    uint8_t out[PULSE_HMAC_SHA256_LEN];
    char hex[2 * PULSE_HMAC_SHA256_LEN + 1];
    pulse_hmac_sha256(key, key_len, msg, len, out);
    pulse_hex_lower(out, sizeof out, hex);
    TEST_ASSERT_EQUAL_STRING(expected, hex);

    pulse_hmac_soft state; /* the port gives the same, and again for a second message */
    pulse_hmac_soft_init(&state, key, key_len);
    pulse_hmac_port port = pulse_hmac_soft_port(&state);
    for (int round = 0; round < 2; round++) {
        memset(out, 0, sizeof out);
        TEST_ASSERT_EQUAL_INT(0, port.compute(port.ctx, msg, len, out));
        pulse_hex_lower(out, sizeof out, hex);
        TEST_ASSERT_EQUAL_STRING(expected, hex);
    }
}

static void test_rfc4231_short_keys(void) {
    uint8_t key[25], msg[50];
    memset(key, 0x0b, 20);
    check(key, 20, (const uint8_t *)"Hi There", 8, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    check((const uint8_t *)"Jefe", 4, (const uint8_t *)"what do ya want for nothing?", 28,
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    memset(key, 0xaa, 20);
    memset(msg, 0xdd, 50);
    check(key, 20, msg, 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    for (int i = 0; i < 25; i++) {
        key[i] = (uint8_t)(i + 1);
    }
    memset(msg, 0xcd, 50);
    check(key, 25, msg, 50, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

static void test_rfc4231_keys_longer_than_a_block_are_hashed_first(void) {
    uint8_t key[131];
    memset(key, 0xaa, sizeof key);
    const char *m6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    check(key, sizeof key, (const uint8_t *)m6, strlen(m6),
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    const char *m7 = "This is a test using a larger than block-size key and a larger than block-size data."
                     " The key needs to be hashed before being used by the HMAC algorithm.";
    check(key, sizeof key, (const uint8_t *)m7, strlen(m7),
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_rfc4231_short_keys);
    RUN_TEST(test_rfc4231_keys_longer_than_a_block_are_hashed_first);
    return UNITY_END();
}
