/* Messages built from the buffer: the contract's JSON exactly, one kind per message, in order,
 * within the contract's limits, and nothing sent before its time is known. */
#include <string.h>

#include "fixtures.h"
#include "pulse/batch.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static uint8_t bytes[40000];
static pulse_ring_state state;
static pulse_ring ring;
static pulse_clock clk;
static char payload[70000];
static const pulse_batch_identity WHO = {"main-in-1", "in", "R1"};

#define ALICE_AT(ts) "{\"scanner\":\"main-in-1\",\"role\":\"in\",\"ts\":\"" ts "\",\"macHash\":\"" \
    FIXTURE_ALICE_HASH "\",\"rssi\":-61,\"randomized\":false}"

static void fresh(void) {
    memset(&state, 0, sizeof state);
    pulse_ring_open(&ring, pulse_storage_memory(bytes, sizeof bytes), &state);
    pulse_clock_init(&clk, 1);
}

static pulse_batch build(uint32_t max_objects, size_t max_bytes) {
    pulse_batch_limits limits = {max_objects, max_bytes};
    return pulse_batch_build(&ring, &clk, &WHO, limits, payload, sizeof payload);
}

static void test_one_record_is_one_object_exactly_as_the_contract_says(void) {
    fresh();
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS));
    pulse_batch b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(PULSE_BATCH_READY, b.status);
    TEST_ASSERT_EQUAL_INT(1, b.records);
    TEST_ASSERT_EQUAL_STRING(ALICE_AT("2026-03-02T08:00:01.250Z"), payload);
    TEST_ASSERT_EQUAL_INT(strlen(payload), b.len);
    TEST_ASSERT_EQUAL_UINT32(1, pulse_ring_count(&ring)); /* building removes nothing */
}

static void test_several_records_are_an_array_oldest_first(void) {
    fresh();
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS));
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS + 61000));
    pulse_batch b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(2, b.records);
    TEST_ASSERT_EQUAL_STRING("[" ALICE_AT("2026-03-02T08:00:01.250Z") "," ALICE_AT("2026-03-02T08:01:02.250Z") "]",
                             payload);
}

static void test_a_reading(void) {
    fresh();
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS), 82.4);
    pulse_batch b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(PULSE_RECORD_READING, b.kind);
    TEST_ASSERT_EQUAL_STRING("{\"deviceId\":\"R1\",\"ts\":\"2026-03-02T08:00:01.250Z\",\"temperature\":82.4,\"flame\":false}",
                             payload);
}

static void test_one_kind_per_message(void) {
    fresh();
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS));
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS + 1));
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 2), 20);
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS + 3));
    pulse_batch b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(PULSE_RECORD_SIGHTING, b.kind);
    TEST_ASSERT_EQUAL_INT(2, b.records);
    pulse_ring_drop(&ring, 2);
    b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(PULSE_RECORD_READING, b.kind);
    TEST_ASSERT_EQUAL_INT(1, b.records);
}

static void test_object_and_byte_limits(void) {
    fresh();
    for (int i = 0; i < 5; i++) {
        fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS + i));
    }
    TEST_ASSERT_EQUAL_INT(3, build(3, 16384).records);
    size_t one = strlen(ALICE_AT("2026-03-02T08:00:01.250Z"));
    /* two objects need [ , ] besides themselves: one byte less and only one fits */
    TEST_ASSERT_EQUAL_INT(2, build(50, 2 * one + 3).records);
    TEST_ASSERT_EQUAL_INT(1, build(50, 2 * one + 2).records);
    pulse_batch b = build(50, one - 1);
    TEST_ASSERT_EQUAL_INT(PULSE_BATCH_UNSENDABLE, b.status);
}

