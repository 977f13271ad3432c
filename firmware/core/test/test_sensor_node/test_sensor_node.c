/* The sensor node from measured values to the contract's telemetry JSON. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "pulse/batch.h"
#include "pulse/sensor_node.h"
#include "unity.h"

static uint8_t bytes[4096];
static pulse_ring_state state;
static pulse_ring ring;
static pulse_clock clk;
static pulse_sensor_node node;
static char payload[4096];

static void start(const pulse_dp_metric *privacy, unsigned n, const pulse_random *rng, uint32_t ring_size) {
    memset(&state, 0, sizeof state);
    pulse_ring_open(&ring, pulse_storage_memory(bytes, ring_size), &state);
    pulse_clock_init(&clk, 1);
    pulse_clock_sync(&clk, FIXTURE_WALL_MS, 0);
    pulse_node_config cfg = {privacy, n, rng};
    TEST_ASSERT_TRUE(pulse_node_init(&node, &cfg, &ring, &clk));
}

void setUp(void) {
    start(NULL, 0, NULL, sizeof bytes);
}

void tearDown(void) {}

static pulse_reading measured(double temperature, double humidity, double light, bool motion) {
    pulse_reading r;
    memset(&r, 0, sizeof r);
    pulse_reading_add(&r, "temperature", temperature, false);
    pulse_reading_add(&r, "humidity", humidity, false);
    pulse_reading_add(&r, "light", light, false);
    pulse_reading_add(&r, "motion", motion, true);
    return r;
}

static const char *next_message(void) {
    pulse_batch_identity who = {NULL, NULL, "lab-2"};
    pulse_batch_limits limits = {1, 4096};
    pulse_batch b = pulse_batch_build(&ring, &clk, &who, limits, payload, sizeof payload);
    if (b.status != PULSE_BATCH_READY) {
        return "NONE";
    }
    pulse_ring_drop(&ring, 1);
    return payload;
}

static void test_without_privacy_settings_values_go_out_as_measured(void) {
    pulse_reading m = measured(21.5, 40, 320.25, true);
    TEST_ASSERT_EQUAL_INT(0, pulse_node_record(&node, &m, 250, NULL));
    TEST_ASSERT_EQUAL_STRING("{\"deviceId\":\"lab-2\",\"ts\":\"2026-03-02T08:00:01.500Z\",\"temperature\":21.5,"
                             "\"humidity\":40,\"light\":320.25,\"motion\":true,\"bufferEvicted\":0}",
                             next_message());
}

static void test_sensor_faults_are_left_out_and_counted(void) {
    pulse_reading m = measured(NAN, 120, 10, false);
    pulse_reading_add(&m, "custom_metric", 7, false);
    TEST_ASSERT_EQUAL_INT(0, pulse_node_record(&node, &m, 0, NULL));
    TEST_ASSERT_EQUAL_UINT32(2, node.stats.faults);
    TEST_ASSERT_EQUAL_STRING("{\"deviceId\":\"lab-2\",\"ts\":\"2026-03-02T08:00:01.250Z\",\"light\":10,"
                             "\"motion\":false,\"custom_metric\":7,\"bufferEvicted\":0}",
                             next_message());
    pulse_reading wrong_type;
    memset(&wrong_type, 0, sizeof wrong_type);
    pulse_reading_add(&wrong_type, "temperature", 1, true);
    TEST_ASSERT_EQUAL_INT(-1, pulse_node_record(&node, &wrong_type, 0, NULL)); /* nothing valid */
}

static void test_privacy_noise_applies_per_metric_within_range(void) {
    static const pulse_dp_metric privacy[] = {{"light", {0.5, 100}}, {"motion", {0.5, 1}}};
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, 9);
    start(privacy, 2, &rng, sizeof bytes);
    int light_changed = 0, motion_flipped = 0;
    for (int i = 0; i < 50; i++) {
        pulse_reading m = measured(21.5, 40, 320, true), sent;
        TEST_ASSERT_GREATER_OR_EQUAL(0, pulse_node_record(&node, &m, i, &sent));
        TEST_ASSERT_TRUE(sent.metrics[0].value == 21.5); /* temperature: no setting, no noise */
        TEST_ASSERT_TRUE(sent.metrics[1].value == 40);
        TEST_ASSERT_TRUE(sent.metrics[2].value >= 0 && sent.metrics[2].value <= 200000);
        light_changed += sent.metrics[2].value != 320;
        motion_flipped += sent.metrics[3].value == 0;
    }
    TEST_ASSERT_EQUAL_INT(50, light_changed);
    TEST_ASSERT_GREATER_THAN(5, motion_flipped); /* keeps the bit with p = 0.62 */
    TEST_ASSERT_LESS_THAN(35, motion_flipped);
}

static void test_privacy_without_a_random_source_refuses_to_start(void) {
    static const pulse_dp_metric privacy[] = {{"light", {0.5, 100}}};
    pulse_node_config cfg = {privacy, 1, NULL};
    TEST_ASSERT_FALSE(pulse_node_init(&node, &cfg, &ring, &clk));
}

static void test_evictions_are_reported_with_the_next_reading(void) {
    start(NULL, 0, NULL, 400); /* room for about 4 readings */
    pulse_reading m = measured(21.5, 40, 320, true);
    int evicted = 0;
    for (int i = 0; i < 10; i++) {
        evicted += pulse_node_record(&node, &m, i * 1000, NULL);
    }
    TEST_ASSERT_GREATER_THAN(0, evicted);
    TEST_ASSERT_EQUAL_UINT32((uint32_t)evicted, pulse_ring_evicted(&ring));
    const char *first = next_message(); /* the oldest left already knew of earlier evictions */
    TEST_ASSERT_NULL(strstr(first, "\"bufferEvicted\":0}"));
    pulse_ring_drop(&ring, pulse_ring_count(&ring));
    TEST_ASSERT_EQUAL_INT(0, pulse_node_record(&node, &m, 20000, NULL));
    char expected[40];
    snprintf(expected, sizeof expected, "\"bufferEvicted\":%d}", evicted);
    TEST_ASSERT_NOT_NULL(strstr(next_message(), expected));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_without_privacy_settings_values_go_out_as_measured);
    RUN_TEST(test_sensor_faults_are_left_out_and_counted);
    RUN_TEST(test_privacy_noise_applies_per_metric_within_range);
    RUN_TEST(test_privacy_without_a_random_source_refuses_to_start);
    RUN_TEST(test_evictions_are_reported_with_the_next_reading);
    return UNITY_END();
}
