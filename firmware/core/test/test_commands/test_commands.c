/* Commands from devices/{id}/commands reach the right actuator, or are refused with a reason. */
#include <string.h>

#include "pulse/commands.h"
#include "unity.h"

void setUp(void) {}
void tearDown(void) {}

static struct {
    char name[16];
    int on;
    int calls;
    bool fail;
} fan;

static int set_fan(void *ctx, const char *name, bool on) {
    (void)ctx;
    strcpy(fan.name, name);
    fan.on = on;
    fan.calls++;
    return fan.fail ? -1 : 0;
}

static const pulse_actuator ACTUATORS[] = {{"fan", set_fan, NULL}, {"buzzer", set_fan, NULL}};
static char reason[PULSE_COMMAND_REASON_MAX];

static pulse_command_result handle(const char *payload) {
    return pulse_command_handle(ACTUATORS, 2, payload, strlen(payload), reason);
}

static void test_the_telemetry_jobs_fan_commands(void) {
    memset(&fan, 0, sizeof fan);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_DONE, handle("{\"command\":\"fan\",\"state\":\"on\"}"));
    TEST_ASSERT_EQUAL_STRING("fan", fan.name);
    TEST_ASSERT_EQUAL_INT(1, fan.on);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_DONE, handle("{ \"state\": \"off\", \"command\": \"fan\" }"));
    TEST_ASSERT_EQUAL_INT(0, fan.on);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_DONE, handle("{\"command\":\"buzzer\",\"state\":\"on\"}"));
    TEST_ASSERT_EQUAL_STRING("buzzer", fan.name);
    TEST_ASSERT_EQUAL_INT(3, fan.calls);
}

static void test_what_is_not_understood_changes_nothing(void) {
    memset(&fan, 0, sizeof fan);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("{\"command\":\"heater\",\"state\":\"on\"}"));
    TEST_ASSERT_EQUAL_STRING("no such actuator: heater", reason);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("{\"command\":\"fan\",\"state\":\"max\"}"));
    TEST_ASSERT_EQUAL_STRING("\"state\" must be \"on\" or \"off\"", reason);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("{\"command\":\"fan\"}"));
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("{\"command\":1,\"state\":\"on\"}"));
    TEST_ASSERT_EQUAL_STRING("\"command\" must be a string", reason);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("{\"command\":\"fan\",\"state\":\"on\",\"speed\":3}"));
    TEST_ASSERT_EQUAL_STRING("unknown field: speed", reason);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("{\"command\":\"fan\",\"state\":\"on\""));
    TEST_ASSERT_EQUAL_STRING("not a command: expected ',' or '}'", reason);
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_INVALID, handle("fan on"));
    TEST_ASSERT_EQUAL_INT(0, fan.calls);
}

static void test_a_failing_actuator_is_reported(void) {
    memset(&fan, 0, sizeof fan);
    fan.fail = true;
    TEST_ASSERT_EQUAL_INT(PULSE_COMMAND_FAILED, handle("{\"command\":\"fan\",\"state\":\"on\"}"));
    TEST_ASSERT_EQUAL_STRING("fan did not switch on", reason);
}

static void test_the_command_topic(void) {
    char topic[96];
    TEST_ASSERT_TRUE(pulse_command_topic(topic, sizeof topic, "workshop-04"));
    TEST_ASSERT_EQUAL_STRING("devices/workshop-04/commands", topic);
    TEST_ASSERT_FALSE(pulse_command_topic(topic, sizeof topic, "a/b"));
    TEST_ASSERT_FALSE(pulse_command_topic(topic, 10, "workshop-04"));
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_the_telemetry_jobs_fan_commands);
    RUN_TEST(test_what_is_not_understood_changes_nothing);
    RUN_TEST(test_a_failing_actuator_is_reported);
    RUN_TEST(test_the_command_topic);
    return UNITY_END();
}
