package io.pulse.jobs.storage;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpsertTableTest {

    record Row(String id, String device, double value) {}

    @Test
    void updatesEveryNonKeyColumnOnADuplicateKey() {
        UpsertTable<Row> table = UpsertTable.<Row>into("alerts")
                .key("alert_id", Row::id)
                .column("device_id", Row::device)
                .column("value", Row::value)
                .build();
        assertThat(table.sql()).isEqualTo(
                "INSERT INTO `alerts` (`alert_id`, `device_id`, `value`) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE `device_id` = VALUES(`device_id`), `value` = VALUES(`value`)");
    }

    @Test
    void severalRowsGoIntoOneStatementEachBoundAtItsOwnPlaces() throws Exception {
        UpsertTable<Row> table = UpsertTable.<Row>into("alerts")
                .key("alert_id", Row::id)
                .column("value", Row::value)
                .build();
        assertThat(table.sql(3)).isEqualTo("INSERT INTO `alerts` (`alert_id`, `value`) VALUES (?, ?), (?, ?), (?, ?) "
                + "ON DUPLICATE KEY UPDATE `value` = VALUES(`value`)");
        Map<Integer, Object> bound = new TreeMap<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    bound.put((Integer) args[0], args[1]);
                    return null;
                });
        table.bind(statement, new Row("a", "x", 1.5), 0);
        table.bind(statement, new Row("c", "z", 3.5), 2);
        assertThat(bound).containsExactly(Map.entry(1, "a"), Map.entry(2, 1.5), Map.entry(5, "c"), Map.entry(6, 3.5));
    }

    @Test
    void aTableOfKeysOnlyStaysIdempotent() {
        UpsertTable<Row> table = UpsertTable.<Row>into("seen").key("id", Row::id).key("device", Row::device).build();
        assertThat(table.sql()).endsWith("ON DUPLICATE KEY UPDATE `id` = `id`");
    }

    @Test
    void aColumnIfNullIsOnlyFilledInNeverOverwritten() {
        UpsertTable<Row> table = UpsertTable.<Row>into("devices")
                .key("device_id", Row::id)
                .columnIfNull("first_seen_at", Row::device)
                .column("value", Row::value)
                .build();
        assertThat(table.sql()).isEqualTo(
                "INSERT INTO `devices` (`device_id`, `first_seen_at`, `value`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "`first_seen_at` = COALESCE(`first_seen_at`, VALUES(`first_seen_at`)), `value` = VALUES(`value`)");
    }

    @Test
    void refusesTablesWithoutKeyRepeatedColumnsAndOddNames() {
        assertThatThrownBy(() -> UpsertTable.<Row>into("t").column("a", Row::id).build()).hasMessageContaining("key column");
        assertThatThrownBy(() -> UpsertTable.<Row>into("t").key("a", Row::id).column("a", Row::id).build())
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> UpsertTable.<Row>into("t; DROP TABLE x")).hasMessageContaining("identifier");
    }
}
