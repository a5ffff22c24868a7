package coach.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns a successful answer that is not JSON (a proxy's HTML error page) into a 502 Bad Gateway. The library backs
 * off after a failed getUpdates status, but polls again at once after an answer it cannot read.
 */
final class UnreadablePolls implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!response.isSuccessful() || response.peekBody(64).string().stripLeading().startsWith("{")) {
            return response;
        }
        response.close();
        return response.newBuilder().code(502).message("Bad Gateway: the answer is not JSON")
                .body(ResponseBody.create("", null)).build();
    }
}
