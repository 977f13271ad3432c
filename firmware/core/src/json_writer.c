#include "pulse/json_writer.h"

#include <math.h>
#include <string.h>

static void put(pulse_json *j, const char *s, size_t n) {
    if (j->failed) {
        return;
    }
    if (j->len + n + 1 > j->cap) { /* +1: the NUL */
        j->failed = true;
        return;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
    j->buf[j->len] = '\0';
}

static void put_char(pulse_json *j, char c) {
    put(j, &c, 1);
}

/* A comma before every item but the first of its container; none right after a key. */
static void before_value(pulse_json *j) {
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0) {
        if (j->has_items[j->depth - 1]) {
            put_char(j, ',');
        }
        j->has_items[j->depth - 1] = true;
    }
}

static void open_container(pulse_json *j, char c) {
    before_value(j);
    if (j->depth >= PULSE_JSON_MAX_DEPTH) {
        j->failed = true;
        return;
    }
    put_char(j, c);
    j->has_items[j->depth++] = false;
}

static void close_container(pulse_json *j, char c) {
    if (j->depth == 0 || j->after_key) {
        j->failed = true;
        return;
    }
    j->depth--;
    put_char(j, c);
}

void pulse_json_init(pulse_json *j, char *buf, size_t cap) {
    memset(j, 0, sizeof *j);
    j->buf = buf;
    j->cap = cap;
    if (cap > 0) {
        buf[0] = '\0';
    } else {
        j->failed = true;
    }
}

void pulse_json_object_begin(pulse_json *j) {
    open_container(j, '{');
}

void pulse_json_object_end(pulse_json *j) {
    close_container(j, '}');
}

void pulse_json_array_begin(pulse_json *j) {
    open_container(j, '[');
}

void pulse_json_array_end(pulse_json *j) {
    close_container(j, ']');
}

static void put_string(pulse_json *j, const char *s) {
    static const char HEX[] = "0123456789abcdef";
    put_char(j, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': put(j, "\\\"", 2); break;
        case '\\': put(j, "\\\\", 2); break;
        case '\n': put(j, "\\n", 2); break;
        case '\r': put(j, "\\r", 2); break;
        case '\t': put(j, "\\t", 2); break;
        case '\b': put(j, "\\b", 2); break;
        case '\f': put(j, "\\f", 2); break;
        default:
            if (*p < 0x20) {
                char esc[6] = {'\\', 'u', '0', '0', HEX[*p >> 4], HEX[*p & 0xf]};
                put(j, esc, sizeof esc);
            } else {
                put_char(j, (char)*p);
            }
        }
    }
    put_char(j, '"');
}

void pulse_json_key(pulse_json *j, const char *key) {
    if (j->depth == 0 || j->after_key) {
        j->failed = true;
        return;
    }
    before_value(j);
    put_string(j, key);
    put_char(j, ':');
    j->after_key = true;
}

void pulse_json_string(pulse_json *j, const char *s) {
    before_value(j);
    put_string(j, s);
}

static void put_unsigned(pulse_json *j, uint64_t v, int min_digits) {
    char digits[21];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 || n < min_digits);
    while (n > 0) {
        put_char(j, digits[--n]);
    }
}

void pulse_json_int(pulse_json *j, int64_t v) {
    before_value(j);
    if (v < 0) {
        put_char(j, '-');
        put_unsigned(j, (uint64_t)0 - (uint64_t)v, 1);
    } else {
        put_unsigned(j, (uint64_t)v, 1);
    }
}

void pulse_json_bool(pulse_json *j, bool v) {
    before_value(j);
    if (v) {
        put(j, "true", 4);
    } else {
        put(j, "false", 5);
    }
}

void pulse_json_number(pulse_json *j, double v, unsigned decimals) {
    static const double SCALE[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    before_value(j);
    /* 2^53 bounds what a double holds exactly once scaled */
    if (decimals > 6 || !isfinite(v) || fabs(v) * SCALE[decimals] >= 9007199254740992.0) {
        j->failed = true;
        return;
    }
    double scaled = round(fabs(v) * SCALE[decimals]);
    uint64_t units = (uint64_t)scaled;
    uint64_t divisor = (uint64_t)SCALE[decimals];
    uint64_t whole = units / divisor;
    uint64_t fraction = units % divisor;
    int digits = (int)decimals;
    while (digits > 0 && fraction % 10 == 0) {
        fraction /= 10;
        digits--;
    }
    if (v < 0 && units != 0) {
        put_char(j, '-');
    }
    put_unsigned(j, whole, 1);
    if (digits > 0) {
        put_char(j, '.');
        put_unsigned(j, fraction, digits);
    }
}

bool pulse_json_ok(const pulse_json *j) {
    return !j->failed && j->depth == 0 && !j->after_key && j->len > 0;
}
