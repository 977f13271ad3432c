#include "pulse_esp/events.h"

#include <string.h>

#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"

typedef struct {
    uint16_t len;
    char payload[PULSE_COMMAND_MAX];
} command_slot;

static QueueHandle_t inbox;
static QueueHandle_t commands;
static volatile uint32_t dropped;

bool pulse_events_init(unsigned depth) {
    inbox = xQueueCreate(depth, sizeof(pulse_event));
    commands = xQueueCreate(2, sizeof(command_slot));
    return inbox != NULL && commands != NULL;
}

bool pulse_event_post(const pulse_event *e) {
    if (xQueueSend(inbox, e, 0) != pdTRUE) {
        dropped++;
        return false;
    }
    return true;
}

bool pulse_event_wait(pulse_event *e, uint32_t timeout_ms) {
    return xQueueReceive(inbox, e, pdMS_TO_TICKS(timeout_ms)) == pdTRUE;
}

uint32_t pulse_events_dropped(void) {
    return dropped;
}

bool pulse_command_post(const char *payload, size_t len) {
    static command_slot slot; /* only the esp-mqtt task posts */
    if (len > PULSE_COMMAND_MAX) {
        return false;
    }
    slot.len = (uint16_t)len;
    memcpy(slot.payload, payload, len);
    if (xQueueSend(commands, &slot, 0) != pdTRUE) {
        return false;
    }
    pulse_event e = {.type = PULSE_EV_COMMAND};
    return pulse_event_post(&e);
}

bool pulse_command_take(char *buf, size_t cap, size_t *len) {
    static command_slot slot; /* only the application task takes */
    if (xQueueReceive(commands, &slot, 0) != pdTRUE || slot.len > cap) {
        return false;
    }
    memcpy(buf, slot.payload, slot.len);
    *len = slot.len;
    return true;
}

int64_t pulse_mono_ms(void) {
    return esp_timer_get_time() / 1000;
}
