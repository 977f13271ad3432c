/* The uplink: nothing leaves the buffer before its PUBACK, an outage resends, order is kept,
 * and what can never be sent is dropped and counted instead of blocking the rest. */
#include <string.h>

#include "fixtures.h"
#include "pulse/uplink.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static uint8_t bytes[4096];
static pulse_ring_state state;
static pulse_ring ring;
static pulse_clock clk;
static pulse_uplink up;
static char payload[8192];

/* A fake MQTT client: remembers what was published, or refuses. */
static struct {
    int next_id;
    bool refuse;
    int published;
    char topic[PULSE_TOPIC_MAX];
    char last[8192];
} broker;

static int fake_publish(void *ctx, const char *topic, const char *p, size_t len) {
    (void)ctx;
    if (broker.refuse) {
        return -1;
    }
    broker.published++;
    strcpy(broker.topic, topic);
    memcpy(broker.last, p, len);
    broker.last[len] = '\0';
    return ++broker.next_id;
}

static void fresh(uint32_t max_objects) {
    memset(&broker, 0, sizeof broker);
    memset(&state, 0, sizeof state);
    pulse_ring_open(&ring, pulse_storage_memory(bytes, sizeof bytes), &state);
    pulse_clock_init(&clk, 1);
    pulse_clock_sync(&clk, FIXTURE_WALL_MS, 0);
    pulse_uplink_config cfg = {"main", "main-in-1", "in", "main-in-1", {max_objects, 4096}};
    pulse_mqtt_port port = {fake_publish, NULL};
    TEST_ASSERT_TRUE(pulse_uplink_init(&up, &ring, &clk, port, &cfg, payload, sizeof payload));
}

static void test_topics_follow_the_contract(void) {
    fresh(10);
    TEST_ASSERT_EQUAL_STRING("campus/gates/main/sightings", up.sightings_topic);
    TEST_ASSERT_EQUAL_STRING("devices/main-in-1/telemetry", up.telemetry_topic);
    pulse_uplink_config bad = {"main gate", "s", "in", NULL, {1, 1}};
    pulse_mqtt_port port = {fake_publish, NULL};
    TEST_ASSERT_FALSE(pulse_uplink_init(&up, &ring, &clk, port, &bad, payload, sizeof payload));
    pulse_uplink_config wildcard = {NULL, NULL, NULL, "dev/+", {1, 1}};
    TEST_ASSERT_FALSE(pulse_uplink_init(&up, &ring, &clk, port, &wildcard, payload, sizeof payload));
}

static void test_records_leave_the_buffer_only_when_acknowledged(void) {
    fresh(10);
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS));
    TEST_ASSERT_EQUAL_UINT32(0, pulse_uplink_poll(&up)); /* not connected */
    pulse_uplink_connected(&up);
    TEST_ASSERT_EQUAL_UINT32(1, pulse_uplink_poll(&up));
    TEST_ASSERT_EQUAL_STRING("campus/gates/main/sightings", broker.topic);
    TEST_ASSERT_EQUAL_UINT32(0, pulse_uplink_poll(&up)); /* one message in flight */
    TEST_ASSERT_EQUAL_UINT32(1, pulse_ring_count(&ring));
    pulse_uplink_acked(&up, 99); /* someone else's PUBACK */
    TEST_ASSERT_EQUAL_UINT32(1, pulse_ring_count(&ring));
    pulse_uplink_acked(&up, 1);
    TEST_ASSERT_EQUAL_UINT32(0, pulse_ring_count(&ring));
    TEST_ASSERT_TRUE(pulse_uplink_idle(&up));
    TEST_ASSERT_EQUAL_UINT32(1, up.stats.records);
}

