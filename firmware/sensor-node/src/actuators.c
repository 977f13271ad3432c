#include "actuators.h"

#include "driver/gpio.h"
#include "esp_log.h"
#include "pulse_config.h"

static const char *TAG = "pulse-actuator";
static int fan_pin = PULSE_PIN_FAN;
static int buzzer_pin = PULSE_PIN_BUZZER;

static int switch_pin(void *ctx, const char *name, bool on) {
    int pin = *(const int *)ctx;
    if (pin < 0 || gpio_set_level(pin, on ? 1 : 0) != ESP_OK) {
        return -1;
    }
    ESP_LOGI(TAG, "%s %s", name, on ? "on" : "off");
    return 0;
}

static void output(int pin) {
    if (pin >= 0) {
        gpio_config_t config = {.pin_bit_mask = 1ULL << pin, .mode = GPIO_MODE_OUTPUT};
        gpio_config(&config);
        gpio_set_level(pin, 0); /* off until a command says otherwise */
    }
}

const pulse_actuator *actuators_init(size_t *count) {
    static const pulse_actuator table[] = {{"fan", switch_pin, &fan_pin}, {"buzzer", switch_pin, &buzzer_pin}};
    output(fan_pin);
    output(buzzer_pin);
    *count = sizeof table / sizeof table[0];
    return table;
}
