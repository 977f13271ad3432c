/* The sensor node on ESP-IDF: readings every PULSE_SAMPLE_INTERVAL_MS to
 * devices/{deviceId}/telemetry through the offline buffer, privacy noise applied on the device,
 * and the jobs' commands (devices/{deviceId}/commands) switching its fan and buzzer. All logic is
 * the core's (pulse_node_*, pulse_uplink_*, pulse_command_*); this file wires it to the SDK. */
#include <stdlib.h>
#include <string.h>

#include "actuators.h"
#include "esp_log.h"
#include "esp_random.h"
#include "pulse/commands.h"
#include "pulse/ids.h"
#include "pulse/sensor_node.h"
#include "pulse/uplink.h"
#include "pulse_esp/events.h"
#include "pulse_esp/mqtt_link.h"
#include "pulse_esp/offline_buffer.h"
#include "pulse_esp/settings.h"
#include "pulse_esp/sntp_link.h"
#include "pulse_esp/wifi_link.h"
#include "sensors.h"

#if __has_include("pulse_config.h")
#include "pulse_config.h"
#else
#error "copy include/pulse_config.example.h to include/pulse_config.h and fill it in"
#endif

static const char *TAG = "pulse-node";

static pulse_ring ring;
static pulse_clock clk;
static pulse_sensor_node node;
static pulse_uplink uplink;
static char payload[PULSE_BATCH_BYTES + 1];
static const pulse_dp_metric privacy[] = PULSE_PRIVACY;

/* esp_random is the hardware RNG: truly random while the radio is on, as it is here. */
static uint32_t hardware_random(void *ctx) {
    (void)ctx;
    return esp_random();
}

static void halt(const char *why) {
    ESP_LOGE(TAG, "cannot start: %s", why);
    abort();
}

void app_main(void) {
    pulse_settings_init();
    const char *device_id = pulse_setting("device_id", PULSE_DEVICE_ID);
    if (!pulse_id_valid(device_id)) {
        halt("device_id must be 1-64 of A-Z a-z 0-9 . _ -");
    }
    if (!pulse_events_init(32)) {
        halt("no memory for the event queue");
    }
    pulse_offline_buffer_open(&ring, PULSE_RING_IN_RTC, PULSE_RING_BYTES);
    pulse_clock_init(&clk, esp_random());
    static pulse_random rng = {hardware_random, NULL};
    pulse_node_config ncfg = {privacy, sizeof privacy / sizeof privacy[0], &rng};
    if (!pulse_node_init(&node, &ncfg, &ring, &clk)) {
        halt("privacy settings need a random source");
    }
    pulse_uplink_config ucfg = {NULL, NULL, NULL, device_id, {PULSE_BATCH_OBJECTS, PULSE_BATCH_BYTES}};
    if (!pulse_uplink_init(&uplink, &ring, &clk, pulse_mqtt_port_get(), &ucfg, payload, sizeof payload)) {
        halt("invalid device id for the topics");
    }
    size_t actuator_count;
    const pulse_actuator *actuators = actuators_init(&actuator_count);
    sensors_init();

    static char command_topic[PULSE_TOPIC_MAX];
    static char client_id[PULSE_TOPIC_MAX];
    pulse_command_topic(command_topic, sizeof command_topic, device_id);
    strcpy(client_id, "pulse-");
    strncat(client_id, device_id, sizeof client_id - 7);
    pulse_mqtt_settings mqtt = {pulse_setting("mqtt_uri", PULSE_MQTT_URI), client_id,
                                pulse_setting("mqtt_user", PULSE_MQTT_USERNAME), pulse_setting("mqtt_pass", PULSE_MQTT_PASSWORD),
                                PULSE_MQTT_CA_PEM, command_topic, PULSE_BATCH_BYTES + 512};
    const char *sntp = pulse_setting("sntp", PULSE_SNTP_SERVER);
    pulse_wifi_start(pulse_setting("wifi_ssid", PULSE_WIFI_SSID), pulse_setting("wifi_pass", PULSE_WIFI_PASSWORD));
    ESP_LOGI(TAG, "node %s, a reading every %d ms", device_id, PULSE_SAMPLE_INTERVAL_MS);

    bool mqtt_started = false;
    int64_t next_sample = pulse_mono_ms();
    for (;;) {
        pulse_event e;
        if (pulse_event_wait(&e, 50)) {
            switch (e.type) {
            case PULSE_EV_WIFI_UP:
                if (!mqtt_started) {
                    pulse_sntp_start(sntp);
                    mqtt_started = pulse_mqtt_start(&mqtt);
                }
                break;
            case PULSE_EV_MQTT_UP:
                pulse_uplink_connected(&uplink);
                break;
            case PULSE_EV_MQTT_DOWN:
            case PULSE_EV_WIFI_DOWN:
                pulse_uplink_disconnected(&uplink);
                break;
            case PULSE_EV_MQTT_ACKED:
                pulse_uplink_acked(&uplink, e.u.message_id);
                break;
            case PULSE_EV_CLOCK:
                pulse_clock_sync(&clk, e.u.clock.wall_ms, e.u.clock.mono_ms);
                break;
            case PULSE_EV_COMMAND: {
                static char command[PULSE_COMMAND_MAX];
                char reason[PULSE_COMMAND_REASON_MAX];
                size_t len;
                if (pulse_command_take(command, sizeof command, &len)
                    && pulse_command_handle(actuators, actuator_count, command, len, reason) != PULSE_COMMAND_DONE) {
                    ESP_LOGW(TAG, "command refused: %s", reason);
                }
                break;
            }
            case PULSE_EV_FRAME:
                break;
            }
        }
        int64_t now = pulse_mono_ms();
        if (now >= next_sample) {
            pulse_reading measured;
            sensors_read(&measured);
            if (pulse_node_record(&node, &measured, now, NULL) < 0) {
                ESP_LOGW(TAG, "no sensor gave a valid value");
            }
            next_sample += PULSE_SAMPLE_INTERVAL_MS;
        }
        pulse_uplink_poll(&uplink);
    }
}
