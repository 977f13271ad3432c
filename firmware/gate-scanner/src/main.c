/* The gate scanner on ESP-IDF: the radio's frames in, pseudonymized sightings out on
 * campus/gates/{gate}/sightings, through the offline buffer. All logic is the core's
 * (pulse_gate_*, pulse_uplink_*); this file wires it to Wi-Fi, SNTP, esp-mqtt and NVS. */
#include <stdlib.h>
#include <string.h>

#include "esp_log.h"
#include "esp_random.h"
#include "pulse/channel_hop.h"
#include "pulse/commands.h"
#include "pulse/gate_scanner.h"
#include "pulse/ids.h"
#include "pulse/uplink.h"
#include "pulse_esp/events.h"
#include "pulse_esp/mqtt_link.h"
#include "pulse_esp/offline_buffer.h"
#include "pulse_esp/settings.h"
#include "pulse_esp/sntp_link.h"
#include "pulse_esp/wifi_link.h"
#include "pulse_hmac_esp.h"
#include "sniffer.h"

#if __has_include("pulse_config.h")
#include "pulse_config.h"
#else
#error "copy include/pulse_config.example.h to include/pulse_config.h and fill it in"
#endif

static const char *TAG = "pulse-gate";

#define DEBOUNCE_SLOTS 512
#define MAX_CAMPUS_BSSIDS 16

static pulse_ring ring;
static pulse_clock clk;
static pulse_hmac_port hmac;
static pulse_debounce_slot slots[DEBOUNCE_SLOTS];
static pulse_gate_scanner gate;
static pulse_uplink uplink;
static char payload[PULSE_BATCH_BYTES + 1];
static pulse_mac campus_bssids[MAX_CAMPUS_BSSIDS];

/* "aa:bb:cc:dd:ee:ff,..." into campus_bssids; returns how many. */
static size_t parse_bssids(const char *list) {
    size_t n = 0;
    char item[32];
    while (*list != '\0' && n < MAX_CAMPUS_BSSIDS) {
        size_t len = strcspn(list, ",");
        if (len < sizeof item) {
            memcpy(item, list, len);
            item[len] = '\0';
            if (pulse_mac_parse(item, &campus_bssids[n])) {
                n++;
            } else {
                ESP_LOGE(TAG, "not a BSSID in bssids: %s", item);
            }
        }
        list += len + (list[len] == ',' ? 1 : 0);
    }
    return n;
}

static void halt(const char *why) {
    ESP_LOGE(TAG, "cannot start: %s", why);
    abort(); /* a misconfigured scanner must not send what the jobs would refuse */
}

static void handle(const pulse_event *e, bool *mqtt_started, const pulse_mqtt_settings *mqtt, const char *sntp) {
    switch (e->type) {
    case PULSE_EV_FRAME:
        pulse_gate_frame(&gate, e->u.frame.bytes, e->u.frame.len, e->u.frame.rssi, e->u.frame.mono_ms);
        break;
    case PULSE_EV_WIFI_UP:
        if (!*mqtt_started) {
            pulse_sntp_start(sntp);
            *mqtt_started = pulse_mqtt_start(mqtt);
        }
        ESP_LOGI(TAG, "online on channel %u", e->u.channel);
        break;
    case PULSE_EV_MQTT_UP:
        pulse_uplink_connected(&uplink);
        break;
    case PULSE_EV_MQTT_DOWN:
    case PULSE_EV_WIFI_DOWN:
        pulse_uplink_disconnected(&uplink);
        break;
    case PULSE_EV_MQTT_ACKED:
        pulse_uplink_acked(&uplink, e->u.message_id);
        break;
    case PULSE_EV_CLOCK:
        pulse_clock_sync(&clk, e->u.clock.wall_ms, e->u.clock.mono_ms);
        break;
    case PULSE_EV_COMMAND: {
        static char command[PULSE_COMMAND_MAX];
        char reason[PULSE_COMMAND_REASON_MAX];
        size_t len;
        if (pulse_command_take(command, sizeof command, &len)
            && pulse_command_handle(NULL, 0, command, len, reason) != PULSE_COMMAND_DONE) {
            ESP_LOGW(TAG, "command refused: %s", reason); /* a scanner has no actuators */
        }
        break;
    }
    }
}

