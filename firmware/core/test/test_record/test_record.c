/* Buffered records read back exactly as they were written. */
#include <string.h>

#include "pulse/record.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static void test_a_hashed_sighting_round_trips(void) {
    pulse_sighting s, back;
    memset(&s, 0, sizeof s);
    s.at.kind = PULSE_STAMP_WALL;
    s.at.boot_id = 0xDEADBEEF;
    s.at.ms = 1772438401250LL;
    s.hashed = true;
    for (int i = 0; i < 32; i++) s.id[i] = (uint8_t)(i * 7);
    s.randomized = true;
    s.has_rssi = true;
    s.rssi = -87;
    uint8_t buf[PULSE_RECORD_MAX];
    size_t n = pulse_record_put_sighting(&s, buf, sizeof buf);
    TEST_ASSERT_EQUAL_INT(14 + 2 + 32, n);
    TEST_ASSERT_EQUAL_INT(PULSE_RECORD_SIGHTING, pulse_record_kind_of(buf, n));
    TEST_ASSERT_TRUE(pulse_record_get_sighting(buf, n, &back));
    TEST_ASSERT_EQUAL_INT(PULSE_STAMP_WALL, back.at.kind);
    TEST_ASSERT_EQUAL_UINT32(0xDEADBEEF, back.at.boot_id);
    TEST_ASSERT_EQUAL_INT64(1772438401250LL, back.at.ms);
    TEST_ASSERT_TRUE(back.hashed && back.randomized && back.has_rssi);
    TEST_ASSERT_EQUAL_INT(-87, back.rssi);
    TEST_ASSERT_EQUAL_MEMORY(s.id, back.id, 32);
    TEST_ASSERT_FALSE(pulse_record_get_sighting(buf, n - 1, &back));
    TEST_ASSERT_FALSE(pulse_record_get_reading(buf, n, NULL));
}

static void test_a_raw_sighting_keeps_six_octets(void) {
    pulse_sighting s, back;
    memset(&s, 0, sizeof s);
    s.at.kind = PULSE_STAMP_MONO;
    s.at.ms = -5; /* any int64 survives */
    memcpy(s.id, "\xa4\x5e\x60\x12\x34\x56", 6);
    uint8_t buf[64];
    size_t n = pulse_record_put_sighting(&s, buf, sizeof buf);
    TEST_ASSERT_EQUAL_INT(14 + 2 + 6, n);
    TEST_ASSERT_TRUE(pulse_record_get_sighting(buf, n, &back));
    TEST_ASSERT_FALSE(back.hashed || back.randomized || back.has_rssi);
    TEST_ASSERT_EQUAL_INT64(-5, back.at.ms);
    TEST_ASSERT_EQUAL_MEMORY(s.id, back.id, 6);
    TEST_ASSERT_EQUAL_INT(0, pulse_record_put_sighting(&s, buf, 21));
}

static void test_a_reading_round_trips_with_every_double_bit(void) {
    pulse_reading r, back;
    memset(&r, 0, sizeof r);
    r.at.kind = PULSE_STAMP_WALL;
    r.at.ms = 1;
    TEST_ASSERT_TRUE(pulse_reading_add(&r, "temperature", 82.4, false));
    TEST_ASSERT_TRUE(pulse_reading_add(&r, "flame", 5, true));
    TEST_ASSERT_TRUE(pulse_reading_add(&r, "tiny", 4.9e-324, false));
    TEST_ASSERT_TRUE(pulse_reading_add(&r, "negative", -1e300, false));
    uint8_t buf[PULSE_RECORD_MAX];
    size_t n = pulse_record_put_reading(&r, buf, sizeof buf);
    TEST_ASSERT_GREATER_THAN(0, n);
    TEST_ASSERT_TRUE(pulse_record_get_reading(buf, n, &back));
    TEST_ASSERT_EQUAL_INT(4, back.count);
    TEST_ASSERT_EQUAL_STRING("temperature", back.metrics[0].name);
    TEST_ASSERT_TRUE(back.metrics[0].value == 82.4);
    TEST_ASSERT_TRUE(back.metrics[1].is_bool);
    TEST_ASSERT_TRUE(back.metrics[1].value == 1);
    TEST_ASSERT_TRUE(back.metrics[2].value == 4.9e-324);
    TEST_ASSERT_TRUE(back.metrics[3].value == -1e300);
    TEST_ASSERT_FALSE(pulse_record_get_reading(buf, n - 1, &back));
    TEST_ASSERT_FALSE(pulse_record_get_reading(buf, n + 1, &back));
}

static void test_metric_names_and_counts_are_checked(void) {
    pulse_reading r;
    memset(&r, 0, sizeof r);
    TEST_ASSERT_FALSE(pulse_reading_add(&r, "1st", 1, false));
    TEST_ASSERT_FALSE(pulse_reading_add(&r, "with space", 1, false));
    TEST_ASSERT_FALSE(pulse_reading_add(&r, "a_name_of_more_than_31_characters", 1, false));
    TEST_ASSERT_FALSE(pulse_reading_add(&r, "", 1, false));
    for (int i = 0; i < PULSE_READING_MAX_METRICS; i++) {
        TEST_ASSERT_TRUE(pulse_reading_add(&r, "m", i, false));
    }
    TEST_ASSERT_FALSE(pulse_reading_add(&r, "m", 0, false));
    uint8_t buf[PULSE_RECORD_MAX];
    TEST_ASSERT_GREATER_THAN(0, pulse_record_put_reading(&r, buf, sizeof buf));
}

static void test_garbage_is_no_record(void) {
    uint8_t junk[20] = {9};
    TEST_ASSERT_EQUAL_INT(0, pulse_record_kind_of(junk, sizeof junk));
    TEST_ASSERT_EQUAL_INT(0, pulse_record_kind_of(junk, 3));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_a_hashed_sighting_round_trips);
    RUN_TEST(test_a_raw_sighting_keeps_six_octets);
    RUN_TEST(test_a_reading_round_trips_with_every_double_bit);
    RUN_TEST(test_metric_names_and_counts_are_checked);
    RUN_TEST(test_garbage_is_no_record);
    return UNITY_END();
}
