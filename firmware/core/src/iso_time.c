#include "pulse/iso_time.h"

#include "pulse/limits.h"

static bool leap(int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static void two(char *out, int v) {
    out[0] = (char)('0' + v / 10);
    out[1] = (char)('0' + v % 10);
}

bool pulse_iso_time(int64_t epoch_ms, char out[PULSE_ISO_TIME_LEN + 1]) {
    static const int MONTH_DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (epoch_ms < PULSE_MIN_EPOCH_MS) {
        return false;
    }
    int64_t ms_of_day = epoch_ms % 86400000;
    int64_t days = (epoch_ms - PULSE_MIN_EPOCH_MS) / 86400000; /* since 2000-01-01 */
    int64_t year = 2000;
    /* Walk whole years, then months: simple enough to be obviously right, fast enough. */
    while (days >= (leap(year) ? 366 : 365)) {
        days -= leap(year) ? 366 : 365;
        year++;
    }
    if (year > 9999) {
        return false;
    }
    int month = 0;
    for (;;) {
        int length = MONTH_DAYS[month] + (month == 1 && leap(year) ? 1 : 0);
        if (days < length) {
            break;
        }
        days -= length;
        month++;
    }
    int seconds_of_day = (int)(ms_of_day / 1000);
    int ms = (int)(ms_of_day % 1000);
    out[0] = (char)('0' + year / 1000);
    out[1] = (char)('0' + year / 100 % 10);
    two(out + 2, (int)(year % 100));
    out[4] = '-';
    two(out + 5, month + 1);
    out[7] = '-';
    two(out + 8, (int)days + 1);
    out[10] = 'T';
    two(out + 11, seconds_of_day / 3600);
    out[13] = ':';
    two(out + 14, seconds_of_day / 60 % 60);
    out[16] = ':';
    two(out + 17, seconds_of_day % 60);
    out[19] = '.';
    out[20] = (char)('0' + ms / 100);
    two(out + 21, ms % 100);
    out[23] = 'Z';
    out[24] = '\0';
    return true;
}
