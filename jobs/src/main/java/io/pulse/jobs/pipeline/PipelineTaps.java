package io.pulse.jobs.pipeline;

import io.pulse.jobs.serialization.StringKeyTypeInfo;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.UpsertSink;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's {@code pipeline_health}: {@link #count} puts a {@link CountingTap} on a stream (chained
 * to the operator before it, so counting costs a field increment per record), and
 * {@link #writeTo} sums every tap's counts per subtask and minute into the table.
 */
public final class PipelineTaps {

    private final String job;
    private final List<DataStream<PipelineCounts>> counts = new ArrayList<>();

    public PipelineTaps(String job) {
        this.job = job;
    }

    /** The same records, counted as {@code countedAs}. */
    public <T> SingleOutputStreamOperator<T> count(DataStream<T> stream, CountedAs countedAs) {
        SingleOutputStreamOperator<T> counted = stream
                .transform(job + ": count " + countedAs.name().toLowerCase(), stream.getType(), new CountingTap<T>(job, countedAs))
                .setParallelism(stream.getParallelism());
        counts.add(counted.getSideOutput(CountingTap.COUNTS));
        return counted;
    }

    /** Adds the operators that write the counts; call once, after the last {@link #count}. */
    public void writeTo(JdbcSettings jdbc) {
        if (counts.isEmpty()) {
            throw new IllegalStateException(job + ": nothing counted for pipeline_health");
        }
        DataStream<PipelineCounts> all = counts.get(0);
        for (DataStream<PipelineCounts> more : counts.subList(1, counts.size())) {
            all = all.union(more);
        }
        // A few records per subtask every 10 s: one subtask sums them all.
        all.keyBy(PipelineCounts::jobSubtask, StringKeyTypeInfo.INSTANCE)
                .process(new PipelineHealth())
                .name(job + ": pipeline health").uid(job + "-pipeline-health").setParallelism(1)
                .sinkTo(UpsertSink.into(PipelineHealthRow.TABLE, jdbc)).name("mysql: pipeline_health")
                .uid(job + "-mysql-pipeline-health").setParallelism(1);
    }
}
