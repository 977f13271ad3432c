package io.pulse.connectors.influxdb.write;

import io.pulse.connectors.influxdb.InfluxPrecision;

import com.influxdb.LogLevel;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

import java.time.Duration;
import java.util.List;

/**
 * One synchronous {@code POST /api/v2/write} per call, through the client's
 * {@link WriteApiBlocking}: when {@link #write} returns, the server has accepted the lines. The
 * client's asynchronous {@code WriteApi} is not used: it batches and retries on a background
 * thread, so a checkpoint could complete while points still wait there.
 */
public final class InfluxWriteClient implements AutoCloseable {

    private final String bucket;
    private final String org;
    private final WritePrecision precision;
    private final InfluxDBClient client;
    private final WriteApiBlocking writeApi;

    public InfluxWriteClient(String url, String token, String org, String bucket, InfluxPrecision precision,
                             Duration requestTimeout) {
        this.bucket = bucket;
        this.org = org;
        this.precision = toClient(precision);
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1)) // what the client uses by default, too
                .socketFactory(new NoDelaySockets())
                .connectTimeout(requestTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .addInterceptor(new PlainTextErrors());
        InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
                .url(url)
                .org(org)
                .bucket(bucket)
                .precision(this.precision)
                .logLevel(LogLevel.NONE)
                .okHttpClient(http);
        if (token != null && !token.isEmpty()) {
            options.authenticateToken(token.toCharArray());
        }
        this.client = InfluxDBClientFactory.create(options.build());
        this.writeApi = client.getWriteApiBlocking();
    }

    /** Writes lines (separated by newlines) in one request; throws the client's {@link InfluxException} on failure. */
    public void write(String lines) {
        writeApi.writeRecord(bucket, org, precision, lines);
    }

    @Override
    public void close() {
        client.close();
    }

    static WritePrecision toClient(InfluxPrecision precision) {
        return switch (precision) {
            case SECONDS -> WritePrecision.S;
            case MILLISECONDS -> WritePrecision.MS;
            case MICROSECONDS -> WritePrecision.US;
            case NANOSECONDS -> WritePrecision.NS;
        };
    }
}
