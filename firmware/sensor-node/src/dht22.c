#include "dht22.h"

#include "driver/gpio.h"
#include "esp_rom_sys.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"

static portMUX_TYPE lock = portMUX_INITIALIZER_UNLOCKED;

/* Microseconds until the line is at `level`, or -1 after timeout_us. */
static int wait_for(int pin, int level, int timeout_us) {
    int64_t start = esp_timer_get_time();
    while (gpio_get_level(pin) != level) {
        if (esp_timer_get_time() - start > timeout_us) {
            return -1;
        }
    }
    return (int)(esp_timer_get_time() - start);
}

bool dht22_read(int pin, uint8_t raw[5]) {
    /* start signal: at least 1 ms low, then let the pull-up take the line */
    gpio_set_direction(pin, GPIO_MODE_INPUT_OUTPUT_OD);
    gpio_set_level(pin, 0);
    esp_rom_delay_us(1200);
    bool ok = true;
    taskENTER_CRITICAL(&lock); /* 5 ms of bit timing that an interrupt would spoil */
    gpio_set_level(pin, 1);
    /* the sensor answers 80 us low, 80 us high, then sends each bit as 50 us low + 26 us (0)
       or 70 us (1) high */
    if (wait_for(pin, 0, 100) < 0 || wait_for(pin, 1, 100) < 0 || wait_for(pin, 0, 100) < 0) {
        ok = false;
    }
    for (int bit = 0; ok && bit < 40; bit++) {
        int high;
        if (wait_for(pin, 1, 80) < 0 || (high = wait_for(pin, 0, 100)) < 0) {
            ok = false;
            break;
        }
        raw[bit / 8] = (uint8_t)(raw[bit / 8] << 1 | (high > 45 ? 1 : 0));
    }
    taskEXIT_CRITICAL(&lock);
    return ok;
}
