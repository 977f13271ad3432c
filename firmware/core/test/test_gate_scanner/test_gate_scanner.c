/* The gate scanner from radio frame to the contract's sighting JSON. */
#include <string.h>

#include "fixtures.h"
#include "pulse/batch.h"
#include "pulse/gate_scanner.h"
#include "pulse/hmac_soft.h"
#include "unity.h"

static uint8_t bytes[8192];
static pulse_ring_state state;
static pulse_ring ring;
static pulse_clock clk;
static pulse_hmac_soft key;
static pulse_hmac_port hmac;
static pulse_debounce_slot slots[16];
static pulse_gate_scanner gate;
static char payload[8192];

static const uint8_t ALICE[6] = {0xa4, 0x5e, 0x60, 0x12, 0x34, 0x56};
static const uint8_t PRIVATE[6] = {0xda, 0xa1, 0x19, 0x00, 0x00, 0x01};
static const uint8_t CAMPUS_AP[6] = {0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e};
static const uint8_t OTHER_AP[6] = {0x00, 0x99, 0x88, 0x77, 0x66, 0x55};
static const uint8_t BROADCAST[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

static uint8_t frame[32];

static const uint8_t *probe_from(const uint8_t *station) {
    memset(frame, 0, sizeof frame);
    frame[0] = 4 << 4; /* management, probe request */
    memcpy(frame + 4, BROADCAST, 6);
    memcpy(frame + 10, station, 6);
    memcpy(frame + 16, BROADCAST, 6);
    return frame;
}

static const uint8_t *data_from(const uint8_t *station, const uint8_t *ap) {
    memset(frame, 0, sizeof frame);
    frame[0] = 2 << 2 | 8 << 4; /* QoS data */
    frame[1] = 1;               /* to DS */
    memcpy(frame + 4, ap, 6);
    memcpy(frame + 10, station, 6);
    memcpy(frame + 16, ap, 6);
    return frame;
}

static void start(bool hashed, bool associated_is_stable) {
    static const pulse_mac campus[] = {{{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e}}};
    memset(&state, 0, sizeof state);
    pulse_ring_open(&ring, pulse_storage_memory(bytes, sizeof bytes), &state);
    pulse_clock_init(&clk, 1);
    pulse_clock_sync(&clk, FIXTURE_WALL_MS, 0);
    pulse_hmac_soft_init(&key, (const uint8_t *)"campus-secret-2026", 18);
    hmac = pulse_hmac_soft_port(&key);
    pulse_gate_config cfg = {hashed ? &hmac : NULL, -85, 60000, associated_is_stable, campus, 1};
    pulse_gate_init(&gate, &cfg, &ring, &clk, slots, 16);
}

void setUp(void) {
    start(true, false);
}

void tearDown(void) {}

static const char *next_message(void) {
    pulse_batch_identity who = {"main-in-1", "in", "main-in-1"};
    pulse_batch_limits limits = {1, 8192};
    pulse_batch b = pulse_batch_build(&ring, &clk, &who, limits, payload, sizeof payload);
    if (b.status != PULSE_BATCH_READY) {
        return "NONE";
    }
    pulse_ring_drop(&ring, 1);
    return payload;
}

static void test_a_phone_becomes_a_pseudonymized_sighting(void) {
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_QUEUED, pulse_gate_frame(&gate, probe_from(ALICE), 32, -61, 0));
    TEST_ASSERT_EQUAL_STRING("{\"scanner\":\"main-in-1\",\"role\":\"in\",\"ts\":\"2026-03-02T08:00:01.250Z\","
                             "\"macHash\":\"" FIXTURE_ALICE_HASH "\",\"rssi\":-61,\"randomized\":false}",
                             next_message());
}

static void test_no_mac_is_kept_when_hashing(void) {
    pulse_gate_frame(&gate, probe_from(ALICE), 32, -61, 0);
    for (size_t i = 0; i + 6 <= sizeof bytes; i++) {
        TEST_ASSERT_FALSE(memcmp(bytes + i, ALICE, 6) == 0);
    }
    for (size_t i = 0; i < 16; i++) { /* the debounce table holds the pseudonym's first bytes */
        TEST_ASSERT_FALSE(slots[i].used && slots[i].key == 0xa45e60123456ULL);
    }
}

static void test_raw_mode_sends_the_normalized_mac(void) {
    start(false, false);
    pulse_gate_frame(&gate, probe_from(ALICE), 32, -70, 0);
    TEST_ASSERT_EQUAL_STRING("{\"scanner\":\"main-in-1\",\"role\":\"in\",\"ts\":\"2026-03-02T08:00:01.250Z\","
                             "\"mac\":\"a4:5e:60:12:34:56\",\"rssi\":-70,\"randomized\":false}",
                             next_message());
}

