package coach.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something the coach says back: a new message, a picture, an edit of one of its messages, a toast for a button
 * press, or the typing status while an answer is being graded.
 */
public sealed interface Reply {

    /** The chat this reply goes to; a toast goes to the chat of the pressed button. */
    long chatId();

    /**
     * A new message in HTML, with rows of inline buttons (possibly none). A message with a {@code tag} is one the
     * coach wants to change later: once Telegram accepts it, the front end reports the tag and the message's id
     * back (see {@link Engine#delivered}).
     */
    record Send(long chatId, String html, List<List<Button>> buttons, String tag) implements Reply {
        public Send {
            buttons = buttons.stream().map(List::copyOf).toList();
        }

        public Send(long chatId, String html, List<List<Button>> buttons) {
            this(chatId, html, buttons, null);
        }

        public Send(long chatId, String html) {
            this(chatId, html, List.of(), null);
        }
    }

    /** A PNG picture with an HTML caption of at most {@value #MAX_CAPTION} characters (possibly empty). */
    record Photo(long chatId, byte[] png, String caption) implements Reply {

        /** Telegram's limit on a photo caption. */
        public static final int MAX_CAPTION = 1024;

        public Photo {
            Objects.requireNonNull(png, "png");
            Objects.requireNonNull(caption, "caption");
            if (caption.length() > MAX_CAPTION) {
                throw new IllegalArgumentException("caption longer than " + MAX_CAPTION + ": " + caption.length());
            }
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Photo p && p.chatId == chatId && Arrays.equals(p.png, png) && p.caption.equals(caption);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chatId, Arrays.hashCode(png), caption);
        }

        @Override
        public String toString() {
            return "Photo[chatId=" + chatId + ", png=" + png.length + " bytes, caption=" + caption + "]";
        }
    }

    /** New text and buttons for a message the coach sent before. */
    record Edit(long chatId, int messageId, String html, List<List<Button>> buttons) implements Reply {
        public Edit {
            buttons = buttons.stream().map(List::copyOf).toList();
        }
    }

    /** New buttons, and only buttons, for a message the coach sent before. */
    record Markup(long chatId, int messageId, List<List<Button>> buttons) implements Reply {
        public Markup {
            buttons = buttons.stream().map(List::copyOf).toList();
        }
    }

    /** The answer to a button press, shown briefly; text may be empty. */
    record Toast(long chatId, String callbackId, String text) implements Reply {
    }

    /** Shows that the coach is typing, until its next message arrives or a few seconds pass. */
    record Typing(long chatId) implements Reply {
    }

    /** An inline button; {@code data} comes back when it is pressed (at most 64 bytes). */
    record Button(String label, String data) {
    }
}
