#include "pulse_esp/settings.h"

#include <stdlib.h>

#include "esp_log.h"
#include "nvs.h"
#include "nvs_flash.h"

static const char *TAG = "pulse-settings";

void pulse_settings_init(void) {
    esp_err_t err = nvs_flash_init();
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        ESP_ERROR_CHECK(nvs_flash_erase());
        err = nvs_flash_init();
    }
    ESP_ERROR_CHECK(err);
}

const char *pulse_setting(const char *key, const char *fallback) {
    nvs_handle_t nvs;
    if (nvs_open("pulse", NVS_READONLY, &nvs) != ESP_OK) {
        return fallback;
    }
    size_t len = 0;
    char *value = NULL;
    if (nvs_get_str(nvs, key, NULL, &len) == ESP_OK && (value = malloc(len)) != NULL
        && nvs_get_str(nvs, key, value, &len) == ESP_OK) {
        ESP_LOGI(TAG, "%s from NVS", key); /* never the value: some are secrets */
    } else {
        free(value);
        value = NULL;
    }
    nvs_close(nvs);
    return value != NULL ? value : fallback;
}
