package io.pulse.firmware;

import java.util.HexFormat;

/** 802.11 frames, as hex, the way an ESP32's promiscuous callback receives them. */
final class Frames {

    static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    private Frames() {}

    /** A probe request from a phone looking for networks. */
    static String probeRequest(String station) {
        return header(0x40, 0x00, BROADCAST, station, BROADCAST) + "0000" + "010882848b960c121824"; // SSID *, rates
    }

    /** A QoS data frame from a phone to the access point it is joined to. */
    static String dataToAccessPoint(String station, String bssid) {
        return header(0x88, 0x01, bssid, station, bssid) + "0000" + "aaaa030000000800";
    }

    private static String header(int frameControl, int flags, String addr1, String addr2, String addr3) {
        return String.format("%02x%02x", frameControl, flags) + "0000" + octets(addr1) + octets(addr2) + octets(addr3)
                + "1000"; // sequence control
    }

    private static String octets(String mac) {
        return HexFormat.of().formatHex(HexFormat.ofDelimiter(":").parseHex(mac));
    }
}
