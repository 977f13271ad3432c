/* MAC parsing in every notation, the normalized form and the address bits. */
#include "pulse/mac.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static void parses_to(const char *text, const char *normalized) {
    pulse_mac mac;
    char out[PULSE_MAC_TEXT_LEN + 1];
    TEST_ASSERT_TRUE_MESSAGE(pulse_mac_parse(text, &mac), text);
    pulse_mac_format(&mac, out);
    TEST_ASSERT_EQUAL_STRING_MESSAGE(normalized, out, text);
}

static void refused(const char *text) {
    pulse_mac mac = {{1, 2, 3, 4, 5, 6}};
    TEST_ASSERT_FALSE(pulse_mac_parse(text, &mac));
    TEST_ASSERT_EQUAL_INT(1, mac.octet[0]); /* untouched */
}

static void test_every_notation_normalizes_to_lowercase_colons(void) {
    const char *n = "a4:5e:60:12:34:56";
    parses_to("A4:5E:60:12:34:56", n);
    parses_to("a4:5e:60:12:34:56", n);
    parses_to("A4-5E-60-12-34-56", n);
    parses_to("a4.5e.60.12.34.56", n);
    parses_to("A45E.6012.3456", n);
    parses_to("a45e60123456", n);
    parses_to("A45e60123456", n);
    parses_to("00:00:00:00:00:00", "00:00:00:00:00:00");
    parses_to("FF-FF-FF-FF-FF-FF", "ff:ff:ff:ff:ff:ff");
}

static void test_anything_else_is_refused(void) {
    refused("");
    refused("a4:5e:60:12:34");
    refused("a4:5e:60:12:34:56:78");
    refused("a4:5e-60:12:34:56");    /* mixed separators */
    refused("a4:5e:60:12:34:5g");    /* not hex */
    refused("a45e6012345");          /* 11 digits */
    refused("a45e601234567");        /* 13 digits */
    refused("a45e:6012:3456");       /* Cisco needs dots */
    refused(" a4:5e:60:12:34:56");
    refused("a4:5e:60:12:34:56 ");
    refused("a4::5e:60:12:34:56");
    TEST_ASSERT_FALSE(pulse_mac_parse(NULL, NULL));
}

static void test_locally_administered_and_group_bits(void) {
    pulse_mac mac;
    TEST_ASSERT_TRUE(pulse_mac_parse("a4:5e:60:12:34:56", &mac));
    TEST_ASSERT_FALSE(pulse_mac_locally_administered(&mac));
    TEST_ASSERT_FALSE(pulse_mac_group(&mac));
    TEST_ASSERT_TRUE(pulse_mac_parse("da:a1:19:00:00:01", &mac)); /* 0xda: bit 0x02 set */
    TEST_ASSERT_TRUE(pulse_mac_locally_administered(&mac));
    TEST_ASSERT_TRUE(pulse_mac_parse("02:00:00:00:00:01", &mac));
    TEST_ASSERT_TRUE(pulse_mac_locally_administered(&mac));
    TEST_ASSERT_TRUE(pulse_mac_parse("ff:ff:ff:ff:ff:ff", &mac));
    TEST_ASSERT_TRUE(pulse_mac_group(&mac));
    TEST_ASSERT_TRUE(pulse_mac_parse("01:00:5e:00:00:fb", &mac));
    TEST_ASSERT_TRUE(pulse_mac_group(&mac));
    TEST_ASSERT_FALSE(pulse_mac_locally_administered(&mac));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_every_notation_normalizes_to_lowercase_colons);
    RUN_TEST(test_anything_else_is_refused);
    RUN_TEST(test_locally_administered_and_group_bits);
    return UNITY_END();
}
