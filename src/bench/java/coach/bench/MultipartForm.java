package coach.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body, as the Bot API client sends for files, into a JSON object: a text field becomes a
 * string, a file field becomes {@code {"file_name", "length", "data"}} with the bytes in base64. A field whose value
 * is {@code attach://NAME}, as the client sends it, is replaced by the file part called NAME.
 */
final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");
    private static final String CRLF = "\r\n";
    private static final String ATTACH = "attach://";

    private MultipartForm() {
    }

    static boolean matches(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("multipart/form-data");
    }

    static ObjectNode parse(byte[] raw, String contentType, ObjectMapper json) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("multipart body without a boundary: " + contentType);
        }
        // ISO-8859-1 maps every byte to one char, so indexes in the string are indexes in the bytes.
        String body = new String(raw, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        ObjectNode form = json.createObjectNode();
        int start = body.indexOf(delimiter);
        while (start >= 0 && !body.startsWith("--", start + delimiter.length())) {
            int headersStart = start + delimiter.length() + CRLF.length();
            int headersEnd = body.indexOf(CRLF + CRLF, headersStart);
            int next = body.indexOf(CRLF + delimiter, headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new IllegalArgumentException("truncated multipart body");
            }
            addPart(form, body.substring(headersStart, headersEnd), body.substring(headersEnd + 4, next));
            start = next + CRLF.length();
        }
        resolveAttachments(form);
        return form;
    }

    private static void resolveAttachments(ObjectNode form) {
        List<String> fields = new ArrayList<>();
        form.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            String value = form.get(field).asText("");
            if (value.startsWith(ATTACH) && form.get(value.substring(ATTACH.length())) instanceof ObjectNode file) {
                form.set(field, file);
                form.remove(value.substring(ATTACH.length()));
            }
        }
    }

    private static void addPart(ObjectNode form, String headers, String content) {
        Matcher name = NAME.matcher(headers);
        if (!name.find()) {
            return;
        }
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        Matcher fileName = FILE_NAME.matcher(headers);
        if (fileName.find()) {
            form.putObject(name.group(1)).put("file_name", fileName.group(1)).put("length", bytes.length)
                    .put("data", Base64.getEncoder().encodeToString(bytes));
        } else {
            form.put(name.group(1), new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
