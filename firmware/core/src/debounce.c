#include "pulse/debounce.h"

void pulse_debounce_init(pulse_debounce *d, pulse_debounce_slot *slots, size_t capacity,
                         int64_t window_ms) {
    d->slots = slots;
    d->capacity = capacity;
    d->window_ms = window_ms;
    d->untracked = 0;
    for (size_t i = 0; i < capacity; i++) {
        slots[i].used = false;
    }
}

bool pulse_debounce_admit(pulse_debounce *d, uint64_t key, int64_t t_ms) {
    pulse_debounce_slot *free_slot = NULL;
    /* A linear scan: a few hundred slots cost microseconds, and the rule stays plain. */
    for (size_t i = 0; i < d->capacity; i++) {
        pulse_debounce_slot *s = &d->slots[i];
        if (s->used && s->key == key) {
            bool admit = t_ms - s->last_ms >= d->window_ms;
            s->last_ms = t_ms; /* kept or dropped, the previous sighting is this one */
            return admit;
        }
        /* an entry older than the window can drop nothing any more: its slot is free */
        if (free_slot == NULL && (!s->used || t_ms - s->last_ms >= d->window_ms)) {
            free_slot = s;
        }
    }
    if (free_slot != NULL) {
        free_slot->used = true;
        free_slot->key = key;
        free_slot->last_ms = t_ms;
    } else {
        d->untracked++;
    }
    return true;
}
