#include "pulse/json_flat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *p;
    const char *end;
} cursor;

static void skip_space(cursor *c) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) {
        c->p++;
    }
}

static bool at(const cursor *c, char ch) {
    return c->p < c->end && *c->p == ch;
}

static int hex_digit(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

static bool read_hex4(cursor *c, uint32_t *out) {
    if (c->end - c->p < 4) {
        return false;
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(*c->p++);
        if (d < 0) {
            return false;
        }
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

/* Appends code point cp as UTF-8; false when out is full. */
static bool put_utf8(char *out, size_t cap, size_t *n, uint32_t cp) {
    char b[4];
    size_t len;
    if (cp < 0x80) {
        b[0] = (char)cp;
        len = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3F));
        len = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        len = 3;
    } else {
        b[0] = (char)(0xF0 | cp >> 18);
        b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        len = 4;
    }
    if (*n + len > cap) {
        return false;
    }
    memcpy(out + *n, b, len);
    *n += len;
    return true;
}

/* A string into out (at most cap bytes, then a NUL). */
static const char *read_string(cursor *c, char *out, size_t cap, const char *too_long) {
    if (!at(c, '"')) {
        return "expected a string";
    }
    c->p++;
    size_t n = 0;
    while (c->p < c->end) {
        unsigned char ch = (unsigned char)*c->p++;
        if (ch == '"') {
            out[n] = '\0';
            return NULL;
        }
        if (ch < 0x20) {
            return "control character in a string";
        }
        if (ch != '\\') {
            if (n >= cap) {
                return too_long;
            }
            out[n++] = (char)ch;
            continue;
        }
        if (c->p >= c->end) {
            break;
        }
        char esc = *c->p++;
        uint32_t cp;
        switch (esc) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (!read_hex4(c, &cp)) {
                return "bad \\u escape";
            }
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return "lone low surrogate";
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t low;
                if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u') {
                    return "lone high surrogate";
                }
                c->p += 2;
                if (!read_hex4(c, &low) || low < 0xDC00 || low > 0xDFFF) {
                    return "lone high surrogate";
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            if (cp == 0) {
                return "NUL in a string";
            }
            break;
        default:
            return "bad escape";
        }
        if (!put_utf8(out, cap, &n, cp)) {
            return too_long;
        }
    }
    return "unterminated string";
}

static bool is_digit(const cursor *c) {
    return c->p < c->end && *c->p >= '0' && *c->p <= '9';
}

/* JSON's number grammar exactly: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)? */
static const char *read_number(cursor *c, pulse_json_field *f) {
    const char *start = c->p;
    if (at(c, '-')) c->p++;
    if (at(c, '0')) {
        c->p++;
    } else if (is_digit(c)) {
        while (is_digit(c)) c->p++;
    } else {
        return "bad number";
    }
    if (at(c, '.')) {
        c->p++;
        if (!is_digit(c)) return "bad number";
        while (is_digit(c)) c->p++;
    }
    if (at(c, 'e') || at(c, 'E')) {
        c->p++;
        if (at(c, '+') || at(c, '-')) c->p++;
        if (!is_digit(c)) return "bad number";
        while (is_digit(c)) c->p++;
    }
    size_t len = (size_t)(c->p - start);
    if (len > PULSE_JSON_FLAT_TEXT_MAX) {
        return "number too long";
    }
    memcpy(f->text, start, len);
    f->text[len] = '\0';
    f->number = strtod(f->text, NULL);
    f->type = PULSE_JSON_NUMBER;
    return NULL;
}

static bool literal(cursor *c, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0) {
        return false;
    }
    c->p += n;
    return true;
}

static const char *read_value(cursor *c, pulse_json_field *f) {
    f->text[0] = '\0';
    f->number = 0;
    f->boolean = false;
    if (at(c, '"')) {
        f->type = PULSE_JSON_STRING;
        return read_string(c, f->text, PULSE_JSON_FLAT_TEXT_MAX, "string value too long");
    }
    if (at(c, '{') || at(c, '[')) {
        return "nested values are not supported";
    }
    if (literal(c, "true")) {
        f->type = PULSE_JSON_BOOL;
        f->boolean = true;
        return NULL;
    }
    if (literal(c, "false")) {
        f->type = PULSE_JSON_BOOL;
        return NULL;
    }
    if (literal(c, "null")) {
        f->type = PULSE_JSON_NULL;
        return NULL;
    }
    return read_number(c, f);
}

const pulse_json_field *pulse_json_flat_find(const pulse_json_field *fields, size_t count,
                                             const char *key) {
    for (size_t i = 0; i < count; i++) {
        if (strcmp(fields[i].key, key) == 0) {
            return &fields[i];
        }
    }
    return NULL;
}

const char *pulse_json_flat_parse(const char *json, size_t len, pulse_json_field *fields,
                                  size_t max, size_t *count) {
    cursor c = {json, json + len};
    *count = 0;
    skip_space(&c);
    if (!at(&c, '{')) {
        return "not a JSON object";
    }
    c.p++;
    skip_space(&c);
    if (at(&c, '}')) {
        c.p++;
    } else {
        for (;;) {
            if (*count == max) {
                return "too many fields";
            }
            pulse_json_field *f = &fields[*count];
            skip_space(&c);
            const char *error = read_string(&c, f->key, PULSE_JSON_FLAT_KEY_MAX, "key too long");
            if (error) {
                return error;
            }
            if (pulse_json_flat_find(fields, *count, f->key) != NULL) {
                return "duplicate key";
            }
            skip_space(&c);
            if (!at(&c, ':')) {
                return "expected ':'";
            }
            c.p++;
            skip_space(&c);
            error = read_value(&c, f);
            if (error) {
                return error;
            }
            (*count)++;
            skip_space(&c);
            if (at(&c, ',')) {
                c.p++;
                continue;
            }
            if (at(&c, '}')) {
                c.p++;
                break;
            }
            return "expected ',' or '}'";
        }
    }
    skip_space(&c);
    return c.p == c.end ? NULL : "text after the object";
}