void app_main(void) {
    pulse_settings_init();
    const char *gate_id = pulse_setting("gate", PULSE_GATE);
    const char *scanner = pulse_setting("scanner", PULSE_SCANNER_ID);
    const char *role = pulse_setting("role", PULSE_ROLE);
    const char *key = pulse_setting("hmac_key", PULSE_HMAC_KEY);
    if (!pulse_id_valid(gate_id) || !pulse_id_valid(scanner)) {
        halt("gate and scanner must be 1-64 of A-Z a-z 0-9 . _ -");
    }
    if (strcmp(role, "in") != 0 && strcmp(role, "out") != 0 && strcmp(role, "outer") != 0 && strcmp(role, "inner") != 0) {
        halt("role must be in, out, outer or inner");
    }
    if (key[0] == '\0' || strncmp(key, "CHANGE-ME", 9) == 0 || pulse_hmac_esp_init((const uint8_t *)key, strlen(key), &hmac) != 0) {
        halt("no pseudonym key (hmac_key): it must be the movement job's --movement.hmac-key");
    }
    if (!pulse_events_init(128)) {
        halt("no memory for the event queue");
    }
    pulse_offline_buffer_open(&ring, PULSE_RING_IN_RTC, PULSE_RING_BYTES);
    pulse_clock_init(&clk, esp_random()); /* a new boot id: monotonic stamps of old boots stay undated */

    pulse_gate_config cfg = {&hmac, PULSE_MIN_RSSI, PULSE_DEBOUNCE_MS, PULSE_ASSOCIATED_IS_STABLE, campus_bssids,
                             parse_bssids(pulse_setting("bssids", PULSE_CAMPUS_BSSIDS))};
    pulse_gate_init(&gate, &cfg, &ring, &clk, slots, DEBOUNCE_SLOTS);
    pulse_uplink_config ucfg = {gate_id, scanner, role, scanner, {PULSE_BATCH_OBJECTS, PULSE_BATCH_BYTES}};
    if (!pulse_uplink_init(&uplink, &ring, &clk, pulse_mqtt_port_get(), &ucfg, payload, sizeof payload)) {
        halt("invalid ids for the topics");
    }
    static char command_topic[PULSE_TOPIC_MAX];
    static char client_id[PULSE_TOPIC_MAX];
    pulse_command_topic(command_topic, sizeof command_topic, scanner);
    strcpy(client_id, "pulse-");
    strncat(client_id, scanner, sizeof client_id - 7);
    pulse_mqtt_settings mqtt = {pulse_setting("mqtt_uri", PULSE_MQTT_URI), client_id,
                                pulse_setting("mqtt_user", PULSE_MQTT_USERNAME), pulse_setting("mqtt_pass", PULSE_MQTT_PASSWORD),
                                PULSE_MQTT_CA_PEM, command_topic, PULSE_BATCH_BYTES + 512};

    pulse_wifi_start(pulse_setting("wifi_ssid", PULSE_WIFI_SSID), pulse_setting("wifi_pass", PULSE_WIFI_PASSWORD));
    pulse_sniffer_start();
    ESP_LOGI(TAG, "scanner %s (%s) at gate %s", scanner, role, gate_id);

#if PULSE_CHANNEL_HOP
    static const uint8_t channels[] = PULSE_HOP_CHANNELS;
    pulse_hop_plan plan = {channels, sizeof channels, PULSE_HOP_DWELL_MS, PULSE_HOP_SNIFF_S * 1000, PULSE_HOP_UPLINK_MAX_S * 1000};
    pulse_hopper hopper;
    pulse_hopper_init(&hopper, &plan, pulse_mono_ms());
    pulse_radio radio = {true, 0};
#endif
    const char *sntp = pulse_setting("sntp", PULSE_SNTP_SERVER);
    bool mqtt_started = false;
    int64_t next_status = pulse_mono_ms() + PULSE_STATUS_INTERVAL_S * 1000LL;
    for (;;) {
        pulse_event e;
        if (pulse_event_wait(&e, 50)) {
            handle(&e, &mqtt_started, &mqtt, sntp);
        }
        int64_t now = pulse_mono_ms();
        if (now >= next_status) {
            pulse_gate_report(&gate, uplink.stats.untimed, now);
            next_status = now + PULSE_STATUS_INTERVAL_S * 1000LL;
        }
#if PULSE_CHANNEL_HOP
        pulse_radio next = pulse_hopper_step(&hopper, now, uplink.connected && pulse_uplink_idle(&uplink));
        if (next.online != radio.online) {
            pulse_wifi_set_online(next.online);
        }
        if (!next.online && next.channel != radio.channel) {
            pulse_sniffer_channel(next.channel);
        }
        radio = next;
#endif
        pulse_uplink_poll(&uplink);
    }
}
