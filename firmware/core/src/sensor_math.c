#include "pulse/sensor_math.h"

#include <math.h>

bool pulse_dht22_decode(const uint8_t raw[5], double *celsius, double *humidity) {
    uint8_t sum = (uint8_t)(raw[0] + raw[1] + raw[2] + raw[3]);
    if (sum != raw[4]) {
        return false;
    }
    unsigned rh = (unsigned)raw[0] << 8 | raw[1];
    unsigned t = (unsigned)(raw[2] & 0x7f) << 8 | raw[3];
    double h = rh / 10.0;
    double c = t / 10.0;
    if (raw[2] & 0x80) {
        c = -c;
    }
    /* the sensor's own limits: 0..100 %RH, -40..80 °C; beyond them it is a bad read */
    if (h > 100.0 || c < -40.0 || c > 80.0) {
        return false;
    }
    *celsius = c;
    *humidity = h;
    return true;
}

double pulse_divider_upper_ohms(double supply_volts, double out_volts, double load_ohms) {
    if (out_volts <= 0 || out_volts >= supply_volts) {
        return NAN;
    }
    return load_ohms * (supply_volts - out_volts) / out_volts;
}

double pulse_power_law(double x, double a, double b) {
    if (!(x > 0)) {
        return NAN;
    }
    return a * pow(x, b);
}

double pulse_lipo_percent(double volts) {
    /* resting voltage -> state of charge, a typical 1-cell LiPo discharge curve */
    static const double CURVE[][2] = {
        {3.27, 0}, {3.61, 5}, {3.69, 10}, {3.71, 15}, {3.73, 20}, {3.75, 25}, {3.77, 30},
        {3.79, 35}, {3.80, 40}, {3.82, 45}, {3.84, 50}, {3.85, 55}, {3.87, 60}, {3.91, 65},
        {3.95, 70}, {3.98, 75}, {4.02, 80}, {4.08, 85}, {4.11, 90}, {4.15, 95}, {4.20, 100},
    };
    const int n = (int)(sizeof CURVE / sizeof CURVE[0]);
    if (!(volts > CURVE[0][0])) {
        return 0;
    }
    if (volts >= CURVE[n - 1][0]) {
        return 100;
    }
    int i = 1;
    while (volts > CURVE[i][0]) {
        i++;
    }
    double span = CURVE[i][0] - CURVE[i - 1][0];
    return CURVE[i - 1][1] + (volts - CURVE[i - 1][0]) / span * (CURVE[i][1] - CURVE[i - 1][1]);
}
