/* The contract's ts text, computed without a C library's time functions. */
#include <string.h>

#include "pulse/iso_time.h"
#include "pulse/limits.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static const char *iso(int64_t ms) {
    static char out[PULSE_ISO_TIME_LEN + 1];
    return pulse_iso_time(ms, out) ? out : "INVALID";
}

static void test_known_instants(void) {
    TEST_ASSERT_EQUAL_STRING("2000-01-01T00:00:00.000Z", iso(PULSE_MIN_EPOCH_MS));
    TEST_ASSERT_EQUAL_STRING("2026-03-02T08:00:01.250Z", iso(1772438401250LL));
    TEST_ASSERT_EQUAL_STRING("2024-02-29T23:59:59.999Z", iso(1709251199999LL));
    TEST_ASSERT_EQUAL_STRING("2099-12-31T23:59:59.999Z", iso(4102444799999LL));
    TEST_ASSERT_EQUAL_STRING("2100-03-01T00:00:00.000Z", iso(4107542400000LL)); /* 2100 is no leap year */
    TEST_ASSERT_EQUAL_STRING("2038-01-19T03:14:08.000Z", iso(2147483648000LL)); /* past 32-bit time_t */
}

static void test_before_2000_is_not_a_time(void) {
    TEST_ASSERT_EQUAL_STRING("INVALID", iso(PULSE_MIN_EPOCH_MS - 1));
    TEST_ASSERT_EQUAL_STRING("INVALID", iso(0));
    TEST_ASSERT_EQUAL_STRING("INVALID", iso(-1));
}

/* Every day from 2000 to 2200: the next day is the day after, by the calendar's rules. */
static void test_every_day_follows_the_one_before(void) {
    char prev[PULSE_ISO_TIME_LEN + 1];
    char cur[PULSE_ISO_TIME_LEN + 1];
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    TEST_ASSERT_TRUE(pulse_iso_time(PULSE_MIN_EPOCH_MS + 43200000, prev));
    for (int64_t day = 1; day < 73049; day++) {
        TEST_ASSERT_TRUE(pulse_iso_time(PULSE_MIN_EPOCH_MS + day * 86400000 + 43200000, cur));
        int y = (prev[0] - '0') * 1000 + (prev[1] - '0') * 100 + (prev[2] - '0') * 10 + (prev[3] - '0');
        int m = (prev[5] - '0') * 10 + (prev[6] - '0');
        int d = (prev[8] - '0') * 10 + (prev[9] - '0');
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int length = DAYS[m - 1] + (m == 2 && leap ? 1 : 0);
        if (++d > length) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
        char expected[PULSE_ISO_TIME_LEN + 1];
        memcpy(expected, prev, sizeof expected);
        expected[0] = (char)('0' + y / 1000);
        expected[1] = (char)('0' + y / 100 % 10);
        expected[2] = (char)('0' + y / 10 % 10);
        expected[3] = (char)('0' + y % 10);
        expected[5] = (char)('0' + m / 10);
        expected[6] = (char)('0' + m % 10);
        expected[8] = (char)('0' + d / 10);
        expected[9] = (char)('0' + d % 10);
        TEST_ASSERT_EQUAL_STRING(expected, cur);
        memcpy(prev, cur, sizeof prev);
    }
    TEST_ASSERT_EQUAL_STRING("2199-12-31T12:00:00.000Z", cur);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_known_instants);
    RUN_TEST(test_before_2000_is_not_a_time);
    RUN_TEST(test_every_day_follows_the_one_before);
    return UNITY_END();
}
