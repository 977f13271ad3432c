#include "pulse_esp/wifi_link.h"

#include <string.h>

#include "esp_event.h"
#include "esp_log.h"
#include "esp_netif.h"
#include "esp_wifi.h"
#include "pulse_esp/events.h"

static const char *TAG = "pulse-wifi";
static volatile bool online = true;

static void on_event(void *arg, esp_event_base_t base, int32_t id, void *data) {
    (void)arg;
    if (base == WIFI_EVENT && id == WIFI_EVENT_STA_START && online) {
        esp_wifi_connect();
    } else if (base == WIFI_EVENT && id == WIFI_EVENT_STA_DISCONNECTED) {
        pulse_event e = {.type = PULSE_EV_WIFI_DOWN};
        pulse_event_post(&e);
        if (online) {
            esp_wifi_connect(); /* the driver paces its own retries */
        }
    } else if (base == IP_EVENT && id == IP_EVENT_STA_GOT_IP) {
        wifi_ap_record_t ap;
        pulse_event e = {.type = PULSE_EV_WIFI_UP};
        e.u.channel = esp_wifi_sta_get_ap_info(&ap) == ESP_OK ? ap.primary : 0;
        pulse_event_post(&e);
    }
    (void)data;
}

void pulse_wifi_start(const char *ssid, const char *password) {
    ESP_ERROR_CHECK(esp_netif_init());
    ESP_ERROR_CHECK(esp_event_loop_create_default());
    esp_netif_create_default_wifi_sta();
    wifi_init_config_t init = WIFI_INIT_CONFIG_DEFAULT();
    ESP_ERROR_CHECK(esp_wifi_init(&init));
    ESP_ERROR_CHECK(esp_event_handler_instance_register(WIFI_EVENT, ESP_EVENT_ANY_ID, on_event, NULL, NULL));
    ESP_ERROR_CHECK(esp_event_handler_instance_register(IP_EVENT, IP_EVENT_STA_GOT_IP, on_event, NULL, NULL));
    wifi_config_t config = {0};
    strncpy((char *)config.sta.ssid, ssid, sizeof config.sta.ssid);
    strncpy((char *)config.sta.password, password, sizeof config.sta.password);
    config.sta.threshold.authmode = WIFI_AUTH_WPA2_PSK;
    ESP_ERROR_CHECK(esp_wifi_set_storage(WIFI_STORAGE_RAM)); /* the password stays out of NVS */
    ESP_ERROR_CHECK(esp_wifi_set_mode(WIFI_MODE_STA));
    ESP_ERROR_CHECK(esp_wifi_set_config(WIFI_IF_STA, &config));
    ESP_ERROR_CHECK(esp_wifi_start());
    ESP_LOGI(TAG, "connecting to %s", ssid);
}

void pulse_wifi_set_online(bool on) {
    online = on;
    if (on) {
        esp_wifi_connect();
    } else {
        esp_wifi_disconnect();
    }
}
