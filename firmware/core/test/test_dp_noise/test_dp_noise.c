/* The privacy noise has the distribution it promises: Laplace with mean 0 and scale
 * sensitivity/epsilon, randomized response with the right flip rate, off by default. */
#include <math.h>
#include <stdlib.h>

#include "pulse/dp_noise.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

#define SAMPLES 40000

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* For Laplace(0, b): mean 0, E|X| = b, variance 2b^2, median 0, P(|X| > b ln 2... ) */
static void check_laplace(double sensitivity, double epsilon, uint64_t seed) {
    static double draws[SAMPLES];
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, seed);
    pulse_dp_setting s = {epsilon, sensitivity};
    double b = sensitivity / epsilon;
    double sum = 0, sum_abs = 0, sum_sq = 0;
    for (int i = 0; i < SAMPLES; i++) {
        double noise = pulse_dp_number(&rng, s, 1000.0, -1e9, 1e9) - 1000.0;
        draws[i] = noise;
        sum += noise;
        sum_abs += fabs(noise);
        sum_sq += noise * noise;
    }
    double mean = sum / SAMPLES;
    double scale = sum_abs / SAMPLES;
    double variance = sum_sq / SAMPLES - mean * mean;
    /* standard errors at 40,000 draws: mean 0.0071 b, E|X| 0.005 b, variance 0.035 b^2 */
    TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(0.03 * b, 0.0, mean, "mean of the noise");
    TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(0.02 * b, b, scale, "mean absolute noise = scale");
    TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(0.15 * 2 * b * b, 2 * b * b, variance, "variance = 2 scale^2");
    qsort(draws, SAMPLES, sizeof draws[0], compare);
    TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(0.03 * b, 0.0, draws[SAMPLES / 2], "median");
    /* the quartiles of Laplace(0, b) are -+ b ln 2 */
    TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(0.04 * b, b * log(2.0), draws[3 * SAMPLES / 4], "upper quartile");
    TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(0.04 * b, -b * log(2.0), draws[SAMPLES / 4], "lower quartile");
}

static void test_laplace_scale_is_sensitivity_over_epsilon(void) {
    check_laplace(1.0, 0.5, 1);     /* b = 2 */
    check_laplace(100.0, 1.0, 2);   /* b = 100, e.g. light in lux */
    check_laplace(5.0, 10.0, 3);    /* b = 0.5 */
}

static void test_off_by_default_and_when_not_configured(void) {
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, 7);
    pulse_dp_setting off = {0, 0};
    TEST_ASSERT_FALSE(pulse_dp_enabled(off));
    TEST_ASSERT_TRUE(pulse_dp_number(&rng, off, 21.5, -50, 150) == 21.5);
    TEST_ASSERT_TRUE(pulse_dp_bit(&rng, off, true));
    pulse_dp_setting no_sensitivity = {1, 0};
    TEST_ASSERT_FALSE(pulse_dp_enabled(no_sensitivity));
    pulse_dp_metric table[] = {{"light", {0.5, 100}}};
    TEST_ASSERT_TRUE(pulse_dp_enabled(pulse_dp_lookup(table, 1, "light")));
    TEST_ASSERT_FALSE(pulse_dp_enabled(pulse_dp_lookup(table, 1, "temperature")));
}

static void test_noisy_values_stay_in_the_metrics_range(void) {
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, 11);
    pulse_dp_setting strong = {0.1, 50};
    int at_zero = 0;
    for (int i = 0; i < 1000; i++) {
        double v = pulse_dp_number(&rng, strong, 3.0, 0, 100);
        TEST_ASSERT_TRUE(v >= 0 && v <= 100);
        at_zero += v == 0;
    }
    TEST_ASSERT_GREATER_THAN(300, at_zero); /* b = 500: about half the draws go below 0 */
}

static void test_randomized_response_keeps_the_bit_at_the_promised_rate(void) {
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, 5);
    pulse_dp_setting s = {1.0, 1};
    int kept = 0;
    for (int i = 0; i < SAMPLES; i++) {
        kept += pulse_dp_bit(&rng, s, i % 2 == 0) == (i % 2 == 0);
    }
    double expected = exp(1.0) / (1 + exp(1.0)); /* 0.731 */
    TEST_ASSERT_DOUBLE_WITHIN(0.01, expected, (double)kept / SAMPLES);
}

static void test_uniform_draws_are_strictly_inside_0_and_1(void) {
    pulse_xorshift x;
    pulse_random rng = pulse_xorshift_port(&x, 0); /* seed 0 is replaced: the state is never 0 */
    double min = 1, max = 0;
    for (int i = 0; i < SAMPLES; i++) {
        double u = pulse_random_open_unit(&rng);
        TEST_ASSERT_TRUE(u > 0 && u < 1);
        min = u < min ? u : min;
        max = u > max ? u : max;
    }
    TEST_ASSERT_TRUE(min < 0.001 && max > 0.999);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_laplace_scale_is_sensitivity_over_epsilon);
    RUN_TEST(test_off_by_default_and_when_not_configured);
    RUN_TEST(test_noisy_values_stay_in_the_metrics_range);
    RUN_TEST(test_randomized_response_keeps_the_bit_at_the_promised_rate);
    RUN_TEST(test_uniform_draws_are_strictly_inside_0_and_1);
    return UNITY_END();
}
