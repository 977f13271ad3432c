/* A small stand-in for the assertion macros of ThrowTheSwitch's Unity, written for Pulse so the
 * core's tests build with nothing but a C compiler (host gcc, riscv64-unknown-elf-gcc with
 * picolibc under qemu). The same test files build against the real Unity in PlatformIO's
 * `native` env, so only the macros the tests use are here, with Unity's names and meaning.
 * Output follows Unity's: one "file:line:test:PASS|FAIL" line per test, then the summary. */
#ifndef PULSE_TEST_UNITY_H
#define PULSE_TEST_UNITY_H

#include <stddef.h>
#include <stdint.h>

void setUp(void);
void tearDown(void);

void UnityBegin(const char *file);
int UnityEnd(void);
void UnityDefaultTestRun(void (*test)(void), const char *name, int line);
void UnityMessage(const char *message, int line);

void UnityAssertTrue(int condition, const char *expression, const char *message, int line);
void UnityAssertEqualInt(long long expected, long long actual, const char *message, int line);
void UnityAssertEqualUint(unsigned long long expected, unsigned long long actual, const char *message, int line);
void UnityAssertEqualString(const char *expected, const char *actual, const char *message, int line);
void UnityAssertEqualMemory(const void *expected, const void *actual, size_t len, const char *message, int line);
void UnityAssertDoubleWithin(double delta, double expected, double actual, const char *message, int line);
void UnityAssertCompare(long long threshold, long long actual, int sign, int or_equal, const char *message, int line);
void UnityFail(const char *message, int line);

#define UNITY_BEGIN() UnityBegin(__FILE__)
#define UNITY_END() UnityEnd()
#define RUN_TEST(fn) UnityDefaultTestRun(fn, #fn, __LINE__)
#define TEST_MESSAGE(m) UnityMessage((m), __LINE__)

#define TEST_FAIL_MESSAGE(m) UnityFail((m), __LINE__)
#define TEST_ASSERT_TRUE_MESSAGE(c, m) UnityAssertTrue(!!(c), #c, (m), __LINE__)
#define TEST_ASSERT_TRUE(c) UnityAssertTrue(!!(c), #c, NULL, __LINE__)
#define TEST_ASSERT(c) TEST_ASSERT_TRUE(c)
#define TEST_ASSERT_FALSE(c) UnityAssertTrue(!(c), "!(" #c ")", NULL, __LINE__)
#define TEST_ASSERT_NULL(p) UnityAssertTrue((p) == NULL, #p " == NULL", NULL, __LINE__)
#define TEST_ASSERT_NOT_NULL(p) UnityAssertTrue((p) != NULL, #p " != NULL", NULL, __LINE__)

#define TEST_ASSERT_EQUAL_INT_MESSAGE(e, a, m) UnityAssertEqualInt((long long)(e), (long long)(a), (m), __LINE__)
#define TEST_ASSERT_EQUAL_INT(e, a) TEST_ASSERT_EQUAL_INT_MESSAGE(e, a, NULL)
#define TEST_ASSERT_EQUAL(e, a) TEST_ASSERT_EQUAL_INT(e, a)
#define TEST_ASSERT_EQUAL_INT64(e, a) TEST_ASSERT_EQUAL_INT(e, a)
#define TEST_ASSERT_EQUAL_UINT32(e, a) UnityAssertEqualUint((unsigned long long)(e), (unsigned long long)(a), NULL, __LINE__)
#define TEST_ASSERT_EQUAL_UINT64(e, a) TEST_ASSERT_EQUAL_UINT32(e, a)
#define TEST_ASSERT_EQUAL_STRING_MESSAGE(e, a, m) UnityAssertEqualString((e), (a), (m), __LINE__)
#define TEST_ASSERT_EQUAL_STRING(e, a) TEST_ASSERT_EQUAL_STRING_MESSAGE(e, a, NULL)
#define TEST_ASSERT_EQUAL_MEMORY(e, a, n) UnityAssertEqualMemory((e), (a), (n), NULL, __LINE__)
#define TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(d, e, a, m) UnityAssertDoubleWithin((d), (e), (a), (m), __LINE__)
#define TEST_ASSERT_DOUBLE_WITHIN(d, e, a) TEST_ASSERT_DOUBLE_WITHIN_MESSAGE(d, e, a, NULL)
/* Unity's order: threshold first, then the actual value. */
#define TEST_ASSERT_GREATER_THAN(t, a) UnityAssertCompare((long long)(t), (long long)(a), 1, 0, NULL, __LINE__)
#define TEST_ASSERT_GREATER_OR_EQUAL(t, a) UnityAssertCompare((long long)(t), (long long)(a), 1, 1, NULL, __LINE__)
#define TEST_ASSERT_LESS_THAN(t, a) UnityAssertCompare((long long)(t), (long long)(a), -1, 0, NULL, __LINE__)
#define TEST_ASSERT_LESS_OR_EQUAL(t, a) UnityAssertCompare((long long)(t), (long long)(a), -1, 1, NULL, __LINE__)

#endif
