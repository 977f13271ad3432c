package io.pulse.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlinkTestClusterITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @Test
    void runsAJobWithParallelismFourOnTheSharedSetup(@InjectClusterClient ClusterClient<?> client) throws Exception {
        assertThat(FLINK.getNumberSlots()).isEqualTo(FlinkTestCluster.DEFAULT_SLOTS);
        assertThat(client.getWebInterfaceURL()).startsWith("http://127.0.0.1:");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(4);
        DataStream<Integer> doubled = env.fromData(1, 2, 3, 4, 5, 6, 7, 8).rebalance().map(x -> x * 2);

        List<Integer> result = new ArrayList<>();
        try (CloseableIterator<Integer> it = doubled.executeAndCollect()) {
            it.forEachRemaining(result::add);
        }
        assertThat(result).containsExactlyInAnyOrder(2, 4, 6, 8, 10, 12, 14, 16);
    }
}
