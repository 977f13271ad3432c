#include "sniffer.h"

#include <string.h>

#include "esp_wifi.h"
#include "pulse/wifi_frame.h"
#include "pulse_esp/events.h"

/* Runs in the Wi-Fi driver's task: copy the header, leave the rest to the application task. */
static void on_frame(void *buf, wifi_promiscuous_pkt_type_t type) {
    if (type != WIFI_PKT_MGMT && type != WIFI_PKT_DATA) {
        return;
    }
    const wifi_promiscuous_pkt_t *pkt = buf;
    pulse_frame_sender sender;
    /* beacons and other access point traffic are most of the air: dropped before the queue */
    if (pkt->rx_ctrl.sig_len < PULSE_FRAME_BYTES
        || !pulse_wifi_frame_sender(pkt->payload, PULSE_FRAME_BYTES, &sender)) {
        return;
    }
    pulse_event e = {.type = PULSE_EV_FRAME};
    memcpy(e.u.frame.bytes, pkt->payload, PULSE_FRAME_BYTES);
    e.u.frame.len = PULSE_FRAME_BYTES;
    e.u.frame.rssi = (int8_t)pkt->rx_ctrl.rssi;
    e.u.frame.mono_ms = pulse_mono_ms();
    pulse_event_post(&e);
}

void pulse_sniffer_start(void) {
    wifi_promiscuous_filter_t filter = {.filter_mask = WIFI_PROMIS_FILTER_MASK_MGMT | WIFI_PROMIS_FILTER_MASK_DATA};
    ESP_ERROR_CHECK(esp_wifi_set_promiscuous_filter(&filter));
    ESP_ERROR_CHECK(esp_wifi_set_promiscuous_rx_cb(on_frame));
    ESP_ERROR_CHECK(esp_wifi_set_promiscuous(true));
}

void pulse_sniffer_channel(uint8_t channel) {
    esp_wifi_set_channel(channel, WIFI_SECOND_CHAN_NONE);
}
