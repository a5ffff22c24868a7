package coach.bank;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fetches each link of the banks once, one at a time with a pause between requests, and says whether it is fine,
 * redirected, moved for good, dead, or could not be reached. Redirects are reported, not followed.
 */
public final class LinkChecker {

    /** What a link returned. */
    public enum Status { OK, REDIRECTED, MOVED, DEAD, UNREACHABLE }

    /** A link of a question and what fetching it found. */
    public record Result(String questionId, Question.Link link, Status status, int code, String detail) {
    }

    /** Every link of every question, in bank order. */
    public record Place(String questionId, Question.Link link) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final Duration pause;

    public LinkChecker(Duration timeout, Duration pause) {
        this.timeout = timeout;
        this.pause = pause;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static List<Place> places(Library library) {
        List<Place> places = new ArrayList<>();
        library.banks().forEach(bank -> bank.questions().forEach(q ->
                q.links().forEach(link -> places.add(new Place(q.id(), link)))));
        return places;
    }

    /** Checks each place in turn, telling {@code each} as it goes; interrupted, it stops and returns what it has. */
    public List<Result> check(List<Place> places, Consumer<Result> each) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            if (i > 0 && !pause()) {
                break;
            }
            Result r = check(places.get(i));
            results.add(r);
            each.accept(r);
        }
        return results;
    }

    /** True when no link answered at all: the machine is offline, not the links dead. */
    public static boolean offline(List<Result> results) {
        return !results.isEmpty() && results.stream().allMatch(r -> r.status() == Status.UNREACHABLE);
    }

    private Result check(Place place) {
        URI uri;
        try {
            uri = URI.create(place.link().url());
        } catch (IllegalArgumentException e) {
            return new Result(place.questionId(), place.link(), Status.DEAD, 0, "not a valid URL");
        }
        try {
            HttpResponse<Void> response = fetch(uri, "HEAD");
            if (response.statusCode() == 405 || response.statusCode() == 403 || response.statusCode() == 501) {
                response = fetch(uri, "GET");
            }
            return classify(place, response);
        } catch (IOException e) {
            return new Result(place.questionId(), place.link(), Status.UNREACHABLE, 0,
                    e.getClass().getSimpleName() + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(place.questionId(), place.link(), Status.UNREACHABLE, 0, "interrupted");
        }
    }

    private HttpResponse<Void> fetch(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", "InterviewCoach-LinkCheck/1.0")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private static Result classify(Place place, HttpResponse<Void> response) {
        int code = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        Status status;
        if (code >= 200 && code < 300) {
            status = Status.OK;
        } else if (code == 301 || code == 308) {
            status = Status.MOVED;
        } else if (code >= 300 && code < 400) {
            status = Status.REDIRECTED;
        } else {
            status = Status.DEAD;
        }
        return new Result(place.questionId(), place.link(), status, code, location);
    }

    private boolean pause() {
        if (pause.isZero()) {
            return true;
        }
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
