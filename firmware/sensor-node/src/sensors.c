#include "sensors.h"

#include <math.h>
#include <string.h>

#include "analog.h"
#include "dht22.h"
#include "driver/gpio.h"
#include "pulse/sensor_math.h"
#include "pulse_config.h"

/* PIR and SW-420 pulses are short: latched by interrupt, cleared at each reading. */
static volatile bool motion_seen;
static volatile bool shock_seen;

static void IRAM_ATTR on_motion(void *arg) {
    (void)arg;
    motion_seen = true;
}

static void IRAM_ATTR on_shock(void *arg) {
    (void)arg;
    shock_seen = true;
}

static void input(int pin, gpio_int_type_t edge, gpio_isr_t isr) {
    if (pin < 0) {
        return;
    }
    gpio_config_t config = {.pin_bit_mask = 1ULL << pin, .mode = GPIO_MODE_INPUT, .intr_type = edge};
    gpio_config(&config);
    if (isr != NULL) {
        gpio_isr_handler_add(pin, isr, NULL);
    }
}

void sensors_init(void) {
    gpio_install_isr_service(0);
    input(PULSE_PIN_FLAME, GPIO_INTR_DISABLE, NULL);
    input(PULSE_PIN_PIR, GPIO_INTR_POSEDGE, on_motion);
    input(PULSE_PIN_SHOCK, GPIO_INTR_POSEDGE, on_shock);
    static const int channels[] = {PULSE_ADC_MQ2, PULSE_ADC_LDR, PULSE_ADC_BATTERY};
    analog_init(channels, 3);
}

void sensors_read(pulse_reading *out) {
    memset(out, 0, sizeof *out);
    uint8_t raw[5] = {0};
    double celsius, humidity;
    if (PULSE_PIN_DHT22 >= 0 && dht22_read(PULSE_PIN_DHT22, raw) && pulse_dht22_decode(raw, &celsius, &humidity)) {
        pulse_reading_add(out, "temperature", celsius, false);
        pulse_reading_add(out, "humidity", humidity, false);
    }
    int mv = analog_mv(PULSE_ADC_MQ2);
    if (mv > 0) {
        double rs = pulse_divider_upper_ohms(5.0, mv / 1000.0 * PULSE_MQ2_DIVIDER, PULSE_MQ2_LOAD_OHMS);
        /* NaN (open or shorted) and values outside 0..100000 ppm are left out by the core */
        pulse_reading_add(out, "gas", pulse_power_law(rs / PULSE_MQ2_R0_OHMS, PULSE_MQ2_CURVE_A, PULSE_MQ2_CURVE_B), false);
    }
    mv = analog_mv(PULSE_ADC_LDR);
    if (mv > 0) {
        double r = pulse_divider_upper_ohms(3.3, mv / 1000.0, PULSE_LDR_FIXED_OHMS);
        pulse_reading_add(out, "light", pulse_power_law(r / PULSE_LDR_R10_OHMS, 10.0, -1.0 / PULSE_LDR_GAMMA), false);
    }
    if (PULSE_PIN_FLAME >= 0) {
        pulse_reading_add(out, "flame", gpio_get_level(PULSE_PIN_FLAME) == 0, true);
    }
    if (PULSE_PIN_PIR >= 0) {
        pulse_reading_add(out, "motion", motion_seen || gpio_get_level(PULSE_PIN_PIR), true);
        motion_seen = false;
    }
    if (PULSE_PIN_SHOCK >= 0) {
        /* a vibration switch says "shaken", not how hard: not the contract's vibration in g */
        pulse_reading_add(out, "shock", shock_seen, true);
        shock_seen = false;
    }
    mv = analog_mv(PULSE_ADC_BATTERY);
    if (mv > 0) {
        pulse_reading_add(out, "battery", pulse_lipo_percent(mv / 1000.0 * PULSE_BATTERY_DIVIDER), false);
    }
}
