/* The offline buffer: order, wrap-around, oldest-first eviction counted, and a state that
 * survives (or is recognised as garbage after) a reset. */
#include <stdio.h>
#include <string.h>

#include "pulse/ring.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static uint8_t bytes[64];
static pulse_ring_state state;
static pulse_ring ring;

static void open_empty(void) {
    memset(&state, 0xA5, sizeof state); /* what RTC RAM holds after power-on */
    TEST_ASSERT_FALSE(pulse_ring_open(&ring, pulse_storage_memory(bytes, sizeof bytes), &state));
}

static void push_text(const char *text) {
    TEST_ASSERT_GREATER_OR_EQUAL(0, pulse_ring_push(&ring, text, (uint32_t)strlen(text)));
}

/* All records, oldest first, joined by '|'. */
static const char *contents(void) {
    static char out[256];
    char rec[64];
    pulse_ring_cursor c = pulse_ring_oldest(&ring);
    out[0] = '\0';
    int n;
    while ((n = pulse_ring_next(&ring, &c, rec, sizeof rec)) >= 0) {
        rec[n] = '\0';
        if (out[0]) strcat(out, "|");
        strcat(out, rec);
    }
    TEST_ASSERT_EQUAL_INT(-1, n);
    return out;
}

static void test_records_come_back_in_order(void) {
    open_empty();
    TEST_ASSERT_EQUAL_STRING("", contents());
    push_text("one");
    push_text("two");
    push_text("three");
    TEST_ASSERT_EQUAL_STRING("one|two|three", contents());
    TEST_ASSERT_EQUAL_UINT32(3, pulse_ring_count(&ring));
    TEST_ASSERT_EQUAL_UINT32(3 * 2 + 11, pulse_ring_used(&ring));
    pulse_ring_drop(&ring, 2);
    TEST_ASSERT_EQUAL_STRING("three", contents());
    TEST_ASSERT_EQUAL_UINT32(0, pulse_ring_evicted(&ring));
}

static void test_when_full_the_oldest_go_first_and_are_counted(void) {
    open_empty();
    char rec[16];
    for (int i = 0; i < 20; i++) { /* 20 x 12 bytes through a 64-byte ring, wrapping around */
        int n = snprintf(rec, sizeof rec, "record-%03d", i);
        TEST_ASSERT_GREATER_OR_EQUAL(0, pulse_ring_push(&ring, rec, (uint32_t)n));
    }
    TEST_ASSERT_EQUAL_STRING("record-015|record-016|record-017|record-018|record-019", contents());
    TEST_ASSERT_EQUAL_UINT32(15, pulse_ring_evicted(&ring));
    TEST_ASSERT_EQUAL_INT(2, pulse_ring_push(&ring, "a-longer-record-x", 17)); /* needs 2 slots */
    TEST_ASSERT_EQUAL_UINT32(17, pulse_ring_evicted(&ring));
    TEST_ASSERT_EQUAL_STRING("record-017|record-018|record-019|a-longer-record-x", contents());
}

static void test_a_record_that_can_never_fit_is_refused(void) {
    open_empty();
    uint8_t big[63];
    memset(big, 'x', sizeof big);
    TEST_ASSERT_EQUAL_INT(-1, pulse_ring_push(&ring, big, sizeof big)); /* 2 + 63 > 64 */
    TEST_ASSERT_EQUAL_INT(0, pulse_ring_push(&ring, big, 62));          /* exactly full */
    TEST_ASSERT_EQUAL_UINT32(64, pulse_ring_used(&ring));
    TEST_ASSERT_EQUAL_INT(1, pulse_ring_push(&ring, "x", 1));
    TEST_ASSERT_EQUAL_STRING("x", contents());
}

static void test_a_too_small_read_buffer_is_an_error_not_a_truncation(void) {
    open_empty();
    push_text("0123456789");
    char small[4];
    pulse_ring_cursor c = pulse_ring_oldest(&ring);
    TEST_ASSERT_EQUAL_INT(-2, pulse_ring_next(&ring, &c, small, sizeof small));
}

static void test_the_state_survives_a_reset_in_rtc_ram(void) {
    open_empty();
    push_text("before");
    push_text("the reset");
    pulse_ring again; /* the same state and bytes, opened after a reboot */
    TEST_ASSERT_TRUE(pulse_ring_open(&again, pulse_storage_memory(bytes, sizeof bytes), &state));
    ring = again;
    TEST_ASSERT_EQUAL_STRING("before|the reset", contents());
}

static void test_a_damaged_state_or_record_starts_over_and_counts_the_loss(void) {
    open_empty();
    push_text("aaa");
    push_text("bbb");
    state.head ^= 1; /* a bit flipped in RTC RAM */
    TEST_ASSERT_FALSE(pulse_ring_open(&ring, pulse_storage_memory(bytes, sizeof bytes), &state));
    TEST_ASSERT_EQUAL_UINT32(0, pulse_ring_count(&ring));

    push_text("ccc");
    push_text("ddd");
    bytes[state.tail] = 0xFF; /* the oldest record's length is garbage */
    bytes[(state.tail + 1) % sizeof bytes] = 0xFF;
    pulse_ring_drop(&ring, 1);
    TEST_ASSERT_EQUAL_UINT32(0, pulse_ring_count(&ring));
    TEST_ASSERT_EQUAL_UINT32(2, pulse_ring_evicted(&ring));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_records_come_back_in_order);
    RUN_TEST(test_when_full_the_oldest_go_first_and_are_counted);
    RUN_TEST(test_a_record_that_can_never_fit_is_refused);
    RUN_TEST(test_a_too_small_read_buffer_is_an_error_not_a_truncation);
    RUN_TEST(test_the_state_survives_a_reset_in_rtc_ram);
    RUN_TEST(test_a_damaged_state_or_record_starts_over_and_counts_the_loss);
    return UNITY_END();
}
