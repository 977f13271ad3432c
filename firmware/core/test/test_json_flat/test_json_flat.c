/* The strict flat-object reader the command handler relies on. */
#include <string.h>

#include "pulse/json_flat.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static pulse_json_field fields[8];
static size_t count;

static const char *parse(const char *json) {
    return pulse_json_flat_parse(json, strlen(json), fields, 8, &count);
}

static void test_a_command(void) {
    TEST_ASSERT_NULL(parse(" {\"command\" : \"fan\",\n\"state\":\"on\"} "));
    TEST_ASSERT_EQUAL_INT(2, count);
    TEST_ASSERT_EQUAL_STRING("command", fields[0].key);
    TEST_ASSERT_EQUAL_INT(PULSE_JSON_STRING, fields[0].type);
    TEST_ASSERT_EQUAL_STRING("fan", fields[0].text);
    TEST_ASSERT_EQUAL_STRING("on", pulse_json_flat_find(fields, count, "state")->text);
    TEST_ASSERT_NULL(pulse_json_flat_find(fields, count, "nope"));
}

static void test_value_types(void) {
    TEST_ASSERT_NULL(parse("{\"n\":-1.5e3,\"z\":0,\"t\":true,\"f\":false,\"x\":null,\"s\":\"\"}"));
    TEST_ASSERT_EQUAL_INT(6, count);
    TEST_ASSERT_EQUAL_INT(PULSE_JSON_NUMBER, fields[0].type);
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, -1500.0, fields[0].number);
    TEST_ASSERT_EQUAL_STRING("-1.5e3", fields[0].text);
    TEST_ASSERT_DOUBLE_WITHIN(0, 0.0, fields[1].number);
    TEST_ASSERT_TRUE(fields[2].boolean);
    TEST_ASSERT_EQUAL_INT(PULSE_JSON_BOOL, fields[3].type);
    TEST_ASSERT_FALSE(fields[3].boolean);
    TEST_ASSERT_EQUAL_INT(PULSE_JSON_NULL, fields[4].type);
    TEST_ASSERT_EQUAL_STRING("", fields[5].text);
    TEST_ASSERT_NULL(parse("{}"));
    TEST_ASSERT_EQUAL_INT(0, count);
}

static void test_escapes_become_utf8(void) {
    TEST_ASSERT_NULL(parse("{\"s\":\"a\\\"\\\\\\/\\n\\u00e9\\u20ac\\ud83d\\ude00\"}"));
    TEST_ASSERT_EQUAL_STRING("a\"\\/\n\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", fields[0].text);
}

static void test_anything_doubtful_is_refused(void) {
    TEST_ASSERT_NOT_NULL(parse(""));
    TEST_ASSERT_NOT_NULL(parse("[]"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":1,\"a\":2}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":{\"b\":1}}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":[1]}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":1} x"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":1,}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\" 1}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":01}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":1.}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":.5}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":-}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":tru}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":\"unterminated}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":\"\\x\"}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":\"\\ud83d\"}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":\"\\u0000\"}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":\"tab\there\"}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}"));
    TEST_ASSERT_NOT_NULL(parse("{\"a_key_that_is_longer_than_thirty_two_bytes\":1}"));
    TEST_ASSERT_EQUAL_STRING("nested values are not supported", parse("{\"a\":{}}"));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_a_command);
    RUN_TEST(test_value_types);
    RUN_TEST(test_escapes_become_utf8);
    RUN_TEST(test_anything_doubtful_is_refused);
    return UNITY_END();
}
