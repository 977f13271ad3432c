#include "analog.h"

#include "esp_adc/adc_cali.h"
#include "esp_adc/adc_cali_scheme.h"
#include "esp_adc/adc_oneshot.h"
#include "esp_idf_version.h"

#if ESP_IDF_VERSION >= ESP_IDF_VERSION_VAL(5, 2, 0)
#define ATTENUATION ADC_ATTEN_DB_12 /* up to about 3.1 V */
#else
#define ATTENUATION ADC_ATTEN_DB_11
#endif
#define MAX_CHANNELS 10

static adc_oneshot_unit_handle_t unit;
static adc_cali_handle_t calibration[MAX_CHANNELS];

bool analog_init(const int *channels, int count) {
    adc_oneshot_unit_init_cfg_t init = {.unit_id = ADC_UNIT_1};
    if (adc_oneshot_new_unit(&init, &unit) != ESP_OK) {
        return false;
    }
    for (int i = 0; i < count; i++) {
        int ch = channels[i];
        if (ch < 0 || ch >= MAX_CHANNELS) {
            continue;
        }
        adc_oneshot_chan_cfg_t config = {.atten = ATTENUATION, .bitwidth = ADC_BITWIDTH_DEFAULT};
        if (adc_oneshot_config_channel(unit, ch, &config) != ESP_OK) {
            return false;
        }
#if ADC_CALI_SCHEME_CURVE_FITTING_SUPPORTED
        adc_cali_curve_fitting_config_t cali = {.unit_id = ADC_UNIT_1, .chan = ch, .atten = ATTENUATION,
                                                .bitwidth = ADC_BITWIDTH_DEFAULT};
        adc_cali_create_scheme_curve_fitting(&cali, &calibration[ch]);
#elif ADC_CALI_SCHEME_LINE_FITTING_SUPPORTED
        adc_cali_line_fitting_config_t cali = {.unit_id = ADC_UNIT_1, .atten = ATTENUATION,
                                               .bitwidth = ADC_BITWIDTH_DEFAULT};
        adc_cali_create_scheme_line_fitting(&cali, &calibration[ch]);
#endif
    }
    return true;
}

int analog_mv(int channel) {
    if (channel < 0 || channel >= MAX_CHANNELS || calibration[channel] == NULL) {
        return -1; /* not fitted, or no calibration: better no value than a wrong one */
    }
    int sum = 0;
    for (int i = 0; i < 16; i++) {
        int raw, mv;
        if (adc_oneshot_read(unit, channel, &raw) != ESP_OK
            || adc_cali_raw_to_voltage(calibration[channel], raw, &mv) != ESP_OK) {
            return -1;
        }
        sum += mv;
    }
    return sum / 16;
}
