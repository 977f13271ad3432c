/* The clock never invents a time: unset it stamps monotonic time, dated once SNTP answers. */
#include "pulse/clock.h"
#include "pulse/limits.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

#define WALL 1772438400000LL /* 2026-03-02T08:00:00Z */

static void test_before_the_first_sync_readings_wait(void) {
    pulse_clock c;
    int64_t wall = -1;
    pulse_clock_init(&c, 7);
    pulse_stamp s = pulse_clock_stamp(&c, 1500);
    TEST_ASSERT_EQUAL_INT(PULSE_STAMP_MONO, s.kind);
    TEST_ASSERT_EQUAL_INT(7, s.boot_id);
    TEST_ASSERT_EQUAL_INT(PULSE_TIME_NOT_YET, pulse_clock_resolve(&c, &s, &wall));
    TEST_ASSERT_EQUAL_INT64(-1, wall);
    /* then SNTP: wall time WALL at monotonic 10,000 ms; the reading was 8.5 s earlier */
    TEST_ASSERT_TRUE(pulse_clock_sync(&c, WALL, 10000));
    TEST_ASSERT_EQUAL_INT(PULSE_TIME_OK, pulse_clock_resolve(&c, &s, &wall));
    TEST_ASSERT_EQUAL_INT64(WALL - 8500, wall);
}

static void test_an_unset_rtc_is_not_a_sync(void) {
    pulse_clock c;
    pulse_clock_init(&c, 1);
    TEST_ASSERT_FALSE(pulse_clock_sync(&c, 5000, 5000)); /* 1970: an RTC that was never set */
    TEST_ASSERT_FALSE(pulse_clock_sync(&c, PULSE_MIN_EPOCH_MS - 1, 0));
    TEST_ASSERT_FALSE(c.set);
    TEST_ASSERT_EQUAL_INT(PULSE_STAMP_MONO, pulse_clock_stamp(&c, 1).kind);
}

static void test_after_the_sync_readings_carry_wall_time(void) {
    pulse_clock c;
    int64_t wall;
    pulse_clock_init(&c, 1);
    pulse_clock_sync(&c, WALL, 2000);
    pulse_stamp s = pulse_clock_stamp(&c, 2250);
    TEST_ASSERT_EQUAL_INT(PULSE_STAMP_WALL, s.kind);
    TEST_ASSERT_EQUAL_INT64(WALL + 250, s.ms);
    pulse_clock d; /* a wall stamp is good in any later boot, set or not */
    pulse_clock_init(&d, 2);
    TEST_ASSERT_EQUAL_INT(PULSE_TIME_OK, pulse_clock_resolve(&d, &s, &wall));
    TEST_ASSERT_EQUAL_INT64(WALL + 250, wall);
}

static void test_monotonic_time_of_an_earlier_boot_can_never_be_dated(void) {
    pulse_clock before, after;
    int64_t wall;
    pulse_clock_init(&before, 1);
    pulse_stamp s = pulse_clock_stamp(&before, 300);
    pulse_clock_init(&after, 2);
    pulse_clock_sync(&after, WALL, 100);
    TEST_ASSERT_EQUAL_INT(PULSE_TIME_NEVER, pulse_clock_resolve(&after, &s, &wall));
}

static void test_a_time_before_2000_is_never_produced(void) {
    pulse_clock c;
    int64_t wall;
    pulse_clock_init(&c, 1);
    pulse_stamp early = pulse_clock_stamp(&c, 0);
    pulse_clock_sync(&c, PULSE_MIN_EPOCH_MS + 10, 1000); /* the reading would be 1999 */
    TEST_ASSERT_EQUAL_INT(PULSE_TIME_NEVER, pulse_clock_resolve(&c, &early, &wall));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_before_the_first_sync_readings_wait);
    RUN_TEST(test_an_unset_rtc_is_not_a_sync);
    RUN_TEST(test_after_the_sync_readings_carry_wall_time);
    RUN_TEST(test_monotonic_time_of_an_earlier_boot_can_never_be_dated);
    RUN_TEST(test_a_time_before_2000_is_never_produced);
    return UNITY_END();
}
