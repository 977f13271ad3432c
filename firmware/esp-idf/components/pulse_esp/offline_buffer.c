#include "pulse_esp/offline_buffer.h"

#include <stdlib.h>

#include "esp_attr.h"
#include "esp_log.h"

static const char *TAG = "pulse-buffer";

/* not cleared at boot: the ring's check value tells whether they still hold a ring */
RTC_NOINIT_ATTR static uint8_t rtc_bytes[PULSE_RTC_BUFFER_BYTES];
RTC_NOINIT_ATTR static pulse_ring_state rtc_state;
static pulse_ring_state dram_state;

bool pulse_offline_buffer_open(pulse_ring *ring, bool in_rtc, uint32_t dram_bytes) {
    if (in_rtc) {
        bool kept = pulse_ring_open(ring, pulse_storage_memory(rtc_bytes, sizeof rtc_bytes), &rtc_state);
        ESP_LOGI(TAG, "RTC buffer of %u bytes, %s", (unsigned)sizeof rtc_bytes,
                 kept ? "records from before the reset kept" : "empty");
        return kept;
    }
    uint8_t *bytes = malloc(dram_bytes);
    if (bytes == NULL) {
        ESP_LOGE(TAG, "no %u bytes for the buffer", (unsigned)dram_bytes);
        abort();
    }
    pulse_ring_open(ring, pulse_storage_memory(bytes, dram_bytes), &dram_state);
    return false;
}
