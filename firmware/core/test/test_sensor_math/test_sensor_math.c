/* Sensor conversions: the DHT22's frame, dividers, log-log curves and the battery curve. */
#include <math.h>

#include "pulse/sensor_math.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static void test_dht22_frames(void) {
    double c, h;
    const uint8_t datasheet[5] = {0x02, 0x8C, 0x01, 0x5F, 0xEE}; /* 65.2 %RH, 35.1 °C */
    TEST_ASSERT_TRUE(pulse_dht22_decode(datasheet, &c, &h));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 35.1, c);
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 65.2, h);
    const uint8_t frost[5] = {0x01, 0xF4, 0x80, 0x65, 0xDA}; /* 50.0 %RH, -10.1 °C */
    TEST_ASSERT_TRUE(pulse_dht22_decode(frost, &c, &h));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, -10.1, c);
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 50.0, h);
    const uint8_t bad_sum[5] = {0x02, 0x8C, 0x01, 0x5F, 0xEF};
    TEST_ASSERT_FALSE(pulse_dht22_decode(bad_sum, &c, &h));
    const uint8_t impossible[5] = {0x03, 0xE9, 0x00, 0x00, 0xEC}; /* 100.1 %RH */
    TEST_ASSERT_FALSE(pulse_dht22_decode(impossible, &c, &h));
}

static void test_divider_and_power_law(void) {
    TEST_ASSERT_DOUBLE_WITHIN(1e-6, 10000.0, pulse_divider_upper_ohms(3.3, 1.65, 10000));
    TEST_ASSERT_DOUBLE_WITHIN(1e-6, 30000.0, pulse_divider_upper_ohms(4.0, 1.0, 10000));
    TEST_ASSERT_TRUE(isnan(pulse_divider_upper_ohms(3.3, 0, 10000)));
    TEST_ASSERT_TRUE(isnan(pulse_divider_upper_ohms(3.3, 3.3, 10000)));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 400.0, pulse_power_law(4.0, 100, 1));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 25.0, pulse_power_law(2.0, 100, -2));
    TEST_ASSERT_TRUE(isnan(pulse_power_law(0, 1, 1)));
}

static void test_lipo_percent(void) {
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 0, pulse_lipo_percent(3.0));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 100, pulse_lipo_percent(4.25));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 50, pulse_lipo_percent(3.84));
    TEST_ASSERT_DOUBLE_WITHIN(1e-6, 52.5, pulse_lipo_percent(3.845));
    TEST_ASSERT_DOUBLE_WITHIN(1e-9, 0, pulse_lipo_percent(NAN));
    double previous = -1;
    for (double v = 3.2; v <= 4.25; v += 0.01) { /* never falls as the voltage rises */
        double p = pulse_lipo_percent(v);
        TEST_ASSERT_TRUE(p >= previous && p >= 0 && p <= 100);
        previous = p;
    }
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_dht22_frames);
    RUN_TEST(test_divider_and_power_law);
    RUN_TEST(test_lipo_percent);
    return UNITY_END();
}
