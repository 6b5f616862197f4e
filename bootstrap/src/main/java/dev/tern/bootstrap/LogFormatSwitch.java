package dev.tern.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.tern.bootstrap.config.LogFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.format} to the process's Logback, right after the configuration is loaded
 * and before the broker logs anything: with {@code json}, every stream appender of the root logger
 * (the console one of logback.xml, or those of an operator's own logback.xml) writes through
 * Logback's {@link JsonEncoder}, one JSON object per line. {@code text} leaves logback.xml as it is.
 */
final class LogFormatSwitch {

    private LogFormatSwitch() {
    }

    static void apply(LogFormat format) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (format != LogFormat.JSON || !(factory instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            appenders.add(it.next());
        }
        for (Appender<ILoggingEvent> appender : appenders) {
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                    && !(stream.getEncoder() instanceof JsonEncoder)) {
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                encoder.setWithSequenceNumber(false);
                encoder.setWithNanoseconds(false);
                encoder.setWithContext(false);
                encoder.setWithMessage(false);
                encoder.setWithArguments(false);
                encoder.setWithFormattedMessage(true);
                encoder.start();
                stream.stop();
                stream.setEncoder(encoder);
                stream.start();
            }
        }
    }
}
