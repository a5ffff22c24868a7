package coach.store;

/** A database failure, unchecked at the store boundary as {@link java.io.UncheckedIOException} is for I/O. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
