/* The JSON writer: exact text, escapes, numbers without printf, and failure instead of truncation. */
#include <math.h>
#include <string.h>

#include "pulse/json_writer.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static const char *number(double v, unsigned decimals) {
    static char buf[64];
    pulse_json j;
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_number(&j, v, decimals);
    return j.failed ? "FAILED" : buf;
}

static void test_objects_arrays_and_commas(void) {
    char buf[128];
    pulse_json j;
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_array_begin(&j);
    pulse_json_object_begin(&j);
    pulse_json_key(&j, "a");
    pulse_json_int(&j, -42);
    pulse_json_key(&j, "b");
    pulse_json_bool(&j, true);
    pulse_json_key(&j, "c");
    pulse_json_array_begin(&j);
    pulse_json_array_end(&j);
    pulse_json_object_end(&j);
    pulse_json_object_begin(&j);
    pulse_json_object_end(&j);
    pulse_json_array_end(&j);
    TEST_ASSERT_TRUE(pulse_json_ok(&j));
    TEST_ASSERT_EQUAL_STRING("[{\"a\":-42,\"b\":true,\"c\":[]},{}]", buf);
    TEST_ASSERT_EQUAL_INT(strlen(buf), j.len);
}

static void test_strings_are_escaped(void) {
    char buf[128];
    pulse_json j;
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_string(&j, "q\"b\\n\n\t\x01\xc3\xa9");
    TEST_ASSERT_TRUE(pulse_json_ok(&j));
    TEST_ASSERT_EQUAL_STRING("\"q\\\"b\\\\n\\n\\t\\u0001\xc3\xa9\"", buf);
}

static void test_numbers(void) {
    TEST_ASSERT_EQUAL_STRING("82.4", number(82.4, 3));
    TEST_ASSERT_EQUAL_STRING("21", number(21.0, 3));
    TEST_ASSERT_EQUAL_STRING("-12.346", number(-12.3456, 3));
    TEST_ASSERT_EQUAL_STRING("0", number(-0.0004, 3)); /* no "-0" */
    TEST_ASSERT_EQUAL_STRING("0.001", number(0.0005, 3));
    TEST_ASSERT_EQUAL_STRING("200000", number(200000, 3));
    TEST_ASSERT_EQUAL_STRING("100000.5", number(100000.5, 6));
    TEST_ASSERT_EQUAL_STRING("3", number(2.5, 0));
    TEST_ASSERT_EQUAL_STRING("FAILED", number(NAN, 3));
    TEST_ASSERT_EQUAL_STRING("FAILED", number(INFINITY, 3));
    TEST_ASSERT_EQUAL_STRING("FAILED", number(1e16, 3));
    TEST_ASSERT_EQUAL_STRING("FAILED", number(1, 7));
}

static void test_int64_extremes(void) {
    char buf[64];
    pulse_json j;
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_array_begin(&j);
    pulse_json_int(&j, INT64_MIN);
    pulse_json_int(&j, INT64_MAX);
    pulse_json_int(&j, 0);
    pulse_json_array_end(&j);
    TEST_ASSERT_EQUAL_STRING("[-9223372036854775808,9223372036854775807,0]", buf);
}

static void test_overflow_fails_the_whole_message(void) {
    char buf[8];
    pulse_json j;
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_string(&j, "1234567");
    TEST_ASSERT_FALSE(pulse_json_ok(&j));
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_string(&j, "12345");
    TEST_ASSERT_TRUE(pulse_json_ok(&j)); /* 7 characters and the NUL fit exactly */
}

static void test_misuse_fails(void) {
    char buf[64];
    pulse_json j;
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_key(&j, "outside an object");
    TEST_ASSERT_FALSE(pulse_json_ok(&j));
    pulse_json_init(&j, buf, sizeof buf);
    pulse_json_object_begin(&j);
    TEST_ASSERT_FALSE(pulse_json_ok(&j)); /* unclosed */
    pulse_json_init(&j, buf, sizeof buf);
    for (int i = 0; i < PULSE_JSON_MAX_DEPTH + 1; i++) {
        pulse_json_array_begin(&j);
    }
    TEST_ASSERT_TRUE(j.failed); /* the contract refuses nesting deeper than 8 */
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_objects_arrays_and_commas);
    RUN_TEST(test_strings_are_escaped);
    RUN_TEST(test_numbers);
    RUN_TEST(test_int64_extremes);
    RUN_TEST(test_overflow_fails_the_whole_message);
    RUN_TEST(test_misuse_fails);
    return UNITY_END();
}
