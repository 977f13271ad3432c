#!/usr/bin/python3
"""The seed-style subscriber of bench/end-to-end: Python paho-mqtt, one INSERT per message.

What a first prototype of a campus IoT pipeline looks like: subscribe to the telemetry topic with
QoS 1, and for every message parse the JSON and INSERT one row into MariaDB (autocommit), on the
client's network thread. Debian packages: python3-paho-mqtt (1.6), python3-pymysql.
"""
import argparse
import json
import signal
import sys

import paho.mqtt.client as mqtt
import pymysql


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mqtt-host", default="127.0.0.1")
    p.add_argument("--mqtt-port", type=int, required=True)
    p.add_argument("--topic", default="devices/+/telemetry")
    p.add_argument("--client-id", required=True)
    p.add_argument("--db-port", type=int, required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    a = p.parse_args()

    db = pymysql.connect(host="127.0.0.1", port=a.db_port, user=a.user, password=a.password,
                         database=a.db, autocommit=True)
    cursor = db.cursor()
    sql = "INSERT INTO readings (device_id, ts, temperature, humidity, battery) VALUES (%s, %s, %s, %s, %s)"

    def on_connect(client, userdata, flags, rc):
        client.subscribe(a.topic, qos=1)

    def on_subscribe(client, userdata, mid, granted_qos):
        print("subscribed", a.topic, granted_qos, flush=True)

    def on_message(client, userdata, msg):
        r = json.loads(msg.payload)
        cursor.execute(sql, (r["deviceId"], r["ts"], r.get("temperature"), r.get("humidity"), r.get("battery")))

    client = mqtt.Client(client_id=a.client_id, clean_session=True)
    client.max_inflight_messages_set(1000)
    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    signal.signal(signal.SIGTERM, lambda *_: client.disconnect())
    client.connect(a.mqtt_host, a.mqtt_port, keepalive=60)
    client.loop_forever()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
