#include "pulse_esp/mqtt_link.h"

#include <string.h>

#include "esp_log.h"
#include "mqtt_client.h"
#include "pulse_esp/events.h"

static const char *TAG = "pulse-mqtt";
static esp_mqtt_client_handle_t client;
static char command_topic[128];

static void on_event(void *arg, esp_event_base_t base, int32_t id, void *data) {
    (void)arg;
    (void)base;
    esp_mqtt_event_handle_t event = data;
    pulse_event e = {0};
    switch ((esp_mqtt_event_id_t)id) {
    case MQTT_EVENT_CONNECTED:
        esp_mqtt_client_subscribe(client, command_topic, 1);
        e.type = PULSE_EV_MQTT_UP;
        pulse_event_post(&e);
        break;
    case MQTT_EVENT_DISCONNECTED:
        e.type = PULSE_EV_MQTT_DOWN;
        pulse_event_post(&e);
        break;
    case MQTT_EVENT_PUBLISHED:
        e.type = PULSE_EV_MQTT_ACKED;
        e.u.message_id = event->msg_id;
        pulse_event_post(&e);
        break;
    case MQTT_EVENT_DATA:
        /* a command in one piece; longer than the buffer it would come in fragments: refused */
        if (event->current_data_offset == 0 && event->data_len == event->total_data_len
            && (size_t)event->topic_len == strlen(command_topic)
            && memcmp(event->topic, command_topic, (size_t)event->topic_len) == 0) {
            pulse_command_post(event->data, (size_t)event->data_len);
        } else {
            ESP_LOGW(TAG, "ignored a message of %d bytes", event->total_data_len);
        }
        break;
    default:
        break;
    }
}

static int publish(void *ctx, const char *topic, const char *payload, size_t len) {
    (void)ctx;
    return esp_mqtt_client_publish(client, topic, payload, (int)len, 1, 0);
}

bool pulse_mqtt_start(const pulse_mqtt_settings *s) {
    strncpy(command_topic, s->command_topic, sizeof command_topic - 1);
    esp_mqtt_client_config_t config = {
        .broker.address.uri = s->uri,
        .broker.verification.certificate = s->ca_pem,
        .credentials.client_id = s->client_id,
        .credentials.username = s->username,
        .credentials.authentication.password = s->password,
        .session.keepalive = 30,
        /* a persistent session: commands sent while the device is away wait at the broker */
        .session.disable_clean_session = true,
        .buffer.size = (int)s->buffer_size,
        .network.reconnect_timeout_ms = 5000,
    };
    client = esp_mqtt_client_init(&config);
    if (client == NULL) {
        return false;
    }
    esp_mqtt_client_register_event(client, ESP_EVENT_ANY_ID, on_event, NULL);
    return esp_mqtt_client_start(client) == ESP_OK;
}

pulse_mqtt_port pulse_mqtt_port_get(void) {
    pulse_mqtt_port port = {publish, NULL};
    return port;
}