static void test_at_most_1000_objects_per_message(void) {
    fresh();
    for (int i = 0; i < 1100; i++) {
        pulse_reading r;
        memset(&r, 0, sizeof r);
        r.at = fixture_wall(FIXTURE_WALL_MS + i);
        pulse_reading_add(&r, "a", 1, false);
        uint8_t rec[64];
        size_t n = pulse_record_put_reading(&r, rec, sizeof rec);
        TEST_ASSERT_EQUAL_INT(0, pulse_ring_push(&ring, rec, (uint32_t)n));
    }
    pulse_batch b = build(5000, 1 << 20);
    TEST_ASSERT_EQUAL_INT(1000, b.records);
    TEST_ASSERT_LESS_OR_EQUAL(65536, b.len);
}

static void test_at_most_64_kib_per_message(void) {
    fresh();
    for (int i = 0; i < 230; i++) { /* about 170 bytes each: 39 KB */
        fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS + i));
    }
    pulse_batch b = build(1000, 1 << 20);
    TEST_ASSERT_EQUAL_INT(230, b.records);
    static uint8_t more[70000];
    pulse_ring_state more_state;
    memset(&more_state, 0, sizeof more_state);
    pulse_ring_open(&ring, pulse_storage_memory(more, sizeof more), &more_state);
    for (int i = 0; i < 450; i++) { /* 76 KB of JSON */
        fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS + i));
    }
    b = build(1000, 1 << 20);
    TEST_ASSERT_LESS_OR_EQUAL(65536, b.len);
    TEST_ASSERT_GREATER_THAN(65536 - 200, b.len); /* full up to the last object that fits */
    TEST_ASSERT_LESS_THAN(450, b.records);
}

static void test_nothing_goes_out_before_its_time_is_known(void) {
    fresh();
    fixture_push_reading(&ring, pulse_clock_stamp(&clk, 2000), 21); /* clock not set */
    pulse_batch b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(PULSE_BATCH_WAIT_CLOCK, b.status);
    TEST_ASSERT_EQUAL_INT(0, b.records);
    pulse_clock_sync(&clk, FIXTURE_WALL_MS, 3000); /* the reading was taken a second before */
    b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(PULSE_BATCH_READY, b.status);
    TEST_ASSERT_EQUAL_STRING("{\"deviceId\":\"R1\",\"ts\":\"2026-03-02T08:00:00.250Z\",\"temperature\":21,\"flame\":false}",
                             payload);
}

static void test_order_is_kept_behind_a_record_that_waits(void) {
    fresh();
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS), 21);
    fixture_push_reading(&ring, pulse_clock_stamp(&clk, 5), 22); /* waits for the clock */
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 2), 23);
    pulse_batch b = build(50, 16384);
    TEST_ASSERT_EQUAL_INT(1, b.records);
}

static void test_an_earlier_boots_undated_record_is_a_dead_head(void) {
    fresh();
    pulse_clock earlier;
    pulse_clock_init(&earlier, 99);
    fixture_push_reading(&ring, pulse_clock_stamp(&earlier, 5), 21);
    pulse_clock_sync(&clk, FIXTURE_WALL_MS, 0);
    TEST_ASSERT_EQUAL_INT(PULSE_BATCH_DEAD_HEAD, build(50, 16384).status);
    pulse_ring_drop(&ring, 1);
    TEST_ASSERT_EQUAL_INT(PULSE_BATCH_EMPTY, build(50, 16384).status);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_one_record_is_one_object_exactly_as_the_contract_says);
    RUN_TEST(test_several_records_are_an_array_oldest_first);
    RUN_TEST(test_a_reading);
    RUN_TEST(test_one_kind_per_message);
    RUN_TEST(test_object_and_byte_limits);
    RUN_TEST(test_at_most_1000_objects_per_message);
    RUN_TEST(test_at_most_64_kib_per_message);
    RUN_TEST(test_nothing_goes_out_before_its_time_is_known);
    RUN_TEST(test_order_is_kept_behind_a_record_that_waits);
    RUN_TEST(test_an_earlier_boots_undated_record_is_a_dead_head);
    return UNITY_END();
}
