/* A hopping scanner sniffs offline across channels, then goes online until the buffer is sent. */
#include "pulse/channel_hop.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static const uint8_t CHANNELS[] = {1, 6, 11};
static const pulse_hop_plan PLAN = {CHANNELS, 3, 300, 20000, 10000};

static void test_sniffing_hops_over_the_channels(void) {
    pulse_hopper h;
    pulse_hopper_init(&h, &PLAN, 1000);
    int expected[] = {1, 1, 6, 11, 1, 6};
    int64_t at[] = {1000, 1299, 1300, 1600, 1900, 2200};
    for (int i = 0; i < 6; i++) {
        pulse_radio r = pulse_hopper_step(&h, at[i], true);
        TEST_ASSERT_FALSE(r.online);
        TEST_ASSERT_EQUAL_INT(expected[i], r.channel);
    }
}

static void test_after_the_sniffing_window_it_goes_online_until_drained(void) {
    pulse_hopper h;
    pulse_hopper_init(&h, &PLAN, 0);
    TEST_ASSERT_FALSE(pulse_hopper_step(&h, 19999, false).online);
    pulse_radio r = pulse_hopper_step(&h, 20000, false);
    TEST_ASSERT_TRUE(r.online);
    TEST_ASSERT_EQUAL_INT(0, r.channel);
    TEST_ASSERT_TRUE(pulse_hopper_step(&h, 25000, false).online); /* still sending */
    r = pulse_hopper_step(&h, 25100, true);                       /* drained: back to sniffing */
    TEST_ASSERT_FALSE(r.online);
    TEST_ASSERT_EQUAL_INT(1, r.channel);
    TEST_ASSERT_FALSE(pulse_hopper_step(&h, 45099, true).online);
    TEST_ASSERT_TRUE(pulse_hopper_step(&h, 45100, true).online);
}

static void test_an_uplink_window_ends_when_its_time_is_up(void) {
    pulse_hopper h;
    pulse_hopper_init(&h, &PLAN, 0);
    pulse_hopper_step(&h, 20000, false);
    TEST_ASSERT_TRUE(pulse_hopper_step(&h, 29999, false).online);
    TEST_ASSERT_FALSE(pulse_hopper_step(&h, 30000, false).online); /* the broker is away: sniff on */
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_sniffing_hops_over_the_channels);
    RUN_TEST(test_after_the_sniffing_window_it_goes_online_until_drained);
    RUN_TEST(test_an_uplink_window_ends_when_its_time_is_up);
    return UNITY_END();
}
