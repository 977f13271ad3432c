/* Debounce on the device keeps exactly what the movement job's debounce would keep. */
#include <string.h>

#include "pulse/debounce.h"
#include "pulse/random_port.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

#define WINDOW 60000

static void test_someone_lingering_ten_minutes_makes_one_sighting(void) {
    pulse_debounce_slot slots[4];
    pulse_debounce d;
    pulse_debounce_init(&d, slots, 4, WINDOW);
    int sent = 0;
    for (int64_t t = 0; t <= 600000; t += 10000) {
        sent += pulse_debounce_admit(&d, 0xA45E60123456ULL, t);
    }
    TEST_ASSERT_EQUAL_INT(1, sent);
}

static void test_the_previous_sighting_counts_kept_or_dropped(void) {
    pulse_debounce_slot slots[4];
    pulse_debounce d;
    pulse_debounce_init(&d, slots, 4, WINDOW);
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 1, 0));
    TEST_ASSERT_FALSE(pulse_debounce_admit(&d, 1, 50000));
    TEST_ASSERT_FALSE(pulse_debounce_admit(&d, 1, 100000)); /* 50 s after the dropped one */
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 1, 160000));  /* exactly 60 s: kept, as in the job */
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 2, 160001));  /* another MAC */
}

static void test_a_full_table_sends_rather_than_forgets(void) {
    pulse_debounce_slot slots[2];
    pulse_debounce d;
    pulse_debounce_init(&d, slots, 2, WINDOW);
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 1, 0));
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 2, 0));
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 3, 1000)); /* no room: sent, untracked */
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 3, 2000));
    TEST_ASSERT_EQUAL_UINT32(2, d.untracked);
    TEST_ASSERT_FALSE(pulse_debounce_admit(&d, 1, 3000)); /* live entries were kept */
    TEST_ASSERT_TRUE(pulse_debounce_admit(&d, 3, 61000)); /* 1 and 2 expired: 3 gets a slot */
    TEST_ASSERT_FALSE(pulse_debounce_admit(&d, 3, 62000));
}

/* The job's rule over a person's whole sequence (contract 4.2). */
static int job_keeps(const int64_t *ts, int n, bool *kept) {
    int count = 0;
    for (int i = 0; i < n; i++) {
        kept[i] = i == 0 || ts[i] - ts[i - 1] >= WINDOW;
        count += kept[i];
    }
    return count;
}

/* Random sightings of 12 MACs through a table of 5, in time order as a radio receives them: the
 * job's result from what the device sent equals its result from every sighting. */
static void test_the_job_sees_the_same_result_as_without_device_debounce(void) {
    enum { MACS = 12, PER_MAC = 40 };
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, 42);
    uint32_t untracked = 0, sent_total = 0;
    for (int round = 0; round < 20; round++) {
        static int64_t all[MACS][PER_MAC], sent[MACS][PER_MAC];
        int sent_n[MACS] = {0};
        int64_t t = 0;
        int next[MACS] = {0};
        pulse_debounce_slot slots[5];
        pulse_debounce d;
        pulse_debounce_init(&d, slots, 5, WINDOW);
        for (int step = 0; step < MACS * PER_MAC; step++) {
            int mac;
            do {
                mac = (int)(rng.next(rng.ctx) % MACS);
            } while (next[mac] == PER_MAC);
            t += rng.next(rng.ctx) % 20000; /* 0..20 s after the previous frame of anyone */
            all[mac][next[mac]++] = t;
            if (pulse_debounce_admit(&d, (uint64_t)mac, t)) {
                sent[mac][sent_n[mac]++] = t;
            }
        }
        for (int mac = 0; mac < MACS; mac++) {
            bool kept_all[PER_MAC], kept_sent[PER_MAC];
            int from_all = job_keeps(all[mac], PER_MAC, kept_all);
            int from_sent = job_keeps(sent[mac], sent_n[mac], kept_sent);
            TEST_ASSERT_EQUAL_INT(from_all, from_sent);
            TEST_ASSERT_TRUE(from_sent <= sent_n[mac]);
            int j = 0;
            for (int i = 0; i < PER_MAC; i++) {
                if (kept_all[i]) {
                    while (!kept_sent[j]) j++;
                    TEST_ASSERT_EQUAL_INT64(all[mac][i], sent[mac][j]);
                    j++;
                }
            }
            sent_total += (uint32_t)sent_n[mac];
        }
        untracked += d.untracked;
    }
    TEST_ASSERT_GREATER_THAN(0, untracked); /* the full-table path was exercised */
    TEST_ASSERT_LESS_THAN(20 * MACS * PER_MAC, sent_total); /* and debounce dropped some */
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_someone_lingering_ten_minutes_makes_one_sighting);
    RUN_TEST(test_the_previous_sighting_counts_kept_or_dropped);
    RUN_TEST(test_a_full_table_sends_rather_than_forgets);
    RUN_TEST(test_the_job_sees_the_same_result_as_without_device_debounce);
    return UNITY_END();
}
