package coach.bank;

/** Something wrong in a bank file, printed as {@code file: question id: what is wrong}. */
public record Problem(String file, String questionId, String message) {
    @Override
    public String toString() {
        return file + ": " + questionId + ": " + message;
    }
}
