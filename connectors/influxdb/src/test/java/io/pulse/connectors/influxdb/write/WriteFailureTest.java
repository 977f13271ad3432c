package io.pulse.connectors.influxdb.write;

import com.influxdb.exceptions.BadRequestException;
import com.influxdb.exceptions.InfluxException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Response;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification only; how real servers answer is in InfluxWriteClientITCase. */
class WriteFailureTest {

    private static InfluxException http(int status, String jsonBody) {
        return new InfluxException(Response.error(status,
                ResponseBody.create(jsonBody, MediaType.get("application/json"))));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void overloadedOrFailingServersAreRetried(int status) {
        WriteFailure failure = WriteFailure.of(http(status, "{\"code\":\"unavailable\",\"message\":\"try later\"}"));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.summary()).isEqualTo("HTTP " + status + ": try later");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 413, 422})
    void refusedRequestsAreNotRetried(int status) {
        assertThat(WriteFailure.of(http(status, "{\"code\":\"invalid\",\"message\":\"no\"}")).retryable()).isFalse();
    }

    @Test
    void theServersMessageAndAHintAreKept() {
        WriteFailure badLine = WriteFailure.of(new BadRequestException(Response.error(400, ResponseBody.create(
                "{\"code\":\"invalid\",\"message\":\"unable to parse 'x y': missing fields\"}",
                MediaType.get("application/json")))));
        assertThat(badLine.summary()).isEqualTo("HTTP 400: unable to parse 'x y': missing fields");
        assertThat(badLine.hint()).contains("point mapper");
        assertThat(WriteFailure.of(http(401, "{\"message\":\"unauthorized access\"}")).hint()).contains("influx.token");
        assertThat(WriteFailure.of(http(404, "{\"message\":\"bucket \\\"b\\\" not found\"}")).hint())
                .contains("influx.org and influx.bucket");
    }

    @Test
    void noResponseBecauseOfAnIoErrorIsRetried() {
        WriteFailure refused = WriteFailure.of(new InfluxException(new ConnectException("Failed to connect to /127.0.0.1:1")));
        assertThat(refused.retryable()).isTrue();
        assertThat(refused.status()).isZero();
        assertThat(refused.summary()).isEqualTo("ConnectException: Failed to connect to /127.0.0.1:1");

        assertThat(WriteFailure.of(new InfluxException(new SocketTimeoutException("timeout"))).retryable()).isTrue();
        assertThat(WriteFailure.of(new UncheckedIOException(new java.io.EOFException())).retryable()).isTrue();
    }

    @Test
    void otherErrorsAreNotRetried() {
        WriteFailure bug = WriteFailure.of(new IllegalArgumentException("unexpected url"));
        assertThat(bug.retryable()).isFalse();
        assertThat(bug.summary()).isEqualTo("IllegalArgumentException: unexpected url");
    }

    @Test
    void longMessagesAreCutToOneShortLine() {
        WriteFailure failure = WriteFailure.of(http(400, "{\"message\":\"" + "x".repeat(2_000) + "\\nsecond line\"}"));
        assertThat(failure.serverMessage()).hasSize(503).endsWith("...").doesNotContain("\n");
    }
}