static void test_an_outage_resends_the_unacknowledged_message_in_order(void) {
    fresh(2);
    for (int i = 0; i < 5; i++) {
        fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 1000 * i), 20 + i);
    }
    pulse_uplink_connected(&up);
    TEST_ASSERT_EQUAL_UINT32(2, pulse_uplink_poll(&up));
    char first[8192];
    strcpy(first, broker.last);
    pulse_uplink_disconnected(&up); /* the PUBACK never came */
    TEST_ASSERT_EQUAL_UINT32(0, pulse_uplink_poll(&up));
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 5000), 25); /* taken during the outage */
    pulse_uplink_connected(&up);
    TEST_ASSERT_EQUAL_UINT32(2, pulse_uplink_poll(&up));
    TEST_ASSERT_EQUAL_STRING(first, broker.last); /* the same message again */
    int temperatures[6], n = 0;
    for (;;) {
        pulse_uplink_acked(&up, broker.next_id);
        if (pulse_uplink_poll(&up) == 0) break;
        const char *p = broker.last;
        while ((p = strstr(p, "\"temperature\":")) != NULL) {
            p += strlen("\"temperature\":");
            temperatures[n++] = (p[0] - '0') * 10 + (p[1] - '0');
        }
    }
    TEST_ASSERT_EQUAL_INT(4, n); /* the 2 acknowledged at first were not counted here */
    for (int i = 0; i < 4; i++) {
        TEST_ASSERT_EQUAL_INT(22 + i, temperatures[i]);
    }
    TEST_ASSERT_TRUE(pulse_uplink_idle(&up));
    TEST_ASSERT_EQUAL_UINT32(6, up.stats.records);
}

static void test_evictions_while_in_flight_are_not_dropped_twice(void) {
    fresh(3);
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS), 20);
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 1), 21);
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 2), 22);
    pulse_uplink_connected(&up);
    TEST_ASSERT_EQUAL_UINT32(3, pulse_uplink_poll(&up));
    uint32_t before = pulse_ring_evicted(&ring);
    int i = 0;
    while (pulse_ring_evicted(&ring) - before < 2) { /* fill until two in-flight records go */
        fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS + 10 + i++), 30);
    }
    uint32_t count = pulse_ring_count(&ring);
    pulse_uplink_acked(&up, broker.next_id);
    TEST_ASSERT_EQUAL_UINT32(count - 1, pulse_ring_count(&ring)); /* only the third was left */
    TEST_ASSERT_EQUAL_UINT32(1, pulse_uplink_poll(&up) > 0);
    TEST_ASSERT_NOT_NULL(strstr(broker.last, "\"temperature\":30"));
}

static void test_a_refused_publish_keeps_everything(void) {
    fresh(10);
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS));
    pulse_uplink_connected(&up);
    broker.refuse = true;
    TEST_ASSERT_EQUAL_UINT32(0, pulse_uplink_poll(&up));
    TEST_ASSERT_EQUAL_UINT32(1, up.stats.publish_errors);
    broker.refuse = false;
    TEST_ASSERT_EQUAL_UINT32(1, pulse_uplink_poll(&up));
}

static void test_an_undatable_record_is_dropped_and_counted_not_stuck(void) {
    fresh(10);
    pulse_clock earlier;
    pulse_clock_init(&earlier, 42);
    fixture_push_reading(&ring, pulse_clock_stamp(&earlier, 5), 21);
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS), 22);
    pulse_uplink_connected(&up);
    TEST_ASSERT_EQUAL_UINT32(1, pulse_uplink_poll(&up));
    TEST_ASSERT_NOT_NULL(strstr(broker.last, "\"temperature\":22"));
    TEST_ASSERT_EQUAL_UINT32(1, up.stats.untimed);
}

static void test_a_kind_without_a_topic_is_dropped(void) {
    fresh(10);
    pulse_uplink_config node = {NULL, NULL, NULL, "R1", {10, 4096}};
    pulse_mqtt_port port = {fake_publish, NULL};
    TEST_ASSERT_TRUE(pulse_uplink_init(&up, &ring, &clk, port, &node, payload, sizeof payload));
    fixture_push_sighting(&ring, fixture_wall(FIXTURE_WALL_MS));
    fixture_push_reading(&ring, fixture_wall(FIXTURE_WALL_MS), 22);
    pulse_uplink_connected(&up);
    TEST_ASSERT_EQUAL_UINT32(1, pulse_uplink_poll(&up));
    TEST_ASSERT_EQUAL_STRING("devices/R1/telemetry", broker.topic);
    TEST_ASSERT_EQUAL_UINT32(1, up.stats.unsendable);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_topics_follow_the_contract);
    RUN_TEST(test_records_leave_the_buffer_only_when_acknowledged);
    RUN_TEST(test_an_outage_resends_the_unacknowledged_message_in_order);
    RUN_TEST(test_evictions_while_in_flight_are_not_dropped_twice);
    RUN_TEST(test_a_refused_publish_keeps_everything);
    RUN_TEST(test_an_undatable_record_is_dropped_and_counted_not_stuck);
    RUN_TEST(test_a_kind_without_a_topic_is_dropped);
    return UNITY_END();
}
