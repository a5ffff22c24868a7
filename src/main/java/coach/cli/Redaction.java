package coach.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Keeps secrets out of the log: every registered secret is replaced by {@code ***} in messages and stack traces.
 * Wired into {@code logback.xml} as the {@code %msg} and {@code %ex} converters.
 */
public final class Redaction {

    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Redaction() {
    }

    /** Registers a secret to hide; blank values are ignored. */
    public static void hide(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** The text with every registered secret replaced. */
    public static String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    /** {@code %msg} with secrets hidden. */
    public static final class Message extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return apply(event.getFormattedMessage());
        }
    }

    /** {@code %ex} with secrets hidden. */
    public static final class Stack extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return apply(super.throwableProxyToString(proxy));
        }
    }
}
