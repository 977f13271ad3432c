/* SHA-256 against the FIPS 180-4 examples and at every padding boundary. */
#include <string.h>

#include "pulse/pseudonym.h"
#include "pulse/sha256.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static void check(const void *data, size_t len, const char *expected_hex) {
    uint8_t digest[PULSE_SHA256_LEN];
    char hex[2 * PULSE_SHA256_LEN + 1];
    pulse_sha256(data, len, digest);
    pulse_hex_lower(digest, sizeof digest, hex);
    TEST_ASSERT_EQUAL_STRING(expected_hex, hex);
}

static void test_nist_examples(void) {
    check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check(two_blocks, strlen(two_blocks), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_padding_boundaries(void) {
    static const struct {
        size_t len;
        const char *hex;
    } CASES[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    };
    char a[120];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        check(a, CASES[i].len, CASES[i].hex);
    }
}

static void test_a_million_as_in_pieces_of_odd_sizes(void) {
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    pulse_sha256_state s;
    pulse_sha256_init(&s);
    size_t left = 1000000;
    size_t piece = 1;
    while (left > 0) {
        size_t n = piece < left ? piece : left;
        pulse_sha256_update(&s, chunk, n);
        left -= n;
        piece = piece % 990 + 7; /* sizes that cross block boundaries every way */
    }
    uint8_t digest[PULSE_SHA256_LEN];
    char hex[2 * PULSE_SHA256_LEN + 1];
    pulse_sha256_final(&s, digest);
    pulse_hex_lower(digest, sizeof digest, hex);
    TEST_ASSERT_EQUAL_STRING("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_nist_examples);
    RUN_TEST(test_padding_boundaries);
    RUN_TEST(test_a_million_as_in_pieces_of_odd_sizes);
    return UNITY_END();
}