static void test_randomized_addresses_are_flagged(void) {
    pulse_gate_frame(&gate, probe_from(PRIVATE), 32, -61, 0);
    TEST_ASSERT_NOT_NULL(strstr(next_message(), "\"randomized\":true"));
}

static void test_a_phone_joined_to_the_campus_network_can_count_as_stable(void) {
    pulse_frame_sender joined = {{{0xda, 0xa1, 0x19, 0, 0, 1}}, true, {{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e}}};
    pulse_gate_config off = {NULL, -90, 60000, false, NULL, 0};
    TEST_ASSERT_TRUE(pulse_gate_randomized(&off, &joined)); /* the contract's default */
    start(true, true);
    pulse_gate_frame(&gate, data_from(PRIVATE, CAMPUS_AP), 32, -61, 0);
    TEST_ASSERT_NOT_NULL(strstr(next_message(), "\"randomized\":false"));
    pulse_gate_frame(&gate, data_from(PRIVATE, OTHER_AP), 32, -61, 61000);
    TEST_ASSERT_NOT_NULL(strstr(next_message(), "\"randomized\":true"));
    pulse_gate_frame(&gate, probe_from(PRIVATE), 32, -61, 122000);
    TEST_ASSERT_NOT_NULL(strstr(next_message(), "\"randomized\":true"));
}

static void test_weak_access_point_and_repeated_frames_are_not_sent(void) {
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_WEAK, pulse_gate_frame(&gate, probe_from(ALICE), 32, -86, 0));
    uint8_t beacon[32];
    memcpy(beacon, probe_from(CAMPUS_AP), 32);
    beacon[0] = 8 << 4;
    memcpy(beacon + 16, CAMPUS_AP, 6);
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_NOT_STATION, pulse_gate_frame(&gate, beacon, 32, -40, 0));
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_QUEUED, pulse_gate_frame(&gate, probe_from(ALICE), 32, -60, 1000));
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_DEBOUNCED, pulse_gate_frame(&gate, data_from(ALICE, CAMPUS_AP), 32, -60, 30000));
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_DEBOUNCED, pulse_gate_frame(&gate, probe_from(ALICE), 32, -60, 80000));
    TEST_ASSERT_EQUAL_INT(PULSE_FRAME_QUEUED, pulse_gate_frame(&gate, probe_from(ALICE), 32, -60, 140000));
    TEST_ASSERT_EQUAL_UINT32(6, gate.stats.frames);
    TEST_ASSERT_EQUAL_UINT32(2, gate.stats.queued);
    TEST_ASSERT_EQUAL_UINT32(2, gate.stats.debounced);
    TEST_ASSERT_EQUAL_UINT32(1, gate.stats.weak);
    TEST_ASSERT_EQUAL_UINT32(1, gate.stats.not_station);
}

static void test_sightings_before_sntp_get_their_time_later(void) {
    pulse_clock_init(&clk, 1); /* not set */
    pulse_gate_frame(&gate, probe_from(ALICE), 32, -61, 4000);
    TEST_ASSERT_EQUAL_STRING("NONE", next_message());
    pulse_clock_sync(&clk, FIXTURE_WALL_MS, 5000);
    TEST_ASSERT_NOT_NULL(strstr(next_message(), "\"ts\":\"2026-03-02T08:00:00.250Z\""));
}

static void test_the_scanner_reports_its_health_as_telemetry(void) {
    pulse_gate_frame(&gate, probe_from(ALICE), 32, -61, 0);
    pulse_gate_frame(&gate, probe_from(ALICE), 32, -61, 100);
    TEST_ASSERT_GREATER_OR_EQUAL(0, pulse_gate_report(&gate, 3, 200));
    next_message();
    TEST_ASSERT_EQUAL_STRING("{\"deviceId\":\"main-in-1\",\"ts\":\"2026-03-02T08:00:01.450Z\",\"bufferEvicted\":0,"
                             "\"buffered\":1,\"sightingsQueued\":1,\"debounced\":1,\"debounceUntracked\":0,"
                             "\"untimedDropped\":3}",
                             next_message());
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_a_phone_becomes_a_pseudonymized_sighting);
    RUN_TEST(test_no_mac_is_kept_when_hashing);
    RUN_TEST(test_raw_mode_sends_the_normalized_mac);
    RUN_TEST(test_randomized_addresses_are_flagged);
    RUN_TEST(test_a_phone_joined_to_the_campus_network_can_count_as_stable);
    RUN_TEST(test_weak_access_point_and_repeated_frames_are_not_sent);
    RUN_TEST(test_sightings_before_sntp_get_their_time_later);
    RUN_TEST(test_the_scanner_reports_its_health_as_telemetry);
    return UNITY_END();
}
