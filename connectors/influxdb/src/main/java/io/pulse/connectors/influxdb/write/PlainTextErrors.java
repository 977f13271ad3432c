package io.pulse.connectors.influxdb.write;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * Keeps the server's message of a plain-text error response.
 *
 * <p>InfluxDB 2 answers errors in JSON ({@code {"code":"invalid","message":"..."}}) and the client
 * takes the message from there or from an {@code X-Influxdb-Error} header. Other servers of the
 * v2 write API (VictoriaMetrics, QuestDB) answer in plain text, which the client reads, fails to
 * parse as JSON and drops: the error would have no message. This puts such a body into that
 * header, where the client finds it.
 */
final class PlainTextErrors implements Interceptor {

    static final String HEADER = "X-Influxdb-Error";
    private static final int MAX_BYTES = 2_048;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful() || response.header(HEADER) != null) {
            return response;
        }
        ResponseBody body = response.body();
        MediaType type = body == null ? null : body.contentType();
        if (body == null || (type != null && type.subtype().contains("json"))) {
            return response;
        }
        String text = headerSafe(response.peekBody(MAX_BYTES).string());
        return text.isEmpty() ? response : response.newBuilder().header(HEADER, text).build();
    }

    /** Header values allow tab and printable ASCII only. */
    static String headerSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : ' ');
        }
        return out.toString().replaceAll(" +", " ").trim();
    }
}
