#include "unity.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static struct {
    const char *file;
    const char *test;
    int line;
    int tests;
    int failures;
    jmp_buf abort_test; /* a failed assertion ends its test, as in Unity */
} run;

void UnityBegin(const char *file) {
    const char *slash = strrchr(file, '/');
    run.file = slash ? slash + 1 : file;
    run.tests = 0;
    run.failures = 0;
}

int UnityEnd(void) {
    printf("\n-----------------------\n%d Tests %d Failures 0 Ignored \n%s\n", run.tests, run.failures,
           run.failures == 0 ? "OK" : "FAIL");
    fflush(stdout);
    return run.failures;
}

void UnityDefaultTestRun(void (*test)(void), const char *name, int line) {
    run.test = name;
    run.line = line;
    run.tests++;
    if (setjmp(run.abort_test) == 0) {
        setUp();
        test();
        tearDown();
        printf("%s:%d:%s:PASS\n", run.file, line, name);
    } else {
        tearDown();
    }
    fflush(stdout);
}

void UnityMessage(const char *message, int line) {
    printf("%s:%d:%s:INFO: %s\n", run.file, line, run.test ? run.test : "", message);
}

static void fail(int line, const char *what, const char *message) {
    printf("%s:%d:%s:FAIL: %s%s%s\n", run.file, line, run.test, what, message ? ". " : "",
           message ? message : "");
    run.failures++;
    longjmp(run.abort_test, 1);
}

void UnityFail(const char *message, int line) {
    fail(line, "failed", message);
}

void UnityAssertTrue(int condition, const char *expression, const char *message, int line) {
    if (!condition) {
        char what[200];
        snprintf(what, sizeof what, "expected true: %s", expression);
        fail(line, what, message);
    }
}

void UnityAssertEqualInt(long long expected, long long actual, const char *message, int line) {
    if (expected != actual) {
        char what[80];
        snprintf(what, sizeof what, "Expected %lld Was %lld", expected, actual);
        fail(line, what, message);
    }
}

void UnityAssertEqualUint(unsigned long long expected, unsigned long long actual, const char *message, int line) {
    if (expected != actual) {
        char what[80];
        snprintf(what, sizeof what, "Expected %llu Was %llu", expected, actual);
        fail(line, what, message);
    }
}

void UnityAssertEqualString(const char *expected, const char *actual, const char *message, int line) {
    if (expected == NULL || actual == NULL || strcmp(expected, actual) != 0) {
        printf("%s:%d:%s:FAIL: Expected \"%s\"\n    Was \"%s\"\n", run.file, line, run.test,
               expected ? expected : "(null)", actual ? actual : "(null)");
        fail(line, "strings differ", message);
    }
}

void UnityAssertEqualMemory(const void *expected, const void *actual, size_t len, const char *message, int line) {
    if (memcmp(expected, actual, len) != 0) {
        fail(line, "memory differs", message);
    }
}

void UnityAssertDoubleWithin(double delta, double expected, double actual, const char *message, int line) {
    if (!(fabs(expected - actual) <= delta)) {
        char what[120];
        snprintf(what, sizeof what, "Expected %.6f +/- %.6f Was %.6f", expected, delta, actual);
        fail(line, what, message);
    }
}

void UnityAssertCompare(long long threshold, long long actual, int sign, int or_equal, const char *message, int line) {
    int ok = sign > 0 ? (or_equal ? actual >= threshold : actual > threshold)
                      : (or_equal ? actual <= threshold : actual < threshold);
    if (!ok) {
        char what[100];
        snprintf(what, sizeof what, "Expected %s %s%lld Was %lld", sign > 0 ? ">" : "<", or_equal ? "= " : "",
                 threshold, actual);
        fail(line, what, message);
    }
}
