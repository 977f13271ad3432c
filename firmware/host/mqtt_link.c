#include "mqtt_link.h"

#include <mosquitto.h>
#include <stdio.h>
#include <string.h>

static void on_connect(struct mosquitto *mosq, void *obj, int rc) {
    mqtt_link *l = obj;
    if (rc != 0) {
        l->lost = true;
        snprintf(l->lost_why, sizeof l->lost_why, "refused: %s", mosquitto_connack_string(rc));
        return;
    }
    l->session_up = true;
    l->backoff_ms = l->o->reconnect_min_ms;
    if (l->subscription[0] != '\0') {
        mosquitto_subscribe(mosq, NULL, l->subscription, 1);
    }
    l->events.connected(l->events.ctx);
}

static void on_disconnect(struct mosquitto *mosq, void *obj, int rc) {
    (void)mosq;
    mqtt_link *l = obj;
    l->lost = true;
    snprintf(l->lost_why, sizeof l->lost_why, "%s", rc == 0 ? "closed" : mosquitto_strerror(rc));
}

static void on_publish(struct mosquitto *mosq, void *obj, int mid) {
    (void)mosq;
    mqtt_link *l = obj;
    l->events.acked(l->events.ctx, mid); /* QoS 1: called on the broker's PUBACK */
}

static void on_message(struct mosquitto *mosq, void *obj, const struct mosquitto_message *m) {
    (void)mosq;
    mqtt_link *l = obj;
    l->events.message(l->events.ctx, m->topic, m->payload, (size_t)m->payloadlen);
}

bool mqtt_link_init(mqtt_link *l, const options *o, const char *client_id, const char *subscription,
                    mqtt_events events) {
    memset(l, 0, sizeof *l);
    l->o = o;
    l->events = events;
    l->backoff_ms = o->reconnect_min_ms;
    snprintf(l->client_id, sizeof l->client_id, "%s", client_id);
    snprintf(l->subscription, sizeof l->subscription, "%s", subscription ? subscription : "");
    return mosquitto_lib_init() == MOSQ_ERR_SUCCESS;
}

static void drop_client(mqtt_link *l, int64_t now_ms, const char *why) {
    bool was_up = l->session_up;
    if (l->mosq != NULL) {
        mosquitto_destroy(l->mosq);
        l->mosq = NULL;
    }
    l->session_up = false;
    l->lost = false;
    l->next_attempt_ms = now_ms + l->backoff_ms;
    l->backoff_ms = l->backoff_ms * 2 > l->o->reconnect_max_ms ? l->o->reconnect_max_ms : l->backoff_ms * 2;
    if (was_up) {
        l->events.disconnected(l->events.ctx, why);
    }
}

static void attempt(mqtt_link *l, int64_t now_ms) {
    /* clean session off: commands sent while the device is away wait at the broker (QoS 1) */
    l->mosq = mosquitto_new(l->client_id, false, l);
    if (l->mosq == NULL) {
        drop_client(l, now_ms, "out of memory");
        return;
    }
    mosquitto_connect_callback_set(l->mosq, on_connect);
    mosquitto_disconnect_callback_set(l->mosq, on_disconnect);
    mosquitto_publish_callback_set(l->mosq, on_publish);
    mosquitto_message_callback_set(l->mosq, on_message);
    if (l->o->username != NULL) {
        mosquitto_username_pw_set(l->mosq, l->o->username, l->o->password);
    }
    if (l->o->cafile != NULL && mosquitto_tls_set(l->mosq, l->o->cafile, NULL, NULL, NULL, NULL) != MOSQ_ERR_SUCCESS) {
        drop_client(l, now_ms, "TLS setup failed");
        return;
    }
    int rc = mosquitto_connect(l->mosq, l->o->host, l->o->port, l->o->keepalive_s);
    if (rc != MOSQ_ERR_SUCCESS) {
        drop_client(l, now_ms, mosquitto_strerror(rc));
    }
}

void mqtt_link_service(mqtt_link *l, int64_t now_ms, int timeout_ms) {
    if (l->mosq == NULL) {
        if (now_ms >= l->next_attempt_ms) {
            attempt(l, now_ms);
        }
        return;
    }
    int rc = mosquitto_loop(l->mosq, timeout_ms, 1);
    if (rc != MOSQ_ERR_SUCCESS || l->lost) {
        drop_client(l, now_ms, l->lost ? l->lost_why : mosquitto_strerror(rc));
    }
}

bool mqtt_link_active(const mqtt_link *l) {
    return l->mosq != NULL;
}

int mqtt_link_publish(void *ctx, const char *topic, const char *payload, size_t len) {
    mqtt_link *l = ctx;
    int mid = 0;
    if (l->mosq == NULL || !l->session_up
        || mosquitto_publish(l->mosq, &mid, topic, (int)len, payload, 1, false) != MOSQ_ERR_SUCCESS) {
        return -1;
    }
    return mid;
}

void mqtt_link_close(mqtt_link *l) {
    if (l->mosq != NULL) {
        mosquitto_disconnect(l->mosq);
        mosquitto_loop(l->mosq, 100, 1);
        mosquitto_destroy(l->mosq);
        l->mosq = NULL;
    }
    mosquitto_lib_cleanup();
}
