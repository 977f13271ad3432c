/* Which frames are sightings: those a station transmits, never an access point's. */
#include <string.h>

#include "pulse/wifi_frame.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static const uint8_t PHONE[6] = {0xa4, 0x5e, 0x60, 0x12, 0x34, 0x56};
static const uint8_t AP[6] = {0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e};
static const uint8_t BROADCAST[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

/* A 24-byte 802.11 header with a few body bytes. */
static size_t frame(uint8_t *f, unsigned type, unsigned subtype, int to_ds, int from_ds,
                    const uint8_t *a1, const uint8_t *a2, const uint8_t *a3) {
    memset(f, 0, 32);
    f[0] = (uint8_t)(type << 2 | subtype << 4);
    f[1] = (uint8_t)((to_ds ? 1 : 0) | (from_ds ? 2 : 0));
    memcpy(f + 4, a1, 6);
    memcpy(f + 10, a2, 6);
    memcpy(f + 16, a3, 6);
    return 32;
}

static void test_probe_request_is_the_phone(void) {
    uint8_t f[32];
    pulse_frame_sender s;
    size_t n = frame(f, 0, 4, 0, 0, BROADCAST, PHONE, BROADCAST);
    TEST_ASSERT_TRUE(pulse_wifi_frame_sender(f, n, &s));
    TEST_ASSERT_EQUAL_MEMORY(PHONE, s.station.octet, 6);
    TEST_ASSERT_FALSE(s.data_to_ap);
    TEST_ASSERT_EQUAL_MEMORY(BROADCAST, s.bssid.octet, 6);
}

static void test_association_and_auth_from_a_phone_count(void) {
    uint8_t f[32];
    pulse_frame_sender s;
    TEST_ASSERT_TRUE(pulse_wifi_frame_sender(f, frame(f, 0, 0, 0, 0, AP, PHONE, AP), &s));
    TEST_ASSERT_EQUAL_MEMORY(PHONE, s.station.octet, 6);
    TEST_ASSERT_TRUE(pulse_wifi_frame_sender(f, frame(f, 0, 11, 0, 0, AP, PHONE, AP), &s));
    TEST_ASSERT_TRUE(pulse_wifi_frame_sender(f, frame(f, 0, 13, 0, 0, AP, PHONE, AP), &s));
}

static void test_frames_from_access_points_do_not(void) {
    uint8_t f[32];
    pulse_frame_sender s;
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 0, 8, 0, 0, BROADCAST, AP, AP), &s)); /* beacon */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 0, 5, 0, 0, PHONE, AP, AP), &s));     /* probe response */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 0, 1, 0, 0, PHONE, AP, AP), &s));     /* assoc response */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 0, 11, 0, 0, PHONE, AP, AP), &s));    /* auth by the AP */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 2, 0, 0, 1, PHONE, AP, AP), &s));     /* data from the AP */
}

static void test_data_to_the_access_point_is_an_associated_phone(void) {
    uint8_t f[32];
    pulse_frame_sender s;
    TEST_ASSERT_TRUE(pulse_wifi_frame_sender(f, frame(f, 2, 8, 1, 0, AP, PHONE, BROADCAST), &s)); /* QoS data */
    TEST_ASSERT_EQUAL_MEMORY(PHONE, s.station.octet, 6);
    TEST_ASSERT_TRUE(s.data_to_ap);
    TEST_ASSERT_EQUAL_MEMORY(AP, s.bssid.octet, 6);
    TEST_ASSERT_TRUE(pulse_wifi_frame_sender(f, frame(f, 2, 4, 1, 0, AP, PHONE, AP), &s)); /* null data */
}

static void test_control_mesh_short_and_group_frames_are_not_sightings(void) {
    uint8_t f[32];
    pulse_frame_sender s;
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 1, 11, 0, 0, AP, PHONE, AP), &s)); /* RTS */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 2, 0, 1, 1, AP, PHONE, AP), &s));  /* WDS */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 2, 0, 0, 0, AP, PHONE, AP), &s));  /* ad hoc */
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, frame(f, 0, 4, 0, 0, BROADCAST, BROADCAST, BROADCAST), &s));
    frame(f, 0, 4, 0, 0, BROADCAST, PHONE, BROADCAST);
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(f, 23, &s));
    TEST_ASSERT_FALSE(pulse_wifi_frame_sender(NULL, 32, &s));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_probe_request_is_the_phone);
    RUN_TEST(test_association_and_auth_from_a_phone_count);
    RUN_TEST(test_frames_from_access_points_do_not);
    RUN_TEST(test_data_to_the_access_point_is_an_associated_phone);
    RUN_TEST(test_control_mesh_short_and_group_frames_are_not_sightings);
    return UNITY_END();
}
