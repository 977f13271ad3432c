package io.pulse.jobs.movement;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every log line of this JVM from INFO up (the job, Flink's JobManager and TaskManager of the
 * MiniCluster, the connectors), with stack traces, while the console keeps its WARN level.
 */
public final class CapturedLogs implements BeforeAllCallback, AfterAllCallback {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Appender appender;
    private Level previousLevel;

    public List<String> lines() {
        return lines;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Appender console = config.getAppender("console");
        if (console != null) {
            root.removeAppender("console");
            root.addAppender(console, Level.WARN, null);
        }
        root.addAppender(appender, Level.INFO, null);
        previousLevel = root.getLevel();
        root.setLevel(Level.INFO);
        ctx.updateLoggers();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        root.removeAppender("captured");
        root.setLevel(previousLevel);
        ctx.updateLoggers();
        appender.stop();
    }
}
