#include "pulse_esp/sntp_link.h"

#include <sys/time.h>

#include "esp_netif_sntp.h"
#include "pulse_esp/events.h"

static void on_sync(struct timeval *tv) {
    pulse_event e = {.type = PULSE_EV_CLOCK};
    e.u.clock.wall_ms = (int64_t)tv->tv_sec * 1000 + tv->tv_usec / 1000;
    e.u.clock.mono_ms = pulse_mono_ms();
    pulse_event_post(&e);
}

void pulse_sntp_start(const char *server) {
    esp_sntp_config_t config = ESP_NETIF_SNTP_DEFAULT_CONFIG(server);
    config.sync_cb = on_sync;
    config.wait_for_sync = false; /* nobody blocks on it: readings wait in the buffer instead */
    esp_netif_sntp_init(&config);
}
