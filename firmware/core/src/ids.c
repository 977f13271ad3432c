#include "pulse/ids.h"

#include <string.h>

#include "pulse/limits.h"

static bool letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool digit(char c) {
    return c >= '0' && c <= '9';
}

bool pulse_id_valid(const char *id) {
    if (id == NULL) {
        return false;
    }
    size_t n = strlen(id);
    if (n < 1 || n > PULSE_ID_MAX) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!letter(c) && !digit(c) && c != '.' && c != '_' && c != '-') {
            return false;
        }
    }
    return true;
}

bool pulse_metric_name_valid(const char *name) {
    if (name == NULL) {
        return false;
    }
    size_t n = strlen(name);
    if (n < 1 || n > PULSE_METRIC_NAME_MAX || !letter(name[0])) {
        return false;
    }
    for (size_t i = 1; i < n; i++) {
        if (!letter(name[i]) && !digit(name[i]) && name[i] != '_') {
            return false;
        }
    }
    return true;
}
